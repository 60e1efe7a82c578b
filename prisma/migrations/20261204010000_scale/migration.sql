-- Hand-written: published articles per month of publication (China time, UTC+8), per section
-- (section_id 0 = the whole archive), with the newest lastmod of the month. Lists map a page
-- number to a month edge plus a small offset (lib/data/list-months.ts), and the sitemap index
-- reads its months from here: nothing that grows with the table is counted per request.

-- CreateTable
CREATE TABLE "article_months" (
    "section_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "published" INTEGER NOT NULL DEFAULT 0,
    "lastmod" TIMESTAMP(3),

    CONSTRAINT "article_months_pkey" PRIMARY KEY ("section_id","month")
);

-- Search looks at the newest articles first (lib/search/sql.ts SEARCH_WINDOWS): the window's
-- rows come from this index, ANDed with the keys' GIN bitmap.
-- CreateIndex
CREATE INDEX "article_search_published_at_idx" ON "article_search"("published_at");

-- The month of a published article, as the readers' pages and the sitemaps cut months.
CREATE FUNCTION article_month_of(published_at timestamp) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT date_trunc('month', published_at + interval '8 hours')::date $$;

-- Refills the table from scratch (after a bulk load with triggers disabled, or to repair).
CREATE FUNCTION article_months_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE article_months IN EXCLUSIVE MODE;
  DELETE FROM article_months;
  INSERT INTO article_months (section_id, month, published, lastmod)
  SELECT coalesce(section_id, 0), m, count(*), max(l)
    FROM (SELECT section_id, article_month_of(published_at) AS m, greatest(updated_at, published_at) AS l
            FROM articles
           WHERE status = 'PUBLISHED' AND deleted_at IS NULL AND published_at IS NOT NULL) x
   GROUP BY GROUPING SETS ((section_id, m), (m));
END $$;

-- Inserts and deletes are counted once per statement (a bulk import is one aggregate, not a
-- row trigger per article); rows are touched in key order so concurrent writers cannot deadlock.
CREATE FUNCTION article_months_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO article_months (section_id, month, published, lastmod)
  SELECT s, m, count(*), max(l)
    FROM (SELECT unnest(ARRAY[0, section_id]) AS s, article_month_of(published_at) AS m, greatest(updated_at, published_at) AS l
            FROM new_rows
           WHERE status = 'PUBLISHED' AND deleted_at IS NULL AND published_at IS NOT NULL) x
   GROUP BY s, m ORDER BY s, m
  ON CONFLICT (section_id, month) DO UPDATE
    SET published = article_months.published + EXCLUDED.published,
        lastmod = greatest(article_months.lastmod, EXCLUDED.lastmod);
  RETURN NULL;
END $$;

CREATE FUNCTION article_months_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article_months am SET published = am.published - d.n
    FROM (SELECT s, m, count(*) AS n
            FROM (SELECT unnest(ARRAY[0, section_id]) AS s, article_month_of(published_at) AS m
                    FROM old_rows
                   WHERE status = 'PUBLISHED' AND deleted_at IS NULL AND published_at IS NOT NULL) x
           GROUP BY s, m ORDER BY s, m) d
   WHERE am.section_id = d.s AND am.month = d.m;
  RETURN NULL;
END $$;

-- Updates per row, and only when a column that decides the month, the section, visibility or
-- lastmod is set: the 조회 and comment counters update articles all day and must not pay for it.
CREATE FUNCTION article_months_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was boolean := OLD.status = 'PUBLISHED' AND OLD.deleted_at IS NULL AND OLD.published_at IS NOT NULL;
  now_is boolean := NEW.status = 'PUBLISHED' AND NEW.deleted_at IS NULL AND NEW.published_at IS NOT NULL;
BEGIN
  IF was AND now_is AND OLD.section_id = NEW.section_id
     AND article_month_of(OLD.published_at) = article_month_of(NEW.published_at) THEN
    UPDATE article_months SET lastmod = greatest(lastmod, NEW.updated_at, NEW.published_at)
     WHERE section_id IN (0, NEW.section_id) AND month = article_month_of(NEW.published_at)
       AND lastmod < greatest(NEW.updated_at, NEW.published_at);
    RETURN NULL;
  END IF;
  IF was THEN
    UPDATE article_months SET published = published - 1
     WHERE section_id IN (0, OLD.section_id) AND month = article_month_of(OLD.published_at);
  END IF;
  IF now_is THEN
    INSERT INTO article_months (section_id, month, published, lastmod)
    SELECT s, article_month_of(NEW.published_at), 1, greatest(NEW.updated_at, NEW.published_at)
      FROM unnest(ARRAY[0, NEW.section_id]) s ORDER BY s
    ON CONFLICT (section_id, month) DO UPDATE
      SET published = article_months.published + 1,
          lastmod = greatest(article_months.lastmod, EXCLUDED.lastmod);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER articles_months_insert AFTER INSERT ON "articles"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_months_insert();
CREATE TRIGGER articles_months_delete AFTER DELETE ON "articles"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION article_months_delete();
CREATE TRIGGER articles_months_update
  AFTER UPDATE OF status, deleted_at, section_id, published_at, updated_at ON "articles"
  FOR EACH ROW EXECUTE FUNCTION article_months_update();

SELECT article_months_rebuild();
