import { createRoute, type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import { CatalogErrors } from '../errors.js';
import { jsonBody, jsonResponse, NoContent, vendorIdOf } from '../http.js';
import { IdParam } from '../schemas.js';
import { deleteImage, findImageRow, moveImage, ProductImage, setAlt, toImage } from './images.js';
import { serveImage } from './serve.js';
import { uploadImage } from './upload.js';

const tags = ['catalog'];
const ImagePatch = z.object({
  alt: z.string().trim().max(300).optional(),
  move: z.enum(['up', 'down']).optional(),
});

const routes = {
  patch: createRoute({
    method: 'patch',
    path: '/images/{id}',
    tags,
    summary: "Change an image's alt text or move it one place",
    middleware: [requirePermission('catalog.edit')],
    request: { params: IdParam, ...jsonBody(ImagePatch) },
    responses: { 200: jsonResponse(ProductImage, 'The image') },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/images/{id}',
    tags,
    summary: 'Delete an image and its thumbnails',
    middleware: [requirePermission('catalog.edit')],
    request: { params: IdParam },
    responses: { 204: NoContent },
  }),
};

export const UPLOAD_MESSAGES = {
  missing: 'choose a file',
  empty: 'is empty',
  tooLarge: 'is larger than the size limit',
  type: 'must be a JPEG, PNG or WebP image',
  unreadable: 'could not be read as an image',
} as const;

/**
 * Vendor API for images: `POST /products/{id}/images` (multipart `file`, `alt`), `PATCH` and `DELETE /images/{id}`.
 * The upload is multipart, so it is a plain route; its problems answer 422 `CATALOG_INVALID` naming `file`.
 */
export function imageVendorApi(router: PluginRouter, ctx: PluginContext): void {
  router.post('/products/:id{[0-9]+}/images', requirePermission('catalog.edit'), async (c) => {
    const vendorId = vendorIdOf(c);
    const result = await uploadImage(ctx, c, vendorId, Number(c.req.param('id')));
    if (!result.ok) {
      const message = UPLOAD_MESSAGES[result.problem];
      throw CatalogErrors.Invalid({ summary: `file: ${message}` }, { fields: { file: message } });
    }
    return c.json(result.image, 201);
  });
  router.openapi(routes.patch, async (c) => {
    const vendorId = vendorIdOf(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const row = await ctx.withTenant({ vendorId }, async (trx) => {
      if (body.move) await moveImage(trx, vendorId, id, body.move);
      return body.alt === undefined ? findImageRow(trx, vendorId, id) : setAlt(trx, vendorId, id, body.alt);
    });
    return c.json(toImage(row), 200);
  });
  router.openapi(routes.remove, async (c) => {
    const vendorId = vendorIdOf(c);
    const { id } = c.req.valid('param');
    const { keys } = await ctx.withTenant({ vendorId }, (trx) => deleteImage(trx, vendorId, id));
    for (const key of keys) await ctx.files.delete(key);
    return c.body(null, 204);
  });
}

/** `GET /api/v1/shop/catalog/images/{id}/{size}`: an image of an active product of this shop, cached for a year. */
export function imageShopApi(router: PluginRouter, ctx: PluginContext): void {
  router.get('/images/:imageId{[0-9]+}/:size{original|[0-9]+}', (c) =>
    serveImage(ctx, c, vendorIdOf(c), { activeOnly: true }),
  );
}
