-- CreateEnum
CREATE TYPE "ReviewForm" AS ENUM ('FORM_2A', 'FORM_2B', 'FORM_2C');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "exemptReason" TEXT,
ADD COLUMN     "exemptUntil" TIMESTAMP(3),
ADD COLUMN     "isDeputy" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "nameNote" TEXT,
ADD COLUMN     "reviewForm" "ReviewForm";

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "grantsDeputy" BOOLEAN NOT NULL DEFAULT false;

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

-- AddForeignKey
ALTER TABLE "CodeGuard" ADD CONSTRAINT "CodeGuard_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "Identity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
