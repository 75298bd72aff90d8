import fs from 'node:fs/promises';
import path from 'node:path';
import { DIST, ROOT } from '../paths.js';
import { PluginErrors } from './errors.js';
import { type PluginManifest, parseManifest } from './manifest.js';

/** A plugin package found on disk, with a valid manifest. Discovery never imports its code. */
export interface DiscoveredPlugin {
  manifest: PluginManifest;
  /** Absolute path of the package folder. */
  dir: string;
  /** Absolute path of the compiled JS entry module. */
  entry: string;
  /** Absolute path of the compiled migrations folder; it may not exist. */
  migrationsDir: string;
  /** The package.json `name`, or the folder name when there is none. */
  packageName: string;
  /** `local`: a folder under one of `roots`; `config`: one of `extraDirs`; `npm`: found in `nodeModules`. */
  source: 'local' | 'config' | 'npm';
}

/** A package that was skipped. The other plugins are still discovered. */
export interface DiscoveryProblem {
  dir: string;
  pluginId?: string;
  /** A `PluginErrors` code: ORN_PLUGIN_MANIFEST_INVALID, _PACKAGE_UNREADABLE, _NOT_A_PLUGIN or _DUPLICATE_ID. */
  code: string;
  /** One line naming the package, the field and the reason. */
  message: string;
}

export interface DiscoverPluginsOptions {
  /** Folders whose immediate subfolders each hold a plugin package, such as `<ROOT>/plugins`. */
  roots: string[];
  /** Individual plugin package folders, from configuration; relative paths are resolved against `repoRoot`. */
  extraDirs?: string[];
  /** A node_modules folder: every package with the keyword `orion-plugin` is a plugin. */
  nodeModules?: string;
  /** Packages inside this folder (and not in a node_modules) are compiled by the root tsc. Defaults to ROOT. */
  repoRoot?: string;
  /** Where the root tsc writes its output. Defaults to DIST. */
  distRoot?: string;
}

export const NPM_KEYWORD = 'orion-plugin';

interface Candidate {
  dir: string;
  source: DiscoveredPlugin['source'];
}

/**
 * Finds plugin packages in `roots`, then `extraDirs`, then `nodeModules`, sorted by folder name within each place.
 * A bad package is reported in `problems` and skipped; this function does not throw for one.
 */
