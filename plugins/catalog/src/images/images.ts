import type { FileStore, Knex } from '@orion/sdk';
import { z } from '@orion/sdk';
import { CatalogErrors } from '../errors.js';
import { resizeImage, THUMB_WIDTHS } from './decode.js';

export const IMAGES = 'catalog__product_images';

interface Thumb {
  width: number;
  height: number;
  key: string;
}

export interface ImageRow {
  id: number;
  vendor_id: number;
  product_id: number;
  storage_key: string;
  content_type: string;
  width: number;
  height: number;
  size_bytes: number;
  alt: string;
  position: number;
  thumbs: Thumb[];
}

export const ProductImage = z
  .object({
    id: z.number().int(),
    alt: z.string(),
    position: z.number().int(),
    url: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    contentType: z.string(),
    thumbnails: z.array(z.object({ url: z.string(), width: z.number().int(), height: z.number().int() })),
  })
  .openapi('CatalogProductImage');
export type ProductImage = z.infer<typeof ProductImage>;

/**
 * Public addresses, relative so they work on every host of the shop. An image never changes once stored (a new
 * upload is a new id), so these URLs are served with a one-year immutable cache.
 */
export const imageUrl = (id: number, size: number | 'original' = 'original') =>
  `/api/v1/shop/catalog/images/${id}/${size}`;

export const toImage = (r: ImageRow): ProductImage => ({
  id: Number(r.id),
  alt: r.alt,
  position: r.position,
  url: imageUrl(Number(r.id)),
  width: r.width,
  height: r.height,
  contentType: r.content_type,
  thumbnails: r.thumbs.map((t, i) => ({
    url: imageUrl(Number(r.id), THUMB_WIDTHS[i] ?? t.width),
    width: t.width,
    height: t.height,
  })),
});

/** The images of several products, ordered, keyed by product id. */
export async function imagesOf(
  trx: Knex,
  vendorId: number,
  productIds: number[],
): Promise<Map<number, ProductImage[]>> {
  const rows = await trx<ImageRow>(IMAGES)
    .where({ vendor_id: vendorId })
    .whereIn('product_id', productIds)
    .orderBy(['product_id', 'position', 'id']);
  const out = new Map<number, ProductImage[]>();
  for (const r of rows) out.set(Number(r.product_id), [...(out.get(Number(r.product_id)) ?? []), toImage(r)]);
  return out;
}

/** An image of a live product of this vendor; another vendor's id is as unknown as a missing one. */
export async function findImageRow(trx: Knex, vendorId: number, id: number, activeOnly = false): Promise<ImageRow> {
  const q = trx<ImageRow>(`${IMAGES} as i`)
    .join('catalog__products as p', function () {
      this.on('p.id', 'i.product_id').andOn('p.vendor_id', 'i.vendor_id');
    })
    .where({ 'i.vendor_id': vendorId, 'i.id': id })
    .whereNull('p.deleted_at');
  if (activeOnly) q.where('p.status', 'active');
  const row = await q.first('i.*');
  if (!row) throw CatalogErrors.NotFound({ what: 'image', id });
  return row;
}

/** An image of a checked type with its size read and its resized copies made: ready to store, once or several times. */
export interface PreparedImage {
  type: string;
  bytes: Uint8Array;
  sized: Awaited<ReturnType<typeof resizeImage>>;
}

/** Reads the size and makes the thumbnails (throws `unreadable` for bytes that do not decode). */
export async function prepareImage(type: string, bytes: Uint8Array): Promise<PreparedImage> {
  return { type, bytes, sized: await resizeImage(bytes) };
}

/**
 * Stores an image of a checked type with its resized copies, last in the product's order. Bytes go to the storage
 * first: if the row insert fails, the files are removed again.
 */
export async function addImage(
  trx: Knex,
  storage: FileStore,
  vendorId: number,
  productId: number,
  file: { type: string; bytes: Uint8Array; alt: string },
): Promise<ProductImage> {
  await requireProduct(trx, vendorId, productId);
  return storeImage(trx, storage, vendorId, productId, await prepareImage(file.type, file.bytes), file.alt);
}

