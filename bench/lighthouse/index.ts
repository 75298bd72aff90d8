import path from 'node:path';
import { pino } from 'pino';
import { ROOT } from '../../kernel/paths.js';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';

const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags that keep Debian's chromium from reaching out to hosts this network refuses (see stack notes). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Scores {
  performance: number;
  accessibility: number;
}
type Lighthouse = (
  url: string,
  flags: Record<string, unknown>,
) => Promise<{ lhr: { categories: Record<string, { score: number | null }> } } | undefined>;
type ChromeLauncher = {
  launch(o: { chromePath: string; chromeFlags: string[] }): Promise<{ port: number; kill(): Promise<void> }>;
};

/**
 * Lighthouse (12.2.3: 13 needs Node 22) on a demo shop's home, category and product pages, driving Debian's
 * chromium: the kernel with the demo data on the embedded database and every plugin, serving on a real port;
 * Lighthouse's default mobile profile with simulated throttling. Scores are 0 to 100; the target is at least 90 for
 * performance and accessibility on each page.
 * JSON: `{"home": {"performance", "accessibility"}, "category": {…}, "product": {…}}`.
 */
export async function run(): Promise<Record<string, Scores>> {
  // Specifiers in variables: lighthouse ships no type declarations for its entry point.
  const lighthouseModule = 'lighthouse';
  const launcherModule = 'chrome-launcher';
  const lighthouse = ((await import(lighthouseModule)) as { default: Lighthouse }).default;
  const launcher = (await import(launcherModule)) as ChromeLauncher;
  const kernel = await startTestKernel({
    listen: true,
    logDestination: pino.destination({ dest: '/dev/null', sync: false }),
    settings: { SEED_DEMO: 'true' },
    plugins: { roots: [path.join(ROOT, 'plugins')] },
  });
  const chrome = await launcher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const url = kernel.server?.url;
    if (!url) throw new Error('the kernel does not listen');
    const base = `${url.replace('127.0.0.1', 'localhost')}/vendors/fashion-hub/shop`;
    const category = `${base}/categories/clothing`;
    const listing = await (await fetch(category)).text();
    const product = /href="([^"]*\/products\/[^"]+)"/.exec(listing)?.[1];
    if (!product) throw new Error(`no product link on ${category}`);
    const pages = { home: `${base}/`, category, product: new URL(product, base).href };
    const out: Record<string, Scores> = {};
    for (const [name, pageUrl] of Object.entries(pages)) {
      const result = await lighthouse(pageUrl, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const score = (id: string) => Math.round((result?.lhr.categories[id]?.score ?? 0) * 100);
      out[name] = { performance: score('performance'), accessibility: score('accessibility') };
      process.stdout.write(`${name} ${pageUrl}: ${JSON.stringify(out[name])}\n`);
    }
    return out;
  } finally {
    await chrome.kill();
    await kernel.stop();
  }
}
