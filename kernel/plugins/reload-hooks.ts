/**
 * Module resolve hook for hot reloading plugins (registered with `module.register`).
 *
 * Node never evicts an imported ES module, so new plugin code is imported under a new URL: the host imports the
 * entry as `index.js?orion-reload=<n>&orion-root=<plugin folder URL>`. This hook gives every module that such a
 * module imports from inside the same plugin folder the same query, so the whole plugin is re-read; anything outside
 * the folder (the kernel SDK, shared npm packages) keeps its one cached instance.
 */
interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
type NextResolve = (specifier: string, context: { parentURL?: string }) => Promise<ResolveResult>;

const RELOAD = 'orion-reload';
const ROOT = 'orion-root';

export async function resolve(
  specifier: string,
  context: { parentURL?: string },
  next: NextResolve,
): Promise<ResolveResult> {
  const result = await next(specifier, context);
  const parent = context.parentURL;
  if (!parent?.includes(RELOAD) || !result.url.startsWith('file:') || result.url.includes('?')) return result;
  const query = new URL(parent).searchParams;
  const root = query.get(ROOT);
  // Inside the plugin's folder, but not in a node_modules of its own: those are shared dependencies.
  if (!root || !result.url.startsWith(root) || result.url.slice(root.length).includes('/node_modules/')) return result;
  return { ...result, url: `${result.url}?${RELOAD}=${query.get(RELOAD)}&${ROOT}=${encodeURIComponent(root)}` };
}
