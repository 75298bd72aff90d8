import { z } from '@orion/sdk';
import { forbiddenLinks } from './markdown.js';

/** Request and response shapes of every CMS route. A body that fails them gets a 422 naming the field. */

export const Slug = z
  .string()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes, such as shipping-costs');

export const Language = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code, such as en');

const Content = z
  .string()
  .max(100_000, 'must be at most 100,000 characters')
  .superRefine((source, ctx) => {
    const bad = forbiddenLinks(source);
    if (bad.length) {
      ctx.addIssue({
        code: 'custom',
        message: `links may only point to http(s), mailto or tel addresses, or this site (found ${bad[0]})`,
      });
    }
  });

export const TranslationInput = z.object({
  language: Language,
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  content: Content,
  seoTitle: z.string().trim().max(120, 'must be at most 120 characters').optional(),
  seoDescription: z.string().trim().max(320, 'must be at most 320 characters').optional(),
});
export type TranslationInput = z.infer<typeof TranslationInput>;

export const PageInput = z.object({
  slug: Slug,
  status: z.enum(['draft', 'published']).default('draft'),
  showInHeader: z.boolean().default(false),
  showInFooter: z.boolean().default(false),
  navOrder: z.number().int('must be a whole number').min(0).max(10_000).default(0),
  translations: z
    .array(TranslationInput)
    .min(1, 'needs at least one language')
    .max(20)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((t, i) => {
        if (seen.has(t.language)) ctx.addIssue({ code: 'custom', path: [i, 'language'], message: 'appears twice' });
        seen.add(t.language);
      });
    }),
});
export type PageInput = z.infer<typeof PageInput>;

export const Tier = z.enum(['marketing', 'default']);
export type Tier = z.infer<typeof Tier>;

export const PlatformPageInput = PageInput.extend({ tier: Tier });

const Translation = z.object({
  language: z.string(),
  title: z.string(),
  content: z.string(),
  seoTitle: z.string().nullable(),
  seoDescription: z.string().nullable(),
});

export const Page = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    tier: z.enum(['marketing', 'default', 'vendor']),
    status: z.enum(['draft', 'published']),
    publishedAt: z.string().nullable(),
    showInHeader: z.boolean(),
    showInFooter: z.boolean(),
    navOrder: z.number().int(),
    updatedAt: z.string(),
    translations: z.array(Translation),
  })
  .openapi('CmsPage');
export type Page = z.infer<typeof Page>;

export const RenderedPage = z
  .object({
    slug: z.string(),
    source: z.enum(['vendor', 'default', 'marketing']),
    language: z.string(),
    title: z.string(),
    html: z.string(),
    seoTitle: z.string(),
    seoDescription: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .openapi('CmsRenderedPage');
export type RenderedPage = z.infer<typeof RenderedPage>;

const NavLink = z.object({ slug: z.string(), title: z.string(), source: z.enum(['vendor', 'default', 'marketing']) });
export const Navigation = z.object({ header: z.array(NavLink), footer: z.array(NavLink) }).openapi('CmsNavigation');
export type Navigation = z.infer<typeof Navigation>;
export type NavLink = z.infer<typeof NavLink>;

export const IdParam = z.object({ id: z.coerce.number().int().positive('must be a page id') });
export const SlugParam = z.object({ slug: Slug });
export const LangQuery = z.object({ lang: Language.optional() });
