import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { SECURITY_HEADERS, securityHeaders } from './index.js';

function app() {
  const a = new Hono();
  a.use(securityHeaders());
  a.get('/json', (c) => c.json({ ok: true }));
  a.get('/raw', () => new Response('raw', { headers: { 'content-type': 'text/plain' } }));
  a.get('/framed', (c) => {
    c.header('x-frame-options', 'DENY');
    return c.text('framed');
  });
  return a;
}

describe('security headers', () => {
  for (const path of ['/json', '/raw', '/missing']) {
    it(`are all set on ${path}`, async () => {
      const res = await app().request(path);
      for (const [name, value] of SECURITY_HEADERS) assert.equal(res.headers.get(name), value, name);
    });
  }

  it('keep a header the handler chose itself', async () => {
    const res = await app().request('/framed');
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });
});
