import type { ReadyLine } from './child-server.js';

/** Called by a server script once `url` answers: prints the ready line, and runs `stop` on SIGTERM, then exits. */
export function announceReady(url: string, stop: () => Promise<void>): void {
  const line: ReadyLine = { url };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  process.once('SIGTERM', () => {
    void stop().finally(() => process.exit(0));
  });
}
