import type { Knex } from 'knex';

/** One object for "nothing stored", so that `ctx.settings` validates it once per plugin, not on every call. */
const NO_SETTINGS: Record<string, unknown> = Object.freeze({});

/**
 * Which plugins are installed (and at which version) and which are enabled on which platform, at one moment.
 * Immutable: a change builds a new snapshot and swaps it in, and each request keeps the one it started with, so it
 * never sees half of a change.
 */
export class PluginSnapshot {
  constructor(
    readonly epoch: number,
    readonly installed: ReadonlyMap<string, string>,
    private readonly enabled: ReadonlyMap<number, ReadonlySet<string>>,
    private readonly alwaysOn: ReadonlySet<string>,
    /** Stored settings per platform id, then plugin id (as stored: `ctx.settings` validates them). */
    private readonly settings: ReadonlyMap<number, ReadonlyMap<string, Record<string, unknown>>> = new Map(),
  ) {}

  /** A plugin's stored settings on a platform (none stored: an empty object). */
  settingsOf(platformId: number, pluginId: string): Record<string, unknown> {
    return this.settings.get(platformId)?.get(pluginId) ?? NO_SETTINGS;
  }

  isEnabled(platformId: number, pluginId: string): boolean {
    if (!this.installed.has(pluginId)) return false;
    return this.alwaysOn.has(pluginId) || (this.enabled.get(platformId)?.has(pluginId) ?? false);
  }

  enabledOn(platformId: number): string[] {
    return [...this.installed.keys()].filter((id) => this.isEnabled(platformId, id));
  }

  static empty(): PluginSnapshot {
    return new PluginSnapshot(0, new Map(), new Map(), new Set());
  }
}

interface PlatformPluginRow {
  platform_id: number | string;
  plugin_id: string;
  enabled: boolean;
  settings: Record<string, unknown> | null;
}

/** Reads the state tables. `alwaysOn` are the core plugins: enabled on every platform once installed. */
export async function loadSnapshot(knex: Knex, epoch: number, alwaysOn: ReadonlySet<string>): Promise<PluginSnapshot> {
  const installed = new Map<string, string>(
    (await knex('plugins').select('id', 'version')).map((r: { id: string; version: string }) => [r.id, r.version]),
  );
  const enabled = new Map<number, Set<string>>();
  const settings = new Map<number, Map<string, Record<string, unknown>>>();
  const rows = await knex('platform_plugins').select('platform_id', 'plugin_id', 'enabled', 'settings');
  for (const row of rows as PlatformPluginRow[]) {
    const platformId = Number(row.platform_id);
    if (row.enabled) {
      const set = enabled.get(platformId) ?? new Set<string>();
      set.add(row.plugin_id);
      enabled.set(platformId, set);
    }
    if (row.settings && Object.keys(row.settings).length) {
      const forPlatform = settings.get(platformId) ?? new Map<string, Record<string, unknown>>();
      forPlatform.set(row.plugin_id, row.settings);
      settings.set(platformId, forPlatform);
    }
  }
  return new PluginSnapshot(epoch, installed, enabled, alwaysOn, settings);
}

export interface Transition {
  pluginId: string;
  platformId?: number;
  action: 'install' | 'upgrade' | 'uninstall' | 'enable' | 'disable' | 'quarantine';
  from: string;
  to: string;
  version: string;
  actor: string;
  outcome: 'ok' | 'failed';
  error?: string;
}

export async function recordTransition(knex: Knex, t: Transition): Promise<void> {
  await knex('plugin_transitions').insert({
    plugin_id: t.pluginId,
    platform_id: t.platformId ?? null,
    action: t.action,
    from_state: t.from,
    to_state: t.to,
    version: t.version,
    actor: t.actor,
    outcome: t.outcome,
    error: t.error ?? null,
  });
}
