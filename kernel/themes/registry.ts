import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import semver from 'semver';
import { DIST, ROOT } from '../paths.js';
import { ThemeManifest } from './manifest.js';
import type { ThemeDefinition } from './types.js';

/** A theme found on disk, its manifest validated and its code imported. */
export interface LoadedTheme {
  manifest: ThemeManifest;
  definition: ThemeDefinition;
  /** Default token values, then each preset's values over them. */
  presets: Map<string, Record<string, string>>;
  /** The manifest's preview image, read at discovery (served at `/assets/theme-previews/<id>`). */
  preview?: { bytes: Uint8Array; type: string };
}

/** The image types a theme's preview may be, by file extension. */
const PREVIEW_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
};

/** The theme a vendor gets when it chose none, or one that is gone. */
export const DEFAULT_THEME = 'classic';

/**
 * The themes of `themes/<id>/` (like plugins: a package.json whose `orion` key is the manifest, code compiled to
 * `dist/themes/<id>/src/index.js`). A theme whose manifest is invalid, whose kernel range excludes this kernel, or
 * whose code fails to import is left out and logged, never fatal.
 */
export class ThemeRegistry {
  private readonly themes = new Map<string, LoadedTheme>();

  constructor(private readonly logger?: Logger) {}

  async discover(options: { root?: string; distRoot?: string; kernelVersion: string }): Promise<void> {
    const root = options.root ?? path.join(ROOT, 'themes');
    const distRoot = options.distRoot ?? path.join(DIST, 'themes');
    const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const dir = path.join(root, entry.name);
      try {
        const pkg = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as { orion?: unknown };
        const parsed = ThemeManifest.safeParse(pkg.orion);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'orion'} ${i.message}`);
          this.logger?.error({ theme: entry.name, issues }, 'theme manifest invalid; theme left out');
          continue;
        }
        const manifest = parsed.data;
        if (!semver.satisfies(options.kernelVersion, manifest.kernel)) {
          this.logger?.error({ theme: manifest.id, range: manifest.kernel }, 'theme needs another kernel; left out');
          continue;
        }
        const entryFile = path.join(distRoot, entry.name, 'src', 'index.js');
        const mod = (await import(pathToFileURL(entryFile).href)) as { default?: ThemeDefinition };
        if (typeof mod.default?.Layout !== 'function') throw new Error(`${entryFile} must export defineTheme({...})`);
        this.add(manifest, mod.default, await this.readPreview(dir, manifest));
      } catch (err) {
        this.logger?.error({ err, theme: entry.name }, 'theme could not be loaded; left out');
      }
    }
  }

  /** Adds a theme (discovery, and tests that build one in memory). */
  add(manifest: ThemeManifest, definition: ThemeDefinition, preview?: LoadedTheme['preview']): void {
    const defaults = Object.fromEntries(Object.entries(manifest.settings.tokens).map(([k, t]) => [k, t.default]));
    const presets = new Map(manifest.presets.map((p) => [p.id, { ...defaults, ...p.tokens }]));
    this.themes.set(manifest.id, { manifest, definition, presets, ...(preview ? { preview } : {}) });
  }

  /** The preview image, when the manifest names one inside the theme's folder with a known type; logged else. */
  private async readPreview(dir: string, manifest: ThemeManifest): Promise<LoadedTheme['preview']> {
    if (!manifest.preview) return undefined;
    const file = path.resolve(dir, manifest.preview);
    const type = PREVIEW_TYPES[path.extname(file).toLowerCase()];
    if (!type || !file.startsWith(`${dir}${path.sep}`)) {
      this.logger?.warn({ theme: manifest.id, preview: manifest.preview }, 'theme preview not an image in its folder');
      return undefined;
    }
    try {
      return { bytes: new Uint8Array(await fs.readFile(file)), type };
    } catch (err) {
      this.logger?.warn({ err, theme: manifest.id }, 'theme preview could not be read');
      return undefined;
    }
  }

  get(id: string): LoadedTheme | undefined {
    return this.themes.get(id);
  }

  list(): LoadedTheme[] {
    return [...this.themes.values()];
  }

  /** The named theme, else the default one, else any. Undefined only when no theme loaded at all. */
  pick(id: string | undefined): LoadedTheme | undefined {
    return (id && this.themes.get(id)) || this.themes.get(DEFAULT_THEME) || this.themes.values().next().value;
  }
}
