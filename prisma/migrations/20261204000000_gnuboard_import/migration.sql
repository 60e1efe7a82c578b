-- What the GnuBoard5 importer (lib/import/gnuboard, `npm run import:gnuboard`) brought across
-- and from where (issue 14). GnuBoard numbers posts per board (each g5_write_<board> counts
-- from 1), so an old post is (board, wr_id), never a single id: articles.legacy_id stays for
-- the zoglo-style ids and imported posts leave it empty. Checksums of the source rows let a
-- rerun skip what did not change and update what did; last_wr_id is the per-board checkpoint
-- written in the same transaction as each batch, so a killed run continues where it stopped.

-- CreateTable
CREATE TABLE "gnuboard_boards" (
    "board" TEXT NOT NULL,
    "section_id" INTEGER NOT NULL,
    "last_wr_id" INTEGER NOT NULL DEFAULT 0,
    "pass_started_at" TIMESTAMP(3),
    "pass_finished_at" TIMESTAMP(3),

    CONSTRAINT "gnuboard_boards_pkey" PRIMARY KEY ("board")
);

-- CreateTable
CREATE TABLE "gnuboard_posts" (
    "board" TEXT NOT NULL,
    "wr_id" INTEGER NOT NULL,
    "article_id" INTEGER NOT NULL,
    "checksum" TEXT NOT NULL,
    "seo_title" TEXT,
    "has_links" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "gnuboard_posts_pkey" PRIMARY KEY ("board","wr_id")
);

-- CreateTable
CREATE TABLE "gnuboard_comments" (
    "board" TEXT NOT NULL,
    "wr_id" INTEGER NOT NULL,
    "comment_id" INTEGER NOT NULL,
    "checksum" TEXT NOT NULL,

    CONSTRAINT "gnuboard_comments_pkey" PRIMARY KEY ("board","wr_id")
);

-- CreateTable
CREATE TABLE "gnuboard_files" (
    "source_path" TEXT NOT NULL,
    "image_id" INTEGER NOT NULL,
    "checksum" TEXT NOT NULL,
    "board" TEXT,
    "wr_id" INTEGER,
    "bf_no" INTEGER,

    CONSTRAINT "gnuboard_files_pkey" PRIMARY KEY ("source_path")
);

-- CreateIndex
CREATE INDEX "gnuboard_boards_section_id_idx" ON "gnuboard_boards"("section_id");

-- CreateIndex
CREATE UNIQUE INDEX "gnuboard_posts_article_id_key" ON "gnuboard_posts"("article_id");

-- CreateIndex
CREATE INDEX "gnuboard_posts_board_seo_title_idx" ON "gnuboard_posts"("board", "seo_title");

-- CreateIndex
CREATE UNIQUE INDEX "gnuboard_comments_comment_id_key" ON "gnuboard_comments"("comment_id");

-- CreateIndex
CREATE INDEX "gnuboard_files_image_id_idx" ON "gnuboard_files"("image_id");

-- CreateIndex
CREATE INDEX "gnuboard_files_board_wr_id_bf_no_idx" ON "gnuboard_files"("board", "wr_id", "bf_no");

-- AddForeignKey
ALTER TABLE "gnuboard_boards" ADD CONSTRAINT "gnuboard_boards_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gnuboard_posts" ADD CONSTRAINT "gnuboard_posts_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gnuboard_comments" ADD CONSTRAINT "gnuboard_comments_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gnuboard_files" ADD CONSTRAINT "gnuboard_files_image_id_fkey" FOREIGN KEY ("image_id") REFERENCES "images"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Bulk writers (the GnuBoard import) keep what these triggers keep themselves, once per batch:
-- search rows computed in TypeScript (lib/seed/search-rows.ts, the same folding and keys; ~6 ms
-- of SQL per article here would cap an import at ~150 articles/s), the published counters and
-- the comment counts (one UPDATE of each article per batch instead of one per comment, each a
-- new row version of the article and of every index on it). They say so for their own
-- transaction only with SET LOCAL portal.bulk_write = 'on'; every other writer is unaffected,
-- and nothing takes the table lock that ALTER TABLE ... DISABLE TRIGGER would on a live site.
CREATE OR REPLACE FUNCTION article_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  title_f text;
  body_f text;
BEGIN
  IF current_setting('portal.bulk_write', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF NEW.status <> 'PUBLISHED' OR NEW.deleted_at IS NOT NULL OR NEW.published_at IS NULL THEN
    DELETE FROM article_search WHERE article_id = NEW.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.title IS NOT DISTINCT FROM OLD.title AND NEW.subtitle IS NOT DISTINCT FROM OLD.subtitle
     AND NEW.body IS NOT DISTINCT FROM OLD.body AND NEW.byline IS NOT DISTINCT FROM OLD.byline THEN
    -- Same text: only where and when it is listed may have changed.
    UPDATE article_search SET section_id = NEW.section_id, published_at = NEW.published_at WHERE article_id = NEW.id;
    IF FOUND THEN
      RETURN NULL;
    END IF;
  END IF;
  title_f := search_fold(NEW.title);
  body_f := search_fold(concat_ws(' ', NEW.subtitle, search_html_text(NEW.body), NEW.byline));
  INSERT INTO article_search (article_id, section_id, published_at, title, body, keys)
  VALUES (NEW.id, NEW.section_id, NEW.published_at, title_f, body_f, search_row_keys(title_f, body_f))
  ON CONFLICT (article_id) DO UPDATE
    SET section_id = EXCLUDED.section_id, published_at = EXCLUDED.published_at, title = EXCLUDED.title,
        body = EXCLUDED.body, keys = EXCLUDED.keys;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION article_desk_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  title_f text;
  body_f text;
BEGIN
  IF current_setting('portal.bulk_write', true) = 'on' THEN
    RETURN NULL;
  END IF;
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

CREATE OR REPLACE FUNCTION article_counters_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('portal.bulk_write', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'PUBLISHED' AND OLD.deleted_at IS NULL THEN
    UPDATE article_counters SET published = published - 1 WHERE section_id IN (0, OLD.section_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'PUBLISHED' AND NEW.deleted_at IS NULL THEN
    INSERT INTO article_counters (section_id, published) VALUES (0, 1), (NEW.section_id, 1)
      ON CONFLICT (section_id) DO UPDATE SET published = article_counters.published + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION comments_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('portal.bulk_write', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'VISIBLE' THEN
    UPDATE articles SET comment_count = comment_count - 1 WHERE id = OLD.article_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'VISIBLE' THEN
    UPDATE articles SET comment_count = comment_count + 1 WHERE id = NEW.article_id;
  END IF;
  RETURN NULL;
END $$;
