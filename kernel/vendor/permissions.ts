import type { Context } from 'hono';
import { can } from '../auth/authorize.js';
import { KERNEL_PERMISSIONS, type PermissionDef } from '../auth/permissions.js';
import type { PluginHost } from '../plugins/host.js';

/**
 * The permissions a team member may hand on (to an API key): the kernel's and those of the plugins enabled on this
 * platform, limited to what the member holds, so that a key never grants more than its creator has.
 */
export function grantablePermissions(c: Context, host: PluginHost): PermissionDef[] {
  const platform = c.get('platform');
  const snapshot = c.get('pluginSnapshot');
  const plugins = [...host.loaded.values()].filter(
    (p) => platform && snapshot?.isEnabled(platform.id, p.discovered.manifest.id),
  );
  const all = [
    ...KERNEL_PERMISSIONS,
    ...plugins.flatMap((p) =>
      p.discovered.manifest.permissions.map((perm) => ({ ...perm, owner: p.discovered.manifest.id })),
    ),
  ];
  const principal = c.get('principal');
  return all.filter((p) => can(principal, p.id));
}
