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
    "partyStatus" TEXT DEFAULT 'FULL',
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
INSERT INTO "new_Member" ("branchId", "consentAt", "exemptReason", "exemptUntil", "exempted", "fullName", "id", "isAdmin", "isDeputy", "isSecretary", "joinedAt", "locale", "nameNote", "partyStatus", "preferredPlatform", "removedAt", "reviewForm", "status", "updatedAt") SELECT "branchId", "consentAt", "exemptReason", "exemptUntil", "exempted", "fullName", "id", "isAdmin", "isDeputy", "isSecretary", "joinedAt", "locale", "nameNote", "partyStatus", "preferredPlatform", "removedAt", "reviewForm", "status", "updatedAt" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE INDEX "Member_branchId_status_idx" ON "Member"("branchId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Members who erased their data before this change keep no Party standing either.
UPDATE "Member" SET "partyStatus" = NULL WHERE "status" = 'ERASED';
