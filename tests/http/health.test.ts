import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import knexFactory from 'knex';
import { createKernelMigrator } from '../../kernel/db/migrate.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestDatabase } from '../../kernel/testing/test-database.js';

const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

describe('health and metrics of a running kernel', () => {
  let kernel: TestKernel;
  before(async () => {
    kernel = await startTestKernel();
  });
  after(() => kernel.stop());

  it('is live, ready and ok once migrations are done', async () => {
    assert.equal((await kernel.request('/health/live')).status, 200);
    const ready = await kernel.request('/health/ready');
    assert.equal(ready.status, 200);
    const health = await json(await kernel.request('/health'));
    assert.equal(health.status, 'ok');
    assert.match(String(health.version), /^\d+\.\d+\.\d+/);
    assert.equal(typeof health.uptimeSeconds, 'number');
    assert.deepEqual(Object.keys(health.checks as object), ['database']);
  });

  it('exposes request durations and process metrics on /metrics', async () => {
    await kernel.request('/health/live');
    const res = await kernel.request('/metrics');
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/);
    const text = await res.text();
    assert.match(text, /# TYPE http_request_duration_seconds histogram/);
    assert.match(text, /http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"/);
    assert.match(text, /process_resident_memory_bytes/);
  });

  it('logs one access line per request with its id, method, path, status and duration', async () => {
    const res = await kernel.request('/health/live', { headers: { 'x-request-id': 'trace-me-1' } });
    assert.equal(res.status, 200);
    const line = kernel.logs.find((l) => l.requestId === 'trace-me-1');
    assert.ok(line, 'no access log line for the request');
    assert.equal(line.method, 'GET');
    assert.equal(line.path, '/health/live');
    assert.equal(line.status, 200);
    assert.equal(typeof line.durationMs, 'number');
  });
});

describe('readiness before migrations', () => {
  it('stays 503 naming the pending migrations, and turns ready once they are applied elsewhere', async () => {
    const database = await createTestDatabase({ migrate: false });
    const kernel = await startTestKernel({ database, settings: { AUTO_MIGRATE: 'false' }, waitReady: false });
    try {
      assert.equal((await kernel.request('/health/live')).status, 200);
      let reason = '';
      for (let i = 0; i < 50 && !reason.includes('pending'); i++) {
        const ready = await kernel.request('/health/ready');
        assert.equal(ready.status, 503);
        reason = String((await json(ready)).reason);
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.match(reason, /^\d+ migration\(s\) pending: run npm run db:migrate$/);
      // As `npm run db:migrate` from a release job would: no restart needed.
      await createKernelMigrator(database.knex).latest();
      await kernel.ready;
      assert.equal((await kernel.request('/health/ready')).status, 200);
    } finally {
      await kernel.stop();
    }
  });
});

describe('readiness when the database goes away', () => {
  it('answers 503 on /health/ready and reports down, and recovers when it comes back', async (t) => {
    const serverUrl = process.env.DATABASE_URL;
    const kernel = await startTestKernel();
    try {
      assert.equal((await kernel.request('/health/ready')).status, 200);
      let restore = async () => {};
      if (serverUrl) {
        // A real outage for this database: refuse new connections and cut the open ones.
        const name = kernel.db.location.split('/').pop() as string;
        const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
        await admin.raw('alter database ?? allow_connections false', [name]);
        await admin.raw('select pg_terminate_backend(pid) from pg_stat_activity where datname = ?', [name]);
        restore = async () => {
          await admin.raw('alter database ?? allow_connections true', [name]);
          await admin.destroy();
        };
      } else {
        t.diagnostic('embedded database: simulating the outage by closing its connection');
        await kernel.db.knex.destroy();
      }
      const ready = await kernel.request('/health/ready');
      assert.equal(ready.status, 503);
      assert.match(String((await json(ready)).reason), /^database: /);
      const health = await kernel.request('/health');
      assert.equal(health.status, 503);
      assert.equal((await json(health)).status, 'down');
      if (serverUrl) {
        await restore();
        assert.equal((await kernel.request('/health/ready')).status, 200, 'did not recover');
      }
    } finally {
      await kernel.stop().catch(() => {});
    }
  });
});

describe('Redis health', () => {
  it('reports degraded but stays ready when the configured Redis cannot be reached', async () => {
    const kernel = await startTestKernel({ settings: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const health = await json(await kernel.request('/health'));
      assert.equal(health.status, 'degraded');
      assert.equal((health.checks as Record<string, { status: string }>).redis?.status, 'fail');
      assert.equal((await kernel.request('/health/ready')).status, 200);
    } finally {
      await kernel.stop();
    }
  });

  it('reports Redis ok when it answers', {
    skip: process.env.REDIS_URL ? false : 'REDIS_URL is not set: no Redis server to talk to',
  }, async () => {
    const kernel = await startTestKernel({ settings: { REDIS_URL: process.env.REDIS_URL } });
    try {
      const health = await json(await kernel.request('/health'));
      assert.equal(health.status, 'ok');
      assert.equal((health.checks as Record<string, { status: string }>).redis?.status, 'ok');
    } finally {
      await kernel.stop();
    }
  });
});
