import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createDatabase } from '../../kernel/db/database.js';
import { withTenant } from '../../kernel/db/tenant-scope.js';
import { DIST, ROOT } from '../../kernel/paths.js';

const CLI = path.join(DIST, 'scripts', 'plugins.js');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'plugins');

describe('npm run plugins', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orion-cli-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    SEED_DEMO: 'false',
    ORION_DATA_DIR: dataDir,
    PGLITE_DIR: path.join(dataDir, 'pglite'),
    PLUGIN_DIRS: ['hello', 'reviews'].map((p) => path.join(FIXTURES, p)).join(','),
  };
  delete env.DATABASE_URL; // its own embedded database, whatever the CI pass

  const run = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('installs and enables plugins, and says what is wrong when it cannot', async () => {
    const refused = await run('enable', 'main', 'reviews');
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      'orion plugins: plugin "reviews" is not installed: install it first (ORN_PLUGIN_NOT_INSTALLED)\n',
    );

    assert.equal(
      (await run('install', 'hello')).stdout,
      'installed hello\n  plugins: hello\n  migrations: 20261127100000_create_greetings\n',
    );
    assert.equal((await run('install', 'reviews')).code, 0);
    const enabled = await run('enable', 'main', 'reviews', '--cascade');
    assert.equal(enabled.stdout, 'enabled reviews on main\n  plugins: hello, reviews\n');

    const listed = await run('list', 'main');
    assert.match(listed.stdout, /^hello\s+1\.0\.0\s+optional\s+installed\s+enabled$/m);
    assert.match(listed.stdout, /^reviews\s+1\.0\.0\s+optional\s+installed\s+enabled$/m);

    // Each change is in the audit log, by the shell user; the refused enable left nothing.
    const db = await createDatabase({ pgliteDir: env.PGLITE_DIR as string });
    try {
      const entries = await withTenant(db.knex, { bypass: true, reason: 'test reads the audit log' }, (trx) =>
        trx('audit_log').where('action', 'like', 'plugin.%').orderBy('id').select('action', 'target_id', 'actor_label'),
      );
      const actor = `cli:${os.userInfo().username}`;
      assert.deepEqual(entries, [
        { action: 'plugin.install', target_id: 'hello', actor_label: actor },
        { action: 'plugin.install', target_id: 'reviews', actor_label: actor },
        { action: 'plugin.enable', target_id: 'reviews', actor_label: actor },
      ]);
    } finally {
      await db.close();
    }
  });

  it('prints its usage for an unknown command', async () => {
    const res = await run('frobnicate');
    assert.equal(res.code, 2);
    assert.match(res.stderr, /unknown command frobnicate\nusage: npm run plugins/);
  });
});
