import type { TestKernel } from '../../kernel/testing/start-test-kernel.js';

export type Json = Record<string, unknown>;

/** What `call` answers: the status and the parsed JSON body (`{}` when there is none). */
export interface JsonAnswer {
  status: number;
  body: Json;
}

/**
 * A JSON request helper bound to a test kernel (given lazily, since tests start it in `before`): sends `body` as
 * JSON with the given headers and parses the answer.
 *
 * @example
 * const call = jsonCall(() => kernel);
 * const { status, body } = await call('POST', '/api/v1/admin/vendors', admin, { code: 'x', ... });
 */
export function jsonCall(kernel: () => TestKernel) {
  return async (method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<JsonAnswer> => {
    const res = await kernel().request(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
  };
}
