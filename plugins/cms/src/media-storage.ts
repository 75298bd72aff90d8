import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where media bytes live. The default keeps them in a folder; another store (S3…) implements the same three calls. */
export interface MediaStorage {
  /** Stores the bytes and returns the key to find them again. */
  put(vendorId: number, bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
}

/** Files under `root/<vendorId>/<uuid>`. Keys are generated here, never taken from a request. */
export function createDiskStorage(root: string): MediaStorage {
  const file = (key: string) => {
    if (!/^\d+\/[0-9a-f-]{36}$/.test(key)) throw new Error(`not a media key: ${key}`);
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

/** The folder from `CMS_MEDIA_DIR`, else `data/cms-media` under the working directory. */
export function defaultMediaStorage(): MediaStorage {
  return createDiskStorage(path.resolve(process.env.CMS_MEDIA_DIR ?? path.join('data', 'cms-media')));
}
