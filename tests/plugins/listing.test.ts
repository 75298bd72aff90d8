import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../../kernel/paths.js';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';

describe('the plugin listing', () => {
  it('shows packages refused at discovery with the reason, so an admin can see why a plugin is missing', async () => {
    const root = path.join(ROOT, 'tests', 'fixtures', 'plugin-packages', 'local');
    const kernel = await startTestKernel({ plugins: { roots: [root] } });
    try {
      const res = await kernel.request('/api/v1/admin/plugins', { headers: await adminHeaders(kernel) });
      const { plugins } = (await res.json()) as { plugins: { id: string; state: string; lastError: string }[] };
      const broken = plugins.find((p) => p.id === 'broken');
      assert.equal(broken?.state, 'excluded');
      assert.match(broken?.lastError ?? '', /^ORN_PLUGIN_MANIFEST_INVALID: plugin "broken".*orion\.version/);
      const notAPlugin = plugins.find((p) => p.id === 'not-a-plugin');
      assert.match(notAPlugin?.lastError ?? '', /^ORN_PLUGIN_NOT_A_PLUGIN: /);
    } finally {
      await kernel.stop();
    }
  });
});
