// The app's own database role: `npm start`, the e2e server and the scripts connect as a role
// that owns the database and everything migrations made, without being a superuser, and an
// older .data/ whose tables the superuser owns is handed over on the next start.
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { APP_ROLE, ensureAppRole } from "../../lib/server/app-role";
import { appPasswordFile, startEmbeddedPostgres } from "../../lib/server/embedded-postgres";
import { migrate, readMigrations } from "../../lib/server/migrate";
import { freshDatabase, withClient } from "../support/db";

/** Objects of the database's own schemas (not extensions') whose owner is not `role`. */
async function foreignOwned(url: string, role = APP_ROLE): Promise<string[]> {
  return withClient(url, async (c) => {
    const r = await c.query<{ what: string }>(
      `WITH own AS (
         SELECT 'relation ' || c.oid::regclass::text AS what, c.relowner AS owner, 'pg_class'::regclass AS cat, c.oid
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
         UNION ALL SELECT 'routine ' || p.oid::regprocedure::text, p.proowner, 'pg_proc'::regclass, p.oid
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
         UNION ALL SELECT 'type ' || t.oid::regtype::text, t.typowner, 'pg_type'::regclass, t.oid
           FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'
         UNION ALL SELECT 'database ' || datname, datdba, 'pg_database'::regclass, oid FROM pg_database WHERE datname = current_database())
       SELECT what FROM own
        WHERE owner IS DISTINCT FROM (SELECT oid FROM pg_roles WHERE rolname = $1)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = own.cat AND d.objid = own.oid AND d.deptype = 'e')
        ORDER BY what`,
      [role],
    );
    return r.rows.map((x) => x.what);
  });
}

const refusal = (url: string, sql: string) =>
  withClient(url, (c) => c.query(sql)).then(
    () => "allowed",
    (e: Error) => e.message,
  );

let secretFile: string;
beforeAll(() => {
  secretFile = join(inject("tmpDir"), "db-role-app-password");
});

describe("the app's database role", () => {
  let appUrl: string;
  beforeAll(async () => {
    appUrl = await ensureAppRole(await freshDatabase("int_db_role"), { secretFile });
  });

  it("is no superuser, keeps its password in a 0600 file, and migrates a fresh database it then owns", async () => {
    expect(new URL(appUrl).username).toBe(APP_ROLE);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const me = await withClient(appUrl, (c) =>
      c.query(`SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user`),
    );
    expect(me.rows[0]).toEqual({ name: APP_ROLE, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false });

    expect(await migrate(appUrl)).toEqual(readMigrations().map((m) => m.name));
    expect(await foreignOwned(appUrl)).toEqual([]);
    // Owner's rights: it can change its own tables (what a later migration does).
    await withClient(appUrl, (c) => c.query("ALTER TABLE articles ADD COLUMN probe int; ALTER TABLE articles DROP COLUMN probe"));
  });

  it("cannot run programs, read password hashes or files, or make roles", async () => {
    expect(await refusal(appUrl, "COPY (SELECT 1) TO PROGRAM 'true'")).toMatch(/permission denied|must be superuser|pg_execute_server_program/);
    expect(await refusal(appUrl, "SELECT rolpassword FROM pg_authid")).toMatch(/permission denied/);
    expect(await refusal(appUrl, "SELECT pg_read_file('/etc/passwd')")).toMatch(/permission denied/);
    expect(await refusal(appUrl, "CREATE ROLE intruder SUPERUSER")).toMatch(/permission denied/);
    expect(await refusal(appUrl, "ALTER SYSTEM SET log_statement = 'all'")).toMatch(/permission denied|must be superuser/);
    expect(await refusal(appUrl, `ALTER ROLE ${APP_ROLE} SUPERUSER`)).toMatch(/permission denied/);
  });

  it("may create the trusted extensions search could want (pg_trgm, unaccent) as the database owner", async () => {
    await withClient(appUrl, async (c) => {
      await c.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      await c.query("CREATE EXTENSION IF NOT EXISTS unaccent");
      const s = await c.query<{ s: number }>(`SELECT similarity('대통령 선거', '대통령 선거 결과') AS s`);
      expect(s.rows[0].s).toBeGreaterThan(0.5);
    });
  });
});

