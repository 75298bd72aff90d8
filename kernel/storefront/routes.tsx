import crypto from 'node:crypto';
import type { Context, Hono } from 'hono';
import { mountLanguageSwitch } from '../i18n/language-switch.js';
import { kernelT } from '../i18n/request.js';
import { csrfSecretOf, csrfToken } from '../security/csrf.js';
import type { NavItem } from '../themes/types.js';
import { isHtmxRequest } from '../ui/shell.js';
import { mountAccountPages } from './account/routes.js';
import { type InventoryAvailability, serviceFor } from './data.js';
import type { Seo } from './document.js';
import { CategoryPage, SearchPage } from './listing.js';
import { BuyBox, CmsPageView, HomePage, ProductPage } from './pages.js';
import { frameOf, page, type ShopRequest, type StorefrontDeps, shopRequest } from './request.js';
import { breadcrumbLd, organizationLd, productLd, robotsTxt, sitemapXml } from './seo.js';
import { shopShell } from './shell.js';
import { plainText } from './text.js';
import { serveThemeAsset } from './theme-assets.js';

const BASE = '/vendors/:vendorCode/shop';

/**
 * Conditional GET for catalog pages: the validator covers the catalog's version, the vendor's theme, the language,
 * the URL and the assets. Answers 304 (before any rendering) when the client's copy is current.
 */
async function validators(
  r: ShopRequest,
  deps: StorefrontDeps,
  extra = '',
): Promise<{ etag: string; lastModified?: Date } | undefined> {
  if (!r.catalog || r.c.get('themePreview')) return undefined;
  // The CMS navigation is in every page's frame: a header or footer change must change the validator too.
  const [version, nav] = await Promise.all([
    r.catalog.version(r.vendor.id),
    r.cms?.navigation(r.audience).catch(() => undefined),
  ]);
  const hash = crypto
    .createHash('sha1')
    .update(
      JSON.stringify([
        version.tag,
        r.resolved.source,
        r.resolved.theme.manifest.version,
        r.language,
        r.c.req.url,
        deps.assets(),
        nav,
        // The language switcher's form carries a CSRF token, valid as long as this browser's secret cookie.
        csrfSecretOf(r.c),
        extra,
      ]),
    )
    .digest('base64url');
  const times = [version.lastModified?.getTime(), r.resolved.builtAt].filter((t): t is number => t !== undefined);
  return { etag: `W/"${hash}"`, lastModified: times.length ? new Date(Math.max(...times)) : undefined };
}

