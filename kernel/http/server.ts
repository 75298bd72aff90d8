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

/** Headers every response carries unless the handler set its own: one set for documents, a shorter one else. */
export interface DefaultHeaders {
  /** HTML answers, and answers with no body type (redirects, 204, 304). */
  documents: ReadonlyArray<readonly [string, string]>;
  /** Every other answer (JSON, text, images, …). */
  other: ReadonlyArray<readonly [string, string]>;
}

export interface ListenOptions {
  host: string;
  port: number;
  /**
   * Added by Node's response as it writes the head (security headers): through Hono's `c.header` they cost about a
   * quarter of a small route's throughput.
   */
  headers?: DefaultHeaders;
}

type HeaderObject = Record<string, string | number | string[]>;
type HeaderList = ReadonlyArray<readonly [string, string]>;

/**
 * A `ServerResponse` that adds default headers to the head it writes, where the app did not set them. Adding them
 * to the header object given to `writeHead` keeps Node's fast path: headers set beforehand with `setHeader` make it
 * merge every header of the answer one by one. @hono/node-server builds that object from a `Headers`, so its names
 * are lower case.
 */
function responseWithHeaders(defaults: DefaultHeaders) {
  const lower = (list: HeaderList): HeaderList => list.map(([name, value]) => [name.toLowerCase(), value] as const);
  const documents = lower(defaults.documents);
  const other = lower(defaults.other);
  const listFor = (type: unknown): HeaderList =>
    typeof type === 'string' && !type.startsWith('text/html') ? other : documents;
  return class ResponseWithHeaders extends http.ServerResponse {
    // biome-ignore lint/suspicious/noExplicitAny: Node's overloads (status, [message], [headers]) are typed loosely.
    override writeHead(statusCode: number, ...rest: any[]): this {
      const last = rest[rest.length - 1];
      if (last && typeof last === 'object' && !Array.isArray(last)) {
        const given = last as HeaderObject;
        const list = listFor(given['content-type'] ?? this.getHeader('content-type'));
        for (let i = 0; i < list.length; i++) {
          const [name, value] = list[i] as readonly [string, string];
          if (given[name] === undefined && !this.hasHeader(name)) given[name] = value;
        }
      } else {
        // No header object (or Node's raw array form): rare, so the slower way is fine.
        for (const [name, value] of listFor(this.getHeader('content-type'))) {
          if (!this.hasHeader(name)) this.setHeader(name, value);
        }
      }
      return super.writeHead(statusCode, ...rest);
    }
  };
}

export function listen(app: { fetch: FetchHandler }, options: ListenOptions): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let inFlight = 0;
    const handle = getRequestListener((req, env) => app.fetch(req, env));
    const serverOptions = options.headers ? { ServerResponse: responseWithHeaders(options.headers) } : {};
    const server = http.createServer(serverOptions, (req, res) => {
      inFlight++;
      res.once('close', () => inFlight--);
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
