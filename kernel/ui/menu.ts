import { KERNEL_MESSAGES } from '../i18n/locales/index.js';
import { lookup, type Messages } from '../i18n/messages.js';
import type { MenuItem } from '../plugins/definition.js';
import type { PluginSnapshot } from '../plugins/snapshot.js';
import type { IconName } from './components/icon.js';
import { isIconName } from './components/icon.js';

export type MenuArea = 'admin' | 'vendor';

/** A kernel item: like a plugin's `MenuItem`, in a named section. */
export interface KernelMenuItem extends MenuItem {
  section: string;
  /** Other paths below the area's root where the item is the current one; `*` is one segment (Plugins: platforms, any code, plugins). */
  alsoCurrentUnder?: string[];
  /** Shown to super administrators only (pages that span every platform, such as the outgoing mail). */
  superAdmin?: boolean;
}

export interface MenuLink {
  id: string;
  label: string;
  href: string;
  icon?: IconName;
  current: boolean;
}

export interface MenuSection {
  title: string;
  items: MenuLink[];
}

/** What a menu depends on, per request. */
export interface MenuRequest {
  area: MenuArea;
  platformId: number;
  snapshot: PluginSnapshot;
  /** Whether the user holds a permission (`can(principal, …)`). */
  can: (permission: string) => boolean;
  /** Whether the user is a super administrator. */
  superAdmin?: boolean;
  /** The area's root URL (`/admin`, `/vendor/<code>`, with the platform prefix in path mode). */
  root: string;
  /** The current path, to mark the current item (`aria-current="page"`). */
  currentPath: string;
  /** The request's language: labels come from the owner's catalogue (`menu.<area>.<id>`, `menu.section.<title>`). */
  language?: string;
  /** Items the platform's administrators hid (`<owner>:<id>`, see `menuHidden`); mandatory items show anyway. */
  hidden?: ReadonlySet<string>;
}

/** The menu items hidden on a platform, per area, as stored in its settings (`menu.hidden.<area>`). */
export function menuHidden(settings: Record<string, unknown> | undefined, area: MenuArea): Set<string> {
  const menu = settings?.menu as { hidden?: Partial<Record<MenuArea, unknown>> } | undefined;
  const ids = menu?.hidden?.[area];
  return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
}

/** An item a menu may show, for the menu configuration page. */
export interface MenuChoice {
  id: string;
  label: string;
  section: string;
  owner: string;
  mandatory: boolean;
}

/** Where a plugin's items go when they name no section. */
export const PLUGIN_SECTION = 'Plugins';

interface Contribution {
  owner: string;
  item: MenuItem & { alsoCurrentUnder?: string[]; superAdmin?: boolean };
}

/**
 * The sidebar menus: the kernel's items and those of the loaded plugins, per area. Built per request from the
 * request's plugin snapshot, so a plugin enabled or disabled shows or hides its items on the next page. An item
 * shows only when its plugin is enabled on the platform and the user holds its permission. Sections keep the order
 * of their first item: the kernel's first, then plugin sections.
 */
export class MenuRegistry {
  constructor(
    private readonly kernelItems: Record<MenuArea, KernelMenuItem[]>,
    /** The loaded plugins' menus, read on every build (plugins are loaded and reloaded at run time). */
    private readonly pluginMenus: () => Iterable<{
      id: string;
      menu?: Partial<Record<MenuArea, MenuItem[]>>;
      messages?: Messages;
    }>,
  ) {}

  /** Every item of an area, the kernel's and every loaded plugin's (enabled or not), for the menu configuration. */
  /** Every item of an area, enabled or not, with its label in `language` (the menu configuration page). */
  choices(area: MenuArea, language = 'en'): MenuChoice[] {
    const all: Contribution[] = this.kernelItems[area].map((item) => ({ owner: 'kernel', item }));
    const catalogues = new Map<string, Messages | undefined>([['kernel', KERNEL_MESSAGES]]);
    for (const plugin of this.pluginMenus()) {
      catalogues.set(plugin.id, plugin.messages);
      for (const item of plugin.menu?.[area] ?? []) all.push({ owner: plugin.id, item });
    }
    const label = labelIn(catalogues, language);
    return all.map(({ owner, item }) => {
      const section = item.section ?? PLUGIN_SECTION;
      return {
        id: `${owner}:${item.id}`,
        label: label(owner, `menu.${area}.${item.id}`, item.label),
        section: label(owner, `menu.section.${section}`, section),
        owner,
        mandatory: Boolean(item.mandatory),
      };
    });
  }

  build(r: MenuRequest): MenuSection[] {
    const contributions: Contribution[] = this.kernelItems[r.area].map((item) => ({ owner: 'kernel', item }));
    const catalogues = new Map<string, Messages | undefined>([['kernel', KERNEL_MESSAGES]]);
    for (const plugin of this.pluginMenus()) {
      if (!r.snapshot.isEnabled(r.platformId, plugin.id)) continue;
      catalogues.set(plugin.id, plugin.messages);
      for (const item of plugin.menu?.[r.area] ?? []) contributions.push({ owner: plugin.id, item });
    }
    const sections = new Map<string, Contribution[]>();
    for (const c of contributions) {
      if (!c.item.mandatory && r.hidden?.has(`${c.owner}:${c.item.id}`)) continue;
      if (c.item.permission && !r.can(c.item.permission)) continue;
      if (c.item.superAdmin && !r.superAdmin) continue;
      const title = c.item.section ?? PLUGIN_SECTION;
      sections.set(title, [...(sections.get(title) ?? []), c]);
    }
    const label = labelIn(catalogues, r.language ?? 'en');
    // An item claiming a path with `alsoCurrentUnder` (Plugins under /platforms/<code>/plugins) wins over one that
    // merely prefixes it (Platforms), so that one item only is the current page.
    const claimed = contributions.some((c) =>
      (c.item.alsoCurrentUnder ?? []).some((p) => isUnder(r.currentPath, r.root, p)),
    );
    return [...sections].map(([title, items]) => ({
      title: label(items[0]?.owner ?? 'kernel', `menu.section.${title}`, title),
      items: items
        .sort((a, b) => (a.item.order ?? 100) - (b.item.order ?? 100) || a.item.label.localeCompare(b.item.label))
        .map(({ owner, item }) => {
          const href = `${r.root}${item.href === '/' ? '' : item.href}`;
          return {
            id: `${owner}:${item.id}`,
            label: label(owner, `menu.${r.area}.${item.id}`, item.label),
            href,
            icon: isIconName(item.icon) ? item.icon : undefined,
            current: claimed
              ? (item.alsoCurrentUnder ?? []).some((p) => isUnder(r.currentPath, r.root, p))
              : isCurrent(r.currentPath, href, r.root),
          };
        }),
    }));
  }
}

/** Whether `path` is at or below `root` + `pattern`, where `*` in the pattern stands for one path segment. */
function isUnder(path: string, root: string, pattern: string): boolean {
  const escaped = `${root}${pattern}`.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
  return new RegExp(`^${escaped.replace(/\/$/, '')}(?:/|$)`).test(path);
}

function isCurrent(path: string, href: string, root: string): boolean {
  if (href === root) return path === root || path === `${root}/`;
  return path === href || path.startsWith(`${href}/`);
}

/** A menu label in `language`: the owner's catalogue, then the kernel's, then the label the item was declared with. */
function labelIn(catalogues: ReadonlyMap<string, Messages | undefined>, language: string) {
  return (owner: string, key: string, fallback: string): string =>
    lookup(catalogues.get(owner), language, key) ?? lookup(KERNEL_MESSAGES, language, key) ?? fallback;
}
