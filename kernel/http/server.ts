import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';

export interface RunningServer {
  server: http.Server;
  port: number;
  url: string;
  /**
   * Stops accepting connections, lets in-flight requests finish for at most `timeoutMs`, then cuts whatever is
   * left. Resolves once the server is closed.
   */
  close(timeoutMs: number): Promise<{ forced: number }>;
}

export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

export interface ListenOptions {
  host: string;
  port: number;
  /**
   * Headers every response carries unless the handler sets its own (security headers). Set on Node's response
   * before the app runs: through Hono's `c.header` they cost about a quarter of a small route's throughput.
   */
  headers?: ReadonlyArray<readonly [string, string]>;
}

export function listen(app: { fetch: FetchHandler }, options: ListenOptions): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let inFlight = 0;
    const handle = getRequestListener((req, env) => app.fetch(req, env));
    const headers = options.headers ?? [];
    const server = http.createServer((req, res) => {
      inFlight++;
      res.once('close', () => inFlight--);
      // writeHead merges these with the app's headers, the app's winning on a clash.
      for (const [name, value] of headers) res.setHeader(name, value);
      void handle(req, res);
    });
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
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
