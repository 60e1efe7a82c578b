// The app's own database role on the embedded cluster: a login role that owns the database,
// its schemas and everything in them, but is no superuser. `npm start`, the tests and the
// scripts run migrations and the app as this role; the superuser only sets it up.
import pg from "pg";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";

export const APP_ROLE = "portal";

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The role's password, kept beside the cluster (0600); created on first use. */
export function appRolePassword(secretFile: string): string {
  if (!existsSync(secretFile) || readFileSync(secretFile, "utf8").trim() === "") {
    writeFileSync(secretFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  chmodSync(secretFile, 0o600);
  return readFileSync(secretFile, "utf8").trim();
}

/** `url` with another user and password (same host, port and database). */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

// Objects of the app's database that migrations made: every schema but the system ones, and
// nothing that belongs to an extension (the extension's owner keeps those).
const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;
const NOT_EXTENSION_MEMBER = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/**
 * ALTER ... OWNER statements that hand the database's objects to `role`; empty when it owns
 * them all already. REASSIGN OWNED BY postgres cannot be used: the bootstrap superuser owns
 * the system catalogs, which must stay its own.
 */
async function ownershipFixes(c: pg.Client, role: string): Promise<string[]> {
  const r = await c.query<{ sql: string }>(
    `WITH me AS (SELECT oid FROM pg_roles WHERE rolname = $1)
     SELECT format('ALTER SCHEMA %I OWNER TO %I', n.nspname, $1) AS sql
       FROM pg_namespace n WHERE ${USER_SCHEMAS} AND n.nspowner <> (SELECT oid FROM me)
         -- PostgreSQL 15+ gives public to pg_database_owner, which is the database owner already.
         AND n.nspowner <> 'pg_database_owner'::regrole
         AND ${NOT_EXTENSION_MEMBER("pg_namespace", "n.oid")}
     UNION ALL
     -- Tables, views, materialized views, foreign tables and free-standing sequences; indexes
     -- and the sequences of serial/identity columns follow their table.
     SELECT format('ALTER %s %I.%I OWNER TO %I',
              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                             WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, n.nspname, c.relname, $1)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> (SELECT oid FROM me)
        AND ${NOT_EXTENSION_MEMBER("pg_class", "c.oid")}
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                 AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1)
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE ${USER_SCHEMAS} AND p.proowner <> (SELECT oid FROM me) AND ${NOT_EXTENSION_MEMBER("pg_proc", "p.oid")}
     UNION ALL
     -- Enums, domains, ranges and free-standing composite types; array types and a table's
     -- row type follow their owner.
     SELECT format('ALTER %s %s OWNER TO %I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype, $1)
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE ${USER_SCHEMAS} AND t.typowner <> (SELECT oid FROM me) AND ${NOT_EXTENSION_MEMBER("pg_type", "t.oid")}
        AND (t.typtype IN ('e', 'd', 'r')
             OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))`,
    [role],
  );
  return r.rows.map((x) => x.sql);
}

/**
 * Creates (or updates) the app's login role and makes it the owner of the database in
 * `superuserUrl` and of everything migrations put there, including what an earlier version
 * created as the superuser. Idempotent; runs on every start. Returns the role's URL.
 */
export async function ensureAppRole(superuserUrl: string, opts: { secretFile: string; role?: string }): Promise<string> {
  const role = opts.role ?? APP_ROLE;
  const password = appRolePassword(opts.secretFile);
  const database = decodeURIComponent(new URL(superuserUrl).pathname.slice(1));
  const c = new pg.Client({ connectionString: superuserUrl });
  await c.connect();
  try {
    // Roles are cluster-wide: two databases set up at once must not both try to create it.
    await c.query("SELECT pg_advisory_lock(hashtext('portal app role'))");
    const exists = (await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount === 1;
    // A password cannot be a bind parameter in CREATE/ALTER ROLE; it is quoted as a literal.
    const attrs = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${c.escapeLiteral(password)}`;
    await c.query(`${exists ? "ALTER" : "CREATE"} ROLE ${ident(role)} ${exists ? "WITH " : ""}${attrs}`);
    await c.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(role)}`);
    const fixes = await ownershipFixes(c, role);
    if (fixes.length > 0) {
      await c.query("BEGIN");
      for (const sql of fixes) await c.query(sql);
      await c.query("COMMIT");
    }
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await c.query("SELECT pg_advisory_unlock(hashtext('portal app role'))").catch(() => {});
    await c.end();
  }
  return withCredentials(superuserUrl, role, password);
}
