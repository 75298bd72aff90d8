import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withTenant } from '../db/tenant-scope.js';
import { DIST, ROOT } from '../paths.js';
import * as lifecycle from '../plugins/lifecycle.js';
import { savePluginSettings } from '../plugins/settings.js';
import type { TestKernel } from './start-test-kernel.js';

/**
 * The source folder of the plugin package a compiled test file belongs to: `import.meta.url` of
 * `dist/plugins/notes/tests/notes.test.js` gives `<repo>/plugins/notes`. Hand it to `startTestKernel` as
 * `plugins: { extraDirs: [dir] }` so that the kernel discovers that plugin alone.
 */
export function pluginPackageDir(moduleUrl: string): string {
  const file = fileURLToPath(moduleUrl);
  const relative = path.relative(DIST, file);
  let dir = path.dirname(relative.startsWith('..') ? file : path.join(ROOT, relative));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && 'orion' in JSON.parse(fs.readFileSync(manifest, 'utf8'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no plugin package.json (with an "orion" field) above ${file}`);
    dir = parent;
  }
}

/**
 * Installs the plugins that are not installed yet and enables them on `platform` (default `main`), with their
 * dependencies, as an administrator would.
 */
export async function enablePlugins(kernel: TestKernel, ids: string[], platform = 'main'): Promise<void> {
  const host = kernel.plugins;
  for (const id of ids) {
    if (!host.snapshot().installed.has(id)) await lifecycle.install(host, id, { actor: 'test' });
    await lifecycle.enable(host, platform, id, { actor: 'test', cascade: true });
  }
}

/** Disables the plugins on `platform` (default `main`), and the plugins that depend on them. */
export async function disablePlugins(kernel: TestKernel, ids: string[], platform = 'main'): Promise<void> {
  for (const id of ids) await lifecycle.disable(kernel.plugins, platform, id, { actor: 'test', cascade: true });
}

/**
 * Stores a plugin's settings on `platform` (default `main`) as the admin console does (validated, audit-logged),
 * and refreshes the host's snapshot, where `ctx.settings` reads them.
 */
export async function setPluginSettings(
  kernel: TestKernel,
  pluginId: string,
  values: Record<string, unknown>,
  platform = 'main',
): Promise<void> {
  const found = kernel.platforms.findByCode(platform);
  if (!found) throw new Error(`no platform "${platform}"`);
  await withTenant(kernel.db.knex, { bypass: true, reason: 'test: plugin settings' }, (db) =>
    savePluginSettings(db, undefined, { platformId: found.id, pluginId, values, actor: 'test' }),
  );
  await kernel.plugins.changed();
}
