import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST } from '../kernel/paths.js';

/**
 * `npm run bench -- <name>` runs `bench/<name>/index.ts` (compiled). Each benchmark prints its figures as it goes
 * and returns them; this runner prints them last, as one line of JSON.
 */
const name = process.argv[2];
const benchDir = path.join(DIST, 'bench');
const available = fs
  .readdirSync(benchDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(benchDir, d.name, 'index.js')))
  .map((d) => d.name);

if (!name || !available.includes(name)) {
  process.stderr.write(
    `orion bench: ${name ? `no benchmark named ${name}` : 'name a benchmark'}; available: ${available.join(', ')}\n`,
  );
  process.exit(2);
}

const mod = (await import(pathToFileURL(path.join(benchDir, name, 'index.js')).href)) as {
  run(args: string[]): Promise<Record<string, unknown>>;
};
const figures = await mod.run(process.argv.slice(3));
process.stdout.write(`${JSON.stringify(figures)}\n`);
process.exit(0);
