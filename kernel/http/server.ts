import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  /**
   * Stops accepting connections, lets in-flight requests finish for at most `timeoutMs`, then cuts whatever is
   * left. Resolves once the server is closed.
   */
  close(timeoutMs: number): Promise<{ forced: number }>;
}

export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

export function listen(app: { fetch: FetchHandler }, options: { host: string; port: number }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let inFlight = 0;
    const server = serve({
      fetch: (req, env) => app.fetch(req, env),
      hostname: options.host,
      port: options.port,
    }) as Server;
    server.on('request', (_req, res) => {
      inFlight++;
      res.once('close', () => inFlight--);
    });
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
      resolve({
        server,
        port,
        url: `http://${shownHost}:${port}`,
        close: (timeoutMs) =>
          new Promise((done) => {
            let forced = 0;
            const closed = new Promise<void>((r) => server.close(() => r()));
            // Keep-alive connections with no request in flight would hold close() open.
            server.closeIdleConnections();
            const idle = setInterval(() => {
              server.closeIdleConnections();
              if (inFlight === 0) clearInterval(idle);
            }, 25);
            const deadline = setTimeout(() => {
              forced = inFlight;
              server.closeAllConnections();
            }, timeoutMs);
            void closed.then(() => {
              clearInterval(idle);
              clearTimeout(deadline);
              done({ forced });
            });
          }),
      });
    });
  });
}
