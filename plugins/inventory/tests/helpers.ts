import assert from 'node:assert/strict';
import path from 'node:path';
import { pluginPackageDir, requestJson, startTestKernel, type TestKernel } from '@orion/sdk/testing';

export const API = '/api/v1/vendor/inventory';

/** A test kernel with inventory and the catalog it depends on. */
export function startInventoryKernel(moduleUrl: string): Promise<TestKernel> {
  const inventory = pluginPackageDir(moduleUrl);
  const catalog = path.join(path.dirname(inventory), 'catalog');
  return startTestKernel({ plugins: { roots: [], extraDirs: [catalog, inventory] } });
}

export async function call(
  kernel: TestKernel,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return requestJson(kernel, method, url, headers, body);
}

let counter = 0;
/** A product with one default variant through the catalog API; returns the variant id. */
export async function createVariant(
  kernel: TestKernel,
  headers: Record<string, string>,
  title = 'Thing',
): Promise<number> {
  const sku = `INV-${process.pid}-${++counter}`;
  const res = await call(kernel, 'POST', '/api/v1/vendor/catalog/products', headers, {
    title: `${title} ${counter}`,
    variants: [{ sku, price: { amountMinor: 1000, currency: 'EUR' } }],
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return (res.body.variants as { id: number }[])[0]?.id as number;
}

export interface Level {
  variantId: number;
  locationId: number;
  onHand: number;
  reserved: number;
  available: number;
  low: boolean;
  sku?: string;
}

/** The variant's level at its default location. */
export async function levelOf(kernel: TestKernel, headers: Record<string, string>, variantId: number): Promise<Level> {
  const res = await call(kernel, 'GET', `${API}/stock/${variantId}`, headers);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return (res.body.levels as Level[])[0] as Level;
}
