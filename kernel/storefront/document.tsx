import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ResolvedTheme } from '../themes/resolve.js';
import type { ShopFrame } from '../themes/types.js';

/** What a page tells the document head, for search engines and link previews. */
export interface Seo {
  title: string;
  description?: string;
  /** Absolute URL of the page. */
  canonical: string;
  type?: 'website' | 'product' | 'article';
  /** JSON-LD objects, each put in its own script tag. */
  jsonLd?: object[];
  noindex?: boolean;
}

/** JSON for a `<script>` element: `<` escaped, so no string in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The whole page: head with SEO tags, token CSS and assets; body in the theme's layout. */
export function ShopDocument(props: {
  seo: Seo;
  shop: ShopFrame;
  resolved: ResolvedTheme;
  assets: { css?: string; htmx?: string };
  children: Child;
  /** The theme editor's preview: its links and forms open the public shop in a new tab, not in the editor's frame. */
  preview?: boolean;
}) {
  const { seo, shop, resolved } = props;
  const Layout = resolved.theme.definition.Layout;
  const description = seo.description?.slice(0, 300);
  return (
    <html lang={shop.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.preview ? <base target="_blank" /> : null}
        <title>{seo.title}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="canonical" href={seo.canonical} />
        {seo.noindex || props.preview ? <meta name="robots" content="noindex" /> : null}
        <meta property="og:title" content={seo.title} />
        <meta property="og:type" content={seo.type ?? 'website'} />
        <meta property="og:url" content={seo.canonical} />
        <meta property="og:site_name" content={shop.name} />
        {description ? <meta property="og:description" content={description} /> : null}
        <link rel="icon" href={resolved.favicon ? shop.href(`/theme-assets/${resolved.favicon}`) : 'data:,'} />
        {props.assets.css ? <link rel="stylesheet" href={props.assets.css} /> : null}
        <style>{raw(resolved.css.replace(/<\//g, '<\\/'))}</style>
        {(seo.jsonLd ?? []).map((o) => (
          <script type="application/ld+json">{raw(scriptJson(o))}</script>
        ))}
        {props.assets.htmx ? <script src={props.assets.htmx} defer /> : null}
      </head>
      <body
        class={`sf-theme-${resolved.theme.manifest.id} sf-preset-${resolved.preset} sf-header-${resolved.headerLayout}`}
      >
        <Layout shop={shop}>{props.children}</Layout>
      </body>
    </html>
  );
}
