import 'reflect-metadata';
import { loadConfig } from './config/index.js';
import { startKernel } from './index.js';

/**
 * `npm start`: load the config (one line and exit 1 when it is wrong), start the kernel, print where to go, and
 * stop gracefully on SIGTERM or SIGINT.
 */
async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`orion: invalid configuration: ${loaded.errors.join('; ')}\n`);
    process.exit(1);
  }
  let kernel: Awaited<ReturnType<typeof startKernel>>;
  try {
    kernel = await startKernel({ config: loaded.config });
  } catch (err) {
    const e = err as Error & { code?: string };
    process.stderr.write(
      `orion: cannot start: ${e.code === 'EADDRINUSE' ? `port ${loaded.config.server.port} is already in use` : e.message}\n`,
    );
    process.exit(1);
  }

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (++signals > 1) {
      process.stderr.write(`orion: second ${signal}, exiting at once\n`);
      process.exit(1);
    }
    kernel.stop(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        kernel.logger.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  try {
    const { demoLogins } = await kernel.ready;
    const url = kernel.config.server.publicUrl ?? kernel.server?.url;
    const lines = [
      '',
      `Orion is ready at ${url} (database: ${kernel.db.kind === 'pglite' ? `embedded, ${kernel.db.location}` : kernel.db.location})`,
      `  health   ${url}/health`,
      `  metrics  ${url}/metrics`,
      ...demoLogins.map((l) => `  ${l.area} login: ${l.email} / ${l.password}`),
      '',
    ];
    if (kernel.health.notReady) lines.push(`Not ready: ${kernel.health.notReady}`, '');
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (err) {
    process.stderr.write(`orion: start-up failed: ${(err as Error).message}\n`);
    await kernel.stop('start-up failed').catch(() => {});
    process.exit(1);
  }
}

void main();
