import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ThrottleStore } from './throttle-store.js';

/**
 * What every throttle store must do, run by each implementation's own test file (memory here, Redis under
 * tests/security/). `makeStore` gives a store with no counts.
 */
export function throttleStoreCases(name: string, makeStore: () => ThrottleStore, options: { skip?: string } = {}) {
  describe(`${name} throttle store`, { skip: options.skip }, () => {
    it('counts hits per key, and each key on its own', async () => {
      const store = makeStore();
      assert.deepEqual(
        (await store.hit(['a', 'b'], 60_000)).map((c) => c.count),
        [1, 1],
      );
      assert.deepEqual(
        (await store.hit(['a'], 60_000)).map((c) => c.count),
        [2],
      );
      assert.deepEqual(
        (await store.peek(['a', 'b', 'never'])).map((c) => c.count),
        [2, 1, 0],
      );
    });

    it('reports the time left in the window that the first hit started, and none for an unknown key', async () => {
      const store = makeStore();
      const [first] = await store.hit(['w'], 60_000);
      const [second] = await store.hit(['w'], 5_000);
      assert.ok(first && first.resetInMs > 59_000 && first.resetInMs <= 60_000, `got ${first?.resetInMs}`);
      assert.ok(second && second.resetInMs > 59_000, 'a later hit must not move the end of the window');
      assert.deepEqual(await store.peek(['unknown']), [{ count: 0, resetInMs: 0 }]);
    });

    it('forgets a key on clear, and leaves the others', async () => {
      const store = makeStore();
      await store.hit(['x', 'y'], 60_000);
      await store.clear(['x']);
      assert.deepEqual(
        (await store.peek(['x', 'y'])).map((c) => c.count),
        [0, 1],
      );
    });

    it('starts again from zero once the window has passed', async () => {
      const store = makeStore();
      await store.hit(['short'], 150);
      await store.hit(['short'], 150);
      await new Promise((resolve) => setTimeout(resolve, 250));
      assert.equal((await store.peek(['short']))[0]?.count, 0);
      assert.equal((await store.hit(['short'], 150))[0]?.count, 1);
    });
  });
}
