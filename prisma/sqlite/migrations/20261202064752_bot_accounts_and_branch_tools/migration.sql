-- AlterTable
ALTER TABLE "Branch" ADD COLUMN "noticeMinute" INTEGER DEFAULT 1080;

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN "reason" TEXT;

-- CreateTable
CREATE TABLE "CodeGuard" (
    "identityId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" DATETIME,
    "lockedUntil" DATETIME,
    "windowStart" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("identityId", "kind"),
    CONSTRAINT "CodeGuard_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "Identity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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

-- CreateTable
CREATE TABLE "BotAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "tokenCipher" TEXT,
    "tokenHash" TEXT,
    "secretCipher" TEXT,
    "botUserId" TEXT,
    "username" TEXT,
    "link" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'WEBHOOK',
    "branchId" TEXT,
    "usersCap" INTEGER NOT NULL DEFAULT 50,
    "monthlyCap" INTEGER NOT NULL DEFAULT 3000,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "lastError" TEXT,
    "lastErrorAt" DATETIME,
    "lastUpdateAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BotAccount_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- The default accounts: the tokens in the environment (TELEGRAM_BOT_TOKEN, ZALO_BOT_TOKEN) and the
-- terminal chat. Existing chats and messages belong to them.
INSERT INTO "BotAccount" ("id", "platform", "label", "mode", "usersCap", "monthlyCap", "status", "updatedAt") VALUES
    ('default-telegram', 'TELEGRAM', 'Telegram (TELEGRAM_BOT_TOKEN)', 'POLLING', 0, 0, 'ACTIVE', CURRENT_TIMESTAMP),
    ('default-zalo', 'ZALO', 'Zalo (ZALO_BOT_TOKEN)', 'POLLING', 50, 3000, 'ACTIVE', CURRENT_TIMESTAMP),
    ('default-console', 'CONSOLE', 'Terminal', 'POLLING', 0, 0, 'ACTIVE', CURRENT_TIMESTAMP);

-- CreateTable
CREATE TABLE "BotUsage" (
    "botAccountId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "warnedAt" DATETIME,
    "restrictedAt" DATETIME,
    "exhaustedAt" DATETIME,

    PRIMARY KEY ("botAccountId", "month"),
    CONSTRAINT "BotUsage_botAccountId_fkey" FOREIGN KEY ("botAccountId") REFERENCES "BotAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "deliveredAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("identityId", "topic"),
    CONSTRAINT "OpenQuestion_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "Identity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "branchId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameNote" TEXT,
    "isSecretary" BOOLEAN NOT NULL DEFAULT false,
    "isDeputy" BOOLEAN NOT NULL DEFAULT false,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "partyStatus" TEXT NOT NULL DEFAULT 'FULL',
    "exempted" BOOLEAN NOT NULL DEFAULT false,
    "exemptReason" TEXT,
    "exemptUntil" DATETIME,
    "reviewForm" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "locale" TEXT,
    "preferredPlatform" TEXT,
    "consentAt" DATETIME,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Member_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Member" ("branchId", "consentAt", "exempted", "fullName", "id", "isAdmin", "isSecretary", "joinedAt", "locale", "partyStatus", "preferredPlatform", "removedAt", "status", "updatedAt") SELECT "branchId", "consentAt", "exempted", "fullName", "id", "isAdmin", "isSecretary", "joinedAt", "locale", "partyStatus", "preferredPlatform", "removedAt", "status", "updatedAt" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE INDEX "Member_branchId_status_idx" ON "Member"("branchId", "status");
CREATE TABLE "new_Identity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "botAccountId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "displayName" TEXT,
    "locale" TEXT,
    "memberId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "inactiveReason" TEXT,
    "failedCodes" INTEGER NOT NULL DEFAULT 0,
    "codeLockedUntil" DATETIME,
    "lastSeenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Identity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Identity_botAccountId_fkey" FOREIGN KEY ("botAccountId") REFERENCES "BotAccount" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Identity" ("botAccountId", "active", "chatId", "codeLockedUntil", "createdAt", "displayName", "failedCodes", "id", "inactiveReason", "lastSeenAt", "locale", "memberId", "platform", "updatedAt", "userId") SELECT 'default-' || lower("platform"), "active", "chatId", "codeLockedUntil", "createdAt", "displayName", "failedCodes", "id", "inactiveReason", "lastSeenAt", "locale", "memberId", "platform", "updatedAt", "userId" FROM "Identity";
DROP TABLE "Identity";
ALTER TABLE "new_Identity" RENAME TO "Identity";
CREATE INDEX "Identity_platform_userId_idx" ON "Identity"("platform", "userId");
CREATE INDEX "Identity_memberId_idx" ON "Identity"("memberId");
CREATE UNIQUE INDEX "Identity_botAccountId_userId_key" ON "Identity"("botAccountId", "userId");
CREATE TABLE "new_Invite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "branchId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "grantsSecretary" BOOLEAN NOT NULL DEFAULT false,
    "grantsDeputy" BOOLEAN NOT NULL DEFAULT false,
    "grantsAdmin" BOOLEAN NOT NULL DEFAULT false,
    "maxUses" INTEGER NOT NULL DEFAULT 1,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "createdById" TEXT,
    "botAccountId" TEXT,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invite_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invite_botAccountId_fkey" FOREIGN KEY ("botAccountId") REFERENCES "BotAccount" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Invite" ("branchId", "code", "createdAt", "createdById", "expiresAt", "grantsAdmin", "grantsSecretary", "id", "maxUses", "revokedAt", "uses") SELECT "branchId", "code", "createdAt", "createdById", "expiresAt", "grantsAdmin", "grantsSecretary", "id", "maxUses", "revokedAt", "uses" FROM "Invite";
DROP TABLE "Invite";
ALTER TABLE "new_Invite" RENAME TO "Invite";
CREATE UNIQUE INDEX "Invite_code_key" ON "Invite"("code");
CREATE INDEX "Invite_branchId_idx" ON "Invite"("branchId");
CREATE INDEX "Invite_botAccountId_idx" ON "Invite"("botAccountId");
CREATE TABLE "new_Outbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "memberId" TEXT,
    "identityId" TEXT,
    "platform" TEXT NOT NULL,
    "botAccountId" TEXT,
    "chatId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 1,
    "audience" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "giveUpAt" DATETIME,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);
INSERT INTO "new_Outbox" ("botAccountId", "attempts", "chatId", "claimedBy", "claimedUntil", "createdAt", "giveUpAt", "id", "identityId", "key", "lastError", "memberId", "notBefore", "payload", "platform", "sentAt", "status") SELECT 'default-' || lower("platform"), "attempts", "chatId", "claimedBy", "claimedUntil", "createdAt", "giveUpAt", "id", "identityId", "key", "lastError", "memberId", "notBefore", "payload", "platform", "sentAt", "status" FROM "Outbox";
DROP TABLE "Outbox";
ALTER TABLE "new_Outbox" RENAME TO "Outbox";
CREATE UNIQUE INDEX "Outbox_key_key" ON "Outbox"("key");
CREATE INDEX "Outbox_status_notBefore_idx" ON "Outbox"("status", "notBefore");
CREATE INDEX "Outbox_memberId_idx" ON "Outbox"("memberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
