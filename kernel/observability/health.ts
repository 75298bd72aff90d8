export type HealthStatus = 'ok' | 'degraded' | 'down';

export interface HealthCheck {
  /** `database`, `redis`, or a plugin id. */
  name: string;
  /** A failing critical check makes the whole service `down` (and not ready); any other makes it `degraded`. */
  critical: boolean;
  /** Resolves when healthy; throws (or rejects) with the reason otherwise. */
  check(): Promise<void>;
}

export interface CheckResult {
  status: 'ok' | 'fail';
  critical: boolean;
  durationMs: number;
  error?: string;
}

export interface HealthReport {
  status: HealthStatus;
  version: string;
  uptimeSeconds: number;
  ready: boolean;
  checks: Record<string, CheckResult>;
}

const CHECK_TIMEOUT_MS = 3000;

async function runOne(check: HealthCheck): Promise<CheckResult> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'ok', critical: check.critical, durationMs: Math.round(performance.now() - start) };
  } catch (err) {
    return {
      status: 'fail',
      critical: check.critical,
      durationMs: Math.round(performance.now() - start),
      error: err instanceof Error ? err.message : String(err),
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Health checks by name, plus the readiness gate: the kernel is not ready until its migrations are done, and the
 * reason it is not ready is reported as is.
 */
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();
  private notReadyReason: string | undefined = 'starting';
  private readonly startedAt = Date.now();

  constructor(private readonly version: string) {}

  register(check: HealthCheck): () => void {
    this.checks.set(check.name, check);
    return () => this.checks.delete(check.name);
  }

  /** `undefined` marks the kernel ready; a string says why it is not. */
  setNotReady(reason: string | undefined): void {
    this.notReadyReason = reason;
  }

  get notReady(): string | undefined {
    return this.notReadyReason;
  }

  async report(names?: (check: HealthCheck) => boolean): Promise<HealthReport> {
    const selected = [...this.checks.values()].filter((c) => !names || names(c));
    const results = await Promise.all(selected.map(async (c) => [c.name, await runOne(c)] as const));
    const checks = Object.fromEntries(results);
    const failed = results.map(([, r]) => r).filter((r) => r.status === 'fail');
    const status: HealthStatus = failed.some((r) => r.critical) ? 'down' : failed.length ? 'degraded' : 'ok';
    return {
      status,
      version: this.version,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      ready: this.notReadyReason === undefined && status !== 'down',
      checks,
    };
  }
}
