import 'reflect-metadata';
import os from 'node:os';
import { loadConfig } from '../kernel/config/index.js';
import { OrionError } from '../kernel/errors/define-error.js';
import { type Kernel, startKernel } from '../kernel/index.js';
import type { Plan } from '../kernel/plugins/lifecycle.js';
import { listPlugins } from '../kernel/plugins/listing.js';
import { auditTransitions } from '../kernel/plugins/transition-audit.js';

const USAGE = `usage: npm run plugins -- <command>
  list [platform]                      every plugin, with its state (and whether it is enabled on <platform>)
  install <id> [--dry-run]
  upgrade <id> [--dry-run]
  uninstall <id> [--drop-data] [--dry-run]   keeps the plugin's tables unless --drop-data
  enable <platform> <id> [--cascade] [--dry-run]
  disable <platform> <id> [--cascade] [--dry-run]
  rescan                               what is on disk now; running servers on the same database rescan too`;

/**
 * `npm run plugins -- …`: the plugin management API's operations from a shell. It boots a kernel without opening a
 * port, on the configured database; with the embedded database, stop the server first (it holds the lock).
 */
async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const [command, ...args] = argv.filter((a) => !a.startsWith('--'));
  const known = ['list', 'install', 'upgrade', 'uninstall', 'enable', 'disable', 'rescan'];
  const arity: Record<string, number> = { install: 1, upgrade: 1, uninstall: 1, enable: 2, disable: 2 };
  if (!command || !known.includes(command) || (arity[command] !== undefined && args.length !== arity[command])) {
    process.stderr.write(
      `orion plugins: ${command && known.includes(command) ? 'wrong arguments' : `unknown command ${command ?? '(none)'}`}\n${USAGE}\n`,
    );
    return 2;
  }
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`orion plugins: invalid configuration: ${loaded.errors.join('; ')}\n`);
    return 1;
  }
  const config = { ...loaded.config, log: { ...loaded.config.log, level: 'warn' as const } };
  let kernel: Kernel | undefined;
  try {
    kernel = await startKernel({ config, listen: false });
    await kernel.ready;
    if (kernel.health.notReady) throw new Error(kernel.health.notReady);
    const host = kernel.plugins;
    const actor = `cli:${os.userInfo().username}`;
    const dryRun = flags.has('--dry-run');
    const cascade = flags.has('--cascade');
    const audit = auditTransitions(kernel.platforms, undefined, actor);
    const [a = '', b = ''] = args;
    let plan: Plan | undefined;
    if (command === 'list') await list(kernel, a || undefined);
    else if (command === 'rescan') {
      // This process discovered the disk as it is at start; tell the servers (PostgreSQL or Redis broadcast).
      await list(kernel);
      await host.announceCode();
    } else if (command === 'install') plan = await host.install(a, { actor, dryRun, audit });
    else if (command === 'upgrade') plan = await host.upgrade(a, { actor, dryRun, audit });
    else if (command === 'uninstall')
      plan = await host.uninstall(a, { actor, dryRun, audit, keepData: !flags.has('--drop-data') });
    else if (command === 'enable') plan = await host.enable(a, b, { actor, dryRun, cascade, audit });
    else plan = await host.disable(a, b, { actor, dryRun, cascade, audit });
    if (plan) printPlan(plan);
    return 0;
  } catch (err) {
    const message = err instanceof OrionError ? `${err.message} (${err.code})` : (err as Error).message;
    process.stderr.write(`orion plugins: ${message}\n`);
    return 1;
  } finally {
    await kernel?.stop('cli done');
  }
}

async function list(kernel: Kernel, platformCode?: string): Promise<void> {
  const platform = platformCode ? kernel.platforms.findByCode(platformCode) : undefined;
  if (platformCode && !platform) throw new Error(`no platform with code "${platformCode}"`);
  const rows = (await listPlugins(kernel.plugins, kernel.db.knex, platform?.id)).map((p) => {
    if (p.state === 'excluded') return [p.id, '', '', `excluded: ${p.lastError}`, ''];
    const pending = p.installedVersion && p.installedVersion !== p.version;
    const state = pending ? `upgrade pending (${p.installedVersion})` : p.state;
    const enabled = p.enabled === undefined ? '' : p.enabled ? 'enabled' : 'disabled';
    return [p.id, p.version, p.category, state, enabled];
  });
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i]).length), 4));
  for (const row of rows) {
    process.stdout.write(
      `${row
        .map((cell, i) => String(cell).padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}\n`,
    );
  }
}

function printPlan(plan: Plan): void {
  const where = plan.platform ? ` on ${plan.platform}` : '';
  const done = {
    install: 'installed',
    upgrade: 'upgraded',
    uninstall: 'uninstalled',
    enable: 'enabled',
    disable: 'disabled',
  };
  const head = plan.dryRun ? `would ${plan.action}` : done[plan.action];
  process.stdout.write(`${head} ${plan.plugin}${where}\n`);
  if (plan.plugins.length) process.stdout.write(`  plugins: ${plan.plugins.join(', ')}\n`);
  if (plan.migrations.length) process.stdout.write(`  migrations: ${plan.migrations.join(', ')}\n`);
  if (plan.dependents.length) process.stdout.write(`  dependents: ${plan.dependents.join(', ')}\n`);
}

main(process.argv.slice(2)).then((code) => process.exit(code));
