import fs from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { ASSET_DIR } from './asset-manifest.js';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};
/** Only content-hashed names are served: they never change, so browsers may keep them for a year. */
const HASHED = /^[a-z0-9-]+\.[0-9a-f]{12}\.(css|js)$/;

/**
 * `GET /assets/<name>.<hash>.<ext>`: the built stylesheet and htmx, from our own origin (the CSP allows no other
 * script source), with `Cache-Control: public, max-age=31536000, immutable`.
 */
export function assetRoutes(dir = ASSET_DIR): Hono {
  const app = new Hono();
  app.get('/assets/:file', async (c, next) => {
    const file = c.req.param('file');
    if (!HASHED.test(file)) return next();
    let body: Buffer;
    try {
      body = await fs.readFile(path.join(dir, file));
    } catch {
      return next();
    }
    return c.body(new Uint8Array(body), 200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  return app;
}