async function requireProduct(trx: Knex, vendorId: number, productId: number): Promise<void> {
  const product = await trx('catalog__products')
    .where({ vendor_id: vendorId, id: productId })
    .whereNull('deleted_at')
    .first('id');
  if (!product) throw CatalogErrors.NotFound({ what: 'product', id: productId });
}

/**
 * Stores a prepared image for one product (as `addImage`, without resizing again: the demo seed gives one image to
 * many products). Every product gets files of its own, so deleting one product's image never touches another's.
 */
export async function storeImage(
  trx: Knex,
  storage: FileStore,
  vendorId: number,
  productId: number,
  image: PreparedImage,
  alt: string,
): Promise<ProductImage> {
  await requireProduct(trx, vendorId, productId);
  const { sized } = image;
  const keys: string[] = [];
  try {
    const key = await storage.put(vendorId, image.bytes);
    keys.push(key);
    const thumbs: Thumb[] = [];
    for (const t of sized.thumbs) {
      const k = await storage.put(vendorId, t.bytes);
      keys.push(k);
      thumbs.push({ width: t.width, height: t.height, key: k });
    }
    const last = await trx(IMAGES).where({ vendor_id: vendorId, product_id: productId }).max('position as p').first();
    const [row] = await trx<ImageRow>(IMAGES)
      .insert({
        vendor_id: vendorId,
        product_id: productId,
        storage_key: key,
        content_type: image.type,
        width: sized.width,
        height: sized.height,
        size_bytes: image.bytes.length,
        alt,
        position: last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1,
        thumbs: JSON.stringify(thumbs),
      } as never)
      .returning('*');
    await touch(trx, vendorId, productId);
    return toImage(row as ImageRow);
  } catch (err) {
    for (const k of keys) await storage.delete(k).catch(() => undefined);
    throw err;
  }
}

/** The product's change time moves with its images, so shop caches (ETag) see them. */
const touch = (trx: Knex, vendorId: number, productId: number) =>
  trx('catalog__products').where({ vendor_id: vendorId, id: productId }).update({ updated_at: trx.fn.now() });

export async function setAlt(trx: Knex, vendorId: number, id: number, alt: string): Promise<ImageRow> {
  const row = await findImageRow(trx, vendorId, id);
  await trx(IMAGES).where({ vendor_id: vendorId, id }).update({ alt });
  await touch(trx, vendorId, Number(row.product_id));
  return { ...row, alt };
}

/** Moves an image one place earlier or later among its product's images (positions are renumbered 0…n-1). */
export async function moveImage(trx: Knex, vendorId: number, id: number, dir: 'up' | 'down'): Promise<ImageRow> {
  const row = await findImageRow(trx, vendorId, id);
  const ids = (
    await trx(IMAGES).where({ vendor_id: vendorId, product_id: row.product_id }).orderBy(['position', 'id']).pluck('id')
  ).map(Number);
  const at = ids.indexOf(Number(id));
  const to = dir === 'up' ? at - 1 : at + 1;
  if (to >= 0 && to < ids.length) [ids[at], ids[to]] = [ids[to] as number, ids[at] as number];
  for (const [position, imageId] of ids.entries()) {
    await trx(IMAGES).where({ vendor_id: vendorId, id: imageId }).update({ position });
  }
  await touch(trx, vendorId, Number(row.product_id));
  return row;
}

/**
 * Deletes the row and returns the storage keys to remove once the transaction committed (a file left behind by a
 * crash is harmless; a row whose file is gone is not).
 */
export async function deleteImage(trx: Knex, vendorId: number, id: number): Promise<{ row: ImageRow; keys: string[] }> {
  const row = await findImageRow(trx, vendorId, id);
  await trx(IMAGES).where({ vendor_id: vendorId, id }).delete();
  await touch(trx, vendorId, Number(row.product_id));
  return { row, keys: [row.storage_key, ...row.thumbs.map((t) => t.key)] };
}

/** The stored key of an image's original or of the copy for `size` (a width of THUMB_WIDTHS). */
export function keyFor(row: ImageRow, size: string): { key: string; type: string } | undefined {
  if (size === 'original') return { key: row.storage_key, type: row.content_type };
  const i = (THUMB_WIDTHS as readonly number[]).indexOf(Number(size));
  const thumb = i >= 0 ? row.thumbs[i] : undefined;
  return thumb ? { key: thumb.key, type: 'image/webp' } : undefined;
}
