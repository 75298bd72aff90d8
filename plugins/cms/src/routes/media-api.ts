import { createRoute, type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import { CmsErrors } from '../errors.js';
import { addMedia, checkUpload, deleteMedia, findMedia, listMedia } from '../media.js';
import { IdParam } from '../schemas.js';

const MediaItem = z
  .object({
    id: z.number().int(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    url: z.string(),
    createdAt: z.string(),
  })
  .openapi('CmsMediaItem');

const listRoute = createRoute({
  method: 'get',
  path: '/media',
  summary: "The shop's media library, newest first",
  responses: {
    200: {
      description: 'The files',
      content: { 'application/json': { schema: z.object({ media: z.array(MediaItem) }) } },
    },
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/media/{id}',
  summary: 'Delete a file that no page shows (409 CMS_MEDIA_IN_USE otherwise)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});

/**
 * `/api/v1/vendor/cms/media`: upload (multipart field `file`), list, delete if unused. The size limit is the
 * platform setting `mediaMaxBytes`, under the kernel's request body limit.
 */
export function mediaVendorApi(router: PluginRouter, ctx: PluginContext): void {
  const guard: Parameters<PluginRouter['use']>[1] = async (c, next) =>
    requirePermission(c.req.method === 'GET' ? 'cms.view' : 'cms.edit')(c, next);
  router.use('/media', guard);
  router.use('/media/*', guard);

  router.post('/media', async (c) => {
    const vendorId = c.get('vendor')!.id;
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File))
      throw CmsErrors.MediaInvalid({ problem: 'is missing' }, { fields: { file: 'is missing' } });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { mediaMaxBytes } = await ctx.settings(c.get('platform').id);
    const problem = checkUpload(file.type, bytes, Number(mediaMaxBytes));
    if (problem) throw CmsErrors.MediaInvalid({ problem }, { fields: { file: problem } });
    const item = await ctx.withTenant({ vendorId }, (trx) =>
      addMedia(trx, ctx.files, vendorId, { name: file.name, type: file.type, bytes }),
    );
    return c.json(item, 201);
  });

  router.openapi(listRoute, async (c) => {
    const vendorId = c.get('vendor')!.id;
    return c.json({ media: await ctx.withTenant({ vendorId }, (trx) => listMedia(trx, vendorId)) }, 200);
  });

  router.openapi(deleteRoute, async (c) => {
    const vendorId = c.get('vendor')!.id;
    const { id } = c.req.valid('param');
    await ctx.withTenant({ vendorId }, (trx) => deleteMedia(trx, ctx.files, vendorId, id));
    return c.body(null, 204);
  });
}

/** `GET /api/v1/shop/cms/media/{id}`: the file, for the shop that owns it only. */
export function mediaShopApi(router: PluginRouter, ctx: PluginContext): void {
  router.get('/media/:id{[0-9]+}', async (c) => {
    const vendor = c.get('vendor');
    if (!vendor) throw CmsErrors.MediaNotFound({ id: c.req.param('id') });
    const id = Number(c.req.param('id'));
    const row = await ctx.withTenant({ vendorId: vendor.id }, (trx) => findMedia(trx, vendor.id, id));
    const bytes = await ctx.files.get(row.storage_key);
    if (!bytes) throw CmsErrors.MediaNotFound({ id: String(id) });
    return c.body(new Uint8Array(bytes).buffer as ArrayBuffer, 200, {
      'content-type': row.content_type,
      'content-length': String(bytes.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'public, max-age=3600',
    });
  });
}
