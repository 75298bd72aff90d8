import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIST, ROOT } from '../../kernel/paths.js';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'plugins');
type Json = Record<string, unknown>;

describe('plugin host with fixture plugins', () => {
  let kernel: TestKernel;
  let headers: Record<string, string>;
  let seen: { pings: { platformId: number; note: string }[]; unhealthy: boolean };
  let mainId: number;
  let omsId: number;

  const get = (p: string, host = 'localhost') => kernel.request(p, { headers: { host } });
  const post = async (p: string, body: Json = {}) => {
    const res = await kernel.request(p, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const list = async (platform?: string) => {
    const url = platform ? `/api/v1/admin/platforms/${platform}/plugins` : '/api/v1/admin/plugins';
    const res = await kernel.request(url, { headers });
    assert.equal(res.status, 200);
    return ((await res.json()) as { plugins: Json[] }).plugins;
  };

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [FIXTURES] } });
    [omsId] = await kernel.db
      .knex('platforms')
      .insert({ code: 'oms', name: 'OMS', domain: 'oms.test' })
      .returning<{ id: number }[]>('id')
      .then((rows) => rows.map((r) => r.id));
    mainId = kernel.platforms.findByCode('main')?.id as number;
    await kernel.platforms.refresh();
    headers = await adminHeaders(kernel);
    // The same module instance the host imported: the tests read what the fixture saw.
    seen = (await import(path.join(DIST, 'tests/fixtures/plugins/hello/src/index.js'))).seen;
  });
  after(() => kernel.stop());

  it('installs core plugins at start and serves them on every platform', async () => {
    assert.deepEqual(await (await get('/api/v1/shop/core-thing/ping')).json(), { pong: 'main' });
    assert.deepEqual(await (await get('/api/v1/shop/core-thing/ping', 'oms.test')).json(), { pong: 'oms' });
  });

  it('leaves out a plugin whose dependency is missing, naming both, and still serves the others', async () => {
    const plugins = await list();
    const missing = plugins.find((p) => p.id === 'needs-missing');
    assert.equal(missing?.state, 'excluded');
    assert.match(
      String(missing?.lastError),
      /ORN_PLUGIN_DEPENDENCY_MISSING: plugin "needs-missing" 1\.0\.0 needs "payments" \^1\.0\.0/,
    );
    assert.equal(plugins.find((p) => p.id === 'hello')?.state, 'discovered');
  });

  it('refuses the management API without an administrator token', async () => {
    const res = await kernel.request('/api/v1/admin/plugins');
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as Json).code, 'ORN_AUTH_UNAUTHENTICATED');
  });

  it('installs a plugin with its migrations and hook in one step, and records it', async () => {
    const dry = await post('/api/v1/admin/plugins/hello/install', { dryRun: true });
    assert.deepEqual(dry.body.migrations, ['20261127100000_create_greetings']);
    assert.equal(await kernel.db.knex.schema.hasTable('hello__greetings'), false, 'a dry run changed something');

    const res = await post('/api/v1/admin/plugins/hello/install');
    assert.equal(res.status, 200);
    assert.deepEqual(await kernel.db.knex('hello__greetings').pluck('text'), ['first greeting']);
    const transition = await kernel.db
      .knex('plugin_transitions')
      .where({ plugin_id: 'hello', action: 'install' })
      .first();
    assert.equal(transition.outcome, 'ok');
    assert.match(transition.actor, /^test-admin-/);
    assert.equal((await post('/api/v1/admin/plugins/hello/install')).body.code, 'ORN_PLUGIN_ALREADY_INSTALLED');
  });

  it('serves a plugin only on the platforms where it is enabled', async () => {
    assert.equal((await get('/api/v1/shop/hello/greeting')).status, 404, 'installed but not enabled yet');
    const enabled = await post('/api/v1/admin/platforms/main/plugins/hello/enable');
    assert.equal(enabled.status, 200);
    assert.deepEqual(enabled.body.plugins, ['hello']);

    const res = await get('/api/v1/shop/hello/greeting');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { text: 'Hello, Orion', plugin: 'hello' });
    assert.equal((await get('/api/v1/shop/hello/greeting', 'oms.test')).status, 404);
    const platformList = await list('oms');
    assert.equal(platformList.find((p) => p.id === 'hello')?.enabled, false);
  });

  it('asks before enabling dependencies, enables them in order when told to, and guards disabling the same way', async () => {
    const refused = await post('/api/v1/admin/plugins/reviews/install');
    assert.equal(refused.status, 200);
    const needs = await post('/api/v1/admin/platforms/oms/plugins/reviews/enable');
    assert.equal(needs.status, 409);
    assert.equal(needs.body.code, 'ORN_PLUGIN_NEEDS_CASCADE');
    assert.match(String(needs.body.detail), /also needs hello enabled/);

    const plan = await post('/api/v1/admin/platforms/oms/plugins/reviews/enable', { dryRun: true });
    assert.deepEqual(plan.body.plugins, ['hello', 'reviews']);
    assert.equal((await get('/api/v1/shop/reviews/summary', 'oms.test')).status, 404, 'a dry run enabled it');

    assert.equal((await post('/api/v1/admin/platforms/oms/plugins/reviews/enable', { cascade: true })).status, 200);
    const summary = await get('/api/v1/shop/reviews/summary', 'oms.test');
    assert.deepEqual(await summary.json(), { greeting: 'hello reviewer from hello' });

    const disable = await post('/api/v1/admin/platforms/oms/plugins/hello/disable');
    assert.equal(disable.status, 409);
    assert.match(String(disable.body.detail), /also disables reviews/);
    const cascade = await post('/api/v1/admin/platforms/oms/plugins/hello/disable', { cascade: true });
    assert.deepEqual(cascade.body.plugins, ['reviews', 'hello']);
    assert.equal((await get('/api/v1/shop/reviews/summary', 'oms.test')).status, 404);
    assert.equal((await get('/api/v1/shop/hello/greeting', 'oms.test')).status, 404);
    assert.equal((await get('/api/v1/shop/hello/greeting')).status, 200, 'main was affected by a change on oms');
  });

  it('refuses to disable a core plugin', async () => {
    const res = await post('/api/v1/admin/platforms/main/plugins/core-thing/disable');
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'ORN_PLUGIN_CORE_ALWAYS_ON');
  });

  it('rolls back an install whose hook fails, migrations included, and shows the error', async () => {
    const res = await post('/api/v1/admin/plugins/failing-install/install');
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'ORN_PLUGIN_TRANSITION_FAILED');
    assert.match(String(res.body.detail), /the install hook refuses/);
    assert.equal(await kernel.db.knex.schema.hasTable('failing_install__things'), false);
    assert.equal(await kernel.db.knex.schema.hasTable('failing_install__migrations'), false);
    const info = (await list()).find((p) => p.id === 'failing-install');
    assert.equal(info?.state, 'discovered');
    assert.match(String(info?.lastError), /the install hook refuses/);
  });

  it("puts an administrator's sign-in in front of a plugin's admin routes", async () => {
    const res = await kernel.request('/api/v1/admin/hello/boom');
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as Json).code, 'ORN_AUTH_UNAUTHENTICATED');
  });

  it('answers a throwing plugin route with a 500 tagged with the plugin, and keeps serving', async () => {
    const res = await kernel.request('/api/v1/admin/hello/boom', { headers });
    assert.equal(res.status, 500);
    const body = (await res.json()) as Json;
    assert.equal(body.plugin, 'hello');
    const logged = kernel.logs.find(
      (l) => l.errorId === body.errorId && l.msg === 'unhandled error while serving a request',
    );
    assert.equal(logged?.plugin, 'hello');
    assert.equal((await get('/api/v1/shop/hello/greeting')).status, 200);
    const metrics = await (await kernel.request('/metrics')).text();
    assert.match(metrics, /http_request_duration_seconds_count\{[^}]*status="500"[^}]*plugin="hello"\} 1/);
  });

  it('delivers events only for platforms where the plugin is enabled', async () => {
    seen.pings.length = 0;
    await kernel.events.emitAsync('fixture.ping', { platformId: mainId, note: 'main' });
    await kernel.events.emitAsync('fixture.ping', { platformId: omsId, note: 'oms' });
    assert.deepEqual(
      seen.pings.map((p) => p.note),
      ['main'],
    );
  });

  it('reports a failing plugin health check as degraded, naming the plugin', async () => {
    seen.unhealthy = true;
    try {
      const health = (await (await kernel.request('/health')).json()) as { status: string; checks: Json };
      assert.equal(health.status, 'degraded');
      assert.match(JSON.stringify(health.checks['plugin:hello']), /jammed/);
    } finally {
      seen.unhealthy = false;
    }
  });

  it('uninstalls keeping the data, and later without it', async () => {
    assert.equal((await post('/api/v1/admin/plugins/hello/uninstall')).body.code, 'ORN_PLUGIN_HAS_DEPENDENTS');
    assert.equal((await post('/api/v1/admin/plugins/reviews/uninstall', { keepData: true })).status, 200);
    assert.equal((await post('/api/v1/admin/plugins/hello/uninstall', { keepData: true })).status, 200);
    assert.equal((await get('/api/v1/shop/hello/greeting')).status, 404);
    assert.ok(await kernel.db.knex.schema.hasTable('hello__greetings'), 'keepData dropped the table');

    // Reinstalling finds its migrations applied and its data there.
    const again = await post('/api/v1/admin/plugins/hello/install', { dryRun: true });
    assert.deepEqual(again.body.migrations, []);
    assert.equal((await post('/api/v1/admin/plugins/hello/install')).status, 200);
    assert.deepEqual(await kernel.db.knex('hello__greetings').orderBy('id').pluck('text'), [
      'first greeting',
      'first greeting',
    ]);

    const drop = await post('/api/v1/admin/plugins/hello/uninstall', { keepData: false, dryRun: true });
    assert.deepEqual(drop.body.migrations, ['20261127100000_create_greetings']);
    assert.equal((await post('/api/v1/admin/plugins/hello/uninstall', { keepData: false })).status, 200);
    assert.equal(await kernel.db.knex.schema.hasTable('hello__greetings'), false);
    assert.equal(await kernel.db.knex.schema.hasTable('hello__migrations'), false);
  });

  it('answers invalid input with a 422 naming the field', async () => {
    const res = await post('/api/v1/admin/platforms/main/plugins/hello/enable', { cascade: 'yes' });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'ORN_HTTP_VALIDATION_FAILED');
    assert.ok((res.body.errors as Json).cascade);
  });
});

