import path from 'node:path';
import type { Knex } from 'knex';
import { dependentsClosure } from './graph.js';
import type { PluginHost } from './host.js';

export interface PluginListing {
  id: string;
  displayName: string;
  description: string;
  category: 'core' | 'optional' | 'internal';
  /** The version on disk. */
  version: string;
  installedVersion: string | null;
  state: 'discovered' | 'installed' | 'excluded';
  dependencies: Record<string, string>;
  dependents: string[];
  lastError: string | null;
  /** Platform listing only. */
  enabled?: boolean;
  /** Platform listing only: why the plugin was disabled there for failing. */
  quarantine?: { at: string; reason: string } | null;
}

/** The error of each plugin's most recent transition, when that transition failed. */
async function lastErrors(knex: Knex): Promise<Map<string, string>> {
  const rows: { plugin_id: string; outcome: string; error: string }[] = await knex('plugin_transitions as t')
    .select('t.plugin_id', 't.outcome', 't.error')
    .whereRaw('t.id = (select max(id) from plugin_transitions where plugin_id = t.plugin_id)');
  return new Map(rows.filter((r) => r.outcome === 'failed').map((r) => [r.plugin_id, r.error]));
}

/**
 * Every plugin the host knows, for the management API and the CLI: loaded ones with their state (and, for one
 * platform, whether it is enabled and any quarantine there), then those left out, with the reason.
 */
export async function listPlugins(host: PluginHost, knex: Knex, platformId?: number): Promise<PluginListing[]> {
  const snapshot = host.snapshot();
  const graph = new Map([...host.loaded].map(([id, p]) => [id, { dependencies: p.discovered.manifest.dependencies }]));
  const errors = await lastErrors(knex);
  const quarantined = new Map<string, { at: string; reason: string }>();
  if (platformId !== undefined) {
    const rows = await knex('platform_plugins')
      .where({ platform_id: platformId })
      .whereNotNull('quarantined_at')
      .select('plugin_id', 'quarantined_at', 'quarantine_reason');
    for (const r of rows) {
      quarantined.set(r.plugin_id, { at: new Date(r.quarantined_at).toISOString(), reason: r.quarantine_reason });
    }
  }
  const exclusions = new Map(host.excluded.map((e) => [e.id, `${e.code}: ${e.reason}`]));
  const loaded = [...host.loaded.values()].map(({ discovered: { manifest: m } }) => ({
    id: m.id,
    displayName: m.displayName,
    description: m.description,
    category: m.category,
    version: m.version,
    installedVersion: snapshot.installed.get(m.id) ?? null,
    state: snapshot.installed.has(m.id) ? ('installed' as const) : ('discovered' as const),
    dependencies: m.dependencies,
    dependents: dependentsClosure(m.id, graph),
    // A plugin whose new code failed to load keeps serving its old code: show why it was not replaced.
    lastError: exclusions.get(m.id) ?? errors.get(m.id) ?? null,
    ...(platformId === undefined
      ? {}
      : { enabled: snapshot.isEnabled(platformId, m.id), quarantine: quarantined.get(m.id) ?? null }),
  }));
  // Packages refused at discovery (bad manifest, duplicate id, no orion field) are listed too, by id or folder.
  const refused = host.problems.map((p) => ({
    id: p.pluginId ?? path.basename(p.dir),
    code: p.code,
    reason: p.message,
  }));
  const excluded = [...host.excluded, ...refused]
    .filter((e) => !host.loaded.has(e.id))
    .map((e) => ({
      id: e.id,
      displayName: e.id,
      description: '',
      category: 'optional' as const,
      version: '',
      installedVersion: snapshot.installed.get(e.id) ?? null,
      state: 'excluded' as const,
      dependencies: {},
      dependents: [],
      lastError: `${e.code}: ${e.reason}`,
      ...(platformId === undefined ? {} : { enabled: false }),
    }));
  return [...loaded, ...excluded].sort((a, b) => a.id.localeCompare(b.id));
}
