import fs from 'node:fs';
import path from 'node:path';
import type { Messages } from './messages.js';

/** `t('key'` and `T(c)('key'`: the literal keys that source code translates. */
const CALL = /\b(?:t|[a-zA-Z]+T\([^()]*\))\(\s*['"`]([\w.-]+)['"`]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The keys that the `.ts`/`.tsx` files under `dir` pass to a `t(…)`, with the file of each. */
export function usedKeys(dir: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of sourceFiles(dir)) {
    // Comments hold examples, not calls.
    const code = fs
      .readFileSync(file, 'utf8')
      .replace(/^\s*\/\*[\s\S]*?\*\//gm, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const m of code.matchAll(CALL)) keys.set(m[1] as string, file);
  }
  return keys;
}

/**
 * The keys the code under `dir` uses that the English catalogue lacks (`key (file)`), for a unit test: English is
 * the fallback of every language, so each of these would show its bare key to users.
 *
 * @example assert.deepEqual(missingEnglishKeys(messages, path.join(pluginDir, 'src')), []);
 */
export function missingEnglishKeys(messages: Messages, dir: string): string[] {
  return [...usedKeys(dir)].filter(([key]) => !(key in messages.en)).map(([key, file]) => `${key} (${file})`);
}

/** Keys a language has that English lacks (left over after a rename). */
export function strayKeys(messages: Messages, language: string): string[] {
  return Object.keys(messages[language] ?? {}).filter((key) => !(key in messages.en));
}
