import type { Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { adminRoot, mountAdminConsole } from '../admin/console.js';
import type { DbAccess } from '../auth/db-access.js';
import type { Auth } from '../auth/index.js';
import type { OrionConfig } from '../config/schema.js';
import { mountLanguageSwitch } from '../i18n/language-switch.js';
import type { HealthRegistry } from '../observability/health.js';
import type { PluginHost } from '../plugins/host.js';
import { csrfProtection } from '../security/csrf.js';
import type { StorefrontDeps } from '../storefront/request.js';
import type { DomainVerifier } from '../tenancy/domain-verifier.js';
import type { PlatformRegistry } from '../tenancy/platforms.js';
import { mountVendorArea } from '../vendor/dashboard.js';
import { vendorRoot } from '../vendor/scope.js';
import { assetUrls, readAssetManifest } from './asset-manifest.js';
import { assetRoutes } from './assets.js';
import { KERNEL_MENU } from './kernel-menu.js';
import { MenuRegistry } from './menu.js';

export interface UiDeps {
  config: OrionConfig;
  logger: Logger;
  auth: Auth;
  db: DbAccess;
  knex: Knex;
  host: PluginHost;
  health: HealthRegistry;
  platforms: PlatformRegistry;
  /** After a change to vendors: reload the registries here and in the other processes. */
  changed: () => Promise<void>;
  /** The storefront's renderer, for the vendor theme editor's preview. */
  storefront?: StorefrontDeps;
  /** Looks a custom domain's TXT record up (resolved per call: tests swap it in the container). */
  verifier: () => DomainVerifier;
}

/** The cookie-authenticated HTML areas: every unsafe request to them needs a CSRF token. */
export const HTML_AREA_PATHS = [
  '/admin',
  '/admin/*',
  '/vendor/:vendorCode',
  '/vendor/:vendorCode/*',
  '/vendors/:vendorCode/shop',
  '/vendors/:vendorCode/shop/*',
] as const;

/**
 * Mounts the web interface on the kernel's app, before the plugins' routes (so that its middleware covers their
 * pages too): the built assets, CSRF protection of the HTML areas, the admin console and the vendor dashboard, with
 * the menu registry that gathers the kernel's and the plugins' menu items.
 */
export function mountUi(app: Hono, deps: UiDeps): void {
  // Pages and assets go out gzipped (or deflated) to browsers that ask. The JSON API is left as it is: its answers
  // are mostly small, and a middleware on `/api/*` would cost every API request.
  const compression = compress();
  for (const path of [...HTML_AREA_PATHS, '/assets/*']) app.use(path, compression);
  app.route('/', assetRoutes());
  const csrf = csrfProtection({
    secret: deps.config.secret,
    secure: deps.config.env === 'production',
    trustedOrigins: deps.config.server.publicUrl ? [deps.config.server.publicUrl] : [],
    logger: deps.logger,
  });
  for (const path of HTML_AREA_PATHS) app.use(path, csrf);
  const manifest = readAssetManifest();
  if (!manifest) deps.logger.warn('browser assets not built (run npm run build): pages render without styles');
  const urls = assetUrls(manifest);
  const assets = () => urls;
  const menu = new MenuRegistry(KERNEL_MENU, () =>
    [...deps.host.loaded.values()].map((p) => ({
      id: p.discovered.manifest.id,
      menu: p.definition.menu,
      messages: p.definition.messages,
    })),
  );
  const invite = async (c: Context, input: { userId: number; vendorId: number }) => {
    const principal = c.get('principal');
    const invitedBy = principal?.kind === 'vendorUser' || principal?.kind === 'admin' ? principal.userId : undefined;
    await deps.auth.sendInvitation({ ...input, invitedBy, base: c.get('tenant')?.base });
  };
  const links = { publicUrl: deps.config.server.publicUrl, port: deps.config.server.port };
  mountLanguageSwitch(app, '/admin/language', adminRoot);
  mountLanguageSwitch(app, '/vendor/:vendorCode/language', vendorRoot);
  mountAdminConsole(app, { ...deps, menu, assets, invite, links });
  mountVendorArea(app, { ...deps, menu, assets, invite, links });
}
