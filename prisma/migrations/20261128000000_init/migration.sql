-- CreateEnum
CREATE TYPE "ArticleStatus" AS ENUM ('DRAFT', 'PENDING', 'SCHEDULED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('VISIBLE', 'HIDDEN');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EDITOR', 'REPORTER');

-- CreateTable
CREATE TABLE "sections" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "parent_id" INTEGER,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "legacy_board" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "articles" (
    "id" SERIAL NOT NULL,
    "legacy_id" INTEGER,
    "section_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "excerpt" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "source_name" TEXT NOT NULL,
    "byline" TEXT,
    "editor_name" TEXT,
    "status" "ArticleStatus" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),
    "view_count" INTEGER NOT NULL DEFAULT 0,
    "cover_image_id" INTEGER,
    "cover_caption" TEXT,
    "author_id" INTEGER,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_counters" (
    "section_id" INTEGER NOT NULL,
    "published" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "article_counters_pkey" PRIMARY KEY ("section_id")
);

-- CreateTable
CREATE TABLE "images" (
    "id" SERIAL NOT NULL,
    "storage_key" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "alt" TEXT NOT NULL DEFAULT '',
    "caption" TEXT,
    "variants" JSONB NOT NULL DEFAULT '[]',
    "uploader_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "images_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" SERIAL NOT NULL,
    "article_id" INTEGER NOT NULL,
    "nickname" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "CommentStatus" NOT NULL DEFAULT 'VISIBLE',
    "ip_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'REPORTER',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sections_slug_key" ON "sections"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "sections_legacy_board_key" ON "sections"("legacy_board");

-- CreateIndex
CREATE INDEX "sections_position_idx" ON "sections"("position");

-- CreateIndex
CREATE UNIQUE INDEX "articles_legacy_id_key" ON "articles"("legacy_id");

-- CreateIndex
CREATE INDEX "articles_status_published_at_id_idx" ON "articles"("status", "published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "articles_section_id_status_published_at_id_idx" ON "articles"("section_id", "status", "published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "articles_author_id_updated_at_idx" ON "articles"("author_id", "updated_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "images_storage_key_key" ON "images"("storage_key");

-- CreateIndex
CREATE INDEX "images_created_at_idx" ON "images"("created_at" DESC);

-- CreateIndex
CREATE INDEX "comments_article_id_status_created_at_id_idx" ON "comments"("article_id", "status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "comments_ip_hash_created_at_idx" ON "comments"("ip_hash", "created_at" DESC);

-- CreateIndex
CREATE INDEX "comments_created_at_idx" ON "comments"("created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- AddForeignKey
ALTER TABLE "sections" ADD CONSTRAINT "sections_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "sections"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_cover_image_id_fkey" FOREIGN KEY ("cover_image_id") REFERENCES "images"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "images" ADD CONSTRAINT "images_uploader_id_fkey" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: exact published totals per section, kept by a trigger (Prisma cannot
-- express triggers). Row 0 counts the whole archive.
CREATE FUNCTION article_counters_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'PUBLISHED' AND OLD.deleted_at IS NULL THEN
    UPDATE article_counters SET published = published - 1 WHERE section_id IN (0, OLD.section_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'PUBLISHED' AND NEW.deleted_at IS NULL THEN
    INSERT INTO article_counters (section_id, published) VALUES (0, 1), (NEW.section_id, 1)
      ON CONFLICT (section_id) DO UPDATE SET published = article_counters.published + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER articles_count_published
  AFTER INSERT OR DELETE OR UPDATE OF status, deleted_at, section_id ON "articles"
  FOR EACH ROW EXECUTE FUNCTION article_counters_apply();
