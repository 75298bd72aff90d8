import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import { createMetrics } from '../observability/metrics.js';
import { captureLogs } from '../testing/log-capture.js';
import { EventBus } from './bus.js';

declare module './bus.js' {
  interface OrionEvents {
    'test.thing.happened': { n: number };
  }
}

function setup() {
  const { destination, lines } = captureLogs();
  const logger = pino({ level: 'info' }, destination);
  const metrics = createMetrics({ defaultMetrics: false });
  return { bus: new EventBus(logger, metrics.eventHandlerFailures), lines, metrics };
}

describe('EventBus', () => {
  it('runs the other handlers when one throws, logs and counts the failure', async () => {
    const { bus, lines, metrics } = setup();
    const seen: string[] = [];
    bus.on('test.thing.happened', () => {
      seen.push('first');
    });
    bus.on('test.thing.happened', function explodes() {
      throw new Error('boom');
    });
    bus.on('test.thing.happened', async () => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push('third');
    });
    const result = await bus.emitAsync('test.thing.happened', { n: 1 });
    assert.deepEqual(result, { handlers: 3, failed: 1 });
    assert.deepEqual(seen, ['first', 'third']);
    const logged = lines.find((l) => l.msg === 'event handler failed');
    assert.equal(logged?.event, 'test.thing.happened');
    assert.equal(logged?.handler, 'explodes');
    const counter = await metrics.eventHandlerFailures.get();
    assert.equal(counter.values[0]?.value, 1);
  });

  it('emitAsync waits for async handlers; emit does not', async () => {
    const { bus } = setup();
    let done = false;
    bus.on('test.thing.happened', async () => {
      await new Promise((r) => setTimeout(r, 20));
      done = true;
    });
    bus.emit('test.thing.happened', { n: 1 });
    assert.equal(done, false);
    await bus.emitAsync('test.thing.happened', { n: 2 });
    assert.equal(done, true);
  });

  it('a rejected promise does not become an unhandled rejection', async () => {
    const { bus } = setup();
    bus.on('test.thing.happened', async () => {
      throw new Error('async boom');
    });
    let unhandled = false;
    const onUnhandled = () => {
      unhandled = true;
    };
    process.once('unhandledRejection', onUnhandled);
    bus.emit('test.thing.happened', { n: 1 });
    await new Promise((r) => setTimeout(r, 20));
    process.off('unhandledRejection', onUnhandled);
    assert.equal(unhandled, false);
  });

  it('stops delivering to a handler after off, and ignores a double registration', async () => {
    const { bus } = setup();
    let calls = 0;
    const handler = () => {
      calls++;
    };
    const off = bus.on('test.thing.happened', handler);
    bus.on('test.thing.happened', handler);
    await bus.emitAsync('test.thing.happened', { n: 1 });
    off();
    await bus.emitAsync('test.thing.happened', { n: 2 });
    assert.equal(calls, 1);
    assert.equal(bus.listenerCount('test.thing.happened'), 0);
  });
});
