import type { Child } from 'hono/jsx';
import type { NavItem } from '../themes/types.js';

export interface SiteFrame {
  /** The platform's name and the link to its home page. */
  name: string;
  home: string;
  language: string;
  nav: { header: NavItem[]; footer: NavItem[] };
  admin: NavItem;
  /** "Skip to content", in the page's language. */
  skip: string;
  css?: string;
}

/**
 * The platform's own site (its domain root): the platform's name, its marketing pages in the header and footer,
 * and the page. Styled with the kernel's stylesheet; a platform's site has no vendor theme.
 */
export function SiteDocument(props: {
  frame: SiteFrame;
  title: string;
  description?: string;
  canonical: string;
  children: Child;
}) {
  const { frame } = props;
  return (
    <html lang={frame.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description.slice(0, 300)} /> : null}
        <link rel="canonical" href={props.canonical} />
        <meta property="og:title" content={props.title} />
        <meta property="og:url" content={props.canonical} />
        <meta property="og:site_name" content={frame.name} />
        <link rel="icon" href="data:," />
        {frame.css ? <link rel="stylesheet" href={frame.css} /> : null}
      </head>
      <body class="bg-gray-50 text-gray-900">
        <div class="flex min-h-screen flex-col">
          <a href="#main" class="sr-only">
            {frame.skip}
          </a>
          <header class="border-b border-gray-200 bg-white">
            <div class="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4">
              <a href={frame.home} class="text-xl font-bold text-gray-900 no-underline">
                {frame.name}
              </a>
              <nav aria-label={frame.name}>
                <ul class="flex flex-wrap gap-4 text-sm">
                  {frame.nav.header.map((l) => (
                    <li>
                      <a class="text-gray-800 underline" href={l.href}>
                        {l.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </header>
          <main id="main" class="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
            {props.children}
          </main>
          <footer class="border-t border-gray-200 bg-white">
            <div class="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-gray-600">
              <ul class="flex flex-wrap gap-4">
                {frame.nav.footer.map((l) => (
                  <li>
                    <a class="underline" href={l.href}>
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
              <a class="underline" href={frame.admin.href}>
                {frame.admin.label}
              </a>
            </div>
          </footer>
        </div>
      </body>
    </html>
  );
}
