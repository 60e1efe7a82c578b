-- Photo library (credit, which articles use which photo), tags, per-article SEO fields and
-- the home page's picks (issue 13, "library").

-- AlterTable
ALTER TABLE "images" ADD COLUMN "credit" TEXT;

-- AlterTable
ALTER TABLE "articles" ADD COLUMN "seo_title" TEXT,
ADD COLUMN "seo_description" TEXT,
ADD COLUMN "social_image_id" INTEGER;

-- CreateTable
CREATE TABLE "article_images" (
    "article_id" INTEGER NOT NULL,
    "image_id" INTEGER NOT NULL,

    CONSTRAINT "article_images_pkey" PRIMARY KEY ("article_id","image_id")
);

-- CreateTable
CREATE TABLE "tags" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_tags" (
    "article_id" INTEGER NOT NULL,
    "tag_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "article_tags_pkey" PRIMARY KEY ("article_id","tag_id")
);

-- CreateTable
CREATE TABLE "home_picks" (
    "article_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "home_picks_pkey" PRIMARY KEY ("article_id")
);

-- CreateIndex
CREATE INDEX "articles_cover_image_id_idx" ON "articles"("cover_image_id");

-- CreateIndex
CREATE INDEX "articles_social_image_id_idx" ON "articles"("social_image_id");

-- CreateIndex
CREATE INDEX "article_images_image_id_idx" ON "article_images"("image_id");

-- CreateIndex
CREATE UNIQUE INDEX "tags_slug_key" ON "tags"("slug");

-- CreateIndex
CREATE INDEX "article_tags_tag_id_idx" ON "article_tags"("tag_id");

-- CreateIndex
CREATE INDEX "home_picks_position_idx" ON "home_picks"("position");

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_social_image_id_fkey" FOREIGN KEY ("social_image_id") REFERENCES "images"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_images" ADD CONSTRAINT "article_images_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_images" ADD CONSTRAINT "article_images_image_id_fkey" FOREIGN KEY ("image_id") REFERENCES "images"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_tags" ADD CONSTRAINT "article_tags_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_tags" ADD CONSTRAINT "article_tags_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "home_picks" ADD CONSTRAINT "home_picks_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written from here.

-- The photos one article uses: those its body links to (/media/<key>, as
-- lib/sanitize.ts#mediaKeysIn finds them; a variant such as …-w640.webp or …-og.jpg, or a
-- demo photo's …-640.webp, counts as its original), its cover and its social-card image.
CREATE FUNCTION article_image_ids(body text, cover integer, social integer) RETURNS SETOF integer LANGUAGE sql STABLE AS $$
  WITH k AS (SELECT m[1] AS key FROM regexp_matches(body, '/media/([A-Za-z0-9][A-Za-z0-9/_.-]*)', 'g') AS m),
  c AS (
    SELECT key FROM k
    UNION
    SELECT regexp_replace(key, '-(w?[0-9]+|og)\.(webp|avif|jpg)$', '') || e
      FROM k, unnest(ARRAY['.jpg', '.png', '.webp', '.avif']) AS e
     WHERE key ~ '-(w?[0-9]+|og)\.(webp|avif|jpg)$'
  )
  SELECT i.id FROM images i WHERE i.storage_key IN (SELECT key FROM c)
  UNION
  SELECT x FROM unnest(ARRAY[cover, social]) AS x WHERE x IS NOT NULL
$$;

-- Kept by a trigger rather than by the save action, so that every path that writes an
-- article (save, autosave of a draft, revision restore, the seed) keeps it right.
CREATE FUNCTION article_images_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM article_images WHERE article_id = NEW.id;
  INSERT INTO article_images (article_id, image_id)
    SELECT NEW.id, x FROM article_image_ids(NEW.body, NEW.cover_image_id, NEW.social_image_id) AS x
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER articles_images_sync
  AFTER INSERT OR UPDATE OF body, cover_image_id, social_image_id ON articles
  FOR EACH ROW EXECUTE FUNCTION article_images_sync();

-- Backfill from the bodies and covers already stored.
INSERT INTO article_images (article_id, image_id)
  SELECT a.id, x FROM articles a, LATERAL article_image_ids(a.body, a.cover_image_id, a.social_image_id) AS x
ON CONFLICT DO NOTHING;
