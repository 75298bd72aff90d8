import type { Context, Hono } from 'hono';
import type { Knex } from 'knex';
import type { DbAccess } from '../auth/db-access.js';
import type { Auth } from '../auth/index.js';
import type { LinkSettings } from '../auth/links.js';
import { kernelT } from '../i18n/request.js';
import { MailOutbox } from '../mail/outbox.js';
import type { HealthRegistry } from '../observability/health.js';
import type { PluginHost } from '../plugins/host.js';
import type { DomainVerifier } from '../tenancy/domain-verifier.js';
import type { MenuRegistry } from '../ui/menu.js';
import { mountPasswordResetPages } from '../ui/password-reset-pages.js';
import { requireSignIn } from '../ui/session.js';
import { type Frame, uiShell } from '../ui/shell.js';
import { mountAdminLogin } from './login.js';
import { mountAdminAuditLog } from './pages/audit-log.js';
import { mountAdminDashboard } from './pages/dashboard.js';
import { mountAdminMail } from './pages/mail.js';
import { mountAdminMenus } from './pages/menus.js';
import { mountAdminPlatformForm } from './pages/platform-form.js';
import { mountAdminPlatforms } from './pages/platforms.js';
import { mountAdminPluginActions } from './pages/plugin-actions.js';
import { mountAdminPluginSettings } from './pages/plugin-settings.js';
import { mountAdminPlugins } from './pages/plugins.js';
import { mountAdminUserDetail } from './pages/user-detail.js';
import { mountAdminUsers } from './pages/users.js';
import { mountAdminVendorDetail } from './pages/vendor-detail.js';
import { mountAdminVendorDomains } from './pages/vendor-domains.js';
import { mountAdminVendorEdit } from './pages/vendor-edit.js';
import { mountAdminVendors } from './pages/vendors.js';
import { managedPlatforms } from './scope.js';

export interface AdminConsoleDeps {
  auth: Auth;
  db: DbAccess;
  knex: Knex;
  host: PluginHost;
  health: HealthRegistry;
  menu: MenuRegistry;
  assets: () => { css?: string; htmx?: string };
  changed: () => Promise<void>;
  invite: (c: Context, input: { userId: number; vendorId: number }) => Promise<void>;
  links: LinkSettings;
  /** Looks a custom domain's TXT record up (a stub in tests). */
  verifier: () => DomainVerifier;
}

/** The admin console's root URL for this request: `/admin`, after `/platforms/<code>` in path mode. */
export const adminRoot = (c: Context): string => `${c.get('tenant')?.base ?? ''}/admin`;

function adminFrame(deps: AdminConsoleDeps) {
  return (c: Context): Frame => {
    const root = adminRoot(c);
    const principal = c.get('principal');
    if (principal?.kind !== 'admin') return { brand: 'Orion admin', root };
    const t = kernelT(c);
    const current = /\/admin\/platforms\/([^/]+)/.exec(new URL(c.req.url).pathname)?.[1] ?? c.get('platform')?.code;
    return {
      brand: 'Orion admin',
      root,
      user: {
        label: principal.email,
        detail: t(principal.role === 'super_admin' ? 'shell.superAdmin' : 'shell.platformAdmin'),
        logoutAction: `${root}/logout`,
      },
      switcher: {
        label: t('shell.platformSwitcher'),
        options: managedPlatforms(c, deps.host.platforms).map((p) => ({
          label: p.name,
          href: `${root}/platforms/${p.code}/plugins`,
          current: p.code === current,
        })),
      },
    };
  };
}

/**
 * The admin console under `/admin`: its frame (`c.render`) for every admin page, the kernel's and the plugins', then
 * sign-in and sign-out, and, for signed-in administrators, the dashboard, vendors and plugins pages. Needs
 * `csrfProtection` in front of `/admin`.
 */
export function mountAdminConsole(app: Hono, deps: AdminConsoleDeps): void {
  const loginPath = (c: Context) => `${adminRoot(c)}/login`;
  const shell = uiShell({ area: 'admin', menu: deps.menu, assets: deps.assets, frame: adminFrame(deps), loginPath });
  const authenticate = deps.auth.middleware('admin', { required: false });
  const signedIn = requireSignIn(loginPath);
  for (const path of ['/admin', '/admin/*']) app.use(path, shell);
  app.use('/admin/login', authenticate);
  app.use('/admin/logout', authenticate);
  mountAdminLogin(app, { auth: deps.auth, root: adminRoot });
  mountPasswordResetPages(app, {
    auth: deps.auth,
    area: 'admin',
    prefix: '/admin',
    root: adminRoot,
    links: deps.links,
  });
  const signedInPaths = [
    '/admin',
    '/admin/vendors',
    '/admin/vendors/*',
    '/admin/plugins',
    '/admin/platforms',
    '/admin/platforms/*',
    '/admin/users',
    '/admin/users/*',
  ];
  for (const path of [...signedInPaths, '/admin/audit-log', '/admin/audit-log/*', '/admin/mail', '/admin/mail/*']) {
    app.use(path, authenticate, signedIn);
  }
  mountAdminDashboard(app, deps);
  mountAdminVendors(app, {
    db: deps.db,
    platforms: deps.host.platforms,
    changed: deps.changed,
    invite: deps.invite,
    root: adminRoot,
  });
  const vendor = { db: deps.db, platforms: deps.host.platforms, changed: deps.changed, root: adminRoot };
  mountAdminVendorEdit(app, vendor);
  mountAdminVendorDomains(app, { ...vendor, verifier: deps.verifier });
  mountAdminVendorDetail(app, vendor);
  const plugins = { host: deps.host, knex: deps.knex, health: deps.health, root: adminRoot };
  mountAdminPlugins(app, plugins);
  mountAdminPluginActions(app, plugins);
  mountAdminPluginSettings(app, { host: deps.host, db: deps.db, root: adminRoot });
  const platforms = { db: deps.db, changed: deps.changed, root: adminRoot };
  mountAdminPlatformForm(app, platforms); // before the list's /:platform/:action routes
  mountAdminPlatforms(app, platforms);
  mountAdminMenus(app, { ...platforms, menu: deps.menu });
  const users = {
    db: deps.db,
    platforms: deps.host.platforms,
    sessions: deps.auth.service.sessions,
    resets: deps.auth.passwordResets,
    links: deps.links,
    root: adminRoot,
  };
  mountAdminUsers(app, users);
  mountAdminUserDetail(app, users);
  mountAdminAuditLog(app, { db: deps.db, root: adminRoot });
  mountAdminMail(app, { outbox: new MailOutbox(deps.knex), root: adminRoot });
}
