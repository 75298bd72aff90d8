import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryThrottleStore } from './memory-throttle-store.js';
import { throttleStoreCases } from './throttle-store.case.test.js';

throttleStoreCases('memory', () => new MemoryThrottleStore());

describe('memory throttle store', () => {
  it('drops expired windows as time passes, so that old keys do not pile up', async () => {
    let now = 1_000_000;
    const store = new MemoryThrottleStore({ now: () => now });
    await store.hit(['a', 'b', 'c'], 1000);
    now += 61_000;
    await store.hit(['d'], 1000);
    assert.equal(store.size, 1);
  });

  it('keeps at most maxKeys keys, dropping the oldest first', async () => {
    const store = new MemoryThrottleStore({ maxKeys: 3 });
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) await store.hit([key], 60_000);
    assert.equal(store.size, 3);
    assert.deepEqual(
      (await store.peek(['k1', 'k2', 'k3', 'k4', 'k5'])).map((c) => c.count),
      [0, 0, 1, 1, 1],
    );
  });
});
