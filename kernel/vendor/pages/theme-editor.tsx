import type { Context, Hono } from 'hono';
import { audit } from '../../audit/audit.js';
import { requirePermission } from '../../auth/authorize.js';
import type { DbAccess } from '../../auth/db-access.js';
import { CONTENT_SECURITY_POLICY } from '../../http/security-headers.js';
import { kernelT } from '../../i18n/request.js';
import { type StorefrontDeps, shopRequest } from '../../storefront/request.js';
import { renderHome } from '../../storefront/routes.js';
import { sniffImage, storeThemeAsset, THEME_ASSET_MAX_BYTES } from '../../storefront/theme-assets.js';
import { VendorThemeSettings } from '../../themes/resolve.js';
import { setFlash } from '../../ui/flash.js';
import { seeOther } from '../../ui/redirect.js';
import { isHtmxRequest } from '../../ui/shell.js';
import { vendorOf, vendorRoot } from '../scope.js';
import { applyAction, applyForm } from './theme-draft.js';
import { ThemeEditorPage } from './theme-editor-view.js';

export interface ThemeEditorDeps {
  db: DbAccess;
  storefront: StorefrontDeps;
  /** Reloads the vendor registry here and in the other processes: the published theme is read from it. */
  changed: () => Promise<void>;
}

const settingsOf = (raw: unknown): VendorThemeSettings => {
  const parsed = VendorThemeSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
};

/** What the editor starts from, and where "Publish" writes on the request's platform. */
interface EditorState {
  /** The draft (per vendor), else a copy of what this platform shows. */
  draft: VendorThemeSettings;
  hasDraft: boolean;
  /** The vendor is on more than one platform: the editor offers "this platform's own theme". */
  multiPlatform: boolean;
  /** This platform has its own published theme (`vendor_platforms.theme`), not the shop's. */
  ownTheme: boolean;
  /** The settings this platform shows now. */
  published: unknown;
}

async function loadDraft(db: DbAccess, vendorId: number, platformId: number | undefined): Promise<EditorState> {
  const [row, members] = await db.asVendor(vendorId, async (k) => [
    await k('vendors').where({ id: vendorId }).first('theme', 'theme_draft'),
    await k('vendor_platforms').where({ vendor_id: vendorId }).select('platform_id', 'theme'),
  ]);
  const here = members.find((m: { platform_id: unknown }) => Number(m.platform_id) === platformId);
  const ownTheme = Boolean(here?.theme);
  const published = ownTheme ? here.theme : row?.theme;
  return {
    draft: settingsOf(row?.theme_draft ?? published),
    hasDraft: Boolean(row?.theme_draft),
    multiPlatform: members.length > 1 && Boolean(here),
    ownTheme,
    published,
  };
}

/**
 * `/vendor/<code>/theme`: the theme editor. Changes are saved as a draft (`vendors.theme_draft`), which only the
 * preview (`/theme/preview`, for signed-in members) renders; shoppers keep the published theme until "Publish",
 * which copies the draft into `vendors.theme` (or, when the request's platform has its own theme, into that
 * membership's `vendor_platforms.theme`; the draft stays per vendor) and reloads the vendor registry here and, by broadcast, in the other
 * processes (the theme resolver's cache follows the registry). One form: its buttons say what to do (save, publish,
 * discard, move a section up or down, remove or add one), so it works without JavaScript; htmx posts it on every
 * change and swaps the editor, whose preview frame then reloads.
 */
