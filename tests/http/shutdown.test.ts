import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A route that takes `ms` to answer, and a promise that resolves once a request is inside it. */
function slowRoute(ms: number) {
  let arrived: () => void = () => {};
  const running = new Promise<void>((r) => {
    arrived = r;
  });
  const handler = async (c: { text(t: string): Response }) => {
    arrived();
    await sleep(ms);
    return c.text('finished');
  };
  return { handler, running };
}

describe('graceful shutdown', () => {
  it('finishes a request in flight, refuses new connections, and closes the database', async () => {
    const kernel = await startTestKernel({ listen: true });
    const slow = slowRoute(400);
    kernel.app.get('/slow', slow.handler);
    const url = kernel.server?.url as string;
    const inFlight = fetch(`${url}/slow`);
    await slow.running;
    const stopped = kernel.stop('test');
    const res = await inFlight;
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'finished');
    await stopped;
    await assert.rejects(fetch(`${url}/health/live`), 'the server still accepted a connection after stop');
    await assert.rejects(kernel.db.ping(), /closed/);
    assert.ok(kernel.logs.some((l) => l.msg === 'stopped'));
  });

  it('cuts requests still running at the deadline instead of hanging', async () => {
    const kernel = await startTestKernel({ listen: true, settings: { SHUTDOWN_TIMEOUT_MS: '200' } });
    const stuck = slowRoute(5000);
    kernel.app.get('/stuck', stuck.handler);
    const answer = fetch(`${kernel.server?.url}/stuck`).catch((err: Error) => err);
    await stuck.running;
    const started = Date.now();
    await kernel.stop('test');
    const took = Date.now() - started;
    assert.ok(took < 2000, `stop took ${took} ms despite a 200 ms deadline`);
    assert.ok((await answer) instanceof Error, 'the stuck request should have been cut');
    assert.ok(
      kernel.logs.some((l) => l.msg === 'cut requests still running at the shutdown deadline' && l.forced === 1),
    );
  });
});
