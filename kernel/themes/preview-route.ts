import type { Hono } from 'hono';
import { KernelErrors } from '../errors/codes.js';
import type { ThemeRegistry } from './registry.js';

/**
 * `GET /assets/theme-previews/<theme id>`: the preview image a theme's manifest names, for the theme editor's
 * picker. Under `/assets/`, so it answers on every host; cached for a day (a new theme version may change it).
 */
export function mountThemePreviews(app: Hono, registry: ThemeRegistry): void {
  app.get('/assets/theme-previews/:id', (c) => {
    const preview = registry.get(c.req.param('id'))?.preview;
    if (!preview) throw KernelErrors.NotFound({ path: c.req.path });
    return c.body(preview.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': preview.type,
      'cache-control': 'public, max-age=86400',
    });
  });
}
