// Drift guard: prisma/schema.prisma (what the client is generated from) must describe the
// database that our SQL migrations build. Prisma's schema engine, which would normally
// diff the two, cannot be downloaded here, and @prisma/internals (getDMMF) is not installed,
// so this file parses the schema itself and compares it with pg_catalog.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase, withClient } from "../support/db";

// ---------------------------------------------------------------- schema.prisma parser

type Attr = { name: string; args: string };
type Field = { name: string; column: string; type: string; optional: boolean; list: boolean; attrs: Attr[] };
type Model = { name: string; table: string; fields: Field[]; attrs: Attr[] };
type Enum = { name: string; dbName: string; values: string[] };
type Schema = { models: Model[]; enums: Enum[] };

const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]);

/** Drops `// ...` comments that are not inside a string literal. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' && line[i - 1] !== "\\") inString = !inString;
    else if (!inString && line.startsWith("//", i)) return line.slice(0, i);
  }
  return line;
}

/** Index of the `)` that closes the `(` at `open`, skipping strings. */
function closing(s: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"' && s[i - 1] !== "\\") inString = !inString;
    if (inString) continue;
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth--;
    if (depth === 0) return i;
  }
  throw new Error(`unbalanced parentheses in: ${s}`);
}

/** `@id @default(autoincrement()) @map("x")` → [{id}, {default, "autoincrement()"}, {map, '"x"'}]. */
function parseAttrs(s: string, prefix: "@" | "@@"): Attr[] {
  const attrs: Attr[] = [];
  let i = 0;
  while ((i = s.indexOf(prefix, i)) !== -1) {
    const m = /^[\w.]+/.exec(s.slice(i + prefix.length));
    if (!m) throw new Error(`bad attribute in: ${s}`);
    let end = i + prefix.length + m[0].length;
    let args = "";
    if (s[end] === "(") {
      const close = closing(s, end);
      args = s.slice(end + 1, close);
      end = close + 1;
    }
    attrs.push({ name: m[0], args });
    i = end;
  }
  return attrs;
}

const stringArg = (args: string) => /^\s*(?:name:\s*)?"([^"]*)"/.exec(args)?.[1];
const attr = (attrs: Attr[], name: string) => attrs.find((a) => a.name === name);

