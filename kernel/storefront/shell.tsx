import type { MiddlewareHandler } from 'hono';
import { renderDocument } from '../http/pages.js';
import { Alert } from '../ui/components/alert.js';
import { takeFlash } from '../ui/flash.js';
import { isHtmxRequest } from '../ui/shell.js';
import { ShopDocument } from './document.js';
import { frameOf, type StorefrontDeps, shopRequest } from './request.js';

/**
 * Installs `c.render(content, { title })` for shop pages, so that a plugin's storefront pages (area `shop`, under
 * `/vendors/<code>/shop/<pluginId>`) render in the vendor's theme like the kernel's: the theme's layout with the
 * shop's navigation, the token CSS, SEO tags and any flash message. An htmx request gets the content alone. The
 * status is the one set before (`c.status(422); return c.render(…)`), as in the other areas.
 */
export function shopShell(deps: StorefrontDeps): MiddlewareHandler {
  return async function shopShell(c, next) {
    c.setRenderer(async (content, props) => {
      if (isHtmxRequest(c)) return c.html(String(content));
      const r = shopRequest(c, deps);
      if (!r) return c.notFound();
      const frame = await frameOf(r);
      const flash = takeFlash(c);
      const url = new URL(c.req.url);
      const seo = {
        title: `${props.title} · ${r.vendor.name}`,
        description: props.description,
        canonical: url.origin + url.pathname,
        noindex: !props.index,
      };
      const body = (
        <>
          {flash ? <Alert kind={flash.kind}>{flash.text}</Alert> : null}
          {content}
        </>
      );
      return c.html(
        renderDocument(
          <ShopDocument seo={seo} shop={frame} resolved={r.resolved} assets={deps.assets()}>
            {body}
          </ShopDocument>,
        ),
      );
    });
    await next();
  };
}
