import assert from 'node:assert/strict';
import { adminHeaders, pluginPackageDir, startTestKernel, type TestKernel } from '@orion/sdk/testing';

/** Test helpers: a kernel with only the CMS (a core plugin, so installed and enabled by itself), and page bodies. */

export async function startCmsKernel(
  moduleUrl: string,
): Promise<{ kernel: TestKernel; admin: Record<string, string> }> {
  const kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(moduleUrl)] } });
  return { kernel, admin: await adminHeaders(kernel) };
}

export interface PageBody {
  slug: string;
  tier?: 'marketing' | 'default';
  status?: 'draft' | 'published';
  showInHeader?: boolean;
  showInFooter?: boolean;
  navOrder?: number;
  translations: Array<{ language: string; title: string; content: string; seoTitle?: string }>;
}

/** A published one-language page. */
export const page = (slug: string, title: string, content = `# ${title}`, more: Partial<PageBody> = {}): PageBody => ({
  slug,
  status: 'published',
  translations: [{ language: 'en', title, content }],
  ...more,
});

export function client(kernel: TestKernel) {
  const call = async (method: string, url: string, headers: Record<string, string> = {}, body?: unknown) =>
    kernel.request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return {
    call,
    /** Sends, asserts the status, and returns the JSON body (or undefined for 204). */
    async expect<T = Record<string, unknown>>(
      status: number,
      method: string,
      url: string,
      headers: Record<string, string> = {},
      body?: unknown,
    ): Promise<T> {
      const res = await call(method, url, headers, body);
      const text = await res.text();
      assert.equal(res.status, status, `${method} ${url}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

export const ADMIN = '/api/v1/admin/cms/pages';
export const VENDOR = '/api/v1/vendor/cms';
/** The shop API of a vendor, in path mode. */
export const shop = (code: string) => `/vendors/${code}/shop/api/v1/shop/cms`;
