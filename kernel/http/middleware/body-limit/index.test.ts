import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { pino } from 'pino';
import { errorHandler } from '../error-handler/index.js';
import { bodyLimit } from './index.js';

function app() {
  const a = new Hono();
  a.onError(errorHandler({ logger: pino({ level: 'silent' }), reporter: { capture() {}, async flush() {} } }));
  a.use(bodyLimit(1024));
  a.all('/api/echo', async (c) => c.text(String((await c.req.text()).length)));
  return a;
}

const big = 'x'.repeat(2048);

describe('body limit', () => {
  it('lets a body under the limit through', async () => {
    const res = await app().request('/api/echo', { method: 'POST', body: 'x'.repeat(1000) });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '1000');
  });

  it('refuses a body over the limit that declares its length', async () => {
    const res = await app().request('/api/echo', { method: 'POST', body: big, headers: { 'content-length': '2048' } });
    assert.equal(res.status, 413);
  });

  it('refuses a body over the limit that declares no length', async () => {
    const res = await app().request('/api/echo', { method: 'PUT', body: big });
    assert.equal(res.status, 413);
  });

  it('refuses a streamed body over the limit', async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await app().request('/api/echo', {
      method: 'POST',
      body: stream,
      headers: { 'transfer-encoding': 'chunked' },
      duplex: 'half', // a streamed body needs it in Node's fetch
    });
    assert.equal(res.status, 413);
  });

  it('lets a request without a body through untouched', async () => {
    const res = await app().request('/api/echo');
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '0');
  });
});
