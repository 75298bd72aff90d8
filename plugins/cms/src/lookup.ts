import type { Knex, PluginContext } from '@orion/sdk';
import { CmsErrors } from './errors.js';
import { renderMarkdown } from './markdown.js';
import { findPublished, listPublished, PLATFORM_TABLES, VENDOR_TABLES } from './page-store.js';
import type { Navigation, NavLink, Page, RenderedPage } from './schemas.js';

/**
 * What a visitor sees. In a shop: the vendor's published page at the slug, else the platform's published default
 * page. On the platform's own site: its published marketing page. Drafts are never visible. The language is the
 * requested one, else the shop's default language, else the platform's, else the page's first translation.
 */

export interface Audience {
  platformId: number;
  /** Unset on the platform's own site. */
  vendor?: { id: number; defaultLanguage: string };
  /** Most wanted first: the requested language, the shop's, the platform's. */
  languages: string[];
}

type Source = RenderedPage['source'];

function pickTranslation(page: Page, languages: string[]) {
  for (const language of languages) {
    const found = page.translations.find((t) => t.language === language);
    if (found) return found;
  }
  return page.translations[0];
}

export function renderPage(page: Page, source: Source, languages: string[]): RenderedPage {
  const t = pickTranslation(page, languages);
  if (!t) throw CmsErrors.SlugNotFound({ slug: page.slug });
  return {
    slug: page.slug,
    source,
    language: t.language,
    title: t.title,
    html: renderMarkdown(t.content),
    seoTitle: t.seoTitle || t.title,
    seoDescription: t.seoDescription,
    publishedAt: page.publishedAt,
  };
}

/** The platform's default language, from the kernel's platform row. */
export async function platformLanguage(db: Knex, platformId: number): Promise<string> {
  const row = await db('platforms').where({ id: platformId }).first('default_language');
  return (row?.default_language as string | undefined) ?? 'en';
}

export async function findVisiblePage(ctx: PluginContext, who: Audience, slug: string): Promise<RenderedPage> {
  if (!who.vendor) {
    const page = await findPublished(ctx.db, PLATFORM_TABLES, { platform_id: who.platformId, tier: 'marketing' }, slug);
    if (!page) throw CmsErrors.SlugNotFound({ slug });
    return renderPage(page, 'marketing', who.languages);
  }
  const vendorId = who.vendor.id;
  const own = await ctx.withTenant({ vendorId }, (trx) =>
    findPublished(trx, VENDOR_TABLES, { vendor_id: vendorId }, slug),
  );
  if (own) return renderPage(own, 'vendor', who.languages);
  const fallback = await findPublished(ctx.db, PLATFORM_TABLES, { platform_id: who.platformId, tier: 'default' }, slug);
  if (!fallback) throw CmsErrors.SlugNotFound({ slug });
  return renderPage(fallback, 'default', who.languages);
}

const byOrder = (a: { page: Page }, b: { page: Page }) =>
  a.page.navOrder - b.page.navOrder || a.page.slug.localeCompare(b.page.slug);

/** Header and footer links: one entry per slug, the vendor's page winning over the default, in nav order. */
export async function navigation(ctx: PluginContext, who: Audience): Promise<Navigation> {
  const effective = new Map<string, { page: Page; source: Source }>();
  if (who.vendor) {
    const defaults = await listPublished(ctx.db, PLATFORM_TABLES, { platform_id: who.platformId, tier: 'default' });
    for (const page of defaults) effective.set(page.slug, { page, source: 'default' });
    const vendorId = who.vendor.id;
    const own = await ctx.withTenant({ vendorId }, (trx) => listPublished(trx, VENDOR_TABLES, { vendor_id: vendorId }));
    for (const page of own) effective.set(page.slug, { page, source: 'vendor' });
  } else {
    const marketing = await listPublished(ctx.db, PLATFORM_TABLES, { platform_id: who.platformId, tier: 'marketing' });
    for (const page of marketing) effective.set(page.slug, { page, source: 'marketing' });
  }
  const entries = [...effective.values()].sort(byOrder);
  const link = ({ page, source }: { page: Page; source: Source }): NavLink => ({
    slug: page.slug,
    title: pickTranslation(page, who.languages)?.title ?? page.slug,
    source,
  });
  return {
    header: entries.filter((e) => e.page.showInHeader).map(link),
    footer: entries.filter((e) => e.page.showInFooter).map(link),
  };
}