/** Top-level comma split of `a, b(sort: Desc), c`. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth--;
    if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function parseSchema(text: string): Schema {
  const models: Model[] = [];
  const enums: Enum[] = [];
  let block: { kind: string; name: string; lines: string[] } | null = null;
  for (const raw of text.split("\n")) {
    const line = stripComment(raw).trim();
    if (!line) continue;
    if (!block) {
      const m = /^(model|enum|view|type|generator|datasource)\s+(\w+)\s*\{$/.exec(line);
      if (!m) throw new Error(`unexpected line outside a block: ${line}`);
      block = { kind: m[1], name: m[2], lines: [] };
    } else if (line === "}") {
      if (block.kind === "model") models.push(parseModel(block.name, block.lines));
      if (block.kind === "enum") enums.push(parseEnum(block.name, block.lines));
      if (block.kind === "view" || block.kind === "type") throw new Error(`${block.kind} blocks are not supported by this drift test`);
      block = null;
    } else block.lines.push(line);
  }
  if (block) throw new Error(`unterminated block ${block.name}`);
  return { models, enums };
}

function parseEnum(name: string, lines: string[]): Enum {
  const values: string[] = [];
  let dbName = name;
  for (const l of lines) {
    if (l.startsWith("@@")) {
      dbName = stringArg(attr(parseAttrs(l, "@@"), "map")?.args ?? "") ?? dbName;
      continue;
    }
    const m = /^(\w+)(.*)$/.exec(l)!;
    values.push(stringArg(attr(parseAttrs(m[2], "@"), "map")?.args ?? "") ?? m[1]);
  }
  return { name, dbName, values };
}

function parseModel(name: string, lines: string[]): Model {
  const fields: Field[] = [];
  const attrs: Attr[] = [];
  for (const l of lines) {
    if (l.startsWith("@@")) {
      attrs.push(...parseAttrs(l, "@@"));
      continue;
    }
    // `name Type`, `Type?`, `Type[]` or `Unsupported("...")?`, then field attributes.
    const m = /^(\w+)\s+(\w+(?:\("[^"]*"\))?)(\[\])?(\?)?(.*)$/.exec(l);
    if (!m) throw new Error(`cannot parse field in model ${name}: ${l}`);
    const fattrs = parseAttrs(m[5], "@");
    fields.push({
      name: m[1],
      type: m[2],
      list: !!m[3],
      optional: !!m[4],
      attrs: fattrs,
      column: stringArg(attr(fattrs, "map")?.args ?? "") ?? m[1],
    });
  }
  return { name, table: stringArg(attr(attrs, "map")?.args ?? "") ?? name, fields, attrs };
}

// ---------------------------------------------------------------- expected vs actual

type DbIndex = { table: string; name: string; unique: boolean; primary: boolean; method: string; columns: string[]; desc: boolean[] };
type DbSnapshot = {
  tables: string[];
  columns: { table: string; column: string; type: string; nullable: boolean }[];
  indexes: DbIndex[];
  enums: { name: string; labels: string[] }[];
  foreignKeys: { table: string; columns: string[]; refTable: string; refColumns: string[] }[];
};

async function introspect(c: pg.Client): Promise<DbSnapshot> {
  // Arrays are built from ::text so that node-postgres parses them (it leaves name[] as a string).
  const q = async <T extends pg.QueryResultRow>(sql: string) => (await c.query<T>(sql)).rows;
  const pub = `JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'`;
  return {
    tables: (await q<{ name: string }>(`SELECT t.relname AS name FROM pg_class t ${pub} WHERE t.relkind IN ('r', 'p')`)).map((r) => r.name),
    columns: await q(`
      SELECT t.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
        FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid ${pub}
       WHERE t.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`),
    indexes: await q(`
      SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary, am.amname AS method,
             array(SELECT coalesce(a.attname::text, '(expression)') FROM generate_series(0, x.indnkeyatts - 1) k
                   LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[k] ORDER BY k) AS columns,
             array(SELECT (x.indoption[k] & 1) = 1 FROM generate_series(0, x.indnkeyatts - 1) k ORDER BY k) AS desc
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid ${pub}
        JOIN pg_am am ON am.oid = i.relam`),
    enums: await q(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
       GROUP BY t.typname`),
    foreignKeys: await q(`
      SELECT t.relname AS table, r.relname AS "refTable",
             array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY o) AS columns,
             array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY o) AS "refColumns"
        FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid ${pub} JOIN pg_class r ON r.oid = k.confrelid
       WHERE k.contype = 'f'`),
  };
}

/** format_type() spelling of a scalar field's column type, as Prisma's migrations create it. */
function expectedType(f: Field, enums: Map<string, Enum>): string {
  const native = f.attrs.find((a) => a.name.startsWith("db."));
  let t: string;
  if (enums.has(f.type)) t = enums.get(f.type)!.dbName;
  else if (f.type.startsWith("Unsupported(")) t = /"(.*)"/.exec(f.type)![1];
  else if (native) {
    const n = native.name.slice(3);
    const a = native.args.replace(/\s/g, "");
    const withArgs = (base: string, suffix = "") => (a ? `${base}(${a})${suffix}` : `${base}${suffix}`);
    const natives: Record<string, string> = {
      Text: "text", Uuid: "uuid", Date: "date", Inet: "inet", Citext: "citext", JsonB: "jsonb", Json: "json", ByteA: "bytea",
      SmallInt: "smallint", Integer: "integer", BigInt: "bigint", Real: "real", DoublePrecision: "double precision", Boolean: "boolean",
      VarChar: withArgs("character varying"), Char: withArgs("character"), Decimal: withArgs("numeric"),
      Timestamp: withArgs("timestamp", " without time zone"), Timestamptz: withArgs("timestamp", " with time zone"),
      Time: withArgs("time", " without time zone"), Timetz: withArgs("time", " with time zone"),
    };
    if (!(n in natives)) throw new Error(`@db.${n} is not known to schema-drift.test.ts: add it to expectedType()`);
    t = natives[n];
  } else {
    const scalars: Record<string, string> = {
      String: "text", Int: "integer", BigInt: "bigint", Float: "double precision", Decimal: "numeric(65,30)",
      Boolean: "boolean", DateTime: "timestamp(3) without time zone", Json: "jsonb", Bytes: "bytea",
    };
    t = scalars[f.type];
  }
  return f.list ? `${t}[]` : t;
}

