import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT } from '../../kernel/paths.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';

/** A kernel with the repository's catalog, cms and inventory plugins enabled on the main platform. */
export async function startShopKernel(): Promise<TestKernel> {
  const kernel = await startTestKernel({ plugins: { roots: [path.join(ROOT, 'plugins')] } });
  await enablePlugins(kernel, ['catalog', 'inventory']);
  return kernel;
}

export async function json(
  kernel: TestKernel,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  const res = await kernel.request(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.status < 300, `${method} ${url}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}

export interface DemoShop {
  vendor: TestVendor;
  categorySlug: string;
  productSlug: string;
  variantIds: number[];
}

/** A vendor with one category and an active two-size T-shirt (M dearer than S) in it, and a theme. */
export async function createShop(kernel: TestKernel, theme: Record<string, unknown>, code?: string): Promise<DemoShop> {
  const vendor = await createTestVendor(kernel, code ? { code } : {});
  const api = '/api/v1/vendor/catalog';
  const category = await json(kernel, 'POST', `${api}/categories`, vendor.headers, { name: 'Shirts' });
  const product = (await json(kernel, 'POST', `${api}/products`, vendor.headers, {
    title: 'Harbour T-shirt',
    description: 'Soft organic cotton.',
    status: 'active',
    featured: true,
    brand: 'Nordlicht',
    options: ['Size'],
    categoryIds: [category.id],
    variants: [
      { sku: `TS-S-${vendor.code}`, optionValues: { Size: 'S' }, price: { amountMinor: 1990, currency: 'EUR' } },
      { sku: `TS-M-${vendor.code}`, optionValues: { Size: 'M' }, price: { amountMinor: 2490, currency: 'EUR' } },
    ],
  })) as { slug: string; variants: { id: number }[] };
  await setTheme(kernel, vendor.id, theme);
  return {
    vendor,
    categorySlug: String(category.slug),
    productSlug: product.slug,
    variantIds: product.variants.map((v) => v.id),
  };
}

/** Publishes theme settings for a vendor, as the dashboard does: write, then reload the registry (and broadcast). */
export async function setTheme(kernel: TestKernel, vendorId: number, theme: Record<string, unknown>): Promise<void> {
  await asSystem(kernel, (db) =>
    db('vendors')
      .where({ id: vendorId })
      .update({ theme: JSON.stringify(theme) }),
  );
  await kernel.vendors.refresh();
}

export const shopPath = (code: string, rest = '') => `/vendors/${code}/shop${rest}`;
