import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, disablePlugins, enablePlugins, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { API, call, startInventoryKernel } from './helpers.js';

/** The catalog's product editor offers `product.sidebar`; inventory fills it with the product's stock. */
describe('inventory: stock summary in the product editor (product.sidebar slot)', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let productId: number;
  const editor = async () => {
    const res = await kernel.request(`/vendor/${shop.code}/catalog/products/${productId}`, {
      headers: { authorization: shop.headers.authorization as string },
    });
    assert.equal(res.status, 200);
    return res.text();
  };

  before(async () => {
    kernel = await startInventoryKernel(import.meta.url);
    await enablePlugins(kernel, ['catalog', 'inventory']);
    shop = await createTestVendor(kernel);
    const product = await call(kernel, 'POST', '/api/v1/vendor/catalog/products', shop.headers, {
      title: 'Wool scarf',
      options: ['Colour'],
      variants: ['Red', 'Grey'].map((colour) => ({
        sku: `SCARF-${colour.toUpperCase()}`,
        optionValues: { Colour: colour },
        price: { amountMinor: 2900, currency: 'EUR' },
      })),
    });
    assert.equal(product.status, 201, JSON.stringify(product.body));
    productId = product.body.id as number;
    const [red] = product.body.variants as { id: number }[];
    const floor = await call(kernel, 'POST', `${API}/locations`, shop.headers, { name: 'Shop floor' });
    assert.equal(floor.status, 201, JSON.stringify(floor.body));
    const received = async (locationId: number | undefined, delta: number) => {
      const res = await call(kernel, 'POST', `${API}/stock/${red?.id}/adjustments`, shop.headers, {
        delta,
        reason: 'received',
        ...(locationId ? { locationId } : {}),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    };
    await received(undefined, 7);
    await received(floor.body.id as number, 2);
  });
  after(() => kernel.stop());

  it('shows available units per variant and location, with a link to the stock page', async () => {
    const html = await editor();
    const slot = /<div data-slot="product.sidebar"[^>]*>([\s\S]*?)<\/aside>/.exec(html)?.[1] ?? '';
    assert.match(slot, /data-plugin="inventory"/);
    assert.match(slot, /9 available in total/);
    const rows = [...slot.matchAll(/<tr data-variant="\d+">([\s\S]*?)<\/tr>/g)].map((m) =>
      (m[1] as string)
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    assert.deepEqual(rows.sort(), [
      'SCARF-GREY Grey No stock yet 0',
      'SCARF-RED Red Main warehouse 7',
      'SCARF-RED Red Shop floor 2',
    ]);
    assert.match(slot, new RegExp(`href="/vendor/${shop.code}/inventory"[^>]*>Manage stock`));
  });

  it('shows nothing from inventory once inventory is disabled on the platform', async () => {
    await disablePlugins(kernel, ['inventory']);
    try {
      const html = await editor();
      assert.match(html, /Wool scarf/);
      assert.doesNotMatch(html, /data-slot="product.sidebar"/);
      assert.doesNotMatch(html, /Manage stock|available in total/);
    } finally {
      await enablePlugins(kernel, ['inventory']);
    }
    assert.match(await editor(), /data-plugin="inventory"/);
  });
});
