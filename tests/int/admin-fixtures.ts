// Shared set-up of the admin integration tests: a migrated database of their own, the
// process's DATABASE_URL pointed at it (lib/db reads it on first import, so the modules
// under test are imported after this), three sections and one account per role.
import { createUserAt } from "../../lib/auth/bootstrap";
import type { Actor, Role } from "../../lib/auth/roles";
import { migratedDatabase, withClient } from "../support/db";

export type Fixture = {
  url: string;
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  admin: Actor;
  editor: Actor;
  reporter: Actor;
  reporter2: Actor;
  sections: number[];
};

export async function adminFixture(name: string): Promise<Fixture> {
  const url = await migratedDatabase(name);
  process.env.DATABASE_URL = url;
  const sql = <T,>(text: string, params: unknown[] = []) => withClient(url, async (c) => (await c.query(text, params)).rows as T[]);
  const sections = (
    await sql<{ id: number }>(`INSERT INTO sections (slug, name, position) VALUES ('yanbian','연변',10),('society','사회',20),('culture','문화',30) RETURNING id`)
  ).map((r) => r.id);
  const make = async (role: Role, email: string, name: string): Promise<Actor> => {
    const u = await createUserAt(url, { email, password: `${role.toLowerCase()}-password-1`, role, name });
    return { id: u.id, email: u.email, name, role };
  };
  const [admin, editor, reporter, reporter2] = await Promise.all([
    make("ADMIN", "admin@example.com", "관리자"),
    make("EDITOR", "editor@example.com", "리편집"),
    make("REPORTER", "reporter@example.com", "김기자"),
    make("REPORTER", "reporter2@example.com", "박기자"),
  ]);
  return { url, sql, admin, editor, reporter, reporter2, sections };
}

/** Everything an action could change, to prove that a refused call changed nothing. */
export async function fingerprint(f: Fixture): Promise<string> {
  const tables = ["articles", "article_revisions", "comments", "comment_ip_blocks", "sections", "users", "images", "article_counters", "settings"];
  const parts = await Promise.all(tables.map((t) => f.sql<{ h: string | null }>(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${t} x`)));
  return parts.map((p, i) => `${tables[i]}:${p[0].h}`).join(" ");
}

/** A published article inserted directly (not through the actions under test). */
export async function insertArticle(f: Fixture, o: { status?: string; sectionId?: number; authorId?: number | null; title?: string; publishedAt?: Date | null } = {}) {
  const rows = await f.sql<{ id: number }>(
    `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, author_id, updated_at)
     VALUES ($1, $2, '요약', '<p>본문</p>', '해란강뉴스', $3::"ArticleStatus", $4, $5, now()) RETURNING id`,
    [o.sectionId ?? f.sections[0], o.title ?? "기사", o.status ?? "PUBLISHED", o.publishedAt === undefined ? new Date() : o.publishedAt, o.authorId ?? null],
  );
  return rows[0].id;
}
