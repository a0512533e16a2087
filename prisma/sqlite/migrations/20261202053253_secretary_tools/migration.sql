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
INSERT INTO "new_Invite" ("botAccountId", "branchId", "code", "createdAt", "createdById", "expiresAt", "grantsAdmin", "grantsSecretary", "id", "maxUses", "revokedAt", "uses") SELECT "botAccountId", "branchId", "code", "createdAt", "createdById", "expiresAt", "grantsAdmin", "grantsSecretary", "id", "maxUses", "revokedAt", "uses" FROM "Invite";
DROP TABLE "Invite";
ALTER TABLE "new_Invite" RENAME TO "Invite";
CREATE UNIQUE INDEX "Invite_code_key" ON "Invite"("code");
CREATE INDEX "Invite_branchId_idx" ON "Invite"("branchId");
CREATE INDEX "Invite_botAccountId_idx" ON "Invite"("botAccountId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
