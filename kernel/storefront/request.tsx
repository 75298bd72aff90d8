import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { DbAccess } from '../auth/db-access.js';
import type { Auth } from '../auth/index.js';
import type { LinkSettings } from '../auth/links.js';
import { renderDocument } from '../http/pages.js';
import { languageChoice } from '../i18n/language-switch.js';
import { kernelT } from '../i18n/request.js';
import { currencyExponent } from '../money/index.js';
import type { PluginHost } from '../plugins/host.js';
import { csrfToken } from '../security/csrf.js';
import type { Vendor } from '../tenancy/vendors.js';
import type { ResolvedTheme, ThemeResolver } from '../themes/resolve.js';
import type { NavItem, ShopFrame } from '../themes/types.js';
import {
  type CatalogShop,
  type CmsPages,
  type PageAudience,
  type ShopCategory,
  type ShopListQuery,
  serviceFor,
} from './data.js';
import { type Seo, ShopDocument } from './document.js';
import { renderFills } from './slots.js';

export interface StorefrontDeps {
  host: PluginHost;
  themes: ThemeResolver;
  assets: () => { css?: string; htmx?: string };
  /** Theme images and customer accounts; the error pages render without them. */
  db?: DbAccess;
  auth?: Auth;
  links?: LinkSettings;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by the theme editor's preview: the draft theme, rendered for the signed-in vendor user only. */
    themePreview?: ResolvedTheme;
  }
}

const PAGE_SIZE = 24;

/** Everything a storefront handler needs about the request: vendor, theme, links, services. */
export interface ShopRequest {
  c: Context;
  vendor: Vendor;
  resolved: ResolvedTheme;
  language: string;
  origin: string;
  href: (path: string) => string;
  abs: (path: string) => string;
  catalog?: CatalogShop;
  cms?: CmsPages;
  audience: PageAudience;
  /** The plugins' fills of a storefront slot (only those enabled on the request's platform). */
  slot: (name: string, props: Record<string, unknown>) => Promise<Child>;
}

export function shopRequest(c: Context, deps: StorefrontDeps): ShopRequest | undefined {
  const vendor = c.get('vendor');
  const platform = c.get('platform');
  const tenant = c.get('tenant');
  if (!vendor || !platform || !tenant) return undefined;
  const resolved = c.get('themePreview') ?? deps.themes.resolve(vendor, platform.id);
  if (!resolved) return undefined;
  const origin = new URL(c.req.url).origin;
  const href = (path: string) => `${tenant.shopBase}${path}`;
  const language = c.get('language') ?? vendor.defaultLanguage;
  return {
    c,
    vendor,
    resolved,
    language,
    origin,
    href,
    abs: (path) => origin + href(path),
    catalog: serviceFor<CatalogShop>(c, deps.host, 'catalog', 'shop'),
    cms: serviceFor<CmsPages>(c, deps.host, 'cms', 'pages'),
    slot: (name, props) => renderFills(c, deps.host, name, props),
    audience: {
      platformId: platform.id,
      vendor: { id: vendor.id, defaultLanguage: vendor.defaultLanguage },
      languages: [language],
    },
  };
}

/** The frame's data: CMS navigation and top-level categories (empty when the plugin is off). */
export async function frameOf(r: ShopRequest, categories?: ShopCategory[]): Promise<ShopFrame> {
  const [nav, cats, tools] = await Promise.all([
    r.cms?.navigation(r.audience).catch(() => undefined),
    categories ?? r.catalog?.categories(r.vendor.id),
    // Links plugins put beside the account link (the cart's). Static per shop and language: the page's ETag stays
    // valid (a cart count would not).
    r.slot('shop.header.tools', { shopBase: r.href(''), language: r.language }),
  ]);
  const link = (l: { slug: string; title: string }): NavItem => ({ label: l.title, href: r.href(`/pages/${l.slug}`) });
  const t = kernelT(r.c);
  const asset = (name: string | undefined) => (name ? r.href(`/theme-assets/${name}`) : undefined);
  const logo = asset(r.resolved.logo);
  const choice = languageChoice(r.c, r.href(''));
  return {
    name: r.vendor.name,
    code: r.vendor.code,
    language: r.language,
    href: r.href,
    nav: { header: nav?.header.map(link) ?? [], footer: nav?.footer.map(link) ?? [] },
    categories: (cats ?? [])
      .filter((c) => c.parentId === null)
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
      .map((c) => ({ label: c.name, href: r.href(`/categories/${c.slug}`) })),
    query: r.c.req.query('q'),
    logo: logo ? { src: logo, alt: r.vendor.name } : undefined,
    account: { label: t('shop.account.link'), href: r.href('/account') },
    tools,
    languages: { ...choice, csrf: csrfToken(r.c) },
    text: {
      search: t('shop.search'),
      searchLabel: t('shop.searchLabel'),
      searchPlaceholder: t('shop.searchPlaceholder'),
      skip: t('shell.skip'),
    },
  };
}

export function page(r: ShopRequest, deps: StorefrontDeps, frame: ShopFrame, seo: Seo, body: Child, status = 200) {
  const doc = (
    <ShopDocument
      seo={seo}
      shop={frame}
      resolved={r.resolved}
      assets={deps.assets()}
      preview={Boolean(r.c.get('themePreview'))}
    >
      {body}
    </ShopDocument>
  );
  return r.c.html(renderDocument(doc), status as 200);
}

/** Parses the listing query string; out-of-range values fall back to the defaults rather than fail. */
export function listQuery(
  c: Context,
  currency: string | undefined,
): ShopListQuery & { minMajor?: string; maxMajor?: string } {
  const num = (v: string | undefined) => (v && /^\d{1,7}$/.test(v) ? Number(v) : undefined);
  const factor = 10 ** (currency ? currencyExponent(currency) : 2);
  const sorts = ['relevance', 'newest', 'title', 'price', '-price'] as const;
  const sort = sorts.find((s) => s === c.req.query('sort'));
  const min = num(c.req.query('min'));
  const max = num(c.req.query('max'));
  return {
    q: c.req.query('q')?.trim().slice(0, 200) || undefined,
    sort,
    page: Math.min(num(c.req.query('page')) ?? 1, 10_000) || 1,
    pageSize: PAGE_SIZE,
    minPrice: min === undefined ? undefined : min * factor,
    maxPrice: max === undefined ? undefined : max * factor,
    minMajor: min === undefined ? undefined : String(min),
    maxMajor: max === undefined ? undefined : String(max),
  };
}
