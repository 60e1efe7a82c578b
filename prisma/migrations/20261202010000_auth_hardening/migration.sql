-- DropTable
DROP TABLE "login_attempts";

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "login_throttle" (
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "blocked_until" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("kind","key")
);

-- CreateTable
CREATE TABLE "known_sign_in_addresses" (
    "user_id" INTEGER NOT NULL,
    "address_hash" TEXT NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "known_sign_in_addresses_pkey" PRIMARY KEY ("user_id","address_hash")
);

-- CreateIndex
CREATE INDEX "login_throttle_updated_at_idx" ON "login_throttle"("updated_at");

-- AddForeignKey
ALTER TABLE "known_sign_in_addresses" ADD CONSTRAINT "known_sign_in_addresses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
