import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../kernel/paths.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';

const PROBE = path.join(ROOT, 'tests', 'fixtures', 'tenancy-plugins', 'probe');
type Doc = { openapi: string; paths: Record<string, Record<string, unknown>> };

describe('the OpenAPI document', () => {
  let kernel: TestKernel;
  let doc: Doc;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [PROBE] } });
    await enablePlugins(kernel, ['probe']);
    const res = await kernel.request('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    doc = (await res.json()) as Doc;
  });
  after(() => kernel.stop());

  it('describes sign-in, tenancy, team, audit, users, customers, mail and plugin routes, without a token', () => {
    assert.equal(doc.openapi, '3.1.0');
    for (const [p, method] of [
      ['/api/v1/admin/auth/login', 'post'],
      ['/api/v1/shop/auth/register', 'post'],
      ['/api/v1/vendor/team', 'get'],
      ['/api/v1/vendor/team/{id}', 'patch'],
      ['/api/v1/vendor/api-keys/{id}', 'delete'],
      ['/api/v1/vendor/customers/{id}/restore', 'post'],
      ['/api/v1/admin/vendors/{code}', 'patch'],
      ['/api/v1/admin/platforms/{code}/deactivate', 'post'],
      ['/api/v1/admin/users/{id}/platforms', 'put'],
      ['/api/v1/admin/mail/{id}', 'get'],
      ['/api/v1/admin/audit-log', 'get'],
      ['/api/v1/admin/platforms/{platform}/plugins/{id}/enable', 'post'],
    ] as const) {
      assert.ok(doc.paths[p]?.[method], `${method.toUpperCase()} ${p}`);
    }
  });

  it("lists a plugin's routes declared with createRoute, under the plugin's prefix", () => {
    assert.ok(doc.paths['/api/v1/vendor/probe/documented']?.get);
    assert.equal(doc.paths['/api/v1/vendor/probe/whoami'], undefined, 'plain routes have no schema to show');
  });

  it('lists every JSON route the kernel serves under /api/v1', () => {
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    const plugin = /^\/api\/v1\/(admin|vendor|shop)\/probe(\/|$)/;
    const served = kernel.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/') && !plugin.test(r.path))
      .filter((r) => r.path !== '/api/v1/openapi.json')
      .map((r) => `${r.method} ${r.path.replace(/:([^/]+)/g, '{$1}')}`);
    assert.ok(served.length > 50, `only ${served.length} routes found`);
    const missing = [...new Set(served)].filter((r) => !documented.has(r));
    assert.deepEqual(missing, []);
  });
});
