import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestKernel, TestVendor } from '@orion/sdk/testing';

/** Images of a test file go to a fresh folder (set before the first upload reads it). */
export function useTempMediaDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'catalog-media-'));
  process.env.CATALOG_MEDIA_DIR = dir;
  return dir;
}

/** Page requests as the vendor's owner (bearer token: no CSRF token needed), without following redirects. */
export function pagesOf(kernel: TestKernel, vendor: TestVendor) {
  const base = `/vendor/${vendor.code}/catalog`;
  const auth = { authorization: vendor.headers.authorization as string };
  return {
    base,
    get: (p: string) => kernel.request(`${base}${p}`, { headers: auth, redirect: 'manual' }),
    post: (p: string, fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
      return kernel.request(`${base}${p}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
        redirect: 'manual',
      });
    },
    upload: (p: string, file: { bytes: Uint8Array; name: string; type: string }, alt = '') => {
      const form = new FormData();
      form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
      form.append('alt', alt);
      return kernel.request(`${base}${p}`, { method: 'POST', headers: auth, body: form, redirect: 'manual' });
    },
  };
}
