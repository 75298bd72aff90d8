import type { PluginContext } from '@orion/sdk';
import { CmsErrors } from './errors.js';
import { type Audience, findVisiblePage, navigation, platformLanguage } from './lookup.js';
import type { Navigation, RenderedPage } from './schemas.js';

/** Whose page: a shop (`vendor`) or the platform's own site; languages most wanted first. */
export interface PageAudience {
  platformId: number;
  vendor?: { id: number; defaultLanguage: string };
  languages: string[];
}

/**
 * The `cms.pages` service, for storefronts: the page a visitor sees at a slug (the vendor's published page, else the
 * platform's published default), its Markdown already rendered and sanitised, and the navigation links.
 */
export interface CmsPagesService {
  /** The visible page at `slug`, or undefined when there is none (drafts are never visible). */
  find(who: PageAudience, slug: string): Promise<RenderedPage | undefined>;
  navigation(who: PageAudience): Promise<Navigation>;
}

export function createPagesService(ctx: PluginContext): CmsPagesService {
  const audience = async (who: PageAudience): Promise<Audience> => ({
    ...who,
    languages: [
      ...new Set([...who.languages, who.vendor?.defaultLanguage ?? '', await platformLanguage(ctx.db, who.platformId)]),
    ].filter(Boolean),
  });
  return {
    async find(who, slug) {
      try {
        return await findVisiblePage(ctx, await audience(who), slug);
      } catch (err) {
        if (CmsErrors.SlugNotFound.is(err)) return undefined;
        throw err;
      }
    },
    navigation: async (who) => navigation(ctx, await audience(who)),
  };
}
