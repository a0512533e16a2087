-- AlterTable
ALTER TABLE "Member" ALTER COLUMN "partyStatus" DROP NOT NULL;

-- Members who erased their data before this change keep no Party standing either.
UPDATE "Member" SET "partyStatus" = NULL WHERE "status" = 'ERASED';
