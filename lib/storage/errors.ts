// Apart from index.ts so that the stores can import it without a cycle.

/**
 * The store could not answer (endpoint down, refused credentials, timeout): not the same as a
 * missing object, so a media request says 503 (try again) rather than 404 (gone for good).
 */
export class StorageUnavailable extends Error {
  constructor(op: string, key: string, cause: unknown) {
    super(`media storage failed to ${op} ${key}: ${(cause as Error)?.message ?? cause}`, { cause });
    this.name = "StorageUnavailable";
  }
}
