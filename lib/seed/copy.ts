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

/**
 * `freeze`: the rows are written frozen and all-visible (the table must have been emptied in
 * this transaction), so that the VACUUM after the load has nothing to do but the statistics.
 * Starts `COPY table (columns) FROM STDIN` with `data`. The client queues it behind the
 * statements before it, so the caller can prepare the next batch while PostgreSQL writes.
 */
export function copyInto(client: pg.Client, table: string, columns: readonly string[], data: string | Buffer, freeze = false): Promise<void> {
  const binary = typeof data !== "string";
  const options = [binary && "FORMAT binary", freeze && "FREEZE"].filter(Boolean);
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN${options.length ? ` (${options.join(", ")})` : ""}`));
  return pipeline(Readable.from([binary ? data : Buffer.from(data)]), stream);
}
