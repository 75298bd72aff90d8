import type { Knex } from '@orion/sdk';
import { CmsErrors } from './errors.js';
import { createPage, findPublished, listPages, listPublished, PLATFORM_TABLES, VENDOR_TABLES } from './page-store.js';
import type { Page } from './schemas.js';

/**
 * The shop's side of the platform defaults: which ones it inherits and overrides, and the copy an override starts
 * from. Shared by the vendor JSON API and the vendor pages.
 */

export interface DefaultEntry {
  slug: string;
  title: string;
  overridden: boolean;
  overrideId: number | null;
}

/** The platform's published defaults, in navigation order, each with the shop's own page at its slug if any. */
export async function defaultsOf(trx: Knex, platformId: number, vendorId: number, language: string) {
  const defaults = await listPublished(trx, PLATFORM_TABLES, { platform_id: platformId, tier: 'default' });
  const mine = await listPages(trx, VENDOR_TABLES, { vendor_id: vendorId });
  const bySlug = new Map(mine.map((p) => [p.slug, p.id]));
  return defaults
    .sort((a, b) => a.navOrder - b.navOrder || a.slug.localeCompare(b.slug))
    .map(
      (d): DefaultEntry => ({
        slug: d.slug,
        title: (d.translations.find((t) => t.language === language) ?? d.translations[0])?.title ?? d.slug,
        overridden: bySlug.has(d.slug),
        overrideId: bySlug.get(d.slug) ?? null,
      }),
    );
}

/** Copies a published default into the shop's own pages, as a draft to edit and publish. */
export async function overrideDefault(trx: Knex, platformId: number, vendorId: number, slug: string): Promise<Page> {
  const source = await findPublished(trx, PLATFORM_TABLES, { platform_id: platformId, tier: 'default' }, slug);
  if (!source) throw CmsErrors.DefaultNotFound({ slug });
  const copy = {
    slug,
    status: 'draft' as const,
    showInHeader: source.showInHeader,
    showInFooter: source.showInFooter,
    navOrder: source.navOrder,
    translations: source.translations.map((t) => ({
      language: t.language,
      title: t.title,
      content: t.content,
      seoTitle: t.seoTitle ?? undefined,
      seoDescription: t.seoDescription ?? undefined,
    })),
  };
  return createPage(trx, VENDOR_TABLES, { vendor_id: vendorId }, copy, { vendor_id: vendorId });
}
