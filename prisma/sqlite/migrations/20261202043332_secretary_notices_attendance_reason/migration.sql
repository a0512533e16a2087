-- AlterTable
ALTER TABLE "Branch" ADD COLUMN "noticeMinute" INTEGER DEFAULT 1080;

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN "reason" TEXT;

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "aboutId" TEXT,
    "text" TEXT NOT NULL,
    "expiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    CONSTRAINT "Notice_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Notice_key_key" ON "Notice"("key");

-- CreateIndex
CREATE INDEX "Notice_memberId_sentAt_idx" ON "Notice"("memberId", "sentAt");

-- CreateIndex
CREATE INDEX "Notice_sentAt_idx" ON "Notice"("sentAt");
