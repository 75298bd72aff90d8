import type { Context, Hono } from 'hono';
import type { DbAccess } from '../auth/db-access.js';
import type { Auth } from '../auth/index.js';
import type { LinkSettings } from '../auth/links.js';
import type { PluginHost } from '../plugins/host.js';
import type { StorefrontDeps } from '../storefront/request.js';
import type { PlatformRegistry } from '../tenancy/platforms.js';
import type { MenuRegistry } from '../ui/menu.js';
import { mountPasswordResetPages } from '../ui/password-reset-pages.js';
import { requireSignIn } from '../ui/session.js';
import { type Frame, uiShell } from '../ui/shell.js';
import { mountVendorLogin } from './login.js';
import { mountAcceptInvitation } from './pages/accept-invitation.js';
import { mountVendorApiKeys } from './pages/api-keys.js';
import { mountVendorDashboard } from './pages/dashboard.js';
import { mountVendorProfile } from './pages/profile.js';
import { mountVendorRoles } from './pages/roles.js';
import { mountVendorSettings } from './pages/settings.js';
import { mountVendorTeam } from './pages/team.js';
import { mountThemeEditor } from './pages/theme-editor.js';
import { vendorOf, vendorRoot } from './scope.js';
import { vendorSwitcher } from './switcher.js';

export interface VendorDashboardDeps {
  auth: Auth;
  db: DbAccess;
  host: PluginHost;
  menu: MenuRegistry;
  assets: () => { css?: string; htmx?: string };
  invite: (c: Context, input: { userId: number; vendorId: number }) => Promise<void>;
  links: LinkSettings;
  platforms: PlatformRegistry;
  /** After a change to the vendor: reload the registries here and in the other processes. */
  changed: () => Promise<void>;
  /** The storefront, for the theme editor's preview (absent: no theme editor). */
  storefront?: StorefrontDeps;
}

async function vendorFrame(c: Context, db: DbAccess): Promise<Frame> {
  const root = vendorRoot(c);
  const principal = c.get('principal');
  return {
    switcher: await vendorSwitcher(db, c),
    brand: vendorOf(c).name,
    root,
    user:
      principal?.kind === 'vendorUser'
        ? { label: principal.email, detail: principal.roleName, logoutAction: `${root}/logout` }
        : undefined,
  };
}

/**
 * The vendor dashboard under `/vendor/<code>`: its frame for every page (the kernel's and the plugins'), sign-in,
 * sign-out and invitation acceptance, then, for signed-in members, the dashboard and the team. Needs
 * `csrfProtection` in front of `/vendor`.
 */
export function mountVendorArea(app: Hono, deps: VendorDashboardDeps): void {
  const loginPath = (c: Context) => `${vendorRoot(c)}/login`;
  const shell = uiShell({
    area: 'vendor',
    menu: deps.menu,
    assets: deps.assets,
    frame: (c) => vendorFrame(c, deps.db),
    loginPath,
  });
  const authenticate = deps.auth.middleware('vendor', { required: false });
  const signedIn = requireSignIn(loginPath);
  for (const path of ['/vendor/:vendorCode', '/vendor/:vendorCode/*']) app.use(path, shell);
  app.use('/vendor/:vendorCode/:page{login|logout}', authenticate);
  mountVendorLogin(app, deps);
  mountAcceptInvitation(app, deps);
  mountPasswordResetPages(app, {
    auth: deps.auth,
    area: 'vendor',
    prefix: '/vendor/:vendorCode',
    root: vendorRoot,
    links: deps.links,
  });
  const memberPages = ['team', 'api-keys', 'settings', 'profile', 'theme'].flatMap((p) => [
    `/vendor/:vendorCode/${p}`,
    `/vendor/:vendorCode/${p}/*`,
  ]);
  for (const path of ['/vendor/:vendorCode', ...memberPages]) app.use(path, authenticate, signedIn);
  mountVendorDashboard(app, deps);
  mountVendorRoles(app, deps);
  mountVendorTeam(app, deps);
  mountVendorApiKeys(app, deps);
  mountVendorSettings(app, deps);
  mountVendorProfile(app, deps);
  const storefront = deps.storefront;
  if (storefront) mountThemeEditor(app, { db: deps.db, storefront, changed: deps.changed });
}
