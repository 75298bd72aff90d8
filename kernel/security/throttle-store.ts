/** One key's failures in its current window. */
export interface Counter {
  count: number;
  /** Milliseconds until the window ends and the count drops to zero; 0 when there is no count. */
  resetInMs: number;
}

/**
 * Where the login throttle counts failures: fixed windows that start at a key's first hit and expire with it.
 * Each call takes several keys (the account and the address) so that a shared store answers in one round trip.
 */
export interface ThrottleStore {
  /** Adds one to each key, starting a window of `windowMs` for a key without one; the counts after the hit. */
  hit(keys: string[], windowMs: number): Promise<Counter[]>;
  /** The current counts, without changing them. */
  peek(keys: string[]): Promise<Counter[]>;
  /** Forgets the keys' counts. */
  clear(keys: string[]): Promise<void>;
}
