import fs from 'node:fs';
import path from 'node:path';
import { DIST } from '../paths.js';

/** Where `npm run build` puts the browser assets, and the manifest that names their content-hashed files. */
export const ASSET_DIR = path.join(DIST, 'assets');
export const MANIFEST_FILE = path.join(ASSET_DIR, 'manifest.json');
/** The URL prefix of the assets (tenancy treats it as a system path: it answers on every host). */
export const ASSET_PREFIX = '/assets/';

export interface AssetManifest {
  /** The Tailwind stylesheet, `app.<hash>.css`. */
  css: string;
  /** htmx 4, `htmx.<hash>.js`. */
  htmx: string;
}

/** The manifest, or undefined when the assets were not built (pages then render unstyled and without htmx). */
export function readAssetManifest(): AssetManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(MANIFEST_FILE, 'utf8')) as AssetManifest;
  } catch {
    return undefined;
  }
}

/** The URLs of the assets, for the layout. */
export function assetUrls(manifest: AssetManifest | undefined): { css?: string; htmx?: string } {
  return manifest ? { css: ASSET_PREFIX + manifest.css, htmx: ASSET_PREFIX + manifest.htmx } : {};
}
