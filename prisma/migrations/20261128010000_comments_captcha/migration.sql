-- CreateTable
CREATE TABLE "captcha_challenges" (
    "id" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "ip_hash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),

    CONSTRAINT "captcha_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_client_limits" (
    "ip_hash" TEXT NOT NULL,
    "last_post_at" TIMESTAMP(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "failures_since" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_client_limits_pkey" PRIMARY KEY ("ip_hash")
);

-- CreateIndex
CREATE INDEX "captcha_challenges_expires_at_idx" ON "captcha_challenges"("expires_at");

-- CreateIndex
CREATE INDEX "captcha_challenges_ip_hash_created_at_idx" ON "captcha_challenges"("ip_hash", "created_at" DESC);

-- CreateIndex
CREATE INDEX "comment_client_limits_updated_at_idx" ON "comment_client_limits"("updated_at");
