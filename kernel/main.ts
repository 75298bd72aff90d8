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
  // Signals are handled from the start: one that arrives while the kernel starts stops it once it has started, so
  // the embedded database is always closed cleanly.
  const starting = startKernel({ config: loaded.config });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (++signals > 1) {
      process.stderr.write(`orion: second ${signal}, exiting at once\n`);
      process.exit(1);
    }
    starting
      .then((k) => k.stop(signal))
      .then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`orion: error while stopping: ${(err as Error).message}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  let kernel: Awaited<typeof starting>;
  try {
    kernel = await starting;
  } catch (err) {
    const e = err as Error & { code?: string };
    const reason = e.code === 'EADDRINUSE' ? `port ${loaded.config.server.port} is already in use` : e.message;
    process.stderr.write(`orion: cannot start: ${reason}\n`);
    process.exit(1);
  }

  // `npm run dev` sends SIGUSR2 when only plugin files changed: reload them without a restart.
  process.on('SIGUSR2', () => {
    kernel.plugins.rescan().then(
      (result) => kernel.logger.info(result, 'plugins rescanned on SIGUSR2'),
      (err: unknown) => kernel.logger.error({ err }, 'plugin rescan failed'),
    );
  });

  try {
    const { demoLogins } = await kernel.ready;
    const url = kernel.config.server.publicUrl ?? kernel.server?.url;
    const port = kernel.server?.port ?? kernel.config.server.port;
    const lines = [
      '',
      `Orion is ready at ${url} (database: ${kernel.db.kind === 'pglite' ? `embedded, ${kernel.db.location}` : kernel.db.location})`,
      `  health   ${url}/health`,
      `  metrics  ${url}/metrics`,
      ...(demoLogins.length ? ['', '  Demo sign-ins (email / password, where):'] : []),
      ...demoLogins.map((l) => `    ${l.area.padEnd(28)} ${l.email} / ${l.password}   ${l.where}`),
      ...(demoLogins.length
        ? [
            '',
            `  Shops: http://fashion-hub.localhost:${port}/ (subdomain) or ${url}/vendors/<code>/shop/ (path mode)`,
            `  Platform oms: http://oms.localhost:${port}/ or ${url}/platforms/oms/…`,
          ]
        : []),
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
