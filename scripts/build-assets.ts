/**
 * Builds the browser assets into dist/assets (run by `npm run build`, after tsc): the Tailwind stylesheet from
 * kernel/ui/styles.css, minified, and htmx from node_modules, each named by a hash of its content so that the server
 * can cache them for a year. dist/assets/manifest.json maps each asset to its file.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../kernel/paths.js';
import { ASSET_DIR, type AssetManifest, MANIFEST_FILE } from '../kernel/ui/asset-manifest.js';

const require = createRequire(import.meta.url);

function hashed(name: string, ext: string, content: Buffer): string {
  const hash = crypto.createHash('sha256').update(content).digest('hex').slice(0, 12);
  const file = `${name}.${hash}.${ext}`;
  fs.writeFileSync(path.join(ASSET_DIR, file), content);
  return file;
}

function buildCss(): Buffer {
  const cli = path.join(path.dirname(require.resolve('@tailwindcss/cli/package.json')), 'dist', 'index.mjs');
  const out = path.join(ASSET_DIR, '.app.css');
  const run = spawnSync(
    process.execPath,
    [cli, '-i', path.join(ROOT, 'kernel', 'ui', 'styles.css'), '-o', out, '--minify'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    throw new Error(`tailwindcss failed with status ${run.status}`);
  }
  const css = fs.readFileSync(out);
  fs.rmSync(out);
  return css;
}

const started = Date.now();
fs.rmSync(ASSET_DIR, { recursive: true, force: true });
fs.mkdirSync(ASSET_DIR, { recursive: true });
const manifest: AssetManifest = {
  css: hashed('app', 'css', buildCss()),
  htmx: hashed('htmx', 'js', fs.readFileSync(require.resolve('htmx.org/dist/htmx.min.js'))),
};
fs.writeFileSync(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`assets: ${manifest.css}, ${manifest.htmx} (${Date.now() - started} ms)\n`);
