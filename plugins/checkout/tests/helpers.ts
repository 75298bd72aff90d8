import assert from 'node:assert/strict';
import path from 'node:path';
import { enablePlugins, pluginPackageDir, startTestKernel, type TestKernel } from '@orion/sdk/testing';

/** A test kernel with checkout and every plugin it uses, all enabled on `main`. */
export async function startCheckoutKernel(moduleUrl: string): Promise<TestKernel> {
  const checkout = pluginPackageDir(moduleUrl);
  const ids = ['catalog', 'inventory', 'payments', 'orders', 'cart', 'customer-profiles'];
  const dirs = ids.map((id) => path.join(path.dirname(checkout), id));
  const kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [...dirs, checkout] } });
  await enablePlugins(kernel, ['inventory', 'payments', 'orders', 'cart', 'customer-profiles', 'checkout']);
  return kernel;
}

export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read field by field
  body: any;
  text: string;
}

/** A shopper's browser: keeps the cookies the shop sets (cart, checkout, CSRF), sends JSON or forms. */
export class Browser {
  private jar = new Map<string, string>();
  constructor(
    private kernel: TestKernel,
    private extra: Record<string, string> = {},
  ) {}

  /** The same browser (same cookies) sending more headers, such as `HX-Request`. */
  with(headers: Record<string, string>): Browser {
    const other = new Browser(this.kernel, { ...this.extra, ...headers });
    other.jar = this.jar;
    return other;
  }

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [k = '', ...v] = pair.split('=');
      if (/max-age=0/i.test(line)) this.jar.delete(k);
      else this.jar.set(k, v.join('='));
    }
  }

  async json(method: string, url: string, body?: unknown): Promise<Reply> {
    const res = await this.kernel.request(url, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie, ...this.extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.keep(res);
    const text = await res.text();
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = {};
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  async get(url: string): Promise<Reply> {
    const res = await this.kernel.request(url, { headers: { cookie: this.cookie, ...this.extra } });
    this.keep(res);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: {}, text };
  }

  /** Posts a form as a browser without JavaScript: with the page's CSRF token, not following the redirect. */
  async post(url: string, fields: Record<string, string>, csrfFrom: string): Promise<Reply> {
    const token = csrfFrom.match(/name="_csrf" value="([^"]+)"/)?.[1];
    assert.ok(token, 'the page has a CSRF token');
    const res = await this.kernel.request(url, {
      method: 'POST',
      headers: { ...this.extra, 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookie },
      body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      redirect: 'manual',
    });
    this.keep(res);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: {}, text };
  }
}

export async function call(
  kernel: TestKernel,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Reply> {
  return new Browser(kernel, headers).json(method, url, body);
}

let counter = 0;
/** A product with one variant at `priceMinor` EUR and `stock` units; returns the variant id and product slug. */
export async function stockedVariant(
  kernel: TestKernel,
  headers: Record<string, string>,
  options: { priceMinor?: number; stock?: number; title?: string } = {},
): Promise<{ id: number; slug: string }> {
  const n = ++counter;
  const res = await call(kernel, 'POST', '/api/v1/vendor/catalog/products', headers, {
    title: options.title ?? `Thing ${n}`,
    status: 'active',
    variants: [{ sku: `CO-${process.pid}-${n}`, price: { amountMinor: options.priceMinor ?? 1000, currency: 'EUR' } }],
  });
  assert.equal(res.status, 201, res.text);
  const id = res.body.variants[0].id as number;
  const adj = await call(kernel, 'POST', `/api/v1/vendor/inventory/stock/${id}/adjustments`, headers, {
    delta: options.stock ?? 10,
    reason: 'received',
  });
  assert.equal(adj.status, 201, adj.text);
  return { id, slug: res.body.slug as string };
}

/** The three kinds of shipping method through the vendor API; returns their ids. */
export async function shippingMethods(kernel: TestKernel, headers: Record<string, string>) {
  const make = async (body: Record<string, unknown>) => {
    const res = await call(kernel, 'POST', '/api/v1/vendor/checkout/shipping-methods', headers, {
      currency: 'EUR',
      ...body,
    });
    assert.equal(res.status, 201, res.text);
    return res.body.id as number;
  };
  return {
    flat: await make({ name: 'Standard', kind: 'flat', amountMinor: 490 }),
    free: await make({ name: 'Express', kind: 'free_above', amountMinor: 690, freeAboveMinor: 5000 }),
    pickup: await make({ name: 'Pickup', kind: 'pickup' }),
  };
}

export const shopApi = (code: string, rest = '') => `/vendors/${code}/shop/api/v1/shop${rest}`;
export const shopPage = (code: string, rest = '') => `/vendors/${code}/shop${rest}`;

export const ADDRESS = {
  name: 'Ada Lovelace',
  line1: '1 Rue de la Gare',
  postalCode: 'L-1611',
  city: 'Luxembourg',
  country: 'LU',
};
export const CONTACT = { email: 'ada@example.com', name: 'Ada Lovelace' };

/** A guest with one item in the cart, through every step up to payment; answers the browser. */
export async function readyToReview(
  kernel: TestKernel,
  code: string,
  variantId: number,
  methodId: number,
  provider = 'manual',
  quantity = 1,
): Promise<Browser> {
  const b = new Browser(kernel);
  assert.equal((await b.json('POST', shopApi(code, '/cart/lines'), { variantId, quantity })).status, 201);
  assert.equal((await b.json('POST', shopApi(code, '/checkout/session'))).status, 200);
  for (const [step, body] of [
    ['contact', CONTACT],
    ['address', ADDRESS],
    ['shipping', { methodId }],
    ['payment', { provider }],
  ] as const) {
    const res = await b.json('PUT', shopApi(code, `/checkout/${step}`), body);
    assert.equal(res.status, 200, `${step}: ${res.text}`);
  }
  return b;
}
