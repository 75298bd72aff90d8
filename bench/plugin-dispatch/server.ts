import 'reflect-metadata';
import fs from 'node:fs';
import { pino } from 'pino';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';
import { writeBenchPlugins } from '../lib/plugins.js';
import { announceReady } from '../lib/ready.js';

/** The kernel `index.ts` measures, in a process of its own: `server.js <plugins> <platforms>`. */
const [plugins = 20, platforms = 10] = process.argv.slice(2).map(Number);
const root = writeBenchPlugins(plugins);
const kernel = await startTestKernel({
  listen: true,
  logDestination: pino.destination({ dest: '/dev/null', sync: false }),
  plugins: { roots: [root] },
});
for (let p = 1; p < platforms; p++) {
  await kernel.db.knex('platforms').insert({ code: `p${p}`, name: `Platform ${p}`, domain: `p${p}.bench.test` });
}
await kernel.platforms.refresh();
const actor = 'bench';
for (const id of kernel.plugins.loaded.keys()) await kernel.plugins.install(id, { actor });
for (const platform of kernel.platforms.all()) {
  for (const id of kernel.plugins.loaded.keys()) await kernel.plugins.enable(platform.code, id, { actor });
}
process.stdout.write(`${kernel.plugins.loaded.size} plugins enabled on ${kernel.platforms.all().length} platforms\n`);
announceReady(kernel.server?.url as string, async () => {
  await kernel.stop('bench done');
  fs.rmSync(root, { recursive: true, force: true });
});
