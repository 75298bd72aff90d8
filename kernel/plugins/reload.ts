import crypto from 'node:crypto';
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

let registered = false;
let generation = 0;

/** The folder whose modules are re-imported together: the compiled plugin folder (`dist/…/<plugin>/`). */
function codeRoot(entry: string): string {
  // Entries are `<root>/src/index.js` (compiled in the repo) or `<package>/dist/index.js` (npm packages).
  return path.dirname(path.dirname(entry));
}

/**
 * Imports a plugin's entry as a new module graph (its own files only), for a hot reload. The previous graph stays in
 * Node's module map (it cannot be evicted), so each reload costs the memory of the plugin's own modules.
 */
export async function importFresh(entry: string): Promise<unknown> {
  if (!registered) {
    register('./reload-hooks.js', import.meta.url);
    registered = true;
  }
  const root = `${pathToFileURL(codeRoot(entry)).href}/`;
  const url = `${pathToFileURL(entry).href}?orion-reload=${++generation}&orion-root=${encodeURIComponent(root)}`;
  return import(url);
}

/**
 * A hash of a plugin's compiled files and manifest, to find the plugins whose files changed since they were loaded.
 * Content, not modification times: a rewrite within the same clock tick, or on a coarse file system, still counts.
 */
export function fingerprint(entry: string, packageJson: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const item of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) {
        if (item.name !== 'node_modules') walk(full);
      } else if (item.name.endsWith('.js') || item.name.endsWith('.json')) {
        hash.update(full).update(fs.readFileSync(full));
      }
    }
  };
  const root = codeRoot(entry);
  if (fs.existsSync(root)) walk(root);
  hash.update(packageJson).update(fs.readFileSync(packageJson));
  return hash.digest('hex');
}
