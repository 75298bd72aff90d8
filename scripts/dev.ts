import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../kernel/node-flags.js';
import { ROOT } from '../kernel/paths.js';

/**
 * `npm run dev`: recompile with tsc and restart the server whenever a source file changes.
 *
 * tsc 7's own `--watch` did not notice changes on this machine kind, so this watches the source folders itself
 * (recursive fs.watch), debounces, runs `tsc -p .`, and restarts the server only when the build succeeded: a
 * type error leaves the previous server running. When only files under plugins/ changed, the server is not
 * restarted: it gets SIGUSR2 and reloads the changed plugins in place.
 */
const WATCHED = ['kernel', 'plugins', 'themes', 'migrations', 'config'];
const TSC = path.join(ROOT, 'node_modules', '.bin', 'tsc');
const MAIN = path.join(ROOT, 'dist', 'kernel', 'main.js');
const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };

let server: ChildProcess | undefined;
let building = false;
let again = false;
let timer: NodeJS.Timeout | undefined;
/** Folders (first path segment) with changes since the last build. */
const changed = new Set<string>();

function startServer(): void {
  server = spawn(process.execPath, [...SERVER_NODE_FLAGS, MAIN], { cwd: ROOT, stdio: 'inherit', env });
}

/** SIGTERM lets the kernel close the embedded database cleanly before the next one opens it. */
function stopServer(): Promise<void> {
  const current = server;
  server = undefined;
  if (!current || current.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    current.once('exit', () => resolve());
    current.kill('SIGTERM');
  });
}

function build(): Promise<boolean> {
  return new Promise((resolve) => {
    const tsc = spawn(TSC, ['-p', '.'], { cwd: ROOT, stdio: 'inherit' });
    tsc.on('exit', (code) => resolve(code === 0));
  });
}

async function rebuild(): Promise<void> {
  if (building) {
    again = true;
    return;
  }
  building = true;
  const pluginsOnly = [...changed].every((folder) => folder === 'plugins');
  changed.clear();
  process.stdout.write('orion dev: change detected, compiling…\n');
  const ok = await build();
  if (ok && pluginsOnly && server && server.exitCode === null) {
    // Only plugin code changed: the running server reloads it without a restart.
    process.stdout.write('orion dev: reloading plugins\n');
    server.kill('SIGUSR2');
  } else if (ok) {
    await stopServer();
    startServer();
  } else {
    process.stdout.write('orion dev: build failed; the previous server keeps running\n');
  }
  building = false;
  if (again) {
    again = false;
    await rebuild();
  }
}

for (const folder of WATCHED) {
  const dir = path.join(ROOT, folder);
  if (!fs.existsSync(dir)) continue;
  fs.watch(dir, { recursive: true }, (_event, file) => {
    if (file && !/\.(tsx?|json)$/.test(String(file))) return;
    changed.add(folder);
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 150);
  });
}

const quit = async () => {
  await stopServer();
  process.exit(0);
};
process.on('SIGINT', () => void quit());
process.on('SIGTERM', () => void quit());

startServer();
