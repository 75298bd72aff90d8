import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { areasCoveredBy, PluginAwareRouter } from './area-router.js';
import type { RouteArea } from './definition.js';
import { PluginPaths } from './plugin-paths.js';

/** An app as the kernel builds it: kernel middleware and routes, then plugin routes under their prefixes. */
function app(routed: Record<string, string[]>) {
  const map = new Map(Object.entries(routed).map(([area, ids]) => [area as RouteArea, new Set(ids)]));
  const app = new Hono({ router: new PluginAwareRouter(new PluginPaths(map)) });
  const trail: string[] = [];
  app.use(async (_c, next) => {
    trail.push('kernel *');
    await next();
  });
  app.use('/vendor/:vendorCode/*', async (c, next) => {
    trail.push(`vendor area ${c.req.param('vendorCode')}`);
    await next();
  });
  app.use('/api/v1/admin/*', async (_c, next) => {
    trail.push('admin api');
    await next();
  });
  app.get('/api/v1/admin/plugins/rescan', (c) => c.text('kernel rescan'));
  app.get('/api/v1/admin/plugins/:id', (c) => c.text(`kernel plugin ${c.req.param('id')}`));
  const reviews = new Hono();
  reviews.get('/items/:itemId', (c) => c.text(`reviews of ${c.req.param('itemId')} in ${c.req.param('vendorCode')}`));
  reviews.get('/', (c) => c.text('reviews home'));
  app.route('/vendor/:vendorCode/reviews', reviews);
  const shop = new Hono();
  shop.get('/item', (c) => c.text('shop item'));
  app.route('/api/v1/shop/reviews', shop);
  return { app, trail };
}

describe('the plugin-aware router', () => {
  it('serves a plugin route with the kernel middleware that covers its area, in order, with parameters', async () => {
    const { app: a, trail } = app({ vendor: ['reviews'], shopApi: ['reviews'] });
    const res = await a.request('/vendor/acme/reviews/items/42');
    assert.equal(await res.text(), 'reviews of 42 in acme');
    assert.deepEqual(trail, ['kernel *', 'vendor area acme']);
    assert.equal(await (await a.request('/vendor/acme/reviews')).text(), 'reviews home');
  });

  it('does not run middleware of another area on a plugin path', async () => {
    const { app: a, trail } = app({ shopApi: ['reviews'] });
    assert.equal(await (await a.request('/api/v1/shop/reviews/item')).text(), 'shop item');
    assert.deepEqual(trail, ['kernel *']);
  });

  it('leaves kernel routes, static beside parametric, to the kernel router', async () => {
    const { app: a, trail } = app({ adminApi: ['reviews'] });
    assert.equal(await (await a.request('/api/v1/admin/plugins/rescan')).text(), 'kernel rescan');
    assert.equal(await (await a.request('/api/v1/admin/plugins/hello')).text(), 'kernel plugin hello');
    assert.deepEqual(trail, ['kernel *', 'admin api', 'kernel *', 'admin api']);
  });

  it('answers 404 for a path of a plugin that has no such route', async () => {
    const { app: a } = app({ shopApi: ['reviews'] });
    assert.equal((await a.request('/api/v1/shop/reviews/nothing')).status, 404);
  });

  it('treats a prefix whose plugin declares no routes in that area as kernel territory', async () => {
    // `reviews` has shop API routes only: its vendor pages were mounted but are not the plugin's to answer.
    const { app: a } = app({ shopApi: ['reviews'] });
    assert.equal(await (await a.request('/vendor/acme/reviews/items/1')).text(), 'reviews of 1 in acme');
  });

  it('keeps registration order when kernel middleware is added after a plugin route', async () => {
    const map = new Map([['shopApi' as RouteArea, new Set(['late'])]]);
    const a = new Hono({ router: new PluginAwareRouter(new PluginPaths(map)) });
    const trail: string[] = [];
    a.get('/api/v1/shop/late/x', async (_c, next) => {
      trail.push('plugin');
      await next();
    });
    a.use('/api/*', async (c) => {
      trail.push('kernel after');
      return c.text('done');
    });
    assert.equal(await (await a.request('/api/v1/shop/late/x')).text(), 'done');
    assert.deepEqual(trail, ['plugin', 'kernel after']);
  });
});

describe('areas covered by a wildcard route', () => {
  it('names every area whose paths the wildcard matches', () => {
    assert.deepEqual(areasCoveredBy('*'), ['adminApi', 'vendorApi', 'shopApi', 'admin', 'vendor', 'shop']);
    assert.deepEqual(areasCoveredBy('/api/*'), ['adminApi', 'vendorApi', 'shopApi']);
    assert.deepEqual(areasCoveredBy('/vendor/:code/*'), ['vendor']);
    assert.deepEqual(areasCoveredBy('/vendors/:vendorCode/shop/*'), ['shop']);
    assert.deepEqual(areasCoveredBy('/admin/settings/*'), []);
    assert.deepEqual(areasCoveredBy('/admin'), []);
  });
});
