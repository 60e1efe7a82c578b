// Files of the old site's data/ folder (editor images, attachments) through the upload
// pipeline (lib/images: re-encoded without EXIF, responsive variants) into the store. A file
// is imported once: gnuboard_files remembers its image by source path and content hash, so a
// rerun reuses it and only a changed file is processed again. A missing or unreadable file is
// reported, never fatal.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import type pg from "pg";
import { processImage, ImageRejected } from "../../images/process";
import { storeProcessed } from "../../images/store";
import type { FileStorage } from "../../storage";
import type { ImageRef, ImageVariant } from "../../types";

export type FileProblem = { path: string; reason: string };
export type Attachment = { board: string; wrId: number; no: number };

/** The folder holding data/: --files may name GnuBoard's web root or its data/ folder itself. */
export function filesRoot(dir: string): string {
  const abs = resolve(dir);
  return existsSync(join(abs, "data")) ? abs : resolve(abs, "..");
}

const IMAGE_EXT = /\.(jpe?g|png|webp|avif|gif|bmp)$/i;
export const isImageName = (name: string) => IMAGE_EXT.test(name);

export class FileImporter {
  private memo = new Map<string, Promise<ImageRef | FileProblem>>();
  imported = 0;

  constructor(
    private readonly client: pg.Client,
    private readonly store: FileStorage,
    private readonly root: string | null,
  ) {}

  /** The image for data path `rel`, or the reason there is none. */
  get(rel: string, attachment?: Attachment): Promise<ImageRef | FileProblem> {
    let p = this.memo.get(rel);
    if (!p) {
      p = this.load(rel, attachment);
      this.memo.set(rel, p);
    }
    return p;
  }

  private async load(rel: string, attachment?: Attachment): Promise<ImageRef | FileProblem> {
    if (!this.root) return { path: rel, reason: "no --files folder given" };
    const file = resolve(this.root, rel);
    if (!file.startsWith(this.root + sep)) return { path: rel, reason: "outside the files folder" };
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      return { path: rel, reason: (e as NodeJS.ErrnoException).code === "ENOENT" ? "file missing" : `unreadable (${(e as Error).message})` };
    }
    const checksum = createHash("sha256").update(bytes).digest("hex");
    const known = await this.client.query<{ id: number; storage_key: string; width: number; height: number; alt: string; variants: ImageVariant[]; checksum: string }>(
      `SELECT i.id, i.storage_key, i.width, i.height, i.alt, i.variants, f.checksum
         FROM gnuboard_files f JOIN images i ON i.id = f.image_id WHERE f.source_path = $1`,
      [rel],
    );
    const row = known.rows[0];
    if (row && row.checksum === checksum) return { id: row.id, key: row.storage_key, width: row.width, height: row.height, alt: row.alt, variants: row.variants };
    let stored;
    try {
      stored = await storeProcessed(await processImage(bytes), this.store);
    } catch (e) {
      return { path: rel, reason: e instanceof ImageRejected ? `not a usable image (${e.message})` : `could not be stored (${(e as Error).message})` };
    }
    const img = await this.client.query<{ id: number }>(
      `INSERT INTO images (storage_key, mime, width, height, bytes, variants) VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
      [stored.key, stored.mime, stored.width, stored.height, stored.bytes, JSON.stringify(stored.variants)],
    );
    const id = img.rows[0].id;
    await this.client.query(
      `INSERT INTO gnuboard_files (source_path, image_id, checksum, board, wr_id, bf_no) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (source_path) DO UPDATE SET image_id = EXCLUDED.image_id, checksum = EXCLUDED.checksum,
         board = COALESCE(EXCLUDED.board, gnuboard_files.board), wr_id = COALESCE(EXCLUDED.wr_id, gnuboard_files.wr_id), bf_no = COALESCE(EXCLUDED.bf_no, gnuboard_files.bf_no)`,
      [rel, id, checksum, attachment?.board ?? null, attachment?.wrId ?? null, attachment?.no ?? null],
    );
    this.imported++;
    return { id, key: stored.key, width: stored.width, height: stored.height, alt: "", variants: stored.variants };
  }
}

export const isProblem = (r: ImageRef | FileProblem): r is FileProblem => "reason" in r;
