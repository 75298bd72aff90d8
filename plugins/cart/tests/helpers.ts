import assert from 'node:assert/strict';
import path from 'node:path';
import { pluginPackageDir, requestJson, startTestKernel, type TestKernel } from '@orion/sdk/testing';

/** A test kernel with cart and the catalog it depends on (and inventory, when asked). */
export function startCartKernel(moduleUrl: string, withInventory = false): Promise<TestKernel> {
  const cart = pluginPackageDir(moduleUrl);
  const sibling = (id: string) => path.join(path.dirname(cart), id);
  const dirs = [sibling('catalog'), ...(withInventory ? [sibling('inventory')] : []), cart];
  return startTestKernel({ plugins: { roots: [], extraDirs: dirs } });
}

export const cartApi = (vendorCode: string) => `/vendors/${vendorCode}/shop/api/v1/shop/cart`;

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  /** The `name=value` of the cart cookie the answer set, if any ('' when it cleared it). */
  cookie: string | undefined;
}

export async function call(
  kernel: TestKernel,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Answer> {
  const res = await requestJson(kernel, method, url, headers, body);
  const set = res.headers.get('set-cookie')?.match(/(orion_cart_\d+)=([^;]*)/);
  return { status: res.status, body: res.body, cookie: set ? `${set[1]}=${set[2]}` : undefined };
}

let counter = 0;
/** An active product with one variant at `priceMinor` EUR through the catalog API; returns the variant id. */
export async function createVariant(
  kernel: TestKernel,
  headers: Record<string, string>,
  title: string,
  priceMinor: number,
): Promise<number> {
  const res = await call(kernel, 'POST', '/api/v1/vendor/catalog/products', headers, {
    title,
    status: 'active',
    variants: [{ sku: `CART-${process.pid}-${++counter}`, price: { amountMinor: priceMinor, currency: 'EUR' } }],
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return (res.body.variants as { id: number }[])[0]!.id;
}

export interface CartBody {
  id: number | null;
  lines: { id: number; variantId: number; quantity: number; unitPrice: { amountMinor: number }; messages: string[] }[];
  subtotal: { amountMinor: number; currency: string } | null;
  itemCount: number;
  changed: boolean;
  messages: string[];
  customerId: number | null;
}
export const cartOf = (a: Answer) => a.body as unknown as CartBody;
