-- Optimistic lock for the editor: every write of an article adds one, in the same UPDATE
-- that checks it (WHERE id = $1 AND version = $2), so two saves based on one version
-- cannot both win. updated_at (millisecond precision) could not promise that.
ALTER TABLE "articles" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
