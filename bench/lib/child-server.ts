import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { SERVER_NODE_FLAGS } from '../../kernel/node-flags.js';
import { DIST } from '../../kernel/paths.js';

export interface ChildServer {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/** What a server script prints, as one JSON line on stdout, once it listens (see `announceReady`). */
export interface ReadyLine {
  url: string;
}

/**
 * Runs `dist/bench/<script>` in a process of its own, started with the server's Node flags (`SERVER_NODE_FLAGS`),
 * and waits for its ready line. Each server measured gets its own process: servers sharing one process share the
 * JIT's type feedback for the code they both run (Hono, pino, prom-client) and one garbage-collected heap, so each
 * one's figures would depend on the others.
 */
export function startChildServer(
  script: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(DIST, 'bench', script), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) {
        process.stdout.write(`${line}\n`);
        return;
      }
      const ready = JSON.parse(line) as ReadyLine;
      resolve({
        url: ready.url,
        pid: child.pid as number,
        close: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
