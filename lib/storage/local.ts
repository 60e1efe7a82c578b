import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { FileStorage, StoredObject } from "./index";

export class LocalStorage implements FileStorage {
  private root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }
  private path(key: string) {
    const p = resolve(join(this.root, key));
    if (!p.startsWith(this.root + "/")) throw new Error("storage key escapes the upload folder");
    return p;
  }
  async put(key: string, data: Buffer) {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, data);
  }
  async get(key: string) {
    try {
      return await readFile(this.path(key));
    } catch {
      return null;
    }
  }
  async delete(key: string) {
    await rm(this.path(key), { force: true });
  }
  async size(key: string) {
    try {
      const s = await stat(this.path(key));
      return s.isFile() ? s.size : null;
    } catch {
      return null;
    }
  }
  async *list(prefix = ""): AsyncIterable<StoredObject> {
    // Walk only the folder the prefix names (seed/, uploads/2026/…), then filter by the rest.
    const cut = prefix.lastIndexOf("/");
    const start = cut < 0 ? this.root : this.path(prefix.slice(0, cut));
    let entries;
    try {
      entries = await readdir(start, { recursive: true, withFileTypes: true });
    } catch {
      return; // no such folder: nothing stored under it
    }
    for (const d of entries) {
      if (!d.isFile()) continue;
      const full = join(d.parentPath, d.name);
      const key = relative(this.root, full).split(sep).join("/");
      if (!key.startsWith(prefix)) continue;
      const s = await stat(full).catch(() => null);
      if (s) yield { key, size: s.size };
    }
  }
}
