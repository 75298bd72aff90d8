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

/** The draft, else a copy of the published settings (what the editor starts from). */
async function loadDraft(db: DbAccess, vendorId: number): Promise<{ draft: VendorThemeSettings; hasDraft: boolean }> {
  const row = await db.asVendor(vendorId, (k) => k('vendors').where({ id: vendorId }).first('theme', 'theme_draft'));
  return { draft: settingsOf(row?.theme_draft ?? row?.theme), hasDraft: Boolean(row?.theme_draft) };
}

/**
 * `/vendor/<code>/theme`: the theme editor. Changes are saved as a draft (`vendors.theme_draft`), which only the
 * preview (`/theme/preview`, for signed-in members) renders; shoppers keep the published theme until "Publish",
 * which copies the draft into `vendors.theme` and reloads the vendor registry here and, by broadcast, in the other
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
    const { draft, hasDraft } = await loadDraft(deps.db, vendor.id);
    return c.render(
      <ThemeEditorPage
        c={c}
        settings={view.settings ?? draft}
        hasDraft={hasDraft}
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
    const { draft } = await loadDraft(deps.db, vendor.id);
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
      const before = await k('vendors').where({ id: vendor.id }).first('theme');
      await k('vendors')
        .where({ id: vendor.id })
        .update({ theme: JSON.stringify(settings), theme_draft: null, updated_at: k.fn.now() });
      await audit(k, c, {
        action: 'vendor.theme.published',
        targetType: 'vendor',
        targetId: vendor.id,
        vendorId: vendor.id,
        before: before?.theme,
        after: settings,
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
    const { draft } = await loadDraft(deps.db, vendor.id);
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
