import { type PluginContext, type PluginRouter, requirePermission, vendorOf } from '@orion/sdk';
import {
  Alert,
  Button,
  Card,
  ConfirmDialog,
  can,
  csrfToken,
  Form,
  PageHeader,
  seeOther,
  setFlash,
} from '@orion/sdk/ui';
import type { Context } from 'hono';
import { CmsErrors } from '../errors.js';
import {
  addMedia,
  deleteMedia,
  findMedia,
  listMedia,
  MEDIA_TYPES,
  type MediaItem,
  pagesUsing,
  uploadProblem,
} from '../media.js';
import { PositiveId, root, type T, TD, TH, tr } from './shared.js';

const isImage = (item: MediaItem) => item.contentType.startsWith('image/');
const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

function MediaView(props: { c: Context; t: T; media: MediaItem[]; fileError?: string }) {
  const { c, t } = props;
  const canEdit = can(c.get('principal'), 'cms.edit');
  return (
    <>
      <PageHeader title={t('cms.media.title')} description={t('cms.media.description')} />
      {canEdit ? (
        <Card title={t('cms.media.upload')}>
          <Form action={`${root(c)}/media`} csrf={csrfToken(c)} enctype="multipart/form-data" class="space-y-3">
            <div>
              <label for="field-file" class="mb-1 block text-sm font-medium text-gray-900">
                {t('cms.media.file')}
              </label>
              <p id="field-file-hint" class="mb-1 text-sm text-gray-600">
                {t('cms.media.file.hint')}
              </p>
              <input
                id="field-file"
                type="file"
                name="file"
                accept={MEDIA_TYPES.join(',')}
                aria-invalid={props.fileError ? 'true' : undefined}
                aria-describedby={props.fileError ? 'field-file-hint field-file-error' : 'field-file-hint'}
              />
              {props.fileError ? (
                <p id="field-file-error" class="mt-1 text-sm text-red-700">
                  {props.fileError}
                </p>
              ) : null}
            </div>
            <Button type="submit">{t('cms.media.uploadButton')}</Button>
          </Form>
        </Card>
      ) : null}
      <div class="mt-6 overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
        <table class="min-w-full divide-y divide-gray-200 text-sm">
          <caption class="sr-only">{t('cms.media.caption')}</caption>
          <thead class="bg-gray-50">
            <tr>
              <th scope="col" class={TH}>
                {t('cms.media.col.file')}
              </th>
              <th scope="col" class={TH}>
                {t('cms.media.col.url')}
              </th>
              <th scope="col" class={TH}>
                {t('cms.col.actions')}
              </th>
            </tr>
          </thead>
          <tbody class="divide-y divide-gray-100">
            {props.media.length === 0 ? (
              <tr>
                <td class={TD} colspan={3}>
                  {t('cms.media.empty')}
                </td>
              </tr>
            ) : null}
            {props.media.map((m) => (
              <tr id={`media-${m.id}`}>
                <td class={TD}>
                  <a href={`${root(c)}/media/${m.id}/file`} class="flex items-center gap-3 underline">
                    {isImage(m) ? (
                      <img
                        src={`${root(c)}/media/${m.id}/file`}
                        alt=""
                        width={64}
                        height={64}
                        loading="lazy"
                        class="h-16 w-16 rounded object-cover"
                      />
                    ) : null}
                    <span>{m.filename}</span>
                  </a>
                  <span class="text-gray-600">
                    {m.contentType} · {kb(m.size)}
                  </span>
                </td>
                <td class={TD}>
                  <label for={`media-url-${m.id}`} class="sr-only">
                    {t('cms.media.urlOf', { name: m.filename })}
                  </label>
                  <input
                    id={`media-url-${m.id}`}
                    readonly
                    value={isImage(m) ? `![${m.filename}](${m.url})` : `[${m.filename}](${m.url})`}
                    class="w-full rounded-md px-2 py-1 font-mono text-xs ring-1 ring-gray-300"
                  />
                </td>
                <td class={TD}>
                  {canEdit ? (
                    <a class="underline" href={`${root(c)}/media/${m.id}/delete`}>
                      {t('cms.delete')}
                      <span class="sr-only"> {m.filename}</span>
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * The media library at `/vendor/<code>/cms/media`: upload (multipart), the list with thumbnails and the Markdown to
 * paste into a page, delete with confirmation (refused while a page shows the file). Rules live in media.ts.
 */
export function mediaPages(router: PluginRouter, ctx: PluginContext): void {
  const scoped = <R,>(c: Context, fn: (trx: Parameters<Parameters<PluginContext['withTenant']>[1]>[0]) => Promise<R>) =>
    ctx.withTenant({ vendorId: vendorOf(c) }, fn);
  const idOf = (c: Context) => {
    const id = PositiveId.safeParse(c.req.param('id'));
    if (!id.success) throw CmsErrors.MediaNotFound({ id: String(c.req.param('id')) });
    return id.data;
  };
  const page = async (c: Context, fileError?: string) => {
    const { t } = tr(c);
    const media = await scoped(c, (trx) => listMedia(trx, vendorOf(c)));
    if (fileError) c.status(422);
    return c.render(<MediaView c={c} t={t} media={media} fileError={fileError} />, { title: t('cms.media.title') });
  };

  router.get('/media', requirePermission('cms.view'), (c) => page(c));

  router.post('/media', requirePermission('cms.edit'), async (c) => {
    const { t } = tr(c);
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File) || !file.name) return page(c, t('cms.media.error.missing'));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { mediaMaxBytes } = await ctx.settings(c.get('platform').id);
    const problem = uploadProblem(file.type, bytes, Number(mediaMaxBytes));
    if (problem) {
      return page(
        c,
        t(`cms.media.error.${problem}`, { max: kb(Number(mediaMaxBytes)), types: MEDIA_TYPES.join(', ') }),
      );
    }
    const vendorId = vendorOf(c);
    const item = await scoped(c, (trx) =>
      addMedia(trx, ctx.files, vendorId, { name: file.name, type: file.type, bytes }),
    );
    setFlash(c, { kind: 'success', text: t('cms.media.added', { name: item.filename }) });
    return seeOther(c, `${root(c)}/media`);
  });

  // The dashboard's own copy of the file, for thumbnails: the public address lives on the shop's host.
  router.get('/media/:id/file', requirePermission('cms.view'), async (c) => {
    const row = await scoped(c, (trx) => findMedia(trx, vendorOf(c), idOf(c)));
    const bytes = await ctx.files.get(row.storage_key);
    if (!bytes) throw CmsErrors.MediaNotFound({ id: String(row.id) });
    return c.body(new Uint8Array(bytes).buffer as ArrayBuffer, 200, {
      'content-type': row.content_type,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=300',
    });
  });

  router.get('/media/:id/delete', requirePermission('cms.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const id = idOf(c);
    const [row, usedBy] = await scoped(c, async (trx) => [
      await findMedia(trx, vendorId, id),
      await pagesUsing(trx, vendorId, id),
    ]);
    const title = t('cms.media.delete.title', { name: row.filename });
    return c.render(
      <>
        <PageHeader title={title} />
        <ConfirmDialog
          id="confirm-delete"
          title={title}
          action={`${root(c)}/media/${id}/delete`}
          csrf={csrfToken(c)}
          cancelHref={`${root(c)}/media`}
          confirmLabel={t('cms.delete')}
          error={usedBy.length ? t('cms.media.inUse', { pages: usedBy.join(', ') }) : undefined}
          danger
        >
          {t('cms.media.delete.body')}
        </ConfirmDialog>
      </>,
      { title },
    );
  });

  router.post('/media/:id/delete', requirePermission('cms.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const id = idOf(c);
    try {
      const row = await scoped(c, async (trx) => {
        const found = await findMedia(trx, vendorId, id);
        await deleteMedia(trx, ctx.files, vendorId, id);
        return found;
      });
      setFlash(c, { kind: 'success', text: t('cms.media.deleted', { name: row.filename }) });
    } catch (err) {
      if (!CmsErrors.MediaInUse.is(err)) throw err;
      const usedBy = await scoped(c, (trx) => pagesUsing(trx, vendorId, id));
      c.status(409);
      return c.render(
        <>
          <PageHeader title={t('cms.media.title')} />
          <Alert kind="error">{t('cms.media.inUse', { pages: usedBy.join(', ') })}</Alert>
          <a href={`${root(c)}/media`} class="text-sm underline">
            {t('cms.media.back')}
          </a>
        </>,
        { title: t('cms.media.title') },
      );
    }
    return seeOther(c, `${root(c)}/media`);
  });
}
