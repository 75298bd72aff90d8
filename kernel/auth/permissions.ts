/**
 * Permissions are `<plugin>.<action>` codes (`products.edit`, `team.invite`), contributed by the kernel and by
 * plugins' manifests, each with a label. A role grants codes or patterns: `*` (everything), `<plugin>.*` (all of a
 * plugin's) or `*.<action>` (that action everywhere, such as `*.view`). Patterns keep preset roles right when a plugin
 * that brings new permissions is installed later.
 */
export interface PermissionDef {
  id: string;
  description: string;
  /** `kernel` or the plugin id that declares it. */
  owner: string;
}

export const KERNEL_PERMISSIONS: readonly PermissionDef[] = [
  { id: 'team.view', description: 'See team members and roles', owner: 'kernel' },
  { id: 'team.invite', description: 'Invite team members', owner: 'kernel' },
  { id: 'team.edit', description: "Change team members' roles and custom roles", owner: 'kernel' },
  { id: 'team.remove', description: 'Remove team members', owner: 'kernel' },
  { id: 'settings.view', description: 'See shop settings', owner: 'kernel' },
  { id: 'settings.edit', description: 'Change shop settings', owner: 'kernel' },
  { id: 'settings.theme', description: 'Change the shop theme', owner: 'kernel' },
  { id: 'settings.domains', description: 'Manage custom domains', owner: 'kernel' },
  { id: 'api_keys.manage', description: 'Create and revoke API keys', owner: 'kernel' },
  { id: 'customers.view', description: 'See customers', owner: 'kernel' },
  { id: 'customers.edit', description: 'Change customers', owner: 'kernel' },
  { id: 'audit.view', description: "See the shop's audit log", owner: 'kernel' },
];

export const PRESET_ROLES = ['owner', 'manager', 'staff', 'support', 'viewer'] as const;
export type PresetRole = (typeof PRESET_ROLES)[number];

/** What each preset grants, as patterns. The owner also bypasses checks (`isOwner`), so it can never lock itself out. */
export const PRESET_PERMISSIONS: Record<PresetRole, readonly string[]> = {
  owner: ['*'],
  manager: ['*.view', '*.create', '*.edit', '*.delete', '*.import', '*.export', 'team.invite', 'settings.theme'],
  staff: ['*.view', '*.create', '*.edit', '!team.*', '!settings.*', '!audit.*'],
  support: [
    'orders.view',
    'orders.edit',
    'customers.view',
    'customers.edit',
    'messaging.*',
    'catalog.view',
    'inventory.view',
    'cms.view',
  ],
  viewer: ['*.view', '!team.*', '!audit.*'],
};

export const PRESET_LABELS: Record<PresetRole, string> = {
  owner: 'Owner',
  manager: 'Manager',
  staff: 'Staff',
  support: 'Support',
  viewer: 'Viewer',
};

const PATTERN = /^!?(\*|[a-z][a-z0-9_-]*)(\.(\*|[a-z][a-z0-9_]*))?$/;

export function isPermissionPattern(value: string): boolean {
  return PATTERN.test(value);
}

function matches(pattern: string, code: string): boolean {
  if (pattern === '*' || pattern === code) return true;
  const [pp, pa] = pattern.split('.');
  const [cp, ca] = code.split('.');
  return (pp === '*' || pp === cp) && (pa === '*' || pa === ca);
}

/**
 * Whether the grants allow `code`. A grant starting with `!` denies what it matches, whatever else grants it:
 * `['*.view', '!team.*']` reads everything but the team.
 */
export function grants(granted: readonly string[], code: string): boolean {
  let allowed = false;
  for (const g of granted) {
    if (g.startsWith('!')) {
      if (matches(g.slice(1), code)) return false;
    } else if (!allowed && matches(g, code)) {
      allowed = true;
    }
  }
  return allowed;
}
