-- The newsroom's lists (issue 13, "lists"): comment counts to sort by, indexes for the
-- admin list's sort orders, and a search index of the articles readers cannot see.

-- Visible comments per article, kept by a trigger on comments (posted, hidden, shown,
-- deleted, moved), so that the admin list sorts by it through an index instead of counting.
-- The trigger touches neither updated_at nor version: a comment must not make an editor's
-- open form stale.
ALTER TABLE "articles" ADD COLUMN "comment_count" INTEGER NOT NULL DEFAULT 0;

UPDATE "articles" a SET "comment_count" = c.n
FROM (SELECT article_id, count(*)::int AS n FROM comments WHERE status = 'VISIBLE' GROUP BY article_id) c
WHERE c.article_id = a.id;

-- CreateIndex
CREATE INDEX "articles_updated_at_id_idx" ON "articles"("updated_at", "id");

-- CreateIndex
CREATE INDEX "articles_comment_count_id_idx" ON "articles"("comment_count", "id");

-- CreateIndex
CREATE INDEX "comments_nickname_created_at_idx" ON "comments"("nickname", "created_at" DESC);

-- Hand-written: the admin list sorts by publication time with never-published articles
-- last (newest first) or first (oldest first); the keyset compares this expression.
-- No index on view_count: view beacons stay HOT updates (lib/data/views.ts), so sorting by
-- views ranks a bounded window of articles instead (lib/data/admin-articles.ts).
CREATE INDEX "articles_desk_published_idx" ON "articles" ((coalesce("published_at", '-infinity'::timestamp(3))), "id");

CREATE FUNCTION comments_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'VISIBLE' THEN
    UPDATE articles SET comment_count = comment_count - 1 WHERE id = OLD.article_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'VISIBLE' THEN
    UPDATE articles SET comment_count = comment_count + 1 WHERE id = NEW.article_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER comments_count
  AFTER INSERT OR DELETE OR UPDATE OF status, article_id ON "comments"
  FOR EACH ROW EXECUTE FUNCTION comments_count_apply();

-- The search index of every article readers cannot see (drafts, pending, scheduled, the
-- bin), for the admin list only. Same folding and keys as article_search (migration
-- 20261128020000_search), but a table of its own: the public search reads article_search
-- alone, so nothing here can ever reach a reader. Every article is in exactly one of the two.
-- CreateTable
CREATE TABLE "article_desk_search" (
    "article_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "keys" BIGINT[] NOT NULL,

    CONSTRAINT "article_desk_search_pkey" PRIMARY KEY ("article_id")
);

-- CreateIndex
CREATE INDEX "article_desk_search_keys_idx" ON "article_desk_search" USING GIN ("keys");

-- AddForeignKey
ALTER TABLE "article_desk_search" ADD CONSTRAINT "article_desk_search_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "article_desk_search" SET (toast_tuple_target = 256);
ALTER TABLE "article_desk_search" ALTER COLUMN "body" SET STORAGE EXTERNAL;
ALTER TABLE "article_desk_search" ALTER COLUMN "keys" SET STATISTICS 0;
ALTER INDEX "article_desk_search_keys_idx" SET (gin_pending_list_limit = 1024);

-- The complement of article_search_sync(): a row while the article is not public.
CREATE FUNCTION article_desk_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  title_f text;
  body_f text;
BEGIN
  IF NEW.status = 'PUBLISHED' AND NEW.deleted_at IS NULL AND NEW.published_at IS NOT NULL THEN
    DELETE FROM article_desk_search WHERE article_id = NEW.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.title IS NOT DISTINCT FROM OLD.title AND NEW.subtitle IS NOT DISTINCT FROM OLD.subtitle
     AND NEW.body IS NOT DISTINCT FROM OLD.body AND NEW.byline IS NOT DISTINCT FROM OLD.byline THEN
    PERFORM 1 FROM article_desk_search WHERE article_id = NEW.id;
    IF FOUND THEN
      RETURN NULL;
    END IF;
  END IF;
  title_f := search_fold(NEW.title);
  body_f := search_fold(concat_ws(' ', NEW.subtitle, search_html_text(NEW.body), NEW.byline));
  INSERT INTO article_desk_search (article_id, title, body, keys)
  VALUES (NEW.id, title_f, body_f, search_row_keys(title_f, body_f))
  ON CONFLICT (article_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, keys = EXCLUDED.keys;
  RETURN NULL;
END $$;

CREATE TRIGGER articles_desk_search_sync
  AFTER INSERT OR UPDATE OF title, subtitle, body, byline, status, deleted_at, published_at ON "articles"
  FOR EACH ROW EXECUTE FUNCTION article_desk_search_sync();

-- Backfill what readers cannot see.
INSERT INTO article_desk_search (article_id, title, body, keys)
SELECT id, t, b, search_row_keys(t, b)
FROM (
  SELECT id, search_fold(title) AS t, search_fold(concat_ws(' ', subtitle, search_html_text(body), byline)) AS b
  FROM articles
  WHERE NOT (status = 'PUBLISHED' AND deleted_at IS NULL AND published_at IS NOT NULL)
) a;
