import type { Context } from 'hono';
import type { OrionError } from '../errors/define-error.js';
import { renderDocument } from '../http/pages.js';
import { kernelT } from '../i18n/request.js';
import { TenancyErrors } from '../tenancy/errors.js';
import type { ThemeResolver } from '../themes/resolve.js';
import type { ShopFrame } from '../themes/types.js';
import { ShopDocument } from './document.js';
import { MessagePage } from './pages.js';

/**
 * The shop's own "not found" and "shop closed" pages, in the vendor's theme, for browsers on a shop page. Returns
 * undefined for anything else (the kernel's plain error page answers). Synchronous and without queries: it also
 * answers when the request failed before any route ran (a closed shop).
 */
export function shopErrorPage(deps: {
  themes: ThemeResolver;
  assets: () => { css?: string; htmx?: string };
}): (c: Context, err: OrionError) => Response | undefined {
  return (c, err) => {
    const vendor = c.get('vendor');
    const tenant = c.get('tenant');
    if (c.get('area') !== 'shop' || !vendor || !tenant) return undefined;
    const status = err.status;
    const closed = err.code === TenancyErrors.ShopClosed.code;
    if (!closed && status !== 404) return undefined;
    const resolved = deps.themes.resolve(vendor, c.get('platform')?.id);
    if (!resolved) return undefined;
    const href = (path: string) => `${tenant.shopBase}${path}`;
    const t = kernelT(c);
    const frame: ShopFrame = {
      name: vendor.name,
      code: vendor.code,
      language: c.get('language') ?? vendor.defaultLanguage,
      href,
      nav: { header: [], footer: [] },
      categories: [],
      account: { label: t('shop.account.link'), href: href('/account') },
      // No switcher here: the error page may render outside the CSRF middleware.
      languages: { action: '', next: '', csrf: '', label: '', apply: '', current: '', options: [] },
      text: {
        search: t('shop.search'),
        searchLabel: t('shop.searchLabel'),
        searchPlaceholder: t('shop.searchPlaceholder'),
        skip: t('shell.skip'),
      },
    };
    const origin = new URL(c.req.url).origin;
    const title = closed ? t('shop.closed.title') : t('shop.notFound.title');
    const text = closed ? t('shop.closed.text', { name: vendor.name }) : t('shop.notFound.text');
    const doc = (
      <ShopDocument
        seo={{ title: `${title} · ${vendor.name}`, canonical: origin + href('/'), noindex: true }}
        shop={frame}
        resolved={resolved}
        assets={deps.assets()}
      >
        <MessagePage resolved={resolved} title={title} text={text} shop={frame} homeLabel={t('shop.homeLink')} />
      </ShopDocument>
    );
    return c.html(renderDocument(doc), status as 404);
  };
}
