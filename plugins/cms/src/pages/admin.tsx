import { type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import {
  ConfirmDialog,
  csrfToken,
  type FieldErrors,
  LinkButton,
  PageHeader,
  readForm,
  seeOther,
  setFlash,
} from '@orion/sdk/ui';
import type { Context } from 'hono';
import { CmsErrors } from '../errors.js';
import { announceDeleted, announceSaved } from '../events.js';
import { createPage, deletePage, getPage, listPages, PLATFORM_TABLES, updatePage } from '../page-store.js';
import { type Page, Tier } from '../schemas.js';
import { EditorView } from './editor.js';
import { PagesTable } from './pages-table.js';
import { PositiveId, pageValues, parsePageForm, previewOf, type T, tr, type Values } from './shared.js';

/** The languages the kernel speaks; the platform's own comes first. */
const LANGUAGES = ['en', 'fr', 'de'];
const AnyForm = z.record(z.string(), z.unknown());
const adminRoot = (c: Context) => `${c.get('tenant')?.base ?? ''}/admin/cms`;

function PlatformTable(props: { c: Context; t: T; tier: Tier; pages: Page[]; language: string }) {
  const { t } = props;
  return (
    <section class="mb-8">
      <h2 class="text-lg font-semibold text-gray-900">{t(`cms.admin.${props.tier}.title`)}</h2>
      <p class="mb-3 text-sm text-gray-600">{t(`cms.admin.${props.tier}.description`)}</p>
      <PagesTable
        t={t}
        id={`tier-${props.tier}`}
        pages={props.pages}
        language={props.language}
        caption={t(`cms.admin.${props.tier}.title`)}
        empty={t('cms.admin.empty')}
        editRoot={`${adminRoot(props.c)}/pages`}
        path={(p) => `/${props.tier === 'default' ? `pages/${p.slug}` : p.slug}`}
        canDelete
      />
    </section>
  );
}

/**
 * The admin console's pages at `/admin/cms/pages`: the platform's marketing pages and the default pages every shop
 * inherits, with the same editor as the shops'. Only administrators holding `cms.platform`; every query names the
 * request's platform.
 */
export function adminPages(router: PluginRouter, ctx: PluginContext): void {
  const guard = requirePermission('cms.platform');
  const owner = (c: Context, tier?: string): Record<string, string | number> => {
    const platformId: number = c.get('platform')!.id;
    return tier ? { platform_id: platformId, tier } : { platform_id: platformId };
  };
  const languagesOf = (c: Context) => {
    const first: string = c.get('platform')!.defaultLanguage;
    return [first, ...LANGUAGES.filter((l) => l !== first)];
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
  ) => {
    const { t } = tr(c);
    if (errors) c.status(422);
    return c.render(
      <EditorView
        c={c}
        t={t}
        id={id}
        action={id ? `${adminRoot(c)}/pages/${id}` : `${adminRoot(c)}/pages`}
        back={`${adminRoot(c)}/pages`}
        askTier={!id}
        values={values}
        preview={preview}
        errors={errors}
        languages={languagesOf(c)}
        canEdit
      />,
      { title: t('cms.admin.title') },
    );
  };

  router.get('/pages', guard, async (c) => {
    const { t } = tr(c);
    const [marketing, defaults] = await Promise.all([
      listPages(ctx.db, PLATFORM_TABLES, owner(c, 'marketing')),
      listPages(ctx.db, PLATFORM_TABLES, owner(c, 'default')),
    ]);
    const language = languagesOf(c)[0] ?? 'en';
    return c.render(
      <>
        <PageHeader
          title={t('cms.admin.title')}
          description={t('cms.admin.description')}
          actions={<LinkButton href={`${adminRoot(c)}/pages/new`}>{t('cms.pages.new')}</LinkButton>}
        />
        <PlatformTable c={c} t={t} tier="default" pages={defaults} language={language} />
        <PlatformTable c={c} t={t} tier="marketing" pages={marketing} language={language} />
      </>,
      { title: t('cms.admin.title') },
    );
  });

  router.get('/pages/new', guard, (c) => editor(c, { status: 'draft', navOrder: '0', tier: 'default' }));

  router.post('/pages', guard, async (c) => {
    const { t } = tr(c);
    const form = await readForm(c, AnyForm);
    const preview = previewOf(form.values, languagesOf(c));
    if (preview) return editor(c, form.values, undefined, undefined, preview);
    const parsed = parsePageForm(t, form.values, languagesOf(c));
    const tier = Tier.safeParse(form.values.tier);
    if (!parsed.ok || !tier.success) {
      const errors = { ...(parsed.ok ? {} : parsed.errors), ...(tier.success ? {} : { tier: t('cms.error.tier') }) };
      return editor(c, form.values, undefined, errors);
    }
    try {
      const page = await ctx.db.transaction((trx) =>
        createPage(trx, PLATFORM_TABLES, owner(c, tier.data), parsed.input),
      );
      announceSaved(ctx, c.get('platform').id, null, page, false);
      setFlash(c, { kind: 'success', text: t('cms.pages.saved', { slug: page.slug }) });
      return seeOther(c, `${adminRoot(c)}/pages/${page.id}`);
    } catch (err) {
      if (!CmsErrors.SlugTaken.is(err)) throw err;
      return editor(c, form.values, undefined, { slug: t('cms.error.slugTaken') });
    }
  });

  router.get('/pages/:id', guard, async (c) => {
    const id = idOf(c);
    return editor(c, pageValues(await getPage(ctx.db, PLATFORM_TABLES, owner(c), id)), id);
  });

  router.post('/pages/:id', guard, async (c) => {
    const { t } = tr(c);
    const id = idOf(c);
    const before = await getPage(ctx.db, PLATFORM_TABLES, owner(c), id);
    const form = await readForm(c, AnyForm);
    const preview = previewOf(form.values, languagesOf(c));
    if (preview) return editor(c, form.values, id, undefined, preview);
    const parsed = parsePageForm(t, form.values, languagesOf(c));
    if (!parsed.ok) return editor(c, form.values, id, parsed.errors);
    try {
      const { page, wasPublished } = await ctx.db.transaction((trx) =>
        updatePage(trx, PLATFORM_TABLES, owner(c, before.tier), id, parsed.input),
      );
      announceSaved(ctx, c.get('platform').id, null, page, wasPublished);
      setFlash(c, { kind: 'success', text: t('cms.pages.saved', { slug: page.slug }) });
      return seeOther(c, `${adminRoot(c)}/pages/${id}`);
    } catch (err) {
      if (!CmsErrors.SlugTaken.is(err)) throw err;
      return editor(c, form.values, id, { slug: t('cms.error.slugTaken') });
    }
  });

  router.get('/pages/:id/delete', guard, async (c) => {
    const { t } = tr(c);
    const id = idOf(c);
    const page = await getPage(ctx.db, PLATFORM_TABLES, owner(c), id);
    const title = t('cms.delete.title', { slug: page.slug });
    return c.render(
      <>
        <PageHeader title={title} />
        <ConfirmDialog
          id="confirm-delete"
          title={title}
          action={`${adminRoot(c)}/pages/${id}/delete`}
          csrf={csrfToken(c)}
          cancelHref={`${adminRoot(c)}/pages`}
          confirmLabel={t('cms.delete')}
          danger
        >
          {t(page.tier === 'default' ? 'cms.admin.delete.default' : 'cms.admin.delete.marketing')}
        </ConfirmDialog>
      </>,
      { title },
    );
  });

  router.post('/pages/:id/delete', guard, async (c) => {
    const { t } = tr(c);
    const page = await ctx.db.transaction((trx) => deletePage(trx, PLATFORM_TABLES, owner(c), idOf(c)));
    announceDeleted(ctx, c.get('platform').id, null, page);
    setFlash(c, { kind: 'success', text: t('cms.pages.deleted', { slug: page.slug }) });
    return seeOther(c, `${adminRoot(c)}/pages`);
  });
}
