import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A plugin's file store (`ctx.files`): uploaded images, media, exports. Keys are made by the store, never taken from
 * a request, and name the vendor whose file it is. The default keeps files on disk under
 * `<ORION_DATA_DIR>/files/<plugin id>/<vendor id>/<uuid>`; with `FILES_S3_URL` set, objects
 * `<plugin id>/<vendor id>/<uuid>` in an S3-compatible bucket (`s3.ts`), for deployments with several machines.
 */
export interface FileStore {
  /** Stores the bytes and returns the key to find them again. */
  put(vendorId: number, bytes: Uint8Array): Promise<string>;
  /** The bytes, or undefined when no file has the key. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removes the file; a key with no file is not an error. */
  delete(key: string): Promise<void>;
}

/** `<vendorId>/<uuid>`: the only keys a store accepts, so that no key reaches outside the plugin's files. */
export const FILE_KEY = /^\d+\/[0-9a-f-]{36}$/;

/** Files under `root/<vendorId>/<uuid>`. A key of another shape is refused, so no key reaches outside `root`. */
export function diskFileStore(root: string): FileStore {
  const file = (key: string) => {
    if (!FILE_KEY.test(key)) throw new Error(`not a file key: ${key}`);
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
