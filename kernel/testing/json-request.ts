import type { TestKernel } from './start-test-kernel.js';

/** What `requestJson` answers. */
export interface JsonReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  /** The parsed answer; `{}` when it is empty or not JSON. */
  body: T;
  text: string;
}

/**
 * Sends a request with a JSON body through `kernel.request` (a string body goes as it is: signed webhooks need the
 * exact bytes) and parses the answer.
 *
 * @example
 * const { status, body } = await requestJson(kernel, 'POST', '/api/v1/vendor/catalog/products', vendor.headers, {...});
 */
export async function requestJson<T = Record<string, unknown>>(
  kernel: TestKernel,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<JsonReply<T>> {
  const res = await kernel.request(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : {};
  return { status: res.status, headers: res.headers, body: json as T, text };
}
