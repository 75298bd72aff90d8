import type { PluginContext } from '@orion/sdk';

/** Events the CMS emits, for caches (storefront pages, navigation) to drop what they hold. */
declare module '@orion/sdk' {
  interface OrionEvents {
    /** A page was saved, draft or published. */
    'cms.page.updated': CmsPageEvent;
    /** A page is visible to visitors: it was published, or changed while published. */
    'cms.page.published': CmsPageEvent;
    /** A published page went back to draft: visitors no longer see it. */
    'cms.page.unpublished': CmsPageEvent;
    /** A page was deleted, or a shop's override reverted to the default. */
    'cms.page.deleted': CmsPageEvent;
  }
}

export interface CmsPageEvent {
  platformId: number;
  /** Null for the platform's own pages (marketing and defaults). */
  vendorId: number | null;
  tier: 'marketing' | 'default' | 'vendor';
  pageId: number;
  slug: string;
}

interface Saved {
  id: number;
  slug: string;
  tier: CmsPageEvent['tier'];
  status: 'draft' | 'published';
}

/** After a save: `cms.page.updated`, plus `published` or `unpublished` when visitors' view changed. */
export function announceSaved(
  ctx: PluginContext,
  platformId: number,
  vendorId: number | null,
  page: Saved,
  wasPublished: boolean,
) {
  const payload: CmsPageEvent = { platformId, vendorId, tier: page.tier, pageId: page.id, slug: page.slug };
  ctx.emit('cms.page.updated', payload);
  if (page.status === 'published') ctx.emit('cms.page.published', payload);
  else if (wasPublished) ctx.emit('cms.page.unpublished', payload);
}

export function announceDeleted(ctx: PluginContext, platformId: number, vendorId: number | null, page: Saved) {
  ctx.emit('cms.page.deleted', { platformId, vendorId, tier: page.tier, pageId: page.id, slug: page.slug });
}
