import fs from 'node:fs/promises';
import path from 'node:path';
import { PLUGIN_ID_MAX, PLUGIN_ID_PATTERN, RESERVED_PLUGIN_IDS } from '../../kernel/plugins/manifest.js';
import * as t from './templates.js';

export interface GenerateOptions {
  id: string;
  /** The folder that receives `<id>/`, usually `<repo>/plugins`. */
  into: string;
  now?: Date;
}

/** A plugin id or folder that cannot be used; the message names the problem. */
export class ScaffoldError extends Error {}

export function namesFor(id: string, now = new Date()): t.Names {
  const words = id.split('-');
  const label = words.join(' ').replace(/^./, (ch) => ch.toUpperCase());
  const pascal = words.map((w) => w.replace(/^./, (ch) => ch.toUpperCase())).join('');
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return { id, prefix: id.replace(/-/g, '_'), label, pascal, stamp };
}

/** Writes a new plugin package at `<into>/<id>` and returns the files it wrote, relative to that folder. */
export async function generatePlugin(options: GenerateOptions): Promise<{ dir: string; files: string[] }> {
  const { id } = options;
  if (!PLUGIN_ID_PATTERN.test(id) || id.length > PLUGIN_ID_MAX) {
    throw new ScaffoldError(
      `"${id}" is not a plugin id: use lowercase letters and digits in words joined by "-", starting with a letter ` +
        `(such as gift-cards), at most ${PLUGIN_ID_MAX} characters`,
    );
  }
  if (RESERVED_PLUGIN_IDS.has(id)) {
    throw new ScaffoldError(`"${id}" is used by the kernel in its URLs (/api/v1/vendor/${id}, …): pick another id`);
  }
  const dir = path.join(options.into, id);
  if (await exists(dir)) throw new ScaffoldError(`${dir} already exists: choose another id or remove that folder`);
  const n = namesFor(id, options.now);
  const files: Record<string, string> = {
    'package.json': t.packageJson(n),
    'README.md': t.readme(n),
    'src/index.ts': t.index(n),
    'src/items.ts': t.items(n),
    'src/api.ts': t.api(n),
    'src/pages.tsx': t.pages(n),
    'views/items-page.tsx': t.view(),
    [`migrations/${n.stamp}_create_items.ts`]: t.migration(n),
    [`tests/${id}.test.ts`]: t.test(n),
  };
  for (const [file, text] of Object.entries(files)) {
    await fs.mkdir(path.join(dir, path.dirname(file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), text, { flag: 'wx' });
  }
  return { dir, files: Object.keys(files) };
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}
