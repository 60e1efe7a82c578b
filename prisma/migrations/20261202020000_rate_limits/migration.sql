-- CreateTable
CREATE TABLE "rate_limits" (
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("bucket","key","window_start")
);

-- CreateTable
CREATE TABLE "article_view_visits" (
    "article_id" INTEGER NOT NULL,
    "visitor" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "article_view_visits_pkey" PRIMARY KEY ("article_id","visitor","window_start")
);

-- CreateIndex
CREATE INDEX "rate_limits_window_start_idx" ON "rate_limits"("window_start");

-- CreateIndex
CREATE INDEX "article_view_visits_window_start_idx" ON "article_view_visits"("window_start");
