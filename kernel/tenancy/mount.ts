import type { Context, Hono } from 'hono';
import type { DependencyContainer } from 'tsyringe';
import { auditApi } from '../audit/audit-api.js';
import type { DbAccess } from '../auth/db-access.js';
import type { Auth } from '../auth/index.js';
import { KERNEL_PERMISSIONS, type PermissionDef } from '../auth/permissions.js';
import type { PluginHost } from '../plugins/host.js';
import { adminDomainsApi } from './admin-domains-api.js';
import { adminVendorsApi } from './admin-vendors-api.js';
import { apiKeysApi } from './api-keys-api.js';
import type { DomainVerifier } from './domain-verifier.js';
import type { PlatformRegistry } from './platforms.js';
import { teamApi } from './team-api.js';
import type { VendorRegistry } from './vendors.js';

/**
 * Mounts the kernel's tenancy routes, each behind its area's authentication: vendors and their domains and the
 * audit log for administrators, the team, roles, API keys and the vendor's audit log for vendor users.
 */
export function mountTenancyApis(
  app: Hono,
  deps: {
    auth: Auth;
    db: DbAccess;
    platforms: PlatformRegistry;
    vendors: VendorRegistry;
    host: PluginHost;
    container: DependencyContainer;
    changed: () => Promise<void>;
  },
): void {
  // Platform scope is the vendor's platforms here, not the host's: checked by the routes.
  const admin = deps.auth.middleware('adminApi', { required: true, hostPlatform: false });
  const vendor = deps.auth.middleware('vendorApi');
  for (const path of ['/api/v1/admin/vendors', '/api/v1/admin/vendors/*', '/api/v1/admin/audit-log']) {
    app.use(path, admin);
  }
  for (const path of ['team', 'roles', 'api-keys', 'audit-log']) {
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
  app.route('/', teamApi({ db: deps.db, sessions: deps.auth.service.sessions, permissions, invite }));
  app.route('/', apiKeysApi({ db: deps.db }));
  app.route('/', auditApi({ db: deps.db }));
}
