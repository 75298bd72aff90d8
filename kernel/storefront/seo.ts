import type { NavItem } from '../themes/types.js';
import type { ShopProduct } from './data.js';
import { plainText } from './text.js';

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function organizationLd(name: string, url: string): object {
  return { '@context': 'https://schema.org', '@type': 'Organization', name, url };
}

/** BreadcrumbList from absolute URLs. */
export function breadcrumbLd(items: NavItem[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.label,
      item: item.href,
    })),
  };
}

/** Product with one Offer per variant; prices as decimal strings in the currency's units. */
export function productLd(
  p: ShopProduct,
  url: string,
  shopName: string,
  stock: Record<number, number> | undefined,
): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.title,
    description: p.seoDescription ?? plainText(p.description, 300),
    sku: p.variants[0]?.sku,
    ...(p.gtin ? { gtin: p.gtin } : {}),
    ...(p.brand ? { brand: { '@type': 'Brand', name: p.brand } } : {}),
    url,
    offers: p.variants.map((v) => ({
      '@type': 'Offer',
      sku: v.sku,
      price: decimal(v.price.amountMinor, v.price.currency),
      priceCurrency: v.price.currency,
      url: `${url}?variant=${v.id}`,
      seller: { '@type': 'Organization', name: shopName },
      ...(stock
        ? { availability: (stock[v.id] ?? 0) > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock' }
        : {}),
    })),
  };
}

function decimal(minor: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return digits ? (minor / 10 ** digits).toFixed(digits) : String(minor);
}

export function sitemapXml(entries: { loc: string; lastmod?: Date }[]): string {
  const urls = entries
    .map(
      (e) =>
        `<url><loc>${xml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>\n`;
}

export function robotsTxt(shopRoot: string, sitemapUrl: string): string {
  return `User-agent: *\nAllow: ${shopRoot}\nDisallow: ${shopRoot.replace(/\/$/, '')}/search\nSitemap: ${sitemapUrl}\n`;
}
