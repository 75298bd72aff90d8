import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { DIST, ROOT } from '../../kernel/paths.js';
import { generatePlugin, ScaffoldError } from '../../scripts/plugin-new/generate.js';

const run = promisify(execFile);
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

describe('npm run plugin:new', () => {
  // Inside the repository, so that the generated plugin resolves @orion/sdk as one in plugins/ does.
  const work = path.join(ROOT, '.tmp', `scaffold-${process.pid}`);
  const into = path.join(work, 'plugins');
  const compiled = path.join(DIST, path.relative(ROOT, work));

  before(() => fs.mkdir(into, { recursive: true }));
  after(async () => {
    await fs.rm(work, { recursive: true, force: true });
    await fs.rm(compiled, { recursive: true, force: true });
  });

  it('refuses an id that is not kebab-case, naming the rule', async () => {
    await assert.rejects(
      generatePlugin({ id: 'Gift_Cards', into }),
      (err: Error) => err instanceof ScaffoldError && /"Gift_Cards" is not a plugin id/.test(err.message),
    );
  });

  it('refuses an id the kernel uses in its URLs', async () => {
    await assert.rejects(
      generatePlugin({ id: 'team', into }),
      (err: Error) => err instanceof ScaffoldError && /"team" is used by the kernel/.test(err.message),
    );
  });

  it('generates a plugin that lints, compiles and passes its own tests', async () => {
    const { files } = await generatePlugin({ id: 'gift-card-ledger', into });
    assert.ok(files.includes('tests/gift-card-ledger.test.ts'));
    const manifest = JSON.parse(await fs.readFile(path.join(into, 'gift-card-ledger', 'package.json'), 'utf8'));
    assert.equal(manifest.orion.id, 'gift-card-ledger');
    assert.equal(manifest.orion.settings.pageTitle.default, 'Gift card ledger');

    await run(bin('biome'), ['check', '--vcs-use-ignore-file=false', into], { cwd: ROOT });
    const tsconfig = path.join(work, 'tsconfig.json');
    const config = { extends: path.join(ROOT, 'tsconfig.json'), compilerOptions: { rootDir: ROOT, outDir: DIST } };
    await fs.writeFile(tsconfig, JSON.stringify({ ...config, include: [into] }));
    await run(bin('tsc'), ['-p', tsconfig], { cwd: ROOT });

    const tests = path.join(compiled, 'plugins', 'gift-card-ledger', 'tests');
    // Without NODE_TEST_CONTEXT, which would make the inner runner report to this one instead of to its stdout.
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const { stdout } = await run(process.execPath, ['--test', '--test-reporter=tap', tests], { cwd: ROOT, env });
    assert.match(stdout, /^# pass 5$/m);
    assert.match(stdout, /^# fail 0$/m);
  });

  it('refuses to write over an existing folder', async () => {
    await assert.rejects(
      generatePlugin({ id: 'gift-card-ledger', into }),
      (err: Error) => err instanceof ScaffoldError && /already exists/.test(err.message),
    );
  });
});
