import assert from 'node:assert/strict';
import { requestJson, type TestKernel } from '@orion/sdk/testing';

export const VENDOR_API = '/api/v1/vendor/catalog';
export const shopApi = (vendorCode: string) => `/vendors/${vendorCode}/shop/api/v1/shop/catalog`;

let counter = 0;
/** A unique suffix, so tests in one file never collide on slugs or SKUs by accident. */
export const uniq = () => `${process.pid}${++counter}`;

/** A product body with one default variant at `priceMinor` EUR. */
export function simpleProduct(title: string, priceMinor: number, extra: Record<string, unknown> = {}) {
  return {
    title,
    status: 'active',
    variants: [{ sku: `SKU-${uniq()}`, price: { amountMinor: priceMinor, currency: 'EUR' } }],
    ...extra,
  };
}

/** A JSON call; returns the status and the parsed body. */
export async function call(
  kernel: TestKernel,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> & { [k: string]: never | unknown } }> {
  return requestJson(kernel, method, url, headers, body);
}

/** Creates a product through the vendor API and returns it, failing the test on anything but 201. */
export async function createProduct(kernel: TestKernel, headers: Record<string, string>, body: unknown) {
  const res = await call(kernel, 'POST', `${VENDOR_API}/products`, headers, body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as unknown as {
    id: number;
    slug: string;
    status: string;
    variants: { id: number; sku: string; isDefault: boolean; price: { amountMinor: number } }[];
    categoryIds: number[];
    gtinType: string | null;
  };
}
