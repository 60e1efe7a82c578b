-- CreateTable
CREATE TABLE "article_search" (
    "article_id" INTEGER NOT NULL,
    "section_id" INTEGER NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "keys" BIGINT[] NOT NULL,

    CONSTRAINT "article_search_pkey" PRIMARY KEY ("article_id")
);

-- CreateIndex
CREATE INDEX "article_search_keys_idx" ON "article_search" USING GIN ("keys");

-- AddForeignKey
ALTER TABLE "article_search" ADD CONSTRAINT "article_search_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written from here (Prisma cannot express these). How the search works and why:
-- README.md, "Search"; the TypeScript side of the same rule is lib/search/normalise.ts.

-- Rows stay narrow (a search reads one row per matching article to rank it): the folded
-- text goes out of line uncompressed (no decompression when a word is rechecked) and the
-- keys out of line too.
ALTER TABLE "article_search" SET (toast_tuple_target = 256);
ALTER TABLE "article_search" ALTER COLUMN "body" SET STORAGE EXTERNAL;
-- Statistics on the keys would only tempt the planner to scan every row, unpacking every key
-- array, for a word found in most articles (lib/search/sql.ts turns such scans off anyway),
-- and ANALYZE would spend its time on them.
ALTER TABLE "article_search" ALTER COLUMN "keys" SET STATISTICS 0;
-- New keys wait in the GIN pending list, which every search reads through, until it is
-- merged (by autovacuum, or by the write that fills it): keep it at 1 MB, a few dozen edits.
ALTER INDEX "article_search_keys_idx" SET (gin_pending_list_limit = 1024);

-- The Seoul form of one Hangul syllable under the initial-sound rule: ㄹ before
-- ㅑㅒㅕㅖㅛㅠㅣ → ㅇ, other ㄹ → ㄴ, ㄴ before ㅕㅖㅛㅠㅣ → ㅇ (U+AC00 + 588 × initial +
-- 28 × medial + final; ㄴ = 2, ㄹ = 5, ㅇ = 11). Same as canonicalSyllable() in TypeScript.
-- Not STRICT, so that PostgreSQL inlines it (a call per character would cost ten times more).
CREATE FUNCTION search_canonical(c integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN c < 44032 OR c > 55203 THEN c
    WHEN (c - 44032) / 588 = 5 THEN c + (CASE WHEN ((c - 44032) % 588) / 28 IN (2, 3, 6, 7, 12, 17, 20) THEN 6 ELSE -3 END) * 588
    WHEN (c - 44032) / 588 = 2 AND ((c - 44032) % 588) / 28 IN (6, 7, 12, 17, 20) THEN c + 9 * 588
    ELSE c
  END
$$;

-- What is searched, as lib/format.ts#htmlToText makes text of the body, then folded like
-- lib/search/normalise.ts#foldText: NFC, lower case, one space between words.
CREATE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(normalize(t, NFC)), '\s+', ' ', 'g'))
$$;

CREATE FUNCTION search_html_text(html text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT replace(replace(replace(replace(replace(replace(
           regexp_replace(
             regexp_replace(
               regexp_replace(html, '<(script|style)([ >]).*?</\1>', ' ', 'gi'),
               '<figcaption.*?</figcaption>', ' ', 'gi'),
             '<[^>]+>', ' ', 'g'),
           '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
$$;

-- The n-gram keys of a folded text: every character, and every two and three adjacent
-- characters inside a word, the first character in its Seoul form, packed into a bigint
-- (16 bits a character; bit 32 marks one character, bit 48 three). A query word's keys
-- (lib/search/normalise.ts) are made the same way, so its first syllable matches in either
-- spelling and a word of up to three characters is found by its key alone.
CREATE FUNCTION search_keys(t text) RETURNS bigint[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT k), '{}')
  FROM (SELECT string_to_array(t, NULL) AS x) s,
       unnest(x, x[2:cardinality(x)], x[3:cardinality(x)]) AS u(a, b, c),
       LATERAL (SELECT (search_canonical(ascii(a)) & 65535)::bigint AS h) f,
       unnest(ARRAY[
         (1::bigint << 32) | h,
         CASE WHEN b <> ' ' THEN (h << 16) | (ascii(b) & 65535) END,
         CASE WHEN b <> ' ' AND c <> ' ' THEN (1::bigint << 48) | (h << 32) | ((ascii(b) & 65535)::bigint << 16) | (ascii(c) & 65535) END
       ]) AS v(k)
  WHERE a <> ' ' AND k IS NOT NULL
$$;

-- The keys of an article: those of its title and text, plus those of its title again with
-- bit 50 set (lib/search/normalise.ts#titleKey), so that the index alone finds the articles
-- with a word in the title, which rank first.
CREATE FUNCTION search_row_keys(title text, body text) RETURNS bigint[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT search_keys(title || ' ' || body) || ARRAY(SELECT k | (1::bigint << 50) FROM unnest(search_keys(title)) k)
$$;

-- Keeps article_search equal to the published, not deleted articles: every write path
-- (editor, scheduler, seed, SQL by hand) goes through it. View counts and other columns
-- do not fire it (UPDATE OF); a deleted article's row goes with it (ON DELETE CASCADE).
CREATE FUNCTION article_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  title_f text;
  body_f text;
BEGIN
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

CREATE TRIGGER articles_search_sync
  AFTER INSERT OR UPDATE OF title, subtitle, body, byline, status, deleted_at, published_at, section_id ON "articles"
  FOR EACH ROW EXECUTE FUNCTION article_search_sync();

-- Backfill what is already published.
INSERT INTO article_search (article_id, section_id, published_at, title, body, keys)
SELECT id, section_id, published_at, t, b, search_row_keys(t, b)
FROM (
  SELECT id, section_id, published_at, search_fold(title) AS t,
         search_fold(concat_ws(' ', subtitle, search_html_text(body), byline)) AS b
  FROM articles
  WHERE status = 'PUBLISHED' AND deleted_at IS NULL AND published_at IS NOT NULL
) a;
