// The bulk-load switches around the seed's COPY: the per-row triggers that derive rows from
// articles are turned off (the seed writes or refills what they would have written), and an
// empty table loses its secondary indexes and foreign keys until the rows are in, when one
// sorted build and one validating join cost far less than a million single inserts.
import type pg from "pg";

/** Triggers whose rows the seed writes itself (lib/seed/index.ts), by name. */
export const SEED_DERIVED = ["articles_search_sync", "articles_desk_search_sync", "articles_images_sync", "articles_count_published"];

export type DerivingTriggers = { names: string[]; rebuilds: string[] };

/**
 * The enabled triggers on articles that the seed may switch off: its own four, and any other
 * whose function is `<prefix>_<verb>` with a `<prefix>_rebuild()` beside it to refill its
 * table afterwards (article_months_insert → article_months_rebuild()). A trigger with neither
 * stays on: slower, never wrong.
 */
export async function derivingTriggers(client: pg.Client): Promise<DerivingTriggers> {
  const r = await client.query<{ tgname: string; rebuild: string | null }>(
    `SELECT t.tgname, (SELECT r.proname FROM pg_proc r
                        WHERE r.proname = regexp_replace(p.proname, '_[a-z]+$', '') || '_rebuild'
                          AND r.pronargs = 0 AND r.pronamespace = p.pronamespace LIMIT 1) AS rebuild
       FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE t.tgrelid = 'articles'::regclass AND NOT t.tgisinternal AND t.tgenabled <> 'D'`,
  );
  const mine = r.rows.filter((t) => SEED_DERIVED.includes(t.tgname)).map((t) => t.tgname);
  const others = r.rows.filter((t) => !SEED_DERIVED.includes(t.tgname) && t.rebuild);
  return { names: [...mine, ...others.map((t) => t.tgname)], rebuilds: [...new Set(others.map((t) => t.rebuild!))] };
}

export async function setTriggers(client: pg.Client, names: string[], on: boolean) {
  for (const n of names) await client.query(`ALTER TABLE articles ${on ? "ENABLE" : "DISABLE"} TRIGGER "${n}"`);
}

export type Detached = { indexes: { name: string; def: string }[]; foreignKeys: { table: string; name: string; def: string }[] };

/** Drops the secondary indexes and the foreign keys of `tables` (which must be empty); see restore(). */
export async function detach(client: pg.Client, tables: string[]): Promise<Detached> {
  const idx = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  const fks = await client.query<{ table: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[])`,
    [tables],
  );
  for (const f of fks.rows) await client.query(`ALTER TABLE ${f.table} DROP CONSTRAINT "${f.name}"`);
  for (const i of idx.rows) await client.query(`DROP INDEX ${i.name}`);
  return { indexes: idx.rows, foreignKeys: fks.rows };
}

/** Builds the dropped indexes and adds the foreign keys back (each checked in one join). */
export async function restore(client: pg.Client, d: Detached, each: (label: string, fn: () => Promise<unknown>) => Promise<unknown>) {
  for (const i of d.indexes) await each(`index ${i.name}`, () => client.query(i.def));
  for (const f of d.foreignKeys) await each(`foreign key ${f.name}`, () => client.query(`ALTER TABLE ${f.table} ADD CONSTRAINT "${f.name}" ${f.def}`));
}
