import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SECURITY_HEADERS } from '../../kernel/http/security-headers.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';

describe('security headers on the wire', () => {
  let kernel: TestKernel;
  before(async () => {
    kernel = await startTestKernel({ listen: true });
    kernel.app.get('/framed', (c) => {
      c.header('x-frame-options', 'SAMEORIGIN');
      return c.text('framed');
    });
    kernel.app.get('/raw', () => new Response('raw', { headers: { 'content-type': 'text/plain' } }));
    kernel.app.get('/empty', () => new Response(null, { status: 204 }));
    kernel.app.get('/stream', () => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('streamed'));
          controller.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/plain', 'set-cookie': 'a=1' } });
    });
  });
  after(() => kernel.stop());

  for (const path of ['/admin/login', '/empty', '/no/such/page']) {
    it(`are the documents' set on ${path} (HTML, or no body)`, async () => {
      const res = await fetch(`${kernel.server?.url}${path}`);
      for (const [name, value] of SECURITY_HEADERS.documents) assert.equal(res.headers.get(name), value, name);
    });
  }

  for (const path of ['/health/live', '/raw', '/stream', '/api/v1/nothing']) {
    it(`are the API set on ${path} (JSON, text), without the page-only headers`, async () => {
      const res = await fetch(`${kernel.server?.url}${path}`);
      for (const [name, value] of SECURITY_HEADERS.other) assert.equal(res.headers.get(name), value, name);
      assert.equal(res.headers.get('referrer-policy'), null);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    });
  }

  it('a redirect carries the documents set, Referrer-Policy included', async () => {
    const res = await fetch(`${kernel.server?.url}/admin`, { redirect: 'manual' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  });

  it('keep a header the handler chose itself, sent once', async () => {
    const res = await fetch(`${kernel.server?.url}/framed`);
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });

  it('leave the body and the other headers of a streamed answer alone', async () => {
    const res = await fetch(`${kernel.server?.url}/stream`);
    assert.equal(await res.text(), 'streamed');
    assert.equal(res.headers.get('set-cookie'), 'a=1');
  });
});
