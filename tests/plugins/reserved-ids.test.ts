import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROUTE_AREAS, type RouteArea } from '../../kernel/plugins/definition.js';
import { RESERVED_PLUGIN_IDS } from '../../kernel/plugins/manifest.js';
import { pluginIdInPath } from '../../kernel/plugins/plugin-paths.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';

describe('plugin ids the kernel reserves', () => {
  let kernel: TestKernel;
  before(async () => {
    kernel = await startTestKernel();
  });
  after(() => kernel.stop());

  it("include every segment the kernel's own routes use right under an area prefix", () => {
    const used = new Set<string>();
    for (const route of kernel.app.routes) {
      for (const area of Object.keys(ROUTE_AREAS) as RouteArea[]) {
        const segment = pluginIdInPath(area, route.path);
        if (segment && !segment.startsWith(':') && segment !== '*') used.add(segment);
      }
    }
    const missing = [...used].filter((s) => !RESERVED_PLUGIN_IDS.has(s)).sort();
    assert.deepEqual(missing, [], 'add these to RESERVED_PLUGIN_IDS in kernel/plugins/manifest.ts');
    assert.ok(used.has('team') && used.has('vendors'), 'the kernel routes were read');
  });
});
