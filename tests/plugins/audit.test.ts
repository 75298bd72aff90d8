import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../kernel/paths.js';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { type Json, jsonCall } from '../support/json-call.js';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'plugins');

describe('plugin transitions in the audit log', () => {
  let kernel: TestKernel;
  let admin: Record<string, string>;
  const call = jsonCall(() => kernel);
  const entries = async () =>
    ((await call('GET', '/api/v1/admin/audit-log?action=plugin.', admin)).body.entries as Json[]).reverse();

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [FIXTURES] } });
    admin = await adminHeaders(kernel);
  });
  after(() => kernel.stop());

  it('records install, enable, disable and uninstall with the actor, the plugin and the platform', async () => {
    for (const url of [
      '/api/v1/admin/plugins/hello/install',
      '/api/v1/admin/platforms/main/plugins/hello/enable',
      '/api/v1/admin/platforms/main/plugins/hello/disable',
      '/api/v1/admin/plugins/hello/uninstall',
    ]) {
      assert.equal((await call('POST', url, admin, {})).status, 200, url);
    }
    const log = await entries();
    assert.deepEqual(
      log.map((e) => [e.action, e.targetType, e.targetId]),
      [
        ['plugin.install', 'plugin', 'hello'],
        ['plugin.enable', 'plugin', 'hello'],
        ['plugin.disable', 'plugin', 'hello'],
        ['plugin.uninstall', 'plugin', 'hello'],
      ],
    );
    assert.ok(log.every((e) => String(e.actor).startsWith('test-admin-')));
    const enabled = log[1] as Json;
    assert.equal(enabled.platformId, kernel.platforms.findByCode('main')?.id);
    assert.deepEqual([enabled.before, enabled.after], [{ state: 'disabled' }, { state: 'enabled', version: '1.0.0' }]);
  });

  it('records nothing for a dry run or a transition that failed and was rolled back', async () => {
    const count = (await entries()).length;
    assert.equal((await call('POST', '/api/v1/admin/plugins/hello/install', admin, { dryRun: true })).status, 200);
    const failed = await call('POST', '/api/v1/admin/plugins/failing-install/install', admin, {});
    assert.equal(failed.body.code, 'ORN_PLUGIN_TRANSITION_FAILED');
    assert.equal((await entries()).length, count);
  });
});
