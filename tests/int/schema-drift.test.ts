// Drift guard: prisma/schema.prisma (what the client is generated from) must describe the
// database that our SQL migrations build. Prisma's schema engine, which would normally
// diff the two, cannot be downloaded here; Prisma's own schema reader (getDMMF: the
// WebAssembly build of its parser and validator that `prisma generate` uses) works offline,
// so this file reads the schema with it and compares that with pg_catalog.
import { getDMMF, type GetDMMFError } from "@prisma/get-dmmf";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase, withClient } from "../support/db";

// ---------------------------------------------------------------- the schema, as Prisma reads it

type Datamodel = Exclude<ReturnType<typeof getDMMF>, GetDMMFError>["datamodel"];
type DmmfModel = Datamodel["models"][number];
type DmmfField = DmmfModel["fields"][number];
type DmmfEnum = Datamodel["enums"][number];

/** Parses and validates the schema: an invalid one throws with Prisma's own message. */
function readSchema(text: string): Datamodel {
  const r = getDMMF({ datamodel: text });
  if ("error" in r) throw new Error(`Prisma refuses the schema (${r.type}): ${r.error.message}`);
  return r.datamodel;
}

const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const columnOf = (f: DmmfField) => f.dbName ?? f.name;
const enumTypeOf = (e: DmmfEnum) => e.dbName ?? e.name;

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
function expectedType(f: DmmfField, enums: Map<string, DmmfEnum>): string {
  let t: string;
  if (f.kind === "enum") t = enumTypeOf(enums.get(f.type)!);
  else if (f.nativeType) {
    const [n, args] = f.nativeType as [string, string[]];
    const a = args.join(",");
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
  return f.isList ? `${t}[]` : t;
}

/**
 * Every difference between the schema and the migrated database, as readable lines.
 * (Prisma leaves `Unsupported(...)` fields out of its datamodel: such a column shows up here
 * as "not in model", so adding one means teaching this test about it first.)
 */
function findDrift(schemaText: string, db: DbSnapshot): string[] {
  const { models, enums, indexes } = readSchema(schemaText);
  const enumByName = new Map(enums.map((e) => [e.name, e]));
  const modelByName = new Map(models.map((m) => [m.name, m]));
  const drift: string[] = [];

  for (const e of enums) {
    const values = e.values.map((v) => v.dbName ?? v.name);
    const found = db.enums.find((x) => x.name === enumTypeOf(e));
    if (!found) drift.push(`enum ${e.name}: type "${enumTypeOf(e)}" missing in the database`);
    else if (found.labels.join(",") !== values.join(",")) drift.push(`enum ${e.name}: labels [${found.labels}] in the database, [${values}] in the schema`);
  }
  for (const x of db.enums) if (!enums.some((e) => enumTypeOf(e) === x.name)) drift.push(`enum type "${x.name}" in the database is not in the schema`);

  const tables = new Set(models.map(tableOf));
  for (const t of db.tables) if (t !== "_prisma_migrations" && !tables.has(t)) drift.push(`table ${t} in the database is not in the schema`);

  for (const m of models) {
    const table = tableOf(m);
    if (!db.tables.includes(table)) {
      drift.push(`model ${m.name}: table ${table} missing in the database`);
      continue;
    }
    const scalar = m.fields.filter((f) => f.kind !== "object");
    const colOf = (field: string) => {
      const f = scalar.find((x) => x.name === field);
      return f ? columnOf(f) : `?${field}`;
    };
    const dbCols = db.columns.filter((c) => c.table === table);

    for (const f of scalar) {
      const col = dbCols.find((c) => c.column === columnOf(f));
      if (!col) {
        drift.push(`${m.name}.${f.name}: column ${table}.${columnOf(f)} missing in the database`);
        continue;
      }
      const want = expectedType(f, enumByName);
      const optional = !f.isRequired;
      if (col.type.replace(/"/g, "") !== want) drift.push(`${m.name}.${f.name}: column type ${col.type} in the database, ${want} expected`);
      if (col.nullable !== optional) drift.push(`${m.name}.${f.name}: column is ${col.nullable ? "NULL" : "NOT NULL"} in the database, ${optional ? "optional" : "required"} in the schema`);
    }
    for (const c of dbCols) if (!scalar.some((f) => columnOf(f) === c.column)) drift.push(`column ${table}.${c.column} in the database is not in model ${m.name}`);

    // Indexes the schema declares (@id, @unique, @@id, @@unique, @@index), as (columns, order, uniqueness, method).
    for (const ix of indexes.filter((i) => i.model === m.name)) {
      if (ix.type === "fulltext") throw new Error(`@@fulltext is not known to schema-drift.test.ts (model ${m.name})`);
      const kind = ix.type === "id" ? "primary" : ix.type === "unique" ? "unique" : "index";
      const columns = ix.fields.map((f) => colOf(f.name));
      const desc = ix.fields.map((f) => f.sortOrder === "desc");
      const method = (ix.algorithm ?? "btree").toLowerCase();
      const names = ix.fields.map((f) => f.name + (f.sortOrder === "desc" ? "(sort: Desc)" : "")).join(", ");
      const label = ix.isDefinedOnField ? `@${ix.type} on ${names}` : `@@${ix.type === "normal" ? "index" : ix.type}([${names}])`;
      const ok = db.indexes.some(
        (i) =>
          i.table === table &&
          i.columns.join(",") === columns.join(",") &&
          i.desc.join(",") === desc.join(",") &&
          i.method === method &&
          i.primary === (kind === "primary") &&
          i.unique === (kind !== "index"),
      );
      if (!ok) drift.push(`${m.name} ${label}: no ${kind === "index" ? "" : `${kind} `}${method} index on ${table}(${columns.map((c, k) => c + (desc[k] ? " DESC" : "")).join(", ")})`);
    }

    // Relations that own the foreign key (`fields: [...]`) → a foreign key constraint.
    for (const f of m.fields.filter((x) => x.kind === "object" && x.relationFromFields?.length)) {
      const target = modelByName.get(f.type)!;
      const cols = f.relationFromFields!.map(colOf);
      const refCols = (f.relationToFields ?? []).map((r) => {
        const t = target.fields.find((x) => x.name === r);
        return t ? columnOf(t) : r;
      });
      const ok = db.foreignKeys.some(
        (k) => k.table === table && k.refTable === tableOf(target) && k.columns.join(",") === cols.join(",") && k.refColumns.join(",") === refCols.join(","),
      );
      if (!ok) drift.push(`${m.name}.${f.name}: no foreign key ${table}(${cols}) → ${tableOf(target)}(${refCols})`);
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

describe("schema.prisma vs the migrated database", () => {
  it("reads every model and enum of the schema with Prisma's own reader", () => {
    const s = readSchema(schemaText);
    expect(s.models.map((m) => m.name)).toEqual([...schemaText.matchAll(/^model\s+(\w+)/gm)].map((m) => m[1]));
    expect(s.enums.map((e) => e.name)).toEqual([...schemaText.matchAll(/^enum\s+(\w+)/gm)].map((m) => m[1]));
    const article = s.models.find((m) => m.name === "Article")!;
    expect(tableOf(article)).toBe("articles");
    expect(article.fields.find((f) => f.name === "publishedAt")).toMatchObject({ dbName: "published_at", type: "DateTime", isRequired: false });
  });

  it("refuses a schema Prisma would refuse", () => {
    expect(() => readSchema(schemaText.replace(/(viewCount\s+)Int/, "$1Integer"))).toThrow(/Prisma refuses the schema[\s\S]*Integer/);
  });

  it("has no drift", () => {
    expect(findDrift(schemaText, snapshot)).toEqual([]);
  });

  it("reports a field added to the schema without a migration", () => {
    const drift = findDrift(edited(/^\s*title\s+String/, '  kicker String? @map("kicker_text")'), snapshot);
    expect(drift).toEqual(["Article.kicker: column articles.kicker_text missing in the database"]);
  });

  // Each edit must still be a valid Prisma schema (readSchema throws on any other), so the
  // drift reported is one a developer could really introduce.
  const cases: [string, () => string, RegExp][] = [
    ["a new model", () => `${schemaText}\nmodel Badge {\n  id Int @id\n  @@map("badges")\n}\n`, /model Badge: table badges missing/],
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
    expect(findDrift(text, snapshot).join("\n")).toMatch(expected);
  });
});
