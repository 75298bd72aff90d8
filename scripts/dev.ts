import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../kernel/paths.js';

/**
 * `npm run dev`: `tsc --watch` recompiles on every change and `node --watch-path=dist` restarts the server when the
 * compiled output changes. Both stop together on Ctrl-C. (Hot reload of plugins without a restart comes with the
 * plugin host.)
 */
const tsc = path.join(ROOT, 'node_modules', '.bin', 'tsc');
const children: ChildProcess[] = [];

function run(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`orion dev: ${path.basename(command)} exited with ${code}; stopping\n`);
      stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
function stop(code: number): void {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 200).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run(tsc, ['-p', '.', '--watch', '--preserveWatchOutput']);
run(process.execPath, [
  '--enable-source-maps',
  `--watch-path=${path.join(ROOT, 'dist')}`,
  `--watch-path=${path.join(ROOT, 'config')}`,
  path.join(ROOT, 'dist', 'kernel', 'main.js'),
]);
