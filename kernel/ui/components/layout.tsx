import type { Child } from 'hono/jsx';
import type { LanguageChoice } from '../../i18n/language-switch.js';
import { CSRF_HEADER } from '../../security/csrf.js';
import type { Flash } from '../flash.js';
import type { MenuSection } from '../menu.js';
import { Alert } from './alert.js';
import { Icon } from './icon.js';

export interface DocumentProps {
  title: string;
  /** Built asset URLs (see `asset-manifest.ts`); a missing one is left out. */
  assets: { css?: string; htmx?: string };
  /** This browser's CSRF token: htmx sends it as a header with every request of the page. */
  csrf?: string;
  lang?: string;
  children: Child;
}

/** `<html>` with the stylesheet and htmx from our own origin, and the CSRF header for htmx requests. */
export function Document(props: DocumentProps) {
  const headers = props.csrf ? { 'hx-headers:inherited': JSON.stringify({ [CSRF_HEADER]: props.csrf }) } : {};
  return (
    <html lang={props.lang ?? 'en'} class="h-full bg-gray-50">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        {/* No favicon request (it would answer 404 and log a console error). */}
        <link rel="icon" href="data:," />
        <title>{`${props.title} · Orion`}</title>
        {props.assets.css ? <link rel="stylesheet" href={props.assets.css} /> : null}
        {props.assets.htmx ? <script src={props.assets.htmx} defer /> : null}
      </head>
      <body class="h-full text-gray-900 antialiased" {...headers}>
        {props.children}
      </body>
    </html>
  );
}

export interface ShellProps extends Omit<DocumentProps, 'children'> {
  /** The product line in the top bar, e.g. `Orion admin`. */
  brand: string;
  homeHref: string;
  menu: MenuSection[];
  /** The signed-in user and where the sign-out form posts. */
  user?: { label: string; detail?: string; logoutAction: string };
  /** A switcher between platforms (or vendors) when the user has several. */
  switcher?: { label: string; options: { label: string; href: string; current: boolean }[] };
  flash?: Flash;
  /** The frame's own words in the request's language (English when left out). */
  labels?: { skip: string; mainMenu: string; signOut: string };
  /** The language switcher (left out when only one language is offered). */
  languages?: LanguageChoice;
  children: Child;
}

/** A small form: choose a language, submit; works without JavaScript. */
function LanguageSwitcher({ choice, csrf }: { choice: LanguageChoice; csrf?: string }) {
  return (
    <form method="post" action={choice.action} class="flex items-center gap-1" data-language-switcher>
      {csrf ? <input type="hidden" name="_csrf" value={csrf} /> : null}
      <input type="hidden" name="next" value={choice.next} />
      <label for="language-select" class="text-brand-100">
        {choice.label}
      </label>
      <select id="language-select" name="lang" class="rounded bg-white px-1 py-0.5 text-gray-900">
        {choice.options.map((o) => (
          <option value={o.value} selected={o.value === choice.current} lang={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" class="rounded px-2 py-1 hover:bg-white/10">
        {choice.apply}
      </button>
    </form>
  );
}

/** The page frame of the admin console and the vendor dashboard: top bar, sidebar menu, flash message, content. */
export function Shell(props: ShellProps) {
  return (
    <Document title={props.title} assets={props.assets} csrf={props.csrf} lang={props.lang}>
      <a
        href="#main"
        class="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {props.labels?.skip ?? 'Skip to content'}
      </a>
      <header class="flex flex-wrap items-center justify-between gap-3 bg-brand-800 px-4 py-3 text-white">
        <a href={props.homeHref} class="flex items-center gap-2 font-semibold">
          <Icon name="shield-check" class="size-5" />
          {props.brand}
        </a>
        <div class="flex flex-wrap items-center gap-3 text-sm">
          {props.switcher && props.switcher.options.length > 1 ? (
            <nav aria-label={props.switcher.label} class="flex items-center gap-1">
              <span class="text-brand-100">{props.switcher.label}:</span>
              {props.switcher.options.map((o) => (
                <a
                  href={o.href}
                  aria-current={o.current ? 'page' : undefined}
                  class={`rounded px-2 py-1 ${o.current ? 'bg-white/20 font-semibold' : 'hover:bg-white/10'}`}
                >
                  {o.label}
                </a>
              ))}
            </nav>
          ) : null}
          {props.languages && props.languages.options.length > 1 ? (
            <LanguageSwitcher choice={props.languages} csrf={props.csrf} />
          ) : null}
          {props.user ? (
            <form method="post" action={props.user.logoutAction} class="flex items-center gap-2">
              {props.csrf ? <input type="hidden" name="_csrf" value={props.csrf} /> : null}
              <span class="flex items-center gap-1">
                <Icon name="user" />
                <span>{props.user.label}</span>
                {props.user.detail ? <span class="text-brand-100">({props.user.detail})</span> : null}
              </span>
              <button type="submit" class="inline-flex items-center gap-1 rounded px-2 py-1 hover:bg-white/10">
                <Icon name="log-out" />
                {props.labels?.signOut ?? 'Sign out'}
              </button>
            </form>
          ) : null}
        </div>
      </header>
      <div class="flex min-h-[calc(100%-3.5rem)] flex-col md:flex-row">
        <nav
          aria-label={props.labels?.mainMenu ?? 'Main menu'}
          class="border-gray-200 bg-white px-3 py-4 md:w-60 md:shrink-0 md:border-r"
        >
          {props.menu.map((section) => (
            <div class="mb-4">
              <h2 class="mb-1 px-2 text-xs font-semibold tracking-wide text-gray-600 uppercase">{section.title}</h2>
              <ul class="space-y-0.5">
                {section.items.map((item) => (
                  <li>
                    <a
                      href={item.href}
                      data-menu-item={item.id}
                      aria-current={item.current ? 'page' : undefined}
                      class={`flex items-center gap-2 rounded-md px-2 py-1.5 text-sm ${
                        item.current ? 'bg-brand-50 font-semibold text-brand-800' : 'text-gray-800 hover:bg-gray-100'
                      }`}
                    >
                      {item.icon ? <Icon name={item.icon} /> : null}
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" tabindex={-1} class="min-w-0 flex-1 p-4 md:p-8">
          {props.flash ? <Alert kind={props.flash.kind}>{props.flash.text}</Alert> : null}
          {props.children}
        </main>
      </div>
    </Document>
  );
}

/** A page without menu, for signing in and following mailed links. */
export function BarePage(props: Omit<DocumentProps, 'children'> & { flash?: Flash; children: Child }) {
  return (
    <Document title={props.title} assets={props.assets} csrf={props.csrf} lang={props.lang}>
      <main id="main" class="mx-auto flex min-h-full max-w-md flex-col justify-center px-4 py-12">
        <p class="mb-6 flex items-center justify-center gap-2 text-lg font-semibold text-brand-800">
          <Icon name="shield-check" class="size-6" />
          Orion
        </p>
        <div class="rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
          {props.flash ? <Alert kind={props.flash.kind}>{props.flash.text}</Alert> : null}
          {props.children}
        </div>
      </main>
    </Document>
  );
}
