import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ITEM = { id: 7, title: 'Lamp', priceMinor: 1999, currency: 'EUR' };

/**
 * Writes `count` plugin packages named bench-00, bench-01, … (plain ESM, as an npm package ships) into a new
 * temporary folder; each serves `GET /api/v1/shop/<id>/item`. Returns the folder.
 */
export function writeBenchPlugins(count: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'orion-bench-plugins-'));
  for (let i = 0; i < count; i++) {
    const id = `bench-${String(i).padStart(2, '0')}`;
    const dir = path.join(root, id);
    fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
    const manifest = { id, version: '1.0.0', displayName: id, category: 'optional', kernel: '^1.0.0' };
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: id, version: '1.0.0', type: 'module', orion: manifest }),
    );
    fs.writeFileSync(
      path.join(dir, 'dist', 'index.js'),
      `const body = ${JSON.stringify(ITEM)};\nexport default { routes: { shopApi: (r) => r.get('/item', (c) => c.json(body)) } };\n`,
    );
  }
  return root;
}
