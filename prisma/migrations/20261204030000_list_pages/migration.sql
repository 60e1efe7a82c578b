-- Hand-written (Prisma cannot express partial indexes). The reader lists' rows in list order,
-- for what readers may see only (lib/data/published.ts): a page's ids are read from the index
-- alone (index-only scan), so the rows a deep page skips (up to half a month of them, see
-- lib/pagination.ts monthSlice) cost an index entry each rather than a visit to the table.
-- The article rows themselves are then read by id for the page's ten (lib/data/articles.ts).
CREATE INDEX "articles_reader_list_idx" ON "articles" ("published_at" DESC, "id" DESC)
  WHERE "status" = 'PUBLISHED' AND "deleted_at" IS NULL;
CREATE INDEX "articles_reader_section_list_idx" ON "articles" ("section_id", "published_at" DESC, "id" DESC)
  WHERE "status" = 'PUBLISHED' AND "deleted_at" IS NULL;
