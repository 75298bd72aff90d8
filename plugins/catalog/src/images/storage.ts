import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where image bytes live: the same shape as the cms media storage. The default keeps them in a folder; an
 * S3-compatible store implements the same three calls (keys are opaque strings it chooses).
 */
export interface ImageStorage {
  /** Stores the bytes and returns the key to find them again. */
  put(vendorId: number, bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
}

/** Files under `root/<vendorId>/<uuid>`. Keys are generated here, never taken from a request. */
export function createDiskStorage(root: string): ImageStorage {
  const file = (key: string) => {
    if (!/^\d+\/[0-9a-f-]{36}$/.test(key)) throw new Error(`not an image key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(vendorId, bytes) {
      const key = `${vendorId}/${randomUUID()}`;
      await mkdir(path.join(root, String(vendorId)), { recursive: true });
      await writeFile(file(key), bytes);
      return key;
    },
    async get(key) {
      try {
        return await readFile(file(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
  };
}

let storage: ImageStorage | undefined;

/** The folder from `CATALOG_MEDIA_DIR`, else `data/catalog-media` under the working directory; made once. */
export function imageStorage(): ImageStorage {
  storage ??= createDiskStorage(path.resolve(process.env.CATALOG_MEDIA_DIR ?? path.join('data', 'catalog-media')));
  return storage;
}