/** Every difference between the schema text and the migrated database, as readable lines. */
function findDrift(schemaText: string, db: DbSnapshot): string[] {
  const { models, enums } = parseSchema(schemaText);
  const enumByName = new Map(enums.map((e) => [e.name, e]));
  const modelByName = new Map(models.map((m) => [m.name, m]));
  const drift: string[] = [];

  for (const e of enums) {
    const found = db.enums.find((x) => x.name === e.dbName);
    if (!found) drift.push(`enum ${e.name}: type "${e.dbName}" missing in the database`);
    else if (found.labels.join(",") !== e.values.join(",")) drift.push(`enum ${e.name}: labels [${found.labels}] in the database, [${e.values}] in the schema`);
  }
  for (const x of db.enums) if (!enums.some((e) => e.dbName === x.name)) drift.push(`enum type "${x.name}" in the database is not in the schema`);

  const tables = new Set(models.map((m) => m.table));
  for (const t of db.tables) if (t !== "_prisma_migrations" && !tables.has(t)) drift.push(`table ${t} in the database is not in the schema`);

  for (const m of models) {
    if (!db.tables.includes(m.table)) {
      drift.push(`model ${m.name}: table ${m.table} missing in the database`);
      continue;
    }
    const scalar = m.fields.filter((f) => !modelByName.has(f.type));
    const colOf = (field: string) => scalar.find((f) => f.name === field)?.column ?? `?${field}`;
    const dbCols = db.columns.filter((c) => c.table === m.table);

    for (const f of scalar) {
      const col = dbCols.find((c) => c.column === f.column);
      if (!col) {
        drift.push(`${m.name}.${f.name}: column ${m.table}.${f.column} missing in the database`);
        continue;
      }
      const want = expectedType(f, enumByName);
      if (col.type.replace(/"/g, "") !== want) drift.push(`${m.name}.${f.name}: column type ${col.type} in the database, ${want} expected`);
      if (col.nullable !== f.optional) drift.push(`${m.name}.${f.name}: column is ${col.nullable ? "NULL" : "NOT NULL"} in the database, ${f.optional ? "optional" : "required"} in the schema`);
    }
    for (const c of dbCols) if (!scalar.some((f) => f.column === c.column)) drift.push(`column ${m.table}.${c.column} in the database is not in model ${m.name}`);

    // Indexes the schema declares, as (columns, order, uniqueness, method).
    type Want = { kind: "primary" | "unique" | "index"; columns: string[]; desc: boolean[]; method: string; label: string };
    const wants: Want[] = [];
    for (const f of scalar) {
      if (attr(f.attrs, "id")) wants.push({ kind: "primary", columns: [f.column], desc: [false], method: "btree", label: `@id on ${f.name}` });
      if (attr(f.attrs, "unique")) wants.push({ kind: "unique", columns: [f.column], desc: [false], method: "btree", label: `@unique on ${f.name}` });
    }
    for (const a of m.attrs) {
      if (!["id", "unique", "index"].includes(a.name)) continue;
      const list = /\[([^\]]*)\]/.exec(a.args)?.[1] ?? "";
      const items = splitTop(list);
      const method = (/type:\s*(\w+)/.exec(a.args)?.[1] ?? "btree").toLowerCase();
      wants.push({
        kind: a.name === "id" ? "primary" : (a.name as "unique" | "index"),
        columns: items.map((i) => colOf(/^\w+/.exec(i)![0])),
        desc: items.map((i) => /sort:\s*Desc/.test(i)),
        method,
        label: `@@${a.name}([${list}])`,
      });
    }
    for (const w of wants) {
      const ok = db.indexes.some(
        (i) =>
          i.table === m.table &&
          i.columns.join(",") === w.columns.join(",") &&
          i.desc.join(",") === w.desc.join(",") &&
          i.method === w.method &&
          i.primary === (w.kind === "primary") &&
          i.unique === (w.kind !== "index"),
      );
      if (!ok) drift.push(`${m.name} ${w.label}: no ${w.kind === "index" ? "" : `${w.kind} `}${w.method} index on ${m.table}(${w.columns.map((c, k) => c + (w.desc[k] ? " DESC" : "")).join(", ")})`);
    }

    // Relations that own the foreign key (`fields: [...]`) → a foreign key constraint.
    for (const f of m.fields.filter((x) => modelByName.has(x.type))) {
      const rel = attr(f.attrs, "relation");
      const fields = rel && /fields:\s*\[([^\]]*)\]/.exec(rel.args)?.[1];
      if (!fields) continue;
      const target = modelByName.get(f.type)!;
      const refs = /references:\s*\[([^\]]*)\]/.exec(rel.args)![1];
      const cols = splitTop(fields).map(colOf);
      const refCols = splitTop(refs).map((r) => target.fields.find((x) => x.name === r)?.column ?? r);
      const ok = db.foreignKeys.some(
        (k) => k.table === m.table && k.refTable === target.table && k.columns.join(",") === cols.join(",") && k.refColumns.join(",") === refCols.join(","),
      );
      if (!ok) drift.push(`${m.name}.${f.name}: no foreign key ${m.table}(${cols}) → ${target.table}(${refCols})`);
    }
  }
  return drift;
}

