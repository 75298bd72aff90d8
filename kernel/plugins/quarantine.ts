export interface QuarantinePolicy {
  minErrors: number;
  /** Share of a window's requests that failed, 0–1. */
  rate: number;
  windowSeconds: number;
}

interface Window {
  start: number;
  requests: number;
  errors: number;
  tripped: boolean;
}

/**
 * Counts each plugin's requests and 5xx answers per platform in fixed windows. `record` returns true once, when a
 * window crosses the policy (at least `minErrors` errors, at a share of at least `rate`): the caller quarantines.
 */
export class ErrorRateTracker {
  /** Platform id → plugin id → window (nested maps: no key string built per request). */
  private readonly windows = new Map<number, Map<string, Window>>();

  constructor(
    private readonly policy: QuarantinePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  record(platformId: number, pluginId: string, failed: boolean): boolean {
    const now = this.now();
    let forPlatform = this.windows.get(platformId);
    if (!forPlatform) {
      forPlatform = new Map();
      this.windows.set(platformId, forPlatform);
    }
    let window = forPlatform.get(pluginId);
    if (!window || now - window.start >= this.policy.windowSeconds * 1000) {
      window = { start: now, requests: 0, errors: 0, tripped: false };
      forPlatform.set(pluginId, window);
    }
    window.requests++;
    if (failed) window.errors++;
    if (window.tripped || window.errors < this.policy.minErrors) return false;
    if (window.errors / window.requests < this.policy.rate) return false;
    window.tripped = true;
    return true;
  }

  /** Forgets a platform's counts for a plugin, e.g. when an admin enables it again. */
  reset(platformId: number, pluginId: string): void {
    this.windows.get(platformId)?.delete(pluginId);
  }
}
