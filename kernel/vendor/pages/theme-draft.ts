import { CUSTOM_CSS_MAX, sanitizeCss } from '../../themes/custom-css.js';
import { TokenValue } from '../../themes/manifest.js';
import type { ThemeRegistry } from '../../themes/registry.js';
import {
  DEFAULT_SECTIONS,
  HEADER_LAYOUTS,
  type HomeSection,
  SECTION_TYPES,
  VendorThemeSettings,
} from '../../themes/resolve.js';

type Body = Record<string, string | File | (string | File)[]>;

/** Font stacks offered in the editor (a token value may only hold safe characters: see `TokenValue`). */
export const FONT_STACKS = [
  "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  "Georgia, 'Times New Roman', serif",
  "'Helvetica Neue', Arial, sans-serif",
  "'Trebuchet MS', Verdana, sans-serif",
  "ui-monospace, 'SF Mono', Menlo, monospace",
  "Palatino, 'Book Antiqua', serif",
];

const one = (body: Body, name: string): string => {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
};

/** What the editor posted, applied to the draft: a new settings object, field errors, and what the CSS lost. */
export interface AppliedForm {
  settings: VendorThemeSettings;
  errors: Record<string, string>;
  cssDropped: string[];
}

/**
 * Reads the editor's fields over `current`: theme and preset (`theme` = `<id>:<preset>`), token overrides (only
 * values that differ from the preset's, and none when the theme or preset changed), header layout, sections (in the
 * posted order) and the custom CSS, sanitised. Images are handled by the caller.
 */
export function applyForm(current: VendorThemeSettings, body: Body, registry: ThemeRegistry): AppliedForm {
  const errors: Record<string, string> = {};
  const [themeId = '', presetId = ''] = one(body, 'theme').split(':');
  const theme = registry.get(themeId) ?? registry.pick(current.id);
  if (!theme) return { settings: current, errors: { theme: 'theme' }, cssDropped: [] };
  const preset = theme.presets.has(presetId) ? presetId : (theme.manifest.presets[0]?.id ?? '');
  const switched = theme.manifest.id !== current.id || preset !== current.preset;
  const base = theme.presets.get(preset) ?? {};
  const tokens: Record<string, string> = {};
  if (!switched) {
    for (const [name, spec] of Object.entries(theme.manifest.settings.tokens)) {
      const value = one(body, `token.${name}`).trim();
      if (!value || value === base[name]) continue;
      const ok = TokenValue.safeParse(value).success && (spec.type !== 'color' || /^#[0-9a-fA-F]{3,8}$/.test(value));
      if (ok) tokens[name] = value;
      else errors[`token.${name}`] = 'token';
    }
  }
  const layout = one(body, 'headerLayout');
  const headerLayout = HEADER_LAYOUTS.find((l) => l === layout) ?? current.headerLayout ?? 'standard';
  const sections = readSections(body, current.sections ?? DEFAULT_SECTIONS, errors);
  const rawCss = one(body, 'customCss');
  if (rawCss.length > CUSTOM_CSS_MAX) errors.customCss = 'css';
  const { css, dropped } = sanitizeCss(rawCss);
  const settings: VendorThemeSettings = {
    ...current,
    id: theme.manifest.id,
    preset,
    tokens,
    headerLayout,
    sections,
    customCss: css || undefined,
  };
  const parsed = VendorThemeSettings.safeParse(settings);
  if (!parsed.success) errors.sections ??= 'sections';
  return { settings: parsed.success ? parsed.data : settings, errors, cssDropped: dropped };
}

function readSections(body: Body, fallback: HomeSection[], errors: Record<string, string>): HomeSection[] {
  const count = Number(one(body, 'sectionCount'));
  if (!Number.isInteger(count) || count < 0 || count > 20) return fallback;
  const out: HomeSection[] = [];
  for (let i = 0; i < count; i++) {
    const type = SECTION_TYPES.find((t) => t === one(body, `section.${i}.type`));
    if (!type) continue;
    const heading = one(body, `section.${i}.heading`).trim().slice(0, 120) || undefined;
    const text = one(body, `section.${i}.text`).trim();
    if (type === 'featured') {
      const n = Number(one(body, `section.${i}.count`) || 8);
      if (!Number.isInteger(n) || n < 1 || n > 24) errors[`section.${i}.count`] = 'count';
      out.push({ type, heading, count: Math.min(Math.max(Math.trunc(n) || 8, 1), 24) });
    } else if (type === 'categories') out.push({ type, heading });
    else if (type === 'richText') out.push({ type, heading, text: text.slice(0, 4000) });
    else out.push({ type, heading, text: text.slice(0, 400) || undefined });
  }
  return out;
}

/** The structural actions of the editor's buttons: move a section up or down, remove it, add one. */
export function applyAction(settings: VendorThemeSettings, action: string, newType: string): VendorThemeSettings {
  const sections = [...(settings.sections ?? DEFAULT_SECTIONS)];
  const [verb, at] = action.split(':');
  const i = Number(at);
  if (verb === 'up' && i > 0 && i < sections.length) {
    [sections[i - 1], sections[i]] = [sections[i] as HomeSection, sections[i - 1] as HomeSection];
  } else if (verb === 'down' && i >= 0 && i < sections.length - 1) {
    [sections[i + 1], sections[i]] = [sections[i] as HomeSection, sections[i + 1] as HomeSection];
  } else if (verb === 'remove' && i >= 0 && i < sections.length) {
    sections.splice(i, 1);
  } else if (verb === 'add' && sections.length < 20) {
    const type = SECTION_TYPES.find((t) => t === newType);
    if (type === 'featured') sections.push({ type, count: 8 });
    else if (type === 'richText') sections.push({ type, text: '' });
    else if (type) sections.push({ type });
  }
  return { ...settings, sections };
}
