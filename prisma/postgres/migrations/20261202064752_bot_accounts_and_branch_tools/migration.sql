-- CreateEnum
CREATE TYPE "ReviewForm" AS ENUM ('FORM_2A', 'FORM_2B', 'FORM_2C');

-- CreateEnum
CREATE TYPE "BotStatus" AS ENUM ('ACTIVE', 'PAUSED', 'REMOVED');

-- CreateEnum
CREATE TYPE "BotMode" AS ENUM ('WEBHOOK', 'POLLING');

-- DropIndex
DROP INDEX "Identity_platform_userId_key";

-- AlterTable
ALTER TABLE "Branch" ADD COLUMN     "noticeMinute" INTEGER DEFAULT 1080;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "exemptReason" TEXT,
ADD COLUMN     "exemptUntil" TIMESTAMP(3),
ADD COLUMN     "isDeputy" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "nameNote" TEXT,
ADD COLUMN     "reviewForm" "ReviewForm";

-- AlterTable
ALTER TABLE "Identity" DROP COLUMN "lastChoices",
ADD COLUMN     "botAccountId" TEXT;

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "botAccountId" TEXT,
ADD COLUMN     "grantsDeputy" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "audience" TEXT,
ADD COLUMN     "botAccountId" TEXT,
ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "CodeGuard" (
    "identityId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "windowStart" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CodeGuard_pkey" PRIMARY KEY ("identityId","kind")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "aboutId" TEXT,
    "text" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BotAccount" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "label" TEXT NOT NULL,
    "tokenCipher" TEXT,
    "tokenHash" TEXT,
    "secretCipher" TEXT,
    "botUserId" TEXT,
    "username" TEXT,
    "link" TEXT,
    "mode" "BotMode" NOT NULL DEFAULT 'WEBHOOK',
    "branchId" TEXT,
    "usersCap" INTEGER NOT NULL DEFAULT 50,
    "monthlyCap" INTEGER NOT NULL DEFAULT 3000,
    "status" "BotStatus" NOT NULL DEFAULT 'ACTIVE',
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "lastUpdateAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BotAccount_pkey" PRIMARY KEY ("id")
);

-- The default accounts: the tokens in the environment (TELEGRAM_BOT_TOKEN, ZALO_BOT_TOKEN) and the
-- terminal chat. Existing chats and messages belong to them.
INSERT INTO "BotAccount" ("id", "platform", "label", "mode", "usersCap", "monthlyCap", "status", "updatedAt") VALUES
    ('default-telegram', 'TELEGRAM', 'Telegram (TELEGRAM_BOT_TOKEN)', 'POLLING', 0, 0, 'ACTIVE', CURRENT_TIMESTAMP),
    ('default-zalo', 'ZALO', 'Zalo (ZALO_BOT_TOKEN)', 'POLLING', 50, 3000, 'ACTIVE', CURRENT_TIMESTAMP),
    ('default-console', 'CONSOLE', 'Terminal', 'POLLING', 0, 0, 'ACTIVE', CURRENT_TIMESTAMP);
UPDATE "Identity" SET "botAccountId" = 'default-' || lower("platform"::text);
ALTER TABLE "Identity" ALTER COLUMN "botAccountId" SET NOT NULL;
UPDATE "Outbox" SET "botAccountId" = 'default-' || lower("platform"::text);

-- CreateTable
CREATE TABLE "BotUsage" (
    "botAccountId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "warnedAt" TIMESTAMP(3),
    "restrictedAt" TIMESTAMP(3),
    "exhaustedAt" TIMESTAMP(3),

    CONSTRAINT "BotUsage_pkey" PRIMARY KEY ("botAccountId","month")
);

-- CreateTable
CREATE TABLE "OpenQuestion" (
    "identityId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "outboxId" INTEGER NOT NULL,
    "title" TEXT,
    "text" TEXT NOT NULL,
    "choices" JSONB NOT NULL,
    "reply" BOOLEAN NOT NULL DEFAULT false,
    "deliveredAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpenQuestion_pkey" PRIMARY KEY ("identityId","topic")
);

-- CreateIndex
CREATE UNIQUE INDEX "Notice_key_key" ON "Notice"("key");

-- CreateIndex
CREATE INDEX "Notice_memberId_sentAt_idx" ON "Notice"("memberId", "sentAt");

-- CreateIndex
CREATE INDEX "Notice_sentAt_idx" ON "Notice"("sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "BotAccount_tokenHash_key" ON "BotAccount"("tokenHash");

-- CreateIndex
CREATE INDEX "BotAccount_branchId_idx" ON "BotAccount"("branchId");

-- CreateIndex
CREATE INDEX "OpenQuestion_expiresAt_idx" ON "OpenQuestion"("expiresAt");

-- CreateIndex
CREATE INDEX "Identity_platform_userId_idx" ON "Identity"("platform", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Identity_botAccountId_userId_key" ON "Identity"("botAccountId", "userId");

-- CreateIndex
CREATE INDEX "Invite_botAccountId_idx" ON "Invite"("botAccountId");

-- AddForeignKey
ALTER TABLE "Identity" ADD CONSTRAINT "Identity_botAccountId_fkey" FOREIGN KEY ("botAccountId") REFERENCES "BotAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_botAccountId_fkey" FOREIGN KEY ("botAccountId") REFERENCES "BotAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeGuard" ADD CONSTRAINT "CodeGuard_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "Identity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BotAccount" ADD CONSTRAINT "BotAccount_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BotUsage" ADD CONSTRAINT "BotUsage_botAccountId_fkey" FOREIGN KEY ("botAccountId") REFERENCES "BotAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpenQuestion" ADD CONSTRAINT "OpenQuestion_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "Identity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
