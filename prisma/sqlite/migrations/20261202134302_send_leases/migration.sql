-- CreateTable
CREATE TABLE "SendLease" (
    "platform" TEXT NOT NULL,
    "botAccountId" TEXT NOT NULL,
    "holder" TEXT,
    "epoch" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME,
    "renewedAt" DATETIME,

    PRIMARY KEY ("platform", "botAccountId")
);

-- CreateIndex
CREATE INDEX "SendLease_holder_expiresAt_idx" ON "SendLease"("holder", "expiresAt");