describe('quarantine of a plugin that keeps failing', () => {
  it('disables it on the platform where it fails, tells the admins, and leaves other platforms alone', async () => {
    const kernel = await startTestKernel({
      plugins: { roots: [FIXTURES] },
      settings: { PLUGIN_QUARANTINE_MIN_ERRORS: '5', PLUGIN_QUARANTINE_RATE: '0.5' },
    });
    try {
      await kernel.db.knex('platforms').insert({ code: 'oms', name: 'OMS', domain: 'oms.test' });
      await kernel.platforms.refresh();
      const headers = await adminHeaders(kernel);
      const post = (p: string, body: Json = {}) =>
        kernel.request(p, { method: 'POST', headers, body: JSON.stringify(body) });
      await post('/api/v1/admin/plugins/hello/install');
      await post('/api/v1/admin/plugins/reviews/install');
      for (const platform of ['main', 'oms']) {
        assert.equal(
          (await post(`/api/v1/admin/platforms/${platform}/plugins/reviews/enable`, { cascade: true })).status,
          200,
        );
      }
      const quarantined = new Promise((resolve) => kernel.events.on('kernel.plugin.quarantined', resolve));
      for (let i = 0; i < 5; i++) {
        assert.equal((await kernel.request('/api/v1/admin/hello/boom', { headers })).status, 500);
      }
      assert.deepEqual(await quarantined, {
        platformId: kernel.platforms.findByCode('main')?.id,
        pluginId: 'hello',
        reason: 'at least 5 failed requests (50% or more) within 60 s',
        disabled: ['reviews', 'hello'],
      });

      assert.equal((await kernel.request('/api/v1/shop/hello/greeting')).status, 404);
      assert.equal((await kernel.request('/api/v1/shop/reviews/summary')).status, 404);
      assert.equal(
        (await kernel.request('/api/v1/shop/hello/greeting', { headers: { host: 'oms.test' } })).status,
        200,
      );
      const listed = (await (await kernel.request('/api/v1/admin/platforms/main/plugins', { headers })).json()) as {
        plugins: { id: string; enabled: boolean; quarantine: { reason: string } | null }[];
      };
      const hello = listed.plugins.find((p) => p.id === 'hello');
      assert.equal(hello?.enabled, false);
      assert.match(String(hello?.quarantine?.reason), /at least 5 failed requests/);
      const audit = await asSystem(kernel, (db) => db('audit_log').where({ action: 'plugin.quarantined' }).first());
      assert.equal(audit.target_id, 'hello');

      // An admin decides to try again.
      assert.equal((await post('/api/v1/admin/platforms/main/plugins/hello/enable')).status, 200);
      assert.equal((await kernel.request('/api/v1/shop/hello/greeting')).status, 200);
      const row = await kernel.db.knex('platform_plugins').where({ plugin_id: 'hello' }).whereNotNull('quarantined_at');
      assert.deepEqual(row, []);
    } finally {
      await kernel.stop();
    }
  });
});

describe('management API defaults', () => {
  it('keeps the data of a plugin uninstalled without a request body', async () => {
    const kernel = await startTestKernel({ plugins: { roots: [FIXTURES] } });
    try {
      const authorization = (await adminHeaders(kernel)).authorization as string;
      const post = (p: string) => kernel.request(p, { method: 'POST', headers: { authorization } });
      assert.equal((await post('/api/v1/admin/plugins/hello/install')).status, 200);
      const res = await post('/api/v1/admin/plugins/hello/uninstall');
      assert.equal(res.status, 200);
      assert.deepEqual(((await res.json()) as Json).migrations, []);
      assert.ok(await kernel.db.knex.schema.hasTable('hello__greetings'), 'an uninstall without a body dropped data');
    } finally {
      await kernel.stop();
    }
  });
});
