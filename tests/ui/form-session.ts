import type { TestKernel } from '../../kernel/testing/start-test-kernel.js';

export interface Page {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

/**
 * A browser without JavaScript, for server-side tests of pages: it keeps cookies (by name; paths are ignored, the
 * tests stay in one area), reads the CSRF token of the last page, and posts forms with it.
 */
export class FormSession {
  readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly kernel: TestKernel) {}

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const res = await this.kernel.request(path, { ...init, headers, redirect: 'manual' });
    this.remember(res);
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, html, location: res.headers.get('location'), headers: res.headers };
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.request(path, { headers });
  }

  /** Posts a form with the CSRF token of the last page (unless `withToken` is false). */
  post(
    path: string,
    fields: Record<string, string | string[]>,
    options: { withToken?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Page> {
    const body = new URLSearchParams();
    if (options.withToken !== false) body.set('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
      body,
    });
  }

  /** Signs in through an area's sign-in form. */
  async signIn(loginPath: string, email: string, password: string): Promise<Page> {
    await this.get(loginPath);
    return this.post(loginPath, { email, password });
  }
}

/** The labels of the sidebar's menu items, in order. */
export function menuLabels(html: string): string[] {
  const nav = /<nav aria-label="Main menu"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return [...nav.matchAll(/data-menu-item="[^"]+"[^>]*>(?:<svg[\s\S]*?<\/svg>)?([^<]+)</g)].map((m) => m[1]!.trim());
}
