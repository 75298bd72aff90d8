import { type ChildServer, startChildServer } from './child-server.js';

/**
 * The two baselines the kernel is compared with, each in a process of its own, serving `body` as JSON at `path`:
 * - bare: a Hono app with only request id, JSON access log and metrics, what any production Hono app pays;
 * - naked: a Hono app with no middleware.
 */
export async function startBaselines(
  path: string,
  body: unknown,
): Promise<{ naked: ChildServer; bare: ChildServer; close(): Promise<void> }> {
  const [naked, bare] = (await Promise.all(
    ['naked', 'bare'].map((kind) => startChildServer('lib/baseline-server.js', [kind, path, JSON.stringify(body)])),
  )) as [ChildServer, ChildServer];
  return {
    naked,
    bare,
    close: async () => {
      await Promise.all([naked.close(), bare.close()]);
    },
  };
}
