import type { Counter, ThrottleStore } from './throttle-store.js';

export interface MemoryThrottleStoreOptions {
  /** The clock, in ms (tests move it). */
  now?: () => number;
  /** At most this many keys are kept (default 100,000); past it the oldest are dropped. */
  maxKeys?: number;
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Counts in this process only: the store when REDIS_URL is unset, and the fallback while Redis fails. Expired
 * windows are swept at most once a minute, and the key count is capped, so that a flood of made-up emails cannot
 * grow the map without bound.
 */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly counters = new Map<string, { count: number; resetAt: number }>();
  private readonly now: () => number;
  private readonly maxKeys: number;
  private nextSweep = 0;

  constructor(options: MemoryThrottleStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  async hit(keys: string[], windowMs: number): Promise<Counter[]> {
    const now = this.now();
    this.sweep(now);
    return keys.map((key) => {
      let entry = this.live(key, now);
      if (!entry) {
        entry = { count: 0, resetAt: now + windowMs };
        this.counters.set(key, entry);
      }
      entry.count += 1;
      return { count: entry.count, resetInMs: entry.resetAt - now };
    });
  }

  async peek(keys: string[]): Promise<Counter[]> {
    const now = this.now();
    return keys.map((key) => {
      const entry = this.live(key, now);
      return entry ? { count: entry.count, resetInMs: entry.resetAt - now } : { count: 0, resetInMs: 0 };
    });
  }

  async clear(keys: string[]): Promise<void> {
    for (const key of keys) this.counters.delete(key);
  }

  /** How many keys are held, expired ones included until the next sweep. */
  get size(): number {
    return this.counters.size;
  }

  private live(key: string, now: number) {
    const entry = this.counters.get(key);
    if (entry && entry.resetAt <= now) {
      this.counters.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(now: number): void {
    if (now >= this.nextSweep) {
      this.nextSweep = now + SWEEP_INTERVAL_MS;
      for (const [key, entry] of this.counters) if (entry.resetAt <= now) this.counters.delete(key);
    }
    // Maps iterate in insertion order: the first keys are the oldest windows.
    for (const key of this.counters.keys()) {
      if (this.counters.size < this.maxKeys) break;
      this.counters.delete(key);
    }
  }
}
