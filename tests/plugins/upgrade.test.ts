import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../../kernel/paths.js';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestDatabase } from '../../kernel/testing/test-database.js';

const V1 = path.join(ROOT, 'tests', 'fixtures', 'plugins');
const V2 = path.join(ROOT, 'tests', 'fixtures', 'plugins-v2');

describe('upgrading a plugin to a new version on disk', () => {
  it('holds the plugin back until upgraded, then runs the new migration and hook in one step', async () => {
    const database = await createTestDatabase();
    try {
      const first = await startTestKernel({ database, plugins: { roots: [V1] }, keepDatabaseOpen: true });
      const headers = await adminHeaders(first);
      for (const url of ['/api/v1/admin/plugins/hello/install', '/api/v1/admin/platforms/main/plugins/hello/enable']) {
        assert.equal((await first.request(url, { method: 'POST', headers, body: '{}' })).status, 200);
      }
      await first.stop();

      // The next release ships hello 1.1.0; this deployment does not migrate on its own.
      const second = await startTestKernel({
        database,
        plugins: { roots: [V2] },
        settings: { AUTO_MIGRATE: 'false' },
        keepDatabaseOpen: true,
      });
      try {
        assert.equal((await second.request('/api/v1/shop/hello/greeting')).status, 404, 'served before its upgrade');
        const listed = (await (await second.request('/api/v1/admin/plugins', { headers })).json()) as {
          plugins: { id: string; version: string; installedVersion: string }[];
        };
        const hello = listed.plugins.find((p) => p.id === 'hello');
        assert.deepEqual([hello?.version, hello?.installedVersion], ['1.1.0', '1.0.0']);

        const res = await second.request('/api/v1/admin/plugins/hello/upgrade', {
          method: 'POST',
          headers,
          body: '{}',
        });
        assert.equal(res.status, 200);
        assert.deepEqual(((await res.json()) as { migrations: string[] }).migrations, [
          '20261127110000_add_greeting_language',
        ]);
        assert.equal((await second.request('/api/v1/shop/hello/greeting')).status, 200, 'enabled state was lost');
        const rows = await database.knex('hello__greetings').orderBy('id').select('text', 'language');
        assert.deepEqual(rows, [
          { text: 'first greeting', language: 'en' },
          { text: 'upgraded from 1.0.0', language: 'en' },
        ]);
        assert.equal(
          await database
            .knex('plugins')
            .where({ id: 'hello' })
            .first()
            .then((r) => r.version),
          '1.1.0',
        );
      } finally {
        await second.stop();
      }
    } finally {
      await database.close();
    }
  });
});
