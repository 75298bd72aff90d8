import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';

/** A stand-in Sentry on loopback that keeps every envelope it is sent. */
async function fakeSentry(): Promise<{ dsn: string; envelopes: string[]; close(): Promise<void> }> {
  const envelopes: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      envelopes.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    dsn: `http://0123456789abcdef0123456789abcdef@127.0.0.1:${port}/42`,
    envelopes,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('Sentry', () => {
  it('receives an unhandled route error tagged with the error id, request id and route', async () => {
    const sentry = await fakeSentry();
    const kernel = await startTestKernel({ settings: { SENTRY_DSN: sentry.dsn } });
    try {
      kernel.app.get('/api/v1/explode/:id', () => {
        throw new Error('kaboom for sentry');
      });
      const res = await kernel.request('/api/v1/explode/7', { headers: { 'x-request-id': 'req-for-sentry' } });
      assert.equal(res.status, 500);
      const { errorId } = (await res.json()) as { errorId: string };
      await kernel.stop(); // flushes the reporter
      const event = sentry.envelopes.find((e) => e.includes('kaboom for sentry'));
      assert.ok(event, `no envelope with the error among ${sentry.envelopes.length}`);
      assert.ok(event.includes(errorId), 'the error id is not in the event');
      assert.ok(event.includes('req-for-sentry'), 'the request id is not in the event');
      assert.ok(event.includes('/api/v1/explode/:id'), 'the route is not in the event');
    } finally {
      await kernel.stop();
      await sentry.close();
    }
  });
});
