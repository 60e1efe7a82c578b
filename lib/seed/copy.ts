// COPY ... FROM STDIN in PostgreSQL's text format: the fastest way to write many rows.
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

/** One field of the text format: \N for NULL, backslash escapes for the four specials. */
export function copyField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "number") return String(v);
  return /[\\\n\r\t]/.test(v) ? v.replace(/[\\\n\r\t]/g, (c) => (c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t")) : v;
}

export const copyLine = (fields: (string | number | null | undefined)[]) => fields.map(copyField).join("\t") + "\n";

/** A bigint[] literal ({1,2,3}); the keys are integers below 2^53, exact as numbers. */
export const bigintArray = (xs: number[]) => `{${xs.join(",")}}`;

/**
 * Starts `COPY table (columns) FROM STDIN` with `data`. The client queues it behind the
 * statements before it, so the caller can prepare the next batch while PostgreSQL writes.
 */
export function copyInto(client: pg.Client, table: string, columns: readonly string[], data: string): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
  return pipeline(Readable.from([Buffer.from(data)]), stream);
}
