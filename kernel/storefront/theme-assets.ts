import crypto from 'node:crypto';
import type { Context } from 'hono';
import type { DbAccess } from '../auth/db-access.js';

/** Largest logo or favicon accepted: enough for a sharp header logo, small enough to keep pages fast. */
export const THEME_ASSET_MAX_BYTES = 512 * 1024;

/** Image types a theme image may have, recognised by their first bytes (never by the name or the browser's type). */
const SIGNATURES: { ext: string; type: string; test: (b: Buffer) => boolean }[] = [
  { ext: 'png', type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) },
  { ext: 'jpg', type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'gif', type: 'image/gif', test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  {
    ext: 'webp',
    type: 'image/webp',
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { ext: 'ico', type: 'image/x-icon', test: (b) => b.subarray(0, 4).equals(Buffer.from('00000100', 'hex')) },
];

/**
 * The kind of image in `bytes`, or undefined for anything else (SVG included: it can carry script). `kind` limits
 * the choice: a favicon may also be an ICO file, a logo may not.
 */
export function sniffImage(bytes: Buffer, kind: 'logo' | 'favicon'): { ext: string; type: string } | undefined {
  const found = SIGNATURES.find((s) => s.test(bytes));
  if (!found || (found.ext === 'ico' && kind !== 'favicon')) return undefined;
  return { ext: found.ext, type: found.type };
}

/** Stores an image for a vendor (once per content) and returns its name, `<hash>.<ext>`. */
export async function storeThemeAsset(
  db: DbAccess,
  vendorId: number,
  bytes: Buffer,
  image: { ext: string; type: string },
): Promise<string> {
  const hash = crypto.createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
  await db.asVendor(vendorId, (k) =>
    k('vendor_theme_assets')
      .insert({ vendor_id: vendorId, hash, content_type: image.type, bytes })
      .onConflict(['vendor_id', 'hash'])
      .ignore(),
  );
  return `${hash}.${image.ext}`;
}

/**
 * `GET <shop>/theme-assets/<hash>.<ext>`: a vendor's logo or favicon. The name holds the content's hash, so the
 * answer never changes: cached for a year.
 */
export async function serveThemeAsset(c: Context, db: DbAccess, vendorId: number): Promise<Response> {
  const name = c.req.param('name') ?? '';
  const match = /^([A-Za-z0-9_-]{22})\.[a-z]{3,4}$/.exec(name);
  if (!match) return c.notFound();
  const row = await db.asVendor(vendorId, (k) =>
    k('vendor_theme_assets')
      .where({ vendor_id: vendorId, hash: match[1] })
      .first<{ content_type: string; bytes: Buffer } | undefined>('content_type', 'bytes'),
  );
  if (!row) return c.notFound();
  return c.body(new Uint8Array(row.bytes), 200, {
    'content-type': row.content_type,
    'cache-control': 'public, max-age=31536000, immutable',
  });
}
