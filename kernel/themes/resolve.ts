import { z } from 'zod';
import { BASE_CSS } from './base-css.js';
import { CUSTOM_CSS_MAX, sanitizeCss } from './custom-css.js';
import { TokenValue } from './manifest.js';
import type { LoadedTheme, ThemeRegistry } from './registry.js';

const Section = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hero'),
    heading: z.string().max(120).optional(),
    text: z.string().max(400).optional(),
  }),
  z.object({
    type: z.literal('featured'),
    heading: z.string().max(120).optional(),
    count: z.number().int().min(1).max(24).default(8),
  }),
  z.object({ type: z.literal('categories'), heading: z.string().max(120).optional() }),
  /** Plain text paragraphs (blank line between them); rendered escaped, never as HTML. */
  z.object({ type: z.literal('richText'), heading: z.string().max(120).optional(), text: z.string().max(4000) }),
  /** A sign-up box: its form leads to the account registration page, with the email filled in. */
  z.object({
    type: z.literal('newsletter'),
    heading: z.string().max(120).optional(),
    text: z.string().max(400).optional(),
  }),
]);

export const SECTION_TYPES = ['hero', 'featured', 'categories', 'richText', 'newsletter'] as const;
export const HEADER_LAYOUTS = ['standard', 'centered', 'compact'] as const;
/** A stored theme image: `<hash>.<ext>` (see `theme-assets.ts`). */
export const AssetName = z.string().regex(/^[A-Za-z0-9_-]{22}\.(?:png|jpg|gif|webp|ico)$/);
export type HomeSection = z.infer<typeof Section>;

/** A vendor's published theme settings (the `theme` column of `vendors`). Every key is optional. */
export const VendorThemeSettings = z.object({
  id: z.string().max(40).optional(),
  preset: z.string().max(40).optional(),
  /** Overrides of single tokens, over the preset. */
  tokens: z.record(z.string(), TokenValue).optional(),
  /** Homepage sections, in order. */
  sections: z.array(Section).max(20).optional(),
  headerLayout: z.enum(HEADER_LAYOUTS).optional(),
  logo: AssetName.optional(),
  favicon: AssetName.optional(),
  /** Sanitised when saved, and again when resolved (`sanitizeCss`). */
  customCss: z.string().max(CUSTOM_CSS_MAX).optional(),
});
export type VendorThemeSettings = z.infer<typeof VendorThemeSettings>;

export const DEFAULT_SECTIONS: HomeSection[] = [
  { type: 'hero' },
  { type: 'featured', count: 8 },
  { type: 'categories' },
];

/** What a storefront page renders with: the theme's code, the token values and the `:root` CSS they make. */
export interface ResolvedTheme {
  theme: LoadedTheme;
  preset: string;
  tokens: Record<string, string>;
  /** `:root{--name:value;…}`, the base rules, then the theme's own CSS. */
  css: string;
  sections: HomeSection[];
  headerLayout: (typeof HEADER_LAYOUTS)[number];
  /** Stored image names (`<hash>.<ext>`), served under the shop's `/theme-assets/`. */
  logo?: string;
  favicon?: string;
  /** The settings this was built from (a page's ETag includes them: a change of either published theme shows). */
  source: unknown;
  /** When this was resolved (ms): a lower bound for Last-Modified, since theme settings carry no timestamp. */
  builtAt: number;
}

/** Where a platform's own theme is found (the vendor registry's memberships). */
export interface MembershipThemes {
  onPlatform(vendorId: number, platformId: number): { theme: Record<string, unknown> | null } | undefined;
}

/**
 * Resolves a vendor's theme from its settings, cached per vendor (and per platform whose membership has its own
 * theme). The vendor registry hands out new settings objects whenever it reloads (after a change here, or on the
 * `platforms` broadcast from another process), so an entry whose settings object is not the current one is stale
 * and resolved again: a change is seen everywhere as soon as the registry reloads. `clear()` drops everything (a
 * theme reloaded from disk).
 */
export class ThemeResolver {
  private readonly cache = new Map<string, { source: unknown; resolved: ResolvedTheme }>();

  constructor(
    readonly registry: ThemeRegistry,
    private readonly memberships?: MembershipThemes,
  ) {}

  /** The theme shoppers see on `platformId`: the membership's own when set, else the vendor's. */
  resolve(vendor: { id: number; theme: Record<string, unknown> }, platformId?: number): ResolvedTheme | undefined {
    const own = platformId === undefined ? null : (this.memberships?.onPlatform(vendor.id, platformId)?.theme ?? null);
    const key = own ? `${vendor.id}:${platformId}` : String(vendor.id);
    const source = own ?? vendor.theme;
    const hit = this.cache.get(key);
    if (hit && hit.source === source) return hit.resolved;
    const resolved = this.build(source);
    if (resolved) this.cache.set(key, { source, resolved });
    return resolved;
  }

  /** Resolves settings that are not published (a preview). Never cached. */
  build(raw: unknown): ResolvedTheme | undefined {
    const parsed = VendorThemeSettings.safeParse(raw ?? {});
    const settings: VendorThemeSettings = parsed.success ? parsed.data : {};
    const theme = this.registry.pick(settings.id);
    if (!theme) return undefined;
    const presetId =
      settings.preset && theme.presets.has(settings.preset) ? settings.preset : (theme.manifest.presets[0]?.id ?? '');
    const known = theme.manifest.settings.tokens;
    const overrides = Object.fromEntries(Object.entries(settings.tokens ?? {}).filter(([k]) => k in known));
    const tokens = { ...theme.presets.get(presetId), ...overrides };
    const vars = Object.entries(tokens)
      .map(([k, v]) => `--${k}:${v};`)
      .join('');
    // The vendor's CSS comes last, so it wins; sanitised again in case the stored text predates a rule.
    const custom = settings.customCss ? sanitizeCss(settings.customCss).css : '';
    return {
      theme,
      preset: presetId,
      tokens,
      css: `:root{${vars}}${BASE_CSS}${theme.definition.css ?? ''}${custom}`,
      sections: settings.sections ?? DEFAULT_SECTIONS,
      headerLayout: settings.headerLayout ?? 'standard',
      logo: settings.logo,
      favicon: settings.favicon,
      source: raw,
      builtAt: Date.now(),
    };
  }

  clear(): void {
    this.cache.clear();
  }
}
