import { type PluginContext, type PluginRouter, requirePermission, vendorOf, z } from '@orion/sdk';
import type { Context } from 'hono';
import { deleteImage, findImageRow, moveImage, setAlt, toImage } from '../images/images.js';
import { serveImage } from '../images/serve.js';
import { uploadImage } from '../images/upload.js';
import type { Product } from '../schemas.js';
import {
  Button,
  Card,
  ConfirmDialog,
  csrfToken,
  ErrorSummary,
  type FieldErrors,
  Form,
  PageHeader,
  readForm,
  seeOther,
  setFlash,
  TextField,
} from './kit.js';
import { rerender } from './product-editor.js';
import { idParam, root, tr } from './shared.js';

/** The editor's images: thumbnails in order, move up/down, alt text and delete links, and the upload form. */
export function ImagesCard(props: { c: Context; product: Product; errors: FieldErrors }) {
  const { c, product } = props;
  const { t } = tr(c);
  const base = root(c);
  const images = product.images;
  return (
    <Card title={t('catalog.images.title')}>
      <ul class="space-y-2">
        {images.map((img, i) => (
          <li class="flex items-center gap-2">
            <img
              src={`${base}/images/${img.id}/160`}
              alt={img.alt}
              width={img.thumbnails[0]?.width}
              height={img.thumbnails[0]?.height}
              class="h-16 w-16 object-cover"
            />
            <span class="text-xs">{img.alt || t('catalog.images.noAlt')}</span>
            {i > 0 ? (
              <Form action={`${base}/images/${img.id}/move`} csrf={csrfToken(c)}>
                <input type="hidden" name="dir" value="up" />
                <Button type="submit" variant="ghost">
                  {t('catalog.images.up', { n: i + 1 })}
                </Button>
              </Form>
            ) : null}
            {i < images.length - 1 ? (
              <Form action={`${base}/images/${img.id}/move`} csrf={csrfToken(c)}>
                <input type="hidden" name="dir" value="down" />
                <Button type="submit" variant="ghost">
                  {t('catalog.images.down', { n: i + 1 })}
                </Button>
              </Form>
            ) : null}
            <a href={`${base}/images/${img.id}`}>{t('catalog.action.edit')}</a>
            <a href={`${base}/images/${img.id}/delete`}>{t('catalog.action.delete')}</a>
          </li>
        ))}
      </ul>
      <Form
        action={`${base}/products/${product.id}/images`}
        csrf={csrfToken(c)}
        enctype="multipart/form-data"
        class="mt-3 space-y-2"
      >
        <div>
          <label for="field-file" class="mb-1 block text-sm font-medium text-gray-900">
            {t('catalog.images.file')}
          </label>
          <input
            id="field-file"
            type="file"
            name="file"
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={props.errors.file ? 'true' : undefined}
            aria-describedby={props.errors.file ? 'field-file-error' : undefined}
          />
          {props.errors.file ? (
            <p id="field-file-error" class="mt-1 text-sm text-red-700">
              {props.errors.file}
            </p>
          ) : null}
        </div>
        <TextField name="alt" label={t('catalog.images.alt')} />
        <Button type="submit" variant="secondary">
          {t('catalog.images.upload')}
        </Button>
      </Form>
    </Card>
  );
}

/** Image pages: upload, alt text, move, delete (asks first), and the bytes for the editor's previews. */
export function imagePages(router: PluginRouter, ctx: PluginContext): void {
  router.post('/products/:id{[0-9]+}/images', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const productId = idParam(c) as number;
    const result = await uploadImage(ctx, c, vendorOf(c), productId);
    if (!result.ok) {
      const file = t(`catalog.upload.${result.problem}` as 'catalog.upload.missing');
      return rerender(c, ctx, productId, undefined, { file });
    }
    setFlash(c, { kind: 'success', text: t('catalog.flash.imageAdded') });
    return seeOther(c, `${root(c)}/products/${productId}`);
  });

  router.get('/images/:imageId{[0-9]+}/:size{original|[0-9]+}', requirePermission('catalog.view'), (c) =>
    serveImage(ctx, c, vendorOf(c), { activeOnly: false }),
  );

  const altPage = async (c: Context, values: { alt: string }, errors: FieldErrors) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const id = idParam(c) as number;
    const img = toImage(await ctx.withTenant({ vendorId }, (trx) => findImageRow(trx, vendorId, id)));
    return c.render(
      <>
        <PageHeader title={t('catalog.images.edit')} />
        <img
          src={`${root(c)}/images/${img.id}/480`}
          alt={img.alt}
          width={img.thumbnails[1]?.width}
          height={img.thumbnails[1]?.height}
        />
        <Form action={`${root(c)}/images/${img.id}`} csrf={csrfToken(c)} class="space-y-3">
          <ErrorSummary errors={errors} />
          <TextField
            name="alt"
            label={t('catalog.images.alt')}
            value={values.alt ?? img.alt}
            error={errors.alt}
            hint={t('catalog.hint.alt')}
          />
          <Button type="submit">{t('catalog.action.save')}</Button>
        </Form>
      </>,
      { title: t('catalog.images.edit') },
    );
  };
  router.get('/images/:id{[0-9]+}', requirePermission('catalog.view'), (c) =>
    altPage(c, { alt: undefined as unknown as string }, {}),
  );
  router.post('/images/:id{[0-9]+}', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const form = await readForm(
      c,
      z.object({
        alt: z
          .string()
          .trim()
          .max(300, t('catalog.error.tooLong', { max: 300 }))
          .default(''),
      }),
    );
    if (!form.ok) {
      c.status(422);
      return altPage(c, { alt: String(form.values.alt ?? '') }, form.errors);
    }
    const row = await ctx.withTenant({ vendorId }, (trx) => setAlt(trx, vendorId, idParam(c) as number, form.data.alt));
    setFlash(c, { kind: 'success', text: t('catalog.flash.saved') });
    return seeOther(c, `${root(c)}/products/${row.product_id}`);
  });

  router.post('/images/:id{[0-9]+}/move', requirePermission('catalog.edit'), async (c) => {
    const vendorId = vendorOf(c);
    const form = await readForm(c, z.object({ dir: z.enum(['up', 'down']) }));
    const id = idParam(c) as number;
    const row = await ctx.withTenant({ vendorId }, (trx) =>
      form.ok ? moveImage(trx, vendorId, id, form.data.dir) : findImageRow(trx, vendorId, id),
    );
    return seeOther(c, `${root(c)}/products/${row.product_id}`);
  });

  router.get('/images/:id{[0-9]+}/delete', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const row = await ctx.withTenant({ vendorId }, (trx) => findImageRow(trx, vendorId, idParam(c) as number));
    return c.render(
      <ConfirmDialog
        id="image-delete"
        title={t('catalog.images.deleteConfirm')}
        action={`${root(c)}/images/${row.id}/delete`}
        csrf={csrfToken(c)}
        cancelHref={`${root(c)}/products/${row.product_id}`}
        confirmLabel={t('catalog.action.delete')}
        danger
      >
        {t('catalog.images.deleteExplain')}
      </ConfirmDialog>,
      { title: t('catalog.images.deleteConfirm') },
    );
  });
  router.post('/images/:id{[0-9]+}/delete', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const { row, keys } = await ctx.withTenant({ vendorId }, (trx) => deleteImage(trx, vendorId, idParam(c) as number));
    for (const key of keys) await ctx.files.delete(key);
    setFlash(c, { kind: 'success', text: t('catalog.flash.imageDeleted') });
    return seeOther(c, `${root(c)}/products/${row.product_id}`);
  });
}