// ---------------------------------------------------------------- tests

const schemaText = readFileSync(join(process.cwd(), "prisma", "schema.prisma"), "utf8");
let snapshot: DbSnapshot;

beforeAll(async () => {
  const url = await migratedDatabase("int_drift");
  snapshot = await withClient(url, introspect);
});

/** The schema with `insert` placed on a new line right after the line matching `after`. */
function edited(after: RegExp, insert: string): string {
  const lines = schemaText.split("\n");
  const i = lines.findIndex((l) => after.test(l));
  if (i === -1) throw new Error(`no line matches ${after}`);
  lines.splice(i + 1, 0, insert);
  return lines.join("\n");
}

/** Prisma's own validator (a wasm module, no schema engine needed): our edits must be legal schemas. */
function prismaValidate(text: string) {
  const dir = mkdtempSync(join(tmpdir(), "drift-"));
  try {
    writeFileSync(join(dir, "schema.prisma"), text);
    execFileSync(join(process.cwd(), "node_modules", ".bin", "prisma"), ["validate", "--schema", join(dir, "schema.prisma")], {
      stdio: "pipe",
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: join(process.cwd(), "package.json") },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("schema.prisma vs the migrated database", () => {
  it("parses every model, field and enum of the schema", () => {
    const s = parseSchema(schemaText);
    const declared = [...schemaText.matchAll(/^model\s+(\w+)/gm)].map((m) => m[1]);
    expect(s.models.map((m) => m.name)).toEqual(declared);
    expect(s.enums.map((e) => e.name)).toEqual([...schemaText.matchAll(/^enum\s+(\w+)/gm)].map((m) => m[1]));
    const article = s.models.find((m) => m.name === "Article")!;
    expect(article.table).toBe("articles");
    expect(article.fields.find((f) => f.name === "publishedAt")).toMatchObject({ column: "published_at", type: "DateTime", optional: true });
  });

  it("has no drift", () => {
    expect(findDrift(schemaText, snapshot)).toEqual([]);
  });

  it("reports a field added to the schema without a migration", () => {
    const drift = findDrift(edited(/^\s*title\s+String/, '  kicker String? @map("kicker_text")'), snapshot);
    expect(drift).toEqual(["Article.kicker: column articles.kicker_text missing in the database"]);
  });

  // Each edit must still be a valid Prisma schema (checked with `prisma validate`), so the
  // drift reported is one a developer could really introduce.
  const cases: [string, () => string, RegExp][] = [
    ["a new model", () => `${schemaText}\nmodel Tag {\n  id Int @id\n  @@map("tags")\n}\n`, /model Tag: table tags missing/],
    ["a new @@index", () => edited(/^\s*@@index\(\[position\]\)/, "  @@index([name, slug(sort: Desc)])"), /no btree index on sections\(name, slug DESC\)/],
    ["a new @unique field", () => edited(/^\s*email\s+String\s+@unique/, '  ipNote String @unique @map("ip_note")'), /users\.ip_note missing[\s\S]*no unique btree index on users\(ip_note\)/],
    ["a new enum label", () => edited(/^\s*PUBLISHED$/, "  ARCHIVED"), /enum ArticleStatus: labels \[DRAFT,PENDING,SCHEDULED,PUBLISHED\] in the database/],
    ["a required field made optional", () => schemaText.replace(/^(\s*email\s+)String(\s+@unique)/m, "$1String?$2"), /User\.email: column is NOT NULL in the database, optional in the schema/],
    ["a changed type", () => schemaText.replace(/(viewCount\s+)Int/, "$1BigInt"), /Article\.viewCount: column type integer in the database, bigint expected/],
    ["a removed field", () => schemaText.replace(/^\s*coverCaption\s.*$/m, ""), /column articles\.cover_caption in the database is not in model Article/],
  ];
  it.each(cases)("reports %s", (_, edit, expected) => {
    const text = edit();
    expect(text).not.toBe(schemaText);
    prismaValidate(text);
    expect(findDrift(text, snapshot).join("\n")).toMatch(expected);
  });
});
