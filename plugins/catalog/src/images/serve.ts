import type { Knex, PluginContext } from '@orion/sdk';
import type { Context } from 'hono';
import { CatalogErrors } from '../errors.js';
import { findImageRow, keyFor } from './images.js';

/**
 * Answers an image's bytes (`size`: `original` or a thumbnail width). An image id never gets other bytes, so the
 * answer may be cached for a year (`immutable`). `activeOnly` for shoppers: a draft's images stay private.
 */
export async function serveImage(
  ctx: PluginContext,
  c: Context,
  vendorId: number,
  opts: { activeOnly: boolean },
): Promise<Response> {
  const id = Number(c.req.param('imageId'));
  const size = c.req.param('size') ?? 'original';
  const row = await ctx.withTenant({ vendorId }, (trx: Knex) => findImageRow(trx, vendorId, id, opts.activeOnly));
  const stored = keyFor(row, size);
  const bytes = stored ? await ctx.files.get(stored.key) : undefined;
  if (!stored || !bytes) throw CatalogErrors.NotFound({ what: 'image', id: `${id}/${size}` });
  return c.body(new Uint8Array(bytes).buffer as ArrayBuffer, 200, {
    'content-type': stored.type,
    'content-length': String(bytes.length),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': `${opts.activeOnly ? 'public' : 'private'}, max-age=31536000, immutable`,
  });
}
