import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { DependencyContainer } from 'tsyringe';
import { auditApi } from '../audit/audit-api.js';
import type { DbAccess } from '../auth/db-access.js';
import type { Auth } from '../auth/index.js';
import type { LinkSettings } from '../auth/links.js';
import { requireSuperAdmin } from '../auth/login-api.js';
import { KERNEL_PERMISSIONS, type PermissionDef } from '../auth/permissions.js';
import { mailApi } from '../mail/mail-api.js';
import type { MailOutbox } from '../mail/outbox.js';
import type { PluginHost } from '../plugins/host.js';
import { adminDomainsApi } from './admin-domains-api.js';
import { adminPlatformsApi } from './admin-platforms-api.js';
import { adminUsersApi } from './admin-users-api.js';
import { adminVendorsApi } from './admin-vendors-api.js';
import { apiKeysApi } from './api-keys-api.js';
import { customersApi } from './customers-api.js';
import type { DomainVerifier } from './domain-verifier.js';
import type { PlatformRegistry } from './platforms.js';
import { teamApi } from './team-api.js';
import type { VendorRegistry } from './vendors.js';

/**
 * Mounts the kernel's tenancy routes, each behind its area's authentication: platforms, vendors and their domains,
 * users, the mail outbox and the audit log for administrators; the team, roles, API keys, customers and the
 * vendor's audit log for vendor users.
 */
export function mountTenancyApis(
  app: OpenAPIHono,
  deps: {
    auth: Auth;
    db: DbAccess;
    platforms: PlatformRegistry;
    vendors: VendorRegistry;
    host: PluginHost;
    container: DependencyContainer;
    changed: () => Promise<void>;
    outbox: MailOutbox;
    links: LinkSettings;
  },
): void {
  // Platform scope is the vendor's platforms here, not the host's: checked by the routes.
  const admin = deps.auth.middleware('adminApi', { required: true, hostPlatform: false });
  const vendor = deps.auth.middleware('vendorApi');
  for (const path of ['vendors', 'users', 'mail']) {
    app.use(`/api/v1/admin/${path}`, admin);
    app.use(`/api/v1/admin/${path}/*`, admin);
  }
  app.use('/api/v1/admin/audit-log', admin);
  for (const path of ['team', 'roles', 'api-keys', 'customers', 'audit-log']) {
    app.use(`/api/v1/vendor/${path}`, vendor);
    app.use(`/api/v1/vendor/${path}/*`, vendor);
  }
  const permissions = (): PermissionDef[] => [
    ...KERNEL_PERMISSIONS,
    ...[...deps.host.loaded.values()].flatMap((p) =>
      p.discovered.manifest.permissions.map((perm) => ({ ...perm, owner: p.discovered.manifest.id })),
    ),
  ];
  // Invitations: a new vendor's owner without a password, and every invited team member.
  const invite = async (c: Context, input: { userId: number; vendorId: number }) => {
    const principal = c.get('principal');
    const invitedBy = principal?.kind === 'vendorUser' || principal?.kind === 'admin' ? principal.userId : undefined;
    await deps.auth.sendInvitation({ ...input, invitedBy, base: c.get('tenant')?.base });
  };
  app.route('/', adminVendorsApi({ db: deps.db, platforms: deps.platforms, changed: deps.changed, invite }));
  app.route(
    '/',
    adminDomainsApi({
      db: deps.db,
      platforms: deps.platforms,
      changed: deps.changed,
      verifier: () => deps.container.resolve<DomainVerifier>('kernel.domainVerifier'),
    }),
  );
  // Platform routes share their prefix with the plugin management routes, which authenticate on their own.
  app.route('/', adminPlatformsApi({ db: deps.db, admin, changed: deps.changed }));
  app.route(
    '/',
    adminUsersApi({
      db: deps.db,
      platforms: deps.platforms,
      sessions: deps.auth.service.sessions,
      resets: deps.auth.passwordResets,
      links: deps.links,
    }),
  );
  app.route('/', mailApi({ outbox: deps.outbox, superAdmin: requireSuperAdmin() }));
  app.route('/', teamApi({ db: deps.db, sessions: deps.auth.service.sessions, permissions, invite }));
  app.route('/', apiKeysApi({ db: deps.db }));
  app.route('/', customersApi({ db: deps.db, sessions: deps.auth.service.sessions }));
  app.route('/', auditApi({ db: deps.db }));
}
