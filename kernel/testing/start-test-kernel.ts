import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DestinationStream } from 'pino';
import type { OrionConfig, SettingKey } from '../config/index.js';
import { loadConfigOrThrow } from '../config/index.js';
import type { Database } from '../db/database.js';
import { type Kernel, startKernel } from '../index.js';
import type { DiscoverPluginsOptions } from '../plugins/discover.js';
import { captureLogs, type LogLine } from './log-capture.js';
import { createTestDatabase } from './test-database.js';

export type { LogLine };

export interface TestKernel extends Kernel {
  /** Every log line the kernel wrote, parsed. */
  logs: LogLine[];
  /** `app.request` with a full URL on localhost. */
  request(path: string, init?: RequestInit): Promise<Response>;
}

export interface StartTestKernelOptions {
  /** Settings as environment variable names, on top of config/test.json. */
  settings?: Partial<Record<SettingKey, string>>;
  /** Open a real port (default false: drive the app through `request`). */
  listen?: boolean;
  /** Use this database (default: a fresh test database, migrated by the kernel). */
  database?: Database;
  /** Wait for migrations and seeding (default true). */
  waitReady?: boolean;
  /** Where to look for plugins (default: none, so that a test sees only the plugins it names). */
  plugins?: DiscoverPluginsOptions;
  /** Leave `database` open on stop. */
  keepDatabaseOpen?: boolean;
  /** Send log lines here instead of capturing them into `logs` (benchmarks). */
  logDestination?: DestinationStream;
}

/**
 * Boots a kernel on a private test database for one test file. Call `stop()` in `after()`; it also removes the
 * database.
 */
export async function startTestKernel(options: StartTestKernelOptions = {}): Promise<TestKernel> {
  // Files the kernel and plugins write (ctx.files) go to a folder of the test's own, removed on stop.
  const dataDir = options.settings?.ORION_DATA_DIR
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), 'orion-test-data-'));
  const env = { NODE_ENV: 'test', LOG_LEVEL: 'info', ...(dataDir ? { ORION_DATA_DIR: dataDir } : {}) };
  const config: OrionConfig = loadConfigOrThrow({ env: { ...env, ...options.settings } });
  const { destination, lines: logs } = captureLogs();
  const database = options.database ?? (await createTestDatabase());
  const kernel = await startKernel({
    config,
    database,
    logDestination: options.logDestination ?? destination,
    listen: options.listen ?? false,
    plugins: options.plugins ?? { roots: [] },
    keepDatabaseOpen: options.keepDatabaseOpen,
  });
  if (options.waitReady !== false) await kernel.ready;
  const stop = kernel.stop.bind(kernel);
  return Object.assign(kernel, {
    async stop(...args: Parameters<Kernel['stop']>) {
      await stop(...args);
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
    logs,
    // The URL carries the Host header, as on a real server: tenancy resolves the host from the URL.
    request: (path: string, init?: RequestInit) => {
      const host = new Headers(init?.headers).get('host') ?? 'localhost';
      return Promise.resolve(kernel.app.request(`http://${host}${path}`, init));
    },
  });
}
