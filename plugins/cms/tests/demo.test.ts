import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asSystem, createTestDatabase, enablePlugins, pluginPackageDir, startTestKernel } from '@orion/sdk/testing';

const dirs = [pluginPackageDir(import.meta.url)];

describe('cms demo data', () => {
  it('seeds the default shop pages, the platform site and a vendor override once, and the shop shows the override', async () => {
    const database = await createTestDatabase();
    try {
      const settings = { SEED_DEMO: 'true' };
      const start = () =>
        startTestKernel({ database, settings, keepDatabaseOpen: true, plugins: { roots: [], extraDirs: dirs } });
      const first = await start();
      await enablePlugins(first, ['cms'], 'main');
      await first.stop();
      const second = await start();
      const count = () =>
        asSystem(second, async (db) => ({
          defaults: (await db('cms__platform_pages').where({ tier: 'default' }).select('slug', 'platform_id'))
            .map((r) => `${r.platform_id}:${r.slug}`)
            .sort(),
          vendor: await db('cms__vendor_pages').pluck('slug'),
        }));
      const seeded = await count();
      const about = await second.request('/vendors/fashion-hub/shop/pages/about');
      const aboutHtml = await about.text();
      const faq = await (await second.request('/vendors/tech-store/shop/pages/faq')).text();
      const marketing = await asSystem(second, async (db) =>
        (await db('cms__platform_pages').where({ tier: 'marketing', platform_id: 1 }).pluck('slug')).sort(),
      );
      const site = await (await second.request('/')).text();
      const pricing = await second.request('/pages/pricing');
      await second.stop();
      const third = await start();
      const again = await asSystem(third, async (db) => ({
        defaults: (await db('cms__platform_pages').where({ tier: 'default' }).select('slug', 'platform_id'))
          .map((r) => `${r.platform_id}:${r.slug}`)
          .sort(),
        vendor: await db('cms__vendor_pages').pluck('slug'),
      }));
      await third.stop();
      const onMain = seeded.defaults.filter((d) => d.startsWith('1:')).map((d) => d.slice(2));
      assert.deepEqual(onMain, ['about', 'contact', 'faq', 'privacy', 'returns', 'shipping', 'terms']);
      assert.equal(new Set(seeded.defaults).size, seeded.defaults.length, 'one page per slug and platform');
      assert.deepEqual(seeded.vendor, ['about']);
      assert.equal(about.status, 200);
      assert.match(aboutHtml, /About Fashion Hub/, 'the vendor page overrides the default');
      assert.match(faq, /Can I change my order\?/, 'another vendor inherits the default');
      assert.deepEqual(again, seeded, 'a later start seeds nothing more');
      assert.deepEqual(marketing, ['about', 'home', 'pricing'], "the platform's own site");
      assert.match(site, /<h1>Shops you can trust<\/h1>/, 'the home page is the marketing page');
      assert.match(site, /href="\/vendors\/fashion-hub\/shop\/"/, 'and lists the shops');
      assert.equal(pricing.status, 200);
    } finally {
      await database.close();
    }
  });
});
