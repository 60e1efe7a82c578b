// The pages the audit looks at, one per kind a reader meets, chosen from the seeded database.
import pg from "pg";
import { archivePath, articlePath, HOME_PATH, searchPath, sectionPath } from "../../../lib/urls";
import { fetchPage } from "./page-weight";

export type PageKind = "home" | "article" | "section" | "archive" | "search" | "404";
/** `runLighthouse: false`: the HTML checks only (the 404 page). */
export type AuditPage = { kind: PageKind; path: string; runLighthouse: boolean; note?: string };

export async function choosePages(databaseUrl: string, baseUrl: string): Promise<AuditPage[]> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const live = "a.status = 'PUBLISHED' AND a.deleted_at IS NULL AND a.published_at <= now()";
    const article = await c.query<{ id: number; title: string }>(
      `SELECT a.id, a.title FROM articles a WHERE ${live} AND a.cover_image_id IS NOT NULL ORDER BY a.published_at DESC, a.id DESC LIMIT 1`,
    );
    if (!article.rows[0]) throw new Error("no published article with a cover image: is the database seeded?");
    const section = await c.query<{ slug: string; name: string }>(
      `SELECT s.slug, s.name FROM sections s WHERE NOT s.hidden AND EXISTS (SELECT 1 FROM articles a WHERE a.section_id = s.id AND ${live}) ORDER BY s.position LIMIT 1`,
    );
    if (!section.rows[0]) throw new Error("no section with published articles");
    const titles = await c.query<{ title: string }>(`SELECT a.title FROM articles a WHERE ${live} ORDER BY a.published_at DESC LIMIT 300`);
    const word = await searchWord(titles.rows.map((r) => r.title), baseUrl);
    const a = article.rows[0];
    return [
      { kind: "home", path: HOME_PATH, runLighthouse: true },
      { kind: "article", path: articlePath(a.id), runLighthouse: true, note: a.title },
      { kind: "section", path: sectionPath(section.rows[0].slug), runLighthouse: true, note: section.rows[0].name },
      { kind: "archive", path: archivePath(2), runLighthouse: true, note: "page 2" },
      { kind: "search", path: searchPath({ q: word }), runLighthouse: true, note: word },
      { kind: "404", path: "/no-such-page-xyz", runLighthouse: false },
    ];
  } finally {
    await c.end();
  }
}

/**
 * The most frequent two-syllable word of recent titles (the short words readers type, which
 * the search must handle without trigrams) whose results page is not empty.
 */
async function searchWord(titles: string[], baseUrl: string): Promise<string> {
  const counts = new Map<string, number>();
  for (const t of titles) for (const w of t.split(/[^가-힣]+/)) if (w.length === 2) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  for (const w of words.slice(0, 10)) {
    const r = await fetchPage(`${baseUrl}${searchPath({ q: w })}`);
    // The class in the markup, not a stylesheet inlined into the page.
    if (r.status === 200 && !r.html.includes(`class="search-empty"`)) return w;
  }
  throw new Error(`no two-syllable title word with search results (tried ${words.slice(0, 10).join(", ") || "none"})`);
}