function notModified(c: Context, v: { etag: string; lastModified?: Date }): boolean {
  c.header('ETag', v.etag);
  if (v.lastModified) c.header('Last-Modified', v.lastModified.toUTCString());
  c.header('Cache-Control', 'no-cache');
  c.header('Vary', 'Cookie, Accept-Language, HX-Request', { append: true });
  const inm = c.req.header('if-none-match');
  if (inm) return inm.split(',').some((t) => t.trim() === v.etag || t.trim() === '*');
  const ims = c.req.header('if-modified-since');
  if (ims && v.lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(v.lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/** Runs a catalog page's handler unless the client's copy is current (304). */
async function conditional(r: ShopRequest, deps: StorefrontDeps, render: () => Promise<Response>) {
  const v = await validators(r, deps, isHtmxRequest(r.c) ? 'fragment' : '');
  if (v && notModified(r.c, v)) return r.c.body(null, 304);
  return render();
}

/** The home page: the sections of the theme (published, or the draft in the editor's preview). */
export async function renderHome(r: ShopRequest, deps: StorefrontDeps): Promise<Response> {
  const [frame, featured] = await Promise.all([
    frameOf(r),
    r.catalog?.products(r.vendor.id, { featured: 'true', page: 1, pageSize: 24 }),
  ]);
  let items = featured?.items ?? [];
  if (!items.length && r.catalog) items = (await r.catalog.products(r.vendor.id, { page: 1, pageSize: 8 })).items;
  const seo: Seo = {
    title: r.vendor.name,
    description: kernelT(r.c)('shop.home.description', { name: r.vendor.name }),
    canonical: r.abs('/'),
    jsonLd: [organizationLd(r.vendor.name, r.abs('/'))],
  };
  return page(
    r,
    deps,
    frame,
    seo,
    <HomePage shop={frame} resolved={r.resolved} featured={items} sections={r.resolved.sections} t={kernelT(r.c)} />,
  );
}

/** Mounts the storefront's pages on the app, under the internal shop prefix every tenancy mode maps to. */
export function mountStorefront(app: Hono, deps: StorefrontDeps): void {
  // `c.render` for the plugins' shop pages (mounted after this), in the vendor's theme.
  app.use(`${BASE}/*`, shopShell(deps));
  const withShop = (handler: (r: ShopRequest) => Promise<Response>) => async (c: Context) => {
    const r = shopRequest(c, deps);
    if (!r) return c.notFound();
    return handler(r);
  };

  const home = withShop((r) => conditional(r, deps, () => renderHome(r, deps)));
  app.get(BASE, home);
  app.get(`${BASE}/`, home);
  mountLanguageSwitch(app, `${BASE}/language`, (c) => c.get('tenant')?.shopBase || '/');
  if (deps.db) {
    const db = deps.db;
    app.get(
      `${BASE}/theme-assets/:name`,
      withShop((r) => serveThemeAsset(r.c, db, r.vendor.id)),
    );
  }
  if (deps.auth && deps.db) mountAccountPages(app, { ...deps, auth: deps.auth, db: deps.db });

  app.get(
    `${BASE}/categories/:slug`,
    withShop(async (r) => {
      if (!r.catalog) return r.c.notFound();
      const catalog = r.catalog;
      return conditional(r, deps, async () => {
        const categories = await catalog.categories(r.vendor.id);
        const category = categories.find((c) => c.slug === r.c.req.param('slug'));
        if (!category) return r.c.notFound();
        return CategoryPage(r, deps, categories, category);
      });
    }),
  );

  app.get(
    `${BASE}/search`,
    withShop(async (r) => {
      const frame = await frameOf(r);
      return SearchPage(r, deps, frame);
    }),
  );

  app.get(
    `${BASE}/products/:slug`,
    withShop(async (r) => {
      if (!r.catalog) return r.c.notFound();
      const catalog = r.catalog;
      return conditional(r, deps, async () => {
        const product = await catalog.product(r.vendor.id, r.c.req.param('slug') ?? '');
        if (!product) return r.c.notFound();
        const wanted = Number(r.c.req.query('variant'));
        const variant =
          product.variants.find((v) => v.id === wanted) ??
          product.variants.find((v) => v.isDefault) ??
          product.variants[0];
        const inventory = serviceFor<InventoryAvailability>(r.c, deps.host, 'inventory', 'reservations');
        const stock = await inventory
          ?.available(
            r.vendor.id,
            product.variants.map((v) => v.id),
          )
          .catch(() => undefined);
        // `shopBase` and `csrf` let a fill post a form to its plugin's shop pages (add to cart) without JavaScript.
        const slotProps = {
          vendorId: r.vendor.id,
          productId: product.id,
          variantId: variant?.id,
          shopBase: r.href(''),
          csrf: csrfToken(r.c),
          language: r.language,
        };
        const buyBox = (
          <BuyBox
            product={product}
            variant={variant}
            stock={variant && stock ? (stock[variant.id] ?? 0) : undefined}
            shop={{ href: r.href, language: r.language }}
            t={kernelT(r.c)}
            slot={await r.slot('product.buy-box', slotProps)}
          />
        );
        if (isHtmxRequest(r.c)) return r.c.html(String(buyBox));
        const categories = await catalog.categories(r.vendor.id);
        const frame = await frameOf(r, categories);
        const first = categories.find((c) => product.categoryIds.includes(c.id));
        const crumbs: NavItem[] = [
          { label: kernelT(r.c)('shop.home'), href: r.href('/') },
          ...(first ? [{ label: first.name, href: r.href(`/categories/${first.slug}`) }] : []),
          { label: product.title, href: r.href(`/products/${product.slug}`) },
        ];
        const url = r.abs(`/products/${product.slug}`);
        const seo: Seo = {
          title: `${product.seoTitle ?? product.title} · ${r.vendor.name}`,
          description: product.seoDescription ?? plainText(product.description),
          canonical: url,
          type: 'product',
          jsonLd: [
            productLd(product, url, r.vendor.name, stock),
            breadcrumbLd(crumbs.map((c) => ({ ...c, href: r.origin + c.href }))),
            organizationLd(r.vendor.name, r.abs('/')),
          ],
        };
        const after = await r.slot('product.after-description', slotProps);
        return page(
          r,
          deps,
          frame,
          seo,
          <ProductPage
            product={product}
            shop={frame}
            crumbs={crumbs}
            resolved={r.resolved}
            buyBox={buyBox}
            afterDescription={after}
          />,
        );
      });
    }),
  );

  app.get(
    `${BASE}/pages/:slug`,
    withShop(async (r) => {
      const found = await r.cms?.find(r.audience, r.c.req.param('slug') ?? '');
      if (!found) return r.c.notFound();
      const frame = await frameOf(r);
      const seo: Seo = {
        title: `${found.seoTitle} · ${r.vendor.name}`,
        description: found.seoDescription ?? undefined,
        canonical: r.abs(`/pages/${found.slug}`),
        type: 'article',
      };
      return page(r, deps, frame, seo, <CmsPageView title={found.title} html={found.html} resolved={r.resolved} />);
    }),
  );

  app.get(
    `${BASE}/sitemap.xml`,
    withShop(async (r) => {
      const [products, categories, nav] = await Promise.all([
        r.catalog?.sitemap(r.vendor.id),
        r.catalog?.categories(r.vendor.id),
        r.cms?.navigation(r.audience).catch(() => undefined),
      ]);
      const pages = new Set([...(nav?.header ?? []), ...(nav?.footer ?? [])].map((l) => l.slug));
      const body = sitemapXml([
        { loc: r.abs('/') },
        ...(categories ?? []).map((c) => ({ loc: r.abs(`/categories/${c.slug}`) })),
        ...(products ?? []).map((p) => ({ loc: r.abs(`/products/${p.slug}`), lastmod: p.updatedAt })),
        ...[...pages].map((slug) => ({ loc: r.abs(`/pages/${slug}`) })),
      ]);
      return r.c.body(body, 200, { 'content-type': 'application/xml; charset=utf-8' });
    }),
  );

  app.get(
    `${BASE}/robots.txt`,
    withShop(async (r) =>
      r.c.body(robotsTxt(r.href('/'), r.abs('/sitemap.xml')), 200, { 'content-type': 'text/plain; charset=utf-8' }),
    ),
  );
}
