import path from 'node:path';
import type { TestKernel, TestVendor } from '@orion/sdk/testing';

/** Where the kernel keeps the catalog's files (`ctx.files`): a test kernel's own temporary data folder. */
export function catalogFiles(kernel: TestKernel): string {
  return path.join(kernel.config.dataDir, 'files', 'catalog');
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

/**
 * A signed-in browser without JavaScript: cookies from the sign-in form, and the CSRF token of the last page
 * posted back in the form, as a real form post does (no bearer token).
 */
export async function browserSession(kernel: TestKernel, vendor: TestVendor) {
  const cookies = new Map<string, string>();
  let csrf = '';
  const request = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await kernel.request(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const html = await res.text();
    csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? csrf;
    return { status: res.status, html };
  };
  const login = `/vendor/${vendor.code}/login`;
  await request(login);
  const signedIn = await request(login, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email: vendor.ownerEmail, password: vendor.ownerPassword }),
  });
  if (signedIn.status !== 303) throw new Error(`sign-in failed: ${signedIn.status}`);
  return {
    get: (url: string) => request(url),
    /** Posts a multipart form with the page's CSRF token. */
    postMultipart: (url: string, fields: Record<string, string | Blob>, withToken = true) => {
      const form = new FormData();
      if (withToken) form.append('_csrf', csrf);
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      return request(url, { method: 'POST', body: form });
    },
  };
}
