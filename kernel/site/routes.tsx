import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { KernelErrors } from '../errors/codes.js';
import { renderDocument } from '../http/pages.js';
import { kernelT } from '../i18n/request.js';
import type { PluginHost } from '../plugins/host.js';
import { type CmsPages, type PageAudience, serviceFor } from '../storefront/data.js';
import type { Platform } from '../tenancy/platforms.js';
import type { VendorRegistry } from '../tenancy/vendors.js';
import { SiteDocument, type SiteFrame } from './document.js';

/** Markdown's HTML, styled: the kernel's stylesheet resets headings and lists. */
const PROSE =
  'max-w-3xl leading-relaxed [&_a]:underline [&_h1]:mb-4 [&_h1]:text-3xl [&_h1]:font-bold [&_h2]:mt-6 [&_h2]:mb-2 ' +
  '[&_h2]:text-xl [&_h2]:font-semibold [&_li]:ml-5 [&_p]:mb-3 [&_ul]:mb-3 [&_ul]:list-disc';

export interface SiteDeps {
  host: PluginHost;
  vendors: VendorRegistry;
  assets: () => { css?: string };
  /** Development: shops at `/vendors/<code>/shop`, else at `<subdomain>.<platform domain>`. */
  pathMode: boolean;
}

/**
 * The platform's own site, at its domain root: the home page (the platform's published marketing page `home`, when
 * the cms plugin has one, then the platform's open shops) and its other marketing pages at `/pages/<slug>`. The
 * pages come from the cms plugin's `cms.pages` service; without the plugin, the home page lists the shops alone.
 */
export function mountSite(app: Hono, deps: SiteDeps): void {
  app.get('/', async (c) => {
    const { platform, cms, audience, frame } = await siteRequest(c, deps);
    const page = await cms?.find(audience, 'home').catch(() => undefined);
    const t = kernelT(c);
    const shops = deps.vendors.openOn(platform.id).map((v) => ({ name: v.name, href: shopUrl(c, deps, platform, v) }));
    return render(
      c,
      frame,
      page?.seoTitle ?? platform.name,
      page?.seoDescription ?? undefined,
      <div class="space-y-10">
        {page ? (
          // The cms plugin sanitises page HTML on save and on render.
          <article class={PROSE} dangerouslySetInnerHTML={{ __html: page.html }} />
        ) : (
          <h1 class="text-3xl font-bold">{platform.name}</h1>
        )}
        <section aria-labelledby="site-shops">
          <h2 id="site-shops" class="mb-3 text-xl font-semibold">
            {t('site.shops')}
          </h2>
          {shops.length ? (
            <ul class="grid gap-3 sm:grid-cols-2 md:grid-cols-3">
              {shops.map((s) => (
                <li>
                  <a class="block rounded-lg bg-white p-4 font-medium shadow-sm ring-1 ring-gray-200" href={s.href}>
                    {s.name}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p class="text-gray-600">{t('site.noShops')}</p>
          )}
        </section>
      </div>,
    );
  });

  app.get('/pages/:slug', async (c) => {
    const { cms, audience, frame } = await siteRequest(c, deps);
    const page = await cms?.find(audience, c.req.param('slug')).catch(() => undefined);
    if (!page) throw KernelErrors.NotFound({ path: c.req.path });
    return render(
      c,
      frame,
      page.seoTitle,
      page.seoDescription ?? undefined,
      <article class={PROSE}>
        <h1 class="mb-4 text-3xl font-bold">{page.title}</h1>
        <div dangerouslySetInnerHTML={{ __html: page.html }} />
      </article>,
    );
  });
}

async function siteRequest(c: Context, deps: SiteDeps) {
  const platform = c.get('platform');
  if (!platform || c.get('area') !== 'site') throw KernelErrors.NotFound({ path: c.req.path });
  const language = c.get('language') ?? platform.defaultLanguage;
  const audience: PageAudience = { platformId: platform.id, languages: [language, platform.defaultLanguage] };
  const cms = serviceFor<CmsPages>(c, deps.host, 'cms', 'pages');
  const nav = await cms?.navigation(audience).catch(() => undefined);
  const base = c.get('tenant')?.base ?? '';
  const link = (l: { slug: string; title: string }) => ({ label: l.title, href: `${base}/pages/${l.slug}` });
  const t = kernelT(c);
  const frame: SiteFrame = {
    name: platform.name,
    home: `${base}/`,
    language,
    nav: { header: nav?.header.map(link) ?? [], footer: nav?.footer.map(link) ?? [] },
    admin: { label: t('site.admin'), href: `${base}/admin` },
    skip: t('shell.skip'),
    css: deps.assets().css,
  };
  return { platform, cms, audience, frame };
}

function render(c: Context, frame: SiteFrame, title: string, description: string | undefined, body: Child) {
  const url = new URL(c.req.url);
  return c.html(
    renderDocument(
      <SiteDocument frame={frame} title={title} description={description} canonical={url.origin + url.pathname}>
        {body}
      </SiteDocument>,
    ),
  );
}

/** Where a shop is, seen from the platform's site: its path in development, its subdomain else. */
function shopUrl(c: Context, deps: SiteDeps, platform: Platform, vendor: { id: number; code: string }): string {
  const base = c.get('tenant')?.base ?? '';
  const subdomain = deps.vendors.onPlatform(vendor.id, platform.id)?.subdomain;
  if (deps.pathMode || !platform.domain || !subdomain) return `${base}/vendors/${vendor.code}/shop/`;
  const url = new URL(c.req.url);
  return `${url.protocol}//${subdomain}.${platform.domain}${url.port ? `:${url.port}` : ''}/`;
}
