-- Editors' desk: send-back notes kept in the history, and who has an article open.

-- A send-back (반려) is a revision of its own, with the editor's note; the article points at
-- the last one until the reporter submits again.
ALTER TYPE "RevisionKind" ADD VALUE 'SEND_BACK';
ALTER TABLE "article_revisions" ADD COLUMN "note" TEXT;
ALTER TABLE "articles" ADD COLUMN "send_back_id" INTEGER;

-- CreateTable
CREATE TABLE "article_presence" (
    "article_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "tab_id" TEXT NOT NULL,
    "seen_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "article_presence_pkey" PRIMARY KEY ("article_id","user_id","tab_id")
);

-- CreateIndex
CREATE INDEX "article_presence_seen_at_idx" ON "article_presence"("seen_at");
