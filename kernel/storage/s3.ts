import { randomUUID } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { FILE_KEY, type FileStore } from './files.js';

export interface S3Settings {
  /** The bucket's URL: path style (`https://s3.example.com/bucket`) or virtual-host style. */
  url: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Files as objects `<prefix>/<vendorId>/<uuid>` in an S3-compatible bucket (AWS, MinIO, Ceph, R2…), requests signed
 * with Signature V4 by aws4fetch. The bucket must exist; Orion never creates or lists it.
 */
export function s3FileStore(settings: S3Settings, prefix: string): FileStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: 's3',
  });
  const base = `${settings.url.replace(/\/+$/, '')}/${encodeURIComponent(prefix)}`;
  const objectUrl = (key: string) => {
    if (!FILE_KEY.test(key)) throw new Error(`not a file key: ${key}`);
    return `${base}/${key}`;
  };
  const fail = async (what: string, res: Response) =>
    new Error(`S3 ${what} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return {
    async put(vendorId, bytes) {
      const key = `${vendorId}/${randomUUID()}`;
      const res = await client.fetch(objectUrl(key), { method: 'PUT', body: bytes });
      if (!res.ok) throw await fail('PUT', res);
      await res.arrayBuffer();
      return key;
    },
    async get(key) {
      const res = await client.fetch(objectUrl(key));
      if (res.status === 404) {
        await res.arrayBuffer();
        return undefined;
      }
      if (!res.ok) throw await fail('GET', res);
      return new Uint8Array(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await client.fetch(objectUrl(key), { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw await fail('DELETE', res);
      await res.arrayBuffer();
    },
  };
}
