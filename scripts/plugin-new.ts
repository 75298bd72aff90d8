import path from 'node:path';
import { ROOT } from '../kernel/paths.js';
import { generatePlugin, ScaffoldError } from './plugin-new/generate.js';

const usage = `Usage: npm run plugin:new -- <id> [--dir <folder>]

Creates plugins/<id>/ (or <folder>/<id>/): a manifest, a JSON route, a vendor page with a view, a migration,
a menu item, a settings field and a passing test.`;

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let into = path.join(ROOT, 'plugins');
  const dirFlag = args.indexOf('--dir');
  if (dirFlag >= 0) {
    const value = args[dirFlag + 1];
    if (!value) return fail('--dir needs a folder');
    into = path.resolve(value);
    args.splice(dirFlag, 2);
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  if (args.length !== 1) return fail(args.length ? `expected one plugin id, got ${args.join(' ')}` : 'no plugin id');
  const [id] = args as [string];
  try {
    const { dir, files } = await generatePlugin({ id, into });
    const shown = path.relative(process.cwd(), dir) || dir;
    console.log(`Created ${shown}/\n${files.map((f) => `  ${f}`).join('\n')}\n`);
    console.log(`Next:\n  npm test                              # runs its tests with the others`);
    console.log(`  npm run plugins -- install ${id}\n  npm run plugins -- enable main ${id}`);
    return 0;
  } catch (err) {
    if (err instanceof ScaffoldError) return fail(err.message);
    throw err;
  }
}

function fail(message: string): number {
  console.error(`plugin:new: ${message}\n\n${usage}`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
