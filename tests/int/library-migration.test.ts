// The library migration's backfill: on a database that already holds articles and photos,
// article_images is filled from the bodies (/media/<key> of an original or of one of its
// variants) and the covers, so "in use" is right from the first request after the upgrade.
import { beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "../../lib/server/migrate";
import { freshDatabase, withClient } from "../support/db";

const LIBRARY = "20261203020000_library";
let url: string;

beforeAll(async () => {
  url = await freshDatabase("int_library_migration");
});

describe("migration 20261203020000_library", () => {
  it("backfills which articles use which photo from existing bodies and covers", async () => {
    const files = readMigrations();
    const at = files.findIndex((f) => f.name === LIBRARY);
    expect(at).toBeGreaterThan(0);
    const links = await withClient(url, async (c) => {
      for (const f of files.slice(0, at)) await c.query(f.sql);
      const img = async (key: string) =>
        (await c.query<{ id: number }>(`INSERT INTO images (storage_key, mime, width, height, bytes) VALUES ($1, 'image/jpeg', 10, 10, 1) RETURNING id`, [key])).rows[0].id;
      const [inBody, cover, variantOnly, unused] = [await img("uploads/2026/01/aa.jpg"), await img("uploads/2026/01/bb.jpg"), await img("uploads/2026/01/cc.jpg"), await img("uploads/2026/01/dd.jpg")];
      const section = (await c.query<{ id: number }>(`INSERT INTO sections (slug, name) VALUES ('s', '분야') RETURNING id`)).rows[0].id;
      const article = async (body: string, coverId: number | null) =>
        (
          await c.query<{ id: number }>(
            `INSERT INTO articles (section_id, title, excerpt, body, source_name, cover_image_id, updated_at) VALUES ($1, '기사', '', $2, '해란강뉴스', $3, now()) RETURNING id`,
            [section, body, coverId],
          )
        ).rows[0].id;
      const a = await article(`<figure><img src="/media/uploads/2026/01/aa.jpg" srcset="/media/uploads/2026/01/aa-w640.webp 640w"></figure>`, null);
      const b = await article(`<p>사진 없음 https://example.com/media/uploads/2026/01/zz.jpg</p>`, cover);
      const c2 = await article(`<img src="/media/uploads/2026/01/cc-w320.webp">`, null);
      await c.query(files[at].sql);
      const rows = (await c.query<{ article_id: number; image_id: number }>(`SELECT article_id, image_id FROM article_images ORDER BY article_id, image_id`)).rows;
      return { rows, expected: [{ article_id: a, image_id: inBody }, { article_id: b, image_id: cover }, { article_id: c2, image_id: variantOnly }], unused };
    });
    expect(links.rows).toEqual(links.expected);
    expect(links.rows.map((r) => r.image_id)).not.toContain(links.unused);
  });
});
