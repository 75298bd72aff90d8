import { type PluginContext, type PluginRouter, requirePermission, vendorOf, z } from '@orion/sdk';
import {
  ConfirmDialog,
  can,
  csrfToken,
  type FieldErrors,
  PageHeader,
  readForm,
  seeOther,
  setFlash,
} from '@orion/sdk/ui';
import type { Context } from 'hono';
import { CmsErrors } from '../errors.js';
import { announceDeleted, announceSaved } from '../events.js';
import { defaultsOf, overrideDefault } from '../overrides.js';
import { createPage, deletePage, getPage, listPages, updatePage, VENDOR_TABLES } from '../page-store.js';
import { type Page, Slug } from '../schemas.js';
import { EditorView } from './editor.js';
import { ListView } from './list.js';
import { PositiveId, pageValues, parsePageForm, previewOf, root, tr, type Values } from './shared.js';

const own = (vendorId: number) => ({ vendor_id: vendorId });
const AnyForm = z.record(z.string(), z.unknown());

/**
 * The shop's pages at `/vendor/<code>/cms/pages`: the list (own pages and inherited defaults), the editor, delete
 * with confirmation, and "override" of a default. Writes go through the same page store and events as the JSON API.
 */
export function pageRoutes(router: PluginRouter, ctx: PluginContext): void {
  const scoped = <R,>(c: Context, fn: (trx: Parameters<Parameters<PluginContext['withTenant']>[1]>[0]) => Promise<R>) =>
    ctx.withTenant({ vendorId: vendorOf(c) }, fn);
  /** The shop's languages, default first, then any other language the page already has (an override's copy). */
  const languagesOf = (c: Context, page?: Page): string[] => {
    const vendor = c.get('vendor')!;
    const extra = (page?.translations ?? []).map((t) => t.language);
    return [...new Set([vendor.defaultLanguage, ...vendor.languages, ...extra])];
  };
  const idOf = (c: Context) => {
    const id = PositiveId.safeParse(c.req.param('id'));
    if (!id.success) throw CmsErrors.PageNotFound({ id: String(c.req.param('id')) });
    return id.data;
  };
  const editor = (
    c: Context,
    values: Values,
    id?: number,
    errors?: FieldErrors,
    preview?: { language: string; html: string },
    page?: Page,
  ) => {
    const { t } = tr(c);
    if (errors) c.status(422);
    return c.render(
      <EditorView
        c={c}
        t={t}
        id={id}
        action={id ? `${root(c)}/pages/${id}` : `${root(c)}/pages`}
        back={`${root(c)}/pages`}
        values={values}
        preview={preview}
        errors={errors}
        languages={languagesOf(c, page)}
        canEdit={can(c.get('principal'), 'cms.edit')}
      />,
      { title: t('cms.pages.title') },
    );
  };

  router.get('/pages', requirePermission('cms.view'), async (c) => {
    const { t } = tr(c);
    const vendor = c.get('vendor')!;
    const [pages, defaults] = await scoped(c, async (trx) => [
      await listPages(trx, VENDOR_TABLES, own(vendor.id)),
      await defaultsOf(trx, c.get('platform').id, vendor.id, vendor.defaultLanguage),
    ]);
    return c.render(<ListView c={c} t={t} pages={pages} defaults={defaults} language={vendor.defaultLanguage} />, {
      title: t('cms.pages.title'),
    });
  });

  router.get('/pages/new', requirePermission('cms.edit'), (c) => editor(c, { status: 'draft', navOrder: '0' }));

  router.post('/pages', requirePermission('cms.edit'), async (c) => {
    const { t } = tr(c);
    const form = await readForm(c, AnyForm);
    const preview = previewOf(form.values, languagesOf(c));
    if (preview) return editor(c, form.values, undefined, undefined, preview);
    const parsed = parsePageForm(t, form.values, languagesOf(c));
    if (!parsed.ok) return editor(c, form.values, undefined, parsed.errors);
    const vendorId = vendorOf(c);
    try {
      const page = await scoped(c, (trx) => createPage(trx, VENDOR_TABLES, own(vendorId), parsed.input, own(vendorId)));
      announceSaved(ctx, c.get('platform').id, vendorId, page, false);
      setFlash(c, { kind: 'success', text: t('cms.pages.saved', { slug: page.slug }) });
      return seeOther(c, `${root(c)}/pages/${page.id}`);
    } catch (err) {
      if (!CmsErrors.SlugTaken.is(err)) throw err;
      return editor(c, form.values, undefined, { slug: t('cms.error.slugTaken') });
    }
  });

  router.get('/pages/:id', requirePermission('cms.view'), async (c) => {
    const id = idOf(c);
    const page = await scoped(c, (trx) => getPage(trx, VENDOR_TABLES, own(vendorOf(c)), id));
    return editor(c, pageValues(page), id, undefined, undefined, page);
  });

  router.post('/pages/:id', requirePermission('cms.edit'), async (c) => {
    const { t } = tr(c);
    const id = idOf(c);
    const vendorId = vendorOf(c);
    const before = await scoped(c, (trx) => getPage(trx, VENDOR_TABLES, own(vendorId), id));
    const languages = languagesOf(c, before);
    const form = await readForm(c, AnyForm);
    const preview = previewOf(form.values, languages);
    if (preview) return editor(c, form.values, id, undefined, preview, before);
    const parsed = parsePageForm(t, form.values, languages);
    if (!parsed.ok) return editor(c, form.values, id, parsed.errors, undefined, before);
    try {
      const { page, wasPublished } = await scoped(c, (trx) =>
        updatePage(trx, VENDOR_TABLES, own(vendorId), id, parsed.input, own(vendorId)),
      );
      announceSaved(ctx, c.get('platform').id, vendorId, page, wasPublished);
      setFlash(c, { kind: 'success', text: t('cms.pages.saved', { slug: page.slug }) });
      return seeOther(c, `${root(c)}/pages/${id}`);
    } catch (err) {
      if (!CmsErrors.SlugTaken.is(err)) throw err;
      return editor(c, form.values, id, { slug: t('cms.error.slugTaken') }, undefined, before);
    }
  });

  router.get('/pages/:id/delete', requirePermission('cms.edit'), async (c) => {
    const { t } = tr(c);
    const id = idOf(c);
    const page = await scoped(c, (trx) => getPage(trx, VENDOR_TABLES, own(vendorOf(c)), id));
    return c.render(
      <>
        <PageHeader title={t('cms.delete.title', { slug: page.slug })} />
        <ConfirmDialog
          id="confirm-delete"
          title={t('cms.delete.title', { slug: page.slug })}
          action={`${root(c)}/pages/${id}/delete`}
          csrf={csrfToken(c)}
          cancelHref={`${root(c)}/pages`}
          confirmLabel={t('cms.delete')}
          danger
        >
          {t('cms.delete.body')}
        </ConfirmDialog>
      </>,
      { title: t('cms.delete.title', { slug: page.slug }) },
    );
  });

  router.post('/pages/:id/delete', requirePermission('cms.edit'), async (c) => {
    const { t } = tr(c);
    const id = idOf(c);
    const vendorId = vendorOf(c);
    const page = await scoped(c, (trx) => deletePage(trx, VENDOR_TABLES, own(vendorId), id));
    announceDeleted(ctx, c.get('platform').id, vendorId, page);
    setFlash(c, { kind: 'success', text: t('cms.pages.deleted', { slug: page.slug }) });
    return seeOther(c, `${root(c)}/pages`);
  });

  router.post('/defaults/:slug/override', requirePermission('cms.edit'), async (c) => {
    const { t } = tr(c);
    const slug = Slug.safeParse(c.req.param('slug'));
    if (!slug.success) throw CmsErrors.DefaultNotFound({ slug: String(c.req.param('slug')) });
    const vendorId = vendorOf(c);
    const page = await scoped(c, (trx) => overrideDefault(trx, c.get('platform').id, vendorId, slug.data));
    announceSaved(ctx, c.get('platform').id, vendorId, page, false);
    setFlash(c, { kind: 'success', text: t('cms.defaults.overridden', { slug: page.slug }) });
    return seeOther(c, `${root(c)}/pages/${page.id}`);
  });
}