export async function discoverPlugins(
  options: DiscoverPluginsOptions,
): Promise<{ found: DiscoveredPlugin[]; problems: DiscoveryProblem[] }> {
  // Real paths on both sides, so a symlinked checkout still counts as "inside the repository".
  const repoRoot = await realpath(path.resolve(options.repoRoot ?? ROOT));
  const distRoot = path.resolve(options.distRoot ?? DIST);
  const found: DiscoveredPlugin[] = [];
  const problems: DiscoveryProblem[] = [];
  const byId = new Map<string, DiscoveredPlugin>();
  // A workspace symlink in node_modules can point at a folder already found under a root: count it once.
  const seenDirs = new Set<string>();
  const display = (p: string) => (isInside(repoRoot, p) ? path.relative(repoRoot, p) : p);

  const candidates: Candidate[] = [];
  for (const root of options.roots) {
    for (const name of await listDirs(path.resolve(repoRoot, root))) {
      const dir = path.resolve(repoRoot, root, name);
      // A subfolder without package.json is not a package at all (a README, a scratch folder): ignore it.
      if (await exists(path.join(dir, 'package.json'))) candidates.push({ dir, source: 'local' });
    }
  }
  for (const extra of options.extraDirs ?? [])
    candidates.push({ dir: path.resolve(repoRoot, extra), source: 'config' });
  if (options.nodeModules) {
    for (const dir of await listPackages(path.resolve(repoRoot, options.nodeModules))) {
      const pkg = await readJson(path.join(dir, 'package.json'));
      const keywords = pkg.ok && isRecord(pkg.value) ? pkg.value.keywords : undefined;
      if (Array.isArray(keywords) && keywords.includes(NPM_KEYWORD)) candidates.push({ dir, source: 'npm' });
    }
  }

  for (const { dir: given, source } of candidates) {
    const dir = await realpath(given);
    if (seenDirs.has(dir)) continue;
    seenDirs.add(dir);
    const file = display(path.join(dir, 'package.json'));
    const read = await readJson(path.join(dir, 'package.json'));
    if (!read.ok) {
      const message = PluginErrors.PackageUnreadable.definition.detail({ file, reason: read.reason });
      problems.push({ dir, code: PluginErrors.PackageUnreadable.code, message });
      continue;
    }
    const pkg = read.value;
    const parsed = parseManifest(pkg, file);
    if (!parsed.ok) {
      const noOrion = isRecord(pkg) && pkg.orion === undefined;
      const code = noOrion ? PluginErrors.NotAPlugin.code : PluginErrors.ManifestInvalid.code;
      const id = isRecord(pkg) && isRecord(pkg.orion) && typeof pkg.orion.id === 'string' ? pkg.orion.id : undefined;
      problems.push({ dir, ...(id ? { pluginId: id } : {}), code, message: parsed.error });
      continue;
    }
    const { manifest } = parsed;
    const kept = byId.get(manifest.id);
    if (kept) {
      const message = PluginErrors.DuplicateId.definition.detail({
        id: manifest.id,
        kept: display(kept.dir),
        skipped: display(dir),
      });
      problems.push({ dir, pluginId: manifest.id, code: PluginErrors.DuplicateId.code, message });
      continue;
    }
    const name = isRecord(pkg) && typeof pkg.name === 'string' && pkg.name !== '' ? pkg.name : path.basename(dir);
    const main = isRecord(pkg) && typeof pkg.main === 'string' && pkg.main !== '' ? pkg.main : 'dist/index.js';
    const plugin: DiscoveredPlugin = {
      manifest,
      dir,
      packageName: name,
      source,
      ...locateCode(dir, source, main, repoRoot, distRoot),
    };
    byId.set(manifest.id, plugin);
    found.push(plugin);
  }
  return { found, problems };
}

/**
 * Code in the repository is compiled by the root tsc into `<distRoot>/<same path>`; packages from npm or from outside
 * the repository ship their own compiled code, found through package.json `main`.
 */
function locateCode(
  dir: string,
  source: DiscoveredPlugin['source'],
  main: string,
  repoRoot: string,
  distRoot: string,
): Pick<DiscoveredPlugin, 'entry' | 'migrationsDir'> {
  const inRepo = source !== 'npm' && isInside(repoRoot, dir) && !dir.split(path.sep).includes('node_modules');
  if (inRepo) {
    const compiled = path.join(distRoot, path.relative(repoRoot, dir));
    return { entry: path.join(compiled, 'src', 'index.js'), migrationsDir: path.join(compiled, 'migrations') };
  }
  return { entry: path.resolve(dir, main), migrationsDir: path.join(dir, 'dist', 'migrations') };
}

/** Subfolder names (following symlinks), sorted; none when the folder does not exist. */
async function listDirs(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await isDir(path.join(folder, entry.name))))) {
      names.push(entry.name);
    }
  }
  return names.sort(compareNames);
}

/** Package folders in a node_modules folder, including `@scope/name` ones. */
async function listPackages(nodeModules: string): Promise<string[]> {
  const dirs: string[] = [];
  for (const name of await listDirs(nodeModules)) {
    if (!name.startsWith('@')) dirs.push(path.join(nodeModules, name));
    else
      for (const inner of await listDirs(path.join(nodeModules, name))) dirs.push(path.join(nodeModules, name, inner));
  }
  return dirs;
}

async function readJson(file: string): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : String((err as Error).message) };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, reason: `not valid JSON (${(err as Error).message})` };
  }
}

const realpath = (p: string) => fs.realpath(p).catch(() => p);
const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );
const isDir = (p: string) =>
  fs.stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
const isInside = (parent: string, child: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};
// Plain code-point order, so the result does not depend on the machine's locale.
const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
