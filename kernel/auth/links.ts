import type { Context } from 'hono';

export interface LinkSettings {
  /** PUBLIC_URL, if set. */
  publicUrl?: string;
  port: number;
}

/** Where people reach Orion: PUBLIC_URL (without a trailing slash), else `http://localhost:<PORT>`. */
export function publicOrigin(settings: LinkSettings): string {
  return settings.publicUrl ? settings.publicUrl.replace(/\/+$/, '') : `http://localhost:${settings.port}`;
}

/**
 * The start of links into the request's area, for mails: `<origin><base>/admin`, `<origin><base>/vendor`, or the
 * shop's root. A shop reached by its own host (custom domain or subdomain) links to that host: PUBLIC_URL is the
 * platform's address, where the shop is not. That host is safe to repeat in a mail: tenancy only resolves a vendor
 * from a host that is a verified domain or a subdomain of a platform's domain.
 */
export function areaLinkBase(c: Context, area: 'admin' | 'vendor' | 'shop', settings: LinkSettings): string {
  const tenant = c.get('tenant');
  const base = tenant?.base ?? '';
  if (area !== 'shop') return `${publicOrigin(settings)}${base}/${area}`;
  if (tenant?.via === 'domain' || tenant?.via === 'subdomain') {
    const protocol = settings.publicUrl ? new URL(settings.publicUrl).protocol : new URL(c.req.url).protocol;
    return `${protocol}//${new URL(c.req.url).host}${tenant.shopBase}`;
  }
  return `${publicOrigin(settings)}${tenant?.shopBase ?? base}`;
}
