import type { Context } from 'hono';
import { Money } from '../money/index.js';
import type { PluginHost } from '../plugins/host.js';

// The shapes the storefront reads from the catalog and cms services. Kept here (not imported from the plugins: the
// kernel never imports plugin code); the plugins' services return these.

export interface ShopMoney {
  amountMinor: number;
  currency: string;
}
export interface ShopVariant {
  id: number;
  sku: string;
  optionValues: Record<string, string>;
  price: ShopMoney;
  compareAtPrice: ShopMoney | null;
  gtin: string | null;
  isDefault: boolean;
}
/** A product image: `url` the original, `thumbnails` narrower WebP copies; URLs are relative to the shop. */
export interface ShopImage {
  alt: string;
  url: string;
  width: number;
  height: number;
  thumbnails: { url: string; width: number; height: number }[];
}
export interface ShopProduct {
  id: number;
  title: string;
  slug: string;
  description: string;
  brand: string | null;
  gtin: string | null;
  featured: boolean;
  seoTitle: string | null;
  seoDescription: string | null;
  options: string[];
  categoryIds: number[];
  variants: ShopVariant[];
  priceFrom: ShopMoney | null;
  /** In the vendor's order; absent from catalogs without images. */
  images?: ShopImage[];
  updatedAt: string;
}
export interface ShopCategory {
  id: number;
  parentId: number | null;
  name: string;
  slug: string;
  position: number;
}
export interface ShopListQuery {
  q?: string;
  category?: number;
  featured?: 'true' | 'false';
  minPrice?: number;
  maxPrice?: number;
  sort?: 'relevance' | 'newest' | 'title' | 'price' | '-price' | 'updated';
  page: number;
  pageSize: number;
}
/** `catalog.shop` */
export interface CatalogShop {
  /** `options.language`: the shopper's, whose word stems the search also matches. */
  products(
    vendorId: number,
    query: ShopListQuery,
    options?: { language?: string; platformId?: number },
  ): Promise<{ items: ShopProduct[]; total: number }>;
  product(vendorId: number, slug: string): Promise<ShopProduct | undefined>;
  categories(vendorId: number): Promise<ShopCategory[]>;
  version(vendorId: number): Promise<{ lastModified: Date | undefined; tag: string }>;
  sitemap(vendorId: number, limit?: number): Promise<{ slug: string; updatedAt: Date }[]>;
}
export interface CmsPage {
  slug: string;
  title: string;
  html: string;
  seoTitle: string;
  seoDescription: string | null;
  publishedAt: string | null;
}
export interface PageAudience {
  platformId: number;
  vendor?: { id: number; defaultLanguage: string };
  languages: string[];
}
/** `cms.pages` */
export interface CmsPages {
  find(who: PageAudience, slug: string): Promise<CmsPage | undefined>;
  navigation(
    who: PageAudience,
  ): Promise<{ header: { slug: string; title: string }[]; footer: { slug: string; title: string }[] }>;
}
/** `inventory.reservations` (only `available` is used). */
export interface InventoryAvailability {
  available(vendorId: number, variantIds: number[]): Promise<Record<number, number>>;
}

/**
 * A plugin's service for this request, or undefined when the plugin is not loaded, not serving (installed at
 * another version) or not enabled on the request's platform: the storefront then shows that part empty.
 */
export function serviceFor<T>(c: Context, host: PluginHost, pluginId: string, name: string): T | undefined {
  const platform = c.get('platform');
  const plugin = host.loaded.get(pluginId);
  if (!platform || !plugin || !host.isServing(pluginId)) return undefined;
  if (!host.snapshot().isEnabled(platform.id, pluginId)) return undefined;
  const key = `${pluginId}.${name}`;
  return plugin.container.isRegistered(key) ? plugin.container.resolve<T>(key) : undefined;
}

export function formatMoney(m: ShopMoney | null | undefined, language: string): string | null {
  if (!m) return null;
  try {
    return Money.format(Money.of(m.amountMinor, m.currency), language);
  } catch {
    return `${m.amountMinor} ${m.currency}`;
  }
}
