import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
export const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = 50;

export interface Result {
  requests: { average: number; total: number };
  statusCodeStats: Record<string, { count: number }>;
  latency: { p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** autocannon in its own process, so that the load generator does not take the server's CPU in this one. */
export async function autocannon(url: string, seconds: number, headers: Record<string, string>): Promise<Result> {
  const args = [AUTOCANNON, '-j', '-c', String(CONNECTIONS), '-d', String(seconds)];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  args.push(url);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Result;
}

/** Warms up for a second, then measures; prints one line and returns the average requests per second. */
export async function measure(label: string, url: string, headers: Record<string, string> = {}): Promise<number> {
  await autocannon(url, 1, headers);
  const result = await autocannon(url, DURATION_S, headers);
  const rps = Math.round(result.requests.average);
  const bad = result.errors + result.timeouts + result.non2xx;
  process.stdout.write(
    `${label.padEnd(8)} ${String(rps).padStart(7)} req/s  p99 ${result.latency.p99} ms  bad ${bad}\n`,
  );
  if (bad) throw new Error(`${label}: ${bad} failed requests`);
  return rps;
}

export const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

export interface Target {
  label: string;
  url: string;
  headers?: Record<string, string>;
}

/**
 * Measures the targets in turns and keeps each one's median: on a shared machine, and in one process whose JIT and
 * heap warm up as it goes, a single run per target mostly measures when it ran. Every other round runs the targets
 * in reverse order (A B C, C B A, …), so that a load that rises or falls during the run does not favour one of them.
 * `samples` keeps every round's figures, for ratios taken within a round.
 */
export async function measureRounds(targets: Target[], rounds = Number(process.env.BENCH_ROUNDS ?? 3)) {
  const samples = new Map<string, number[]>(targets.map((t) => [t.label, []]));
  for (let round = 1; round <= rounds; round++) {
    process.stdout.write(`round ${round}/${rounds}\n`);
    const order = round % 2 ? targets : [...targets].reverse();
    for (const t of order) samples.get(t.label)?.push(await measure(t.label, t.url, t.headers));
  }
  const medians = Object.fromEntries([...samples].map(([label, xs]) => [label, median(xs)]));
  return Object.assign(medians, { samples: Object.fromEntries(samples) as Record<string, number[]> });
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * The median over rounds of `a / b` measured in the same round: two targets measured a few seconds apart share the
 * machine's load of that moment, which a ratio of medians taken from different rounds does not.
 */
export function pairedRatio(samples: Record<string, number[]>, a: string, b: string): number {
  const as = samples[a] ?? [];
  const bs = samples[b] ?? [];
  return ratio(median(as.map((x, i) => x / (bs[i] || Number.NaN)).filter(Number.isFinite)), 1);
}