export function mountThemeEditor(app: Hono, deps: ThemeEditorDeps): void {
  app.use('/vendor/:vendorCode/theme', async (c, next) =>
    requirePermission(c.req.method === 'GET' ? 'settings.view' : 'settings.edit')(c, next),
  );
  app.use('/vendor/:vendorCode/theme/*', requirePermission('settings.view'));
  const registry = deps.storefront.themes.registry;

  const page = async (
    c: Context,
    view: { errors?: Record<string, string>; dropped?: string[]; settings?: VendorThemeSettings } = {},
  ) => {
    const vendor = vendorOf(c);
    const state = await loadDraft(deps.db, vendor.id, c.get('platform')?.id);
    return c.render(
      <ThemeEditorPage
        c={c}
        settings={view.settings ?? state.draft}
        hasDraft={state.hasDraft}
        source={state.multiPlatform ? (state.ownTheme ? 'own' : 'shop') : undefined}
        themes={registry.list()}
        errors={view.errors}
        cssDropped={view.dropped}
        previewSrc={`${vendorRoot(c)}/theme/preview?v=${Date.now()}`}
        assetBase={`${c.get('tenant')?.base ?? ''}/vendors/${vendor.code}/shop/theme-assets/`}
      />,
      { title: kernelT(c)('theme.title') },
    );
  };

  app.get('/vendor/:vendorCode/theme', (c) => page(c));

  app.post('/vendor/:vendorCode/theme', async (c) => {
    const vendor = vendorOf(c);
    const t = kernelT(c);
    const body = await c.req.parseBody({ all: true });
    const action = typeof body.action === 'string' ? body.action : 'save';
    if (action === 'discard') {
      await deps.db.asVendor(vendor.id, (k) => k('vendors').where({ id: vendor.id }).update({ theme_draft: null }));
      return done(c, t('theme.discarded'));
    }
    const platformId = c.get('platform')?.id;
    const state = await loadDraft(deps.db, vendor.id, platformId);
    if (action === 'source:own' || action === 'source:shop') {
      // Only offered to a vendor on several platforms; elsewhere there is nothing to choose.
      if (!state.multiPlatform || platformId === undefined) return done(c, t('theme.saved'));
      const own = action === 'source:own';
      if (own !== state.ownTheme) {
        await deps.db.asVendor(vendor.id, async (k) => {
          const vendorRow = await k('vendors').where({ id: vendor.id }).first('theme');
          // "Its own" starts as a copy of the shop's theme; "the shop's" forgets the platform's own.
          const theme = own ? (vendorRow?.theme ?? {}) : null;
          await k('vendor_platforms')
            .where({ vendor_id: vendor.id, platform_id: platformId })
            .update({ theme: theme === null ? null : JSON.stringify(theme) });
          await audit(k, c, {
            action: 'vendor.theme.source_changed',
            targetType: 'vendor',
            targetId: vendor.id,
            vendorId: vendor.id,
            platformId,
            before: { source: state.ownTheme ? 'own' : 'shop', theme: state.published },
            after: { source: own ? 'own' : 'shop', theme: theme ?? vendorRow?.theme },
          });
        });
        await deps.changed();
      }
      return done(c, t(own ? 'theme.source.ownChosen' : 'theme.source.shopChosen'));
    }
    const { draft } = state;
    const applied = applyForm(draft, body, registry);
    const errors = { ...applied.errors };
    let settings = applyAction(applied.settings, action, typeof body.newSection === 'string' ? body.newSection : '');
    for (const kind of ['logo', 'favicon'] as const) {
      if (body[`remove.${kind}`] === '1') settings = { ...settings, [kind]: undefined };
      const file = body[kind];
      if (!(file instanceof File) || file.size === 0) continue;
      const bytes = Buffer.from(await file.arrayBuffer());
      const image = bytes.length <= THEME_ASSET_MAX_BYTES ? sniffImage(bytes, kind) : undefined;
      if (!image) errors[kind] = t(kind === 'logo' ? 'theme.error.logo' : 'theme.error.favicon');
      else settings = { ...settings, [kind]: await storeThemeAsset(deps.db, vendor.id, bytes, image) };
    }
    if (Object.keys(errors).length) {
      // Nothing is saved; the form shows what was sent (a refused image is left out).
      c.status(422);
      return page(c, { errors, dropped: applied.cssDropped, settings });
    }
    await deps.db.asVendor(vendor.id, async (k) => {
      if (action !== 'publish') {
        await k('vendors')
          .where({ id: vendor.id })
          .update({ theme_draft: JSON.stringify(settings) });
        return;
      }
      if (state.ownTheme && platformId !== undefined) {
        await k('vendor_platforms')
          .where({ vendor_id: vendor.id, platform_id: platformId })
          .update({ theme: JSON.stringify(settings) });
        await k('vendors').where({ id: vendor.id }).update({ theme_draft: null, updated_at: k.fn.now() });
      } else {
        await k('vendors')
          .where({ id: vendor.id })
          .update({ theme: JSON.stringify(settings), theme_draft: null, updated_at: k.fn.now() });
      }
      await audit(k, c, {
        action: 'vendor.theme.published',
        targetType: 'vendor',
        targetId: vendor.id,
        vendorId: vendor.id,
        before: state.published,
        after: settings,
        details: { scope: state.ownTheme ? 'platform' : 'shop' },
      });
    });
    if (action === 'publish') {
      await deps.changed();
      return done(c, t('theme.published'));
    }
    if (applied.cssDropped.length) {
      if (isHtmxRequest(c)) return page(c, { dropped: applied.cssDropped });
      setFlash(c, { kind: 'warning', text: t('theme.cssDropped', { what: applied.cssDropped.join(', ') }) });
      return seeOther(c, `${vendorRoot(c)}/theme`);
    }
    return done(c, t('theme.saved'));
  });

  // After a change: htmx gets the editor again (its preview frame reloads); a plain form, a redirect.
  const done = (c: Context, text: string) => {
    if (isHtmxRequest(c)) return page(c);
    setFlash(c, { kind: 'success', text });
    return seeOther(c, `${vendorRoot(c)}/theme`);
  };

  // The storefront's home page in the draft theme. Framed by the editor (same origin), never cached.
  app.get('/vendor/:vendorCode/theme/preview', async (c) => {
    const vendor = vendorOf(c);
    const { draft } = await loadDraft(deps.db, vendor.id, c.get('platform')?.id);
    const resolved = deps.storefront.themes.build(draft);
    const tenant = c.get('tenant');
    if (!resolved || !tenant) return c.notFound();
    c.set('themePreview', resolved);
    c.set('tenant', { ...tenant, shopBase: `${tenant.base}/vendors/${vendor.code}/shop` });
    const r = shopRequest(c, deps.storefront);
    if (!r) return c.notFound();
    const res = await renderHome(r, deps.storefront);
    res.headers.set('cache-control', 'no-store');
    res.headers.set('x-frame-options', 'SAMEORIGIN');
    res.headers.set(
      'content-security-policy',
      CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
    );
    res.headers.set('x-robots-tag', 'noindex');
    return res;
  });
}
