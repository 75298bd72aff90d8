import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown', () => {
  it('finishes a request in flight, refuses new connections, and closes the database', async () => {
    const kernel = await startTestKernel({ listen: true });
    let arrived: () => void = () => {};
    const handlerRunning = new Promise<void>((r) => {
      arrived = r;
    });
    kernel.app.get('/slow', async (c) => {
      arrived();
      await sleep(400);
      return c.text('finished');
    });
    const url = kernel.server?.url as string;
    const inFlight = fetch(`${url}/slow`);
    await handlerRunning;
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
    let arrived: () => void = () => {};
    const handlerRunning = new Promise<void>((r) => {
      arrived = r;
    });
    kernel.app.get('/stuck', async (c) => {
      arrived();
      await sleep(5000);
      return c.text('too late');
    });
    const stuck = fetch(`${kernel.server?.url}/stuck`).catch((err: Error) => err);
    await handlerRunning;
    const started = Date.now();
    await kernel.stop('test');
    const took = Date.now() - started;
    assert.ok(took < 2000, `stop took ${took} ms despite a 200 ms deadline`);
    assert.ok((await stuck) instanceof Error, 'the stuck request should have been cut');
    assert.ok(
      kernel.logs.some((l) => l.msg === 'cut requests still running at the shutdown deadline' && l.forced === 1),
    );
  });
});
