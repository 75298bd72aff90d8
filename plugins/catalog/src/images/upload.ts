import type { PluginContext } from '@orion/sdk';
import type { Context } from 'hono';
import { sniff, type UploadProblem } from './decode.js';
import { addImage, type ProductImage } from './images.js';

export type UploadResult = { ok: true; image: ProductImage } | { ok: false; problem: UploadProblem | 'missing' };

/**
 * Reads a multipart upload (field `file`, optional `alt`), checks its size against the platform's `imageMaxBytes`
 * and its type by its first bytes (JPEG, PNG, WebP; the name and declared type are ignored), then stores it with
 * its thumbnails. A problem changes nothing.
 */
export async function uploadImage(
  ctx: PluginContext,
  c: Context,
  vendorId: number,
  productId: number,
): Promise<UploadResult> {
  const form = await c.req.parseBody();
  const file = form.file;
  if (!(file instanceof File) || !file.size) return { ok: false, problem: 'missing' };
  const { imageMaxBytes } = await ctx.settings(c.get('platform')!.id);
  // Check the size before reading the bytes into a second buffer.
  if (file.size > Number(imageMaxBytes)) return { ok: false, problem: 'tooLarge' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = sniff(bytes, Number(imageMaxBytes));
  if ('problem' in sniffed) return { ok: false, problem: sniffed.problem };
  const alt = typeof form.alt === 'string' ? form.alt.trim().slice(0, 300) : '';
  try {
    const image = await ctx.withTenant({ vendorId }, (trx) =>
      addImage(trx, ctx.files, vendorId, productId, { type: sniffed.type, bytes, alt }),
    );
    return { ok: true, image };
  } catch (err) {
    if ((err as Error).message === 'unreadable') return { ok: false, problem: 'unreadable' };
    throw err;
  }
}