describe("a database an earlier version made as the superuser", () => {
  it("is handed over whole to the app role, extensions' objects excepted", async () => {
    const superUrl = await freshDatabase("int_db_role_old");
    await migrate(superUrl);
    // What other schema objects the superuser might have left: each kind once.
    await withClient(superUrl, (c) =>
      c.query(`CREATE EXTENSION pg_trgm;
               CREATE SEQUENCE loose_seq;
               CREATE VIEW published_ids AS SELECT id FROM articles WHERE status = 'PUBLISHED';
               CREATE DOMAIN nickname_text AS text CHECK (length(VALUE) < 40);
               CREATE TYPE pair AS (a int, b int);
               CREATE FUNCTION twice(int) RETURNS int LANGUAGE sql AS 'SELECT $1 * 2';
               INSERT INTO sections (slug, name) VALUES ('old', '옛 분류')`),
    );
    expect(await foreignOwned(superUrl)).toContain("relation articles");

    const appUrl = await ensureAppRole(superUrl, { secretFile });
    expect(await foreignOwned(appUrl)).toEqual([]);
    const trgmOwner = await withClient(superUrl, (c) =>
      c.query<{ o: string }>(`SELECT pg_get_userbyid(proowner) AS o FROM pg_proc WHERE proname = 'show_trgm'`),
    );
    expect(trgmOwner.rows[0].o).toBe("postgres");

    // The app works on the old rows, its sequences and triggers, and can migrate further.
    expect(await migrate(appUrl)).toEqual([]);
    await withClient(appUrl, async (c) => {
      const s = await c.query<{ id: number }>(`SELECT id FROM sections WHERE slug = 'old'`);
      await c.query(
        `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at)
         VALUES ($1, '옛 자료 기사', '요약', '<p>본문</p>', '테스트', 'PUBLISHED', now(), now())`,
        [s.rows[0].id],
      );
      expect((await c.query(`SELECT count(*)::int AS n FROM published_ids`)).rows[0].n).toBe(1);
      expect((await c.query(`SELECT nextval('loose_seq') AS v, twice(21) AS t`)).rows[0]).toEqual({ v: "1", t: 42 });
      await c.query(`CREATE TABLE later_migration (id int); DROP TABLE later_migration`);
    });
    // A second run has nothing left to do and keeps the same credentials.
    expect(await ensureAppRole(superUrl, { secretFile })).toBe(appUrl);
  });

  it("is upgraded by the next start of the embedded cluster (.data/ of an earlier version)", async () => {
    const dir = mkdtempSync(join(inject("tmpDir"), "old-data-"));
    try {
      // The earlier version: migrations and content as the superuser, no app role.
      let pg = await startEmbeddedPostgres({ dir, quiet: true });
      await withClient(pg.url, (c) => c.query(`ALTER DATABASE portal OWNER TO postgres; DROP OWNED BY ${APP_ROLE}; DROP ROLE ${APP_ROLE}`));
      rmSync(appPasswordFile(dir));
      await migrate(pg.url);
      await withClient(pg.url, (c) => c.query(`INSERT INTO sections (slug, name) VALUES ('kept', '남은 분류')`));
      expect(await foreignOwned(pg.url)).toContain("relation sections");
      await pg.stop();

      pg = await startEmbeddedPostgres({ dir, quiet: true });
      try {
        expect(existsSync(appPasswordFile(dir))).toBe(true);
        expect(statSync(appPasswordFile(dir)).mode & 0o777).toBe(0o600);
        expect(new URL(pg.appUrl).username).toBe(APP_ROLE);
        expect(await foreignOwned(pg.appUrl)).toEqual([]);
        expect(await migrate(pg.appUrl)).toEqual([]);
        const row = await withClient(pg.appUrl, (c) => c.query(`SELECT name, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su FROM sections WHERE slug = 'kept'`));
        expect(row.rows).toEqual([{ name: "남은 분류", su: false }]);
      } finally {
        await pg.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
