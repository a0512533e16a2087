-- CreateTable
CREATE TABLE "SendLease" (
    "platform" "Platform" NOT NULL,
    "botAccountId" TEXT NOT NULL,
    "holder" TEXT,
    "epoch" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3),
    "renewedAt" TIMESTAMP(3),

    CONSTRAINT "SendLease_pkey" PRIMARY KEY ("platform","botAccountId")
);

-- CreateIndex
CREATE INDEX "SendLease_holder_expiresAt_idx" ON "SendLease"("holder", "expiresAt");
