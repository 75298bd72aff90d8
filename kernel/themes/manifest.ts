import semver from 'semver';
import { z } from 'zod';

/** A design token's value: a colour, a font stack or a length. Nothing that could close the CSS rule it sits in. */
export const TokenValue = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[#\w\s,.'"()%+-]+$/, 'may hold letters, digits, spaces and # , . \' " ( ) % + - only');

const TokenName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'is lower-case letters, digits and dashes');

/** One design token of a theme's settings schema: it becomes the CSS variable `--<name>`. */
const TokenSetting = z.object({
  type: z.enum(['color', 'font', 'length']),
  label: z.string().min(1),
  default: TokenValue,
});

const Preset = z.object({
  id: TokenName,
  name: z.string().min(1),
  /** Token values that differ from the defaults. */
  tokens: z.record(TokenName, TokenValue),
});

/** The `orion` key of a theme's package.json, as the kernel validates it. */
export const ThemeManifest = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'is 2–40 lower-case letters, digits and dashes'),
    name: z.string().min(1).max(80),
    version: z.string().refine((v) => semver.valid(v) !== null, 'is not a semantic version'),
    description: z.string().max(500).default(''),
    /** Kernel API versions the theme works with (a semver range). */
    kernel: z.string().refine((r) => semver.validRange(r) !== null, 'is not a semver range'),
    /** A preview image, relative to the theme's folder. */
    preview: z.string().optional(),
    settings: z.object({ tokens: z.record(TokenName, TokenSetting) }),
    presets: z.array(Preset).min(1),
  })
  .superRefine((m, ctx) => {
    for (const preset of m.presets) {
      for (const name of Object.keys(preset.tokens)) {
        if (!m.settings.tokens[name]) {
          ctx.addIssue({ code: 'custom', path: ['presets', preset.id], message: `sets unknown token "${name}"` });
        }
      }
    }
  });
export type ThemeManifest = z.infer<typeof ThemeManifest>;
