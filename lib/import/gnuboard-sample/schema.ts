// GnuBoard5's tables (schema.sql) as statements: the shared tables, then one g5_write_{bo_table}
// per board in the character set that board's table was created with.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type TableCharset = "utf8mb4" | "utf8" | "euckr" | "latin1";

const SCHEMA_FILE = join(import.meta.dirname, "schema.sql");

function statements(): string[] {
  const text = readFileSync(SCHEMA_FILE, "utf8").replace(/^--.*$/gm, "");
  return text.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean);
}

/** CREATE TABLE statements of g5_group, g5_board, g5_board_file and g5_member. */
export function sharedTablesSql(): string[] {
  return statements().filter((s) => !s.includes("{{TABLE}}"));
}

/** CREATE TABLE of `g5_write_{boTable}` (GnuBoard's adm/sql_write.sql template). */
export function writeTableSql(boTable: string, charset: TableCharset): string {
  if (!/^[A-Za-z0-9_]{1,20}$/.test(boTable)) throw new Error(`not a GnuBoard board name: ${boTable}`);
  const template = statements().find((s) => s.includes("{{TABLE}}"))!;
  return template.replace("{{TABLE}}", `g5_write_${boTable}`).replace("{{CHARSET}}", charset);
}
