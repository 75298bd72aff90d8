import assert from 'node:assert/strict';
import path from 'node:path';
import { enablePlugins, pluginPackageDir, requestJson, startTestKernel, type TestKernel } from '@orion/sdk/testing';

export const API = '/api/v1/vendor/orders';
export const shopApi = (vendorCode: string) => `/vendors/${vendorCode}/shop/api/v1/shop/orders`;
export const paymentsWebhook = (vendorCode: string) =>
  `/vendors/${vendorCode}/shop/api/v1/shop/payments/webhooks/testgateway`;

/** A test kernel with orders and the plugins it depends on, all enabled on `main`. */
export async function startOrdersKernel(moduleUrl: string): Promise<TestKernel> {
  const orders = pluginPackageDir(moduleUrl);
  const dirs = ['catalog', 'inventory', 'payments'].map((id) => path.join(path.dirname(orders), id));
  const kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [...dirs, orders] } });
  await enablePlugins(kernel, ['inventory', 'payments', 'orders']);
  return kernel;
}

export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read field by field
  body: any;
}

export async function call(
  kernel: TestKernel,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Reply> {
  return requestJson(kernel, method, url, headers, body);
}

let counter = 0;
/** A product with one variant at `priceMinor` EUR and `stock` units on hand; returns the variant id. */
export async function stockedVariant(
  kernel: TestKernel,
  headers: Record<string, string>,
  options: { priceMinor?: number; stock?: number; taxRateBp?: number | null; title?: string; gtin?: string } = {},
): Promise<number> {
  const n = ++counter;
  const res = await call(kernel, 'POST', '/api/v1/vendor/catalog/products', headers, {
    title: options.title ?? `Thing ${n}`,
    status: 'active',
    taxRateBp: options.taxRateBp ?? null,
    variants: [
      {
        sku: `ORD-${process.pid}-${n}`,
        price: { amountMinor: options.priceMinor ?? 1000, currency: 'EUR' },
        ...(options.gtin ? { gtin: options.gtin } : {}),
      },
    ],
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const variantId = res.body.variants[0].id as number;
  if (options.stock) {
    const adj = await call(kernel, 'POST', `/api/v1/vendor/inventory/stock/${variantId}/adjustments`, headers, {
      delta: options.stock,
      reason: 'received',
    });
    assert.equal(adj.status, 201, JSON.stringify(adj.body));
  }
  return variantId;
}

/** Stock of a variant at its default location. */
export async function stockOf(kernel: TestKernel, headers: Record<string, string>, variantId: number) {
  const res = await call(kernel, 'GET', `/api/v1/vendor/inventory/stock/${variantId}`, headers);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const l = res.body.levels[0] as { onHand: number; reserved: number; available: number };
  return { onHand: l.onHand, reserved: l.reserved, available: l.available };
}

export const address = {
  name: 'Ada Lovelace',
  line1: '1 Rue du Fort',
  postalCode: 'L-1234',
  city: 'Luxembourg',
  country: 'LU',
};

/** An order body for the shop API. */
export function orderBody(
  lines: { variantId: number; quantity: number }[],
  options: { provider?: string; card?: string; shippingMinor?: number; email?: string } = {},
) {
  return {
    lines,
    contact: { email: options.email ?? 'ada@example.com', name: 'Ada Lovelace' },
    shippingAddress: address,
    shipping: { amountMinor: options.shippingMinor ?? 500, currency: 'EUR' },
    payment: {
      provider: options.provider ?? 'manual',
      ...(options.card ? { card: { number: options.card, expMonth: 12, expYear: 2030, cvc: '123' } } : {}),
    },
  };
}

/** Waits until `check` holds (for what gateways confirm asynchronously), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) assert.fail('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
