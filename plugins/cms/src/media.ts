import type { FileStore, Knex } from '@orion/sdk';
import { CmsErrors } from './errors.js';

/** The media library's rules: what may be uploaded, where a file is used, and its public address. */

/** Types a page may show, each recognised by its first bytes: the declared type alone is not trusted. */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38,
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  'application/pdf': (b) => ascii(b, 0, 5) === '%PDF-',
};
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

export const MEDIA_TYPES = Object.keys(SIGNATURES);

export interface MediaItem {
  id: number;
  filename: string;
  contentType: string;
  size: number;
  url: string;
  createdAt: string;
}

interface MediaRow {
  id: number;
  vendor_id: number;
  filename: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  created_at: Date;
}

/** The address a page links to: relative, so it works on every host of the shop. */
export const mediaUrl = (id: number) => `/api/v1/shop/cms/media/${id}`;

const toItem = (r: MediaRow): MediaItem => ({
  id: Number(r.id),
  filename: r.filename,
  contentType: r.content_type,
  size: r.size_bytes,
  url: mediaUrl(Number(r.id)),
  createdAt: new Date(r.created_at).toISOString(),
});

export type UploadProblem = 'empty' | 'tooLarge' | 'type' | 'mismatch';

/** What is wrong with an upload, as a code the pages translate, or undefined when it is fine. */
export function uploadProblem(type: string, bytes: Uint8Array, maxBytes: number): UploadProblem | undefined {
  if (!bytes.length) return 'empty';
  if (bytes.length > maxBytes) return 'tooLarge';
  const matches = SIGNATURES[type];
  if (!matches) return 'type';
  if (!matches(bytes)) return 'mismatch';
  return undefined;
}

/** The problem with an upload, in English for API clients, or undefined when it is fine. */
export function checkUpload(type: string, bytes: Uint8Array, maxBytes: number): string | undefined {
  switch (uploadProblem(type, bytes, maxBytes)) {
    case 'empty':
      return 'is empty';
    case 'tooLarge':
      return `is larger than ${maxBytes} bytes`;
    case 'type':
      return `must be one of ${MEDIA_TYPES.join(', ')} (got ${type || 'no type'})`;
    case 'mismatch':
      return `does not look like ${type}`;
    default:
      return undefined;
  }
}

export async function addMedia(
  trx: Knex,
  storage: FileStore,
  vendorId: number,
  file: { name: string; type: string; bytes: Uint8Array },
): Promise<MediaItem> {
  const key = await storage.put(vendorId, file.bytes);
  const [row] = await trx<MediaRow>('cms__media')
    .insert({
      vendor_id: vendorId,
      filename: file.name.slice(0, 200) || 'file',
      content_type: file.type,
      size_bytes: file.bytes.length,
      storage_key: key,
    })
    .returning('*');
  return toItem(row as MediaRow);
}

export async function listMedia(trx: Knex, vendorId: number): Promise<MediaItem[]> {
  return (await trx<MediaRow>('cms__media').where({ vendor_id: vendorId }).orderBy('id', 'desc')).map(toItem);
}

export async function findMedia(trx: Knex, vendorId: number, id: number): Promise<MediaRow> {
  const row = await trx<MediaRow>('cms__media').where({ vendor_id: vendorId, id }).first();
  if (!row) throw CmsErrors.MediaNotFound({ id: String(id) });
  return row;
}

/** Slugs of the vendor's pages whose content links to the file. */
export async function pagesUsing(trx: Knex, vendorId: number, id: number): Promise<string[]> {
  const pattern = `${mediaUrl(id)}([^0-9]|$)`;
  const rows = await trx('cms__vendor_pages as p')
    .join('cms__vendor_page_translations as t', 't.page_id', 'p.id')
    .where('p.vendor_id', vendorId)
    .where('t.content', '~', pattern)
    .distinct('p.slug')
    .orderBy('p.slug');
  return rows.map((r: { slug: string }) => r.slug);
}

/** Deletes the file unless a page of the vendor still shows it. */
export async function deleteMedia(trx: Knex, storage: FileStore, vendorId: number, id: number): Promise<void> {
  const row = await findMedia(trx, vendorId, id);
  const usedBy = await pagesUsing(trx, vendorId, id);
  if (usedBy.length) throw CmsErrors.MediaInUse({ id: String(id), pages: usedBy.join(', ') });
  await trx('cms__media').where({ vendor_id: vendorId, id }).delete();
  await storage.delete(row.storage_key);
}
