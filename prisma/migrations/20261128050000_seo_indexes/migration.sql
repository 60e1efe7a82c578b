-- CreateIndex
CREATE INDEX "articles_deleted_at_status_published_at_updated_at_idx" ON "articles"("deleted_at", "status", "published_at", "updated_at");
