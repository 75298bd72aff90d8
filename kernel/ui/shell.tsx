import type { Context, MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import { can } from '../auth/authorize.js';
import { AuthErrors } from '../auth/errors.js';
import { renderDocument } from '../http/pages.js';
import { wantsJson } from '../http/problem.js';
import { languageChoice } from '../i18n/language-switch.js';
import { kernelT } from '../i18n/request.js';
import { csrfToken } from '../security/csrf.js';
import { KitLanguage } from './components/kit-language.js';
import { BarePage, Shell, type ShellProps } from './components/layout.js';
import { takeFlash } from './flash.js';
import { type MenuArea, type MenuRegistry, menuHidden } from './menu.js';

/** What a page passes to `c.render(content, props)`. */
export interface PageProps {
  title: string;
  /** No menu and no top bar: sign-in pages and the pages behind mailed links. */
  bare?: boolean;
  /** Shop pages only: the meta description. Shop pages of plugins are `noindex` unless `index` is true. */
  description?: string;
  index?: boolean;
}

/** The parts of the frame that depend on the area and the signed-in user. */
export interface Frame {
  brand: string;
  /** The area's root URL, also the home link. */
  root: string;
  user?: ShellProps['user'];
  switcher?: ShellProps['switcher'];
}

export interface UiShellOptions {
  area: MenuArea;
  menu: MenuRegistry;
  assets: () => { css?: string; htmx?: string };
  frame: (c: Context) => Frame | Promise<Frame>;
  /** The area's sign-in page: a page that refused an anonymous visitor sends them there, and back afterwards. */
  loginPath: (c: Context) => string;
}

/**
 * Whether htmx asked for this page to swap part of it in. Such requests get the page's content without the frame;
 * the same URL requested directly (a reload, a bookmark, no JavaScript) gets the whole page.
 */
export function isHtmxRequest(c: Context): boolean {
  return c.req.header('hx-request') === 'true' && c.req.header('hx-boosted') !== 'true';
}

/**
 * Installs `c.render(content, { title })` for an area's pages (the kernel's and the plugins'): the full page in the
 * area's frame, with the menu built for this request, the CSRF token and any flash message; or, for an htmx
 * request, the content alone. Needs `csrfProtection` in front.
 */
export function uiShell(options: UiShellOptions): MiddlewareHandler {
  return async function uiShell(c, next) {
    c.setRenderer((content, props) => render(c, options, content, props));
    await next();
    if (c.req.method === 'GET' && AuthErrors.Unauthenticated.is(c.error) && !isHtmxRequest(c) && !wantsJson(c)) {
      // A plugin's page behind the area's authentication: the sign-in page, rather than a bare 401.
      const url = new URL(c.req.url);
      c.res = c.redirect(`${options.loginPath(c)}?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    c.header('Vary', 'HX-Request', { append: true });
  };
}

async function render(c: Context, options: UiShellOptions, content: Child, props: PageProps): Promise<Response> {
  const lang = c.get('language');
  // The kit's own words (pager, Cancel…) follow the request's language without each page passing it.
  content = <KitLanguage.Provider value={lang ?? 'en'}>{content}</KitLanguage.Provider>;
  if (isHtmxRequest(c)) return c.html(String(content));
  const csrf = csrfToken(c);
  const flash = takeFlash(c);
  const assets = options.assets();
  if (props.bare) {
    return c.html(
      renderDocument(
        <BarePage title={props.title} assets={assets} csrf={csrf} flash={flash} lang={lang}>
          {content}
        </BarePage>,
      ),
    );
  }
  const frame = await options.frame(c);
  const platform = c.get('platform');
  const snapshot = c.get('pluginSnapshot');
  const principal = c.get('principal');
  const menu =
    platform && snapshot
      ? options.menu.build({
          area: options.area,
          platformId: platform.id,
          snapshot,
          can: (permission) => can(principal, permission),
          superAdmin: principal?.kind === 'admin' && principal.role === 'super_admin',
          root: frame.root,
          currentPath: new URL(c.req.url).pathname,
          language: lang,
          hidden: menuHidden(platform.settings, options.area),
        })
      : [];
  const t = kernelT(c);
  return c.html(
    renderDocument(
      <Shell
        title={props.title}
        assets={assets}
        csrf={csrf}
        lang={lang}
        brand={frame.brand}
        homeHref={frame.root}
        menu={menu}
        user={frame.user}
        switcher={frame.switcher}
        flash={flash}
        labels={{ skip: t('shell.skip'), mainMenu: t('shell.mainMenu'), signOut: t('shell.signOut') }}
        languages={languageChoice(c, frame.root)}
      >
        {content}
      </Shell>,
    ),
  );
}

declare module 'hono' {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: an interface, so that it merges with Hono's declaration
    (content: Child, props: PageProps): Response | Promise<Response>;
  }
}
