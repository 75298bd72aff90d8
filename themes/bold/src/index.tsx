import {
  type CardProduct,
  defineTheme,
  type HeroProps,
  type LayoutProps,
  ProductMedia,
  SearchForm,
  ShopLogo,
  ShopTools,
} from '@orion/sdk/theme';
import type { Child } from 'hono/jsx';

/** Bold: a dark page, a sticky bar with pill links, a huge hero, heavy uppercase headings, big two-column cards. */
function Layout({ shop, children }: LayoutProps) {
  return (
    <div class="min-h-screen">
      <a href="#main" class="sr-only">
        {shop.text.skip}
      </a>
      <header class="bold-header">
        <div class="sf-container flex flex-wrap items-center gap-4 py-3">
          <ShopLogo shop={shop} class="bold-logo" />
          <nav aria-label="Categories" class="flex-1">
            <ul class="flex flex-wrap gap-2">
              {[...shop.categories, ...shop.nav.header].map((c) => (
                <li>
                  <a class="bold-pill" href={c.href}>
                    {c.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <SearchForm shop={shop} />
          <ShopTools shop={shop} />
        </div>
      </header>
      <main id="main" class="sf-container py-10">
        {children}
      </main>
      <footer class="bold-footer">
        <div class="sf-container py-10">
          <p class="bold-logo">{shop.name}</p>
          <ul class="mt-4 flex flex-wrap gap-4">
            {shop.nav.footer.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </div>
      </footer>
    </div>
  );
}

function ProductCard({ product }: { product: CardProduct }) {
  return (
    <a href={product.href} class="bold-card block">
      <ProductMedia image={product.image} title={product.title} ratio="16/9" />
      <div class="flex items-baseline justify-between gap-4 p-4">
        <p class="bold-card-title">{product.title}</p>
        <p class="bold-price">{product.price}</p>
      </div>
    </a>
  );
}

function Hero(props: HeroProps) {
  return (
    <section class="bold-hero">
      <h1 class="bold-hero-title">{props.heading}</h1>
      <p class="mt-4 text-lg">{props.text}</p>
      {props.cta ? (
        <a class="sf-button mt-6 inline-block text-lg" href={props.cta.href}>
          {props.cta.label}
        </a>
      ) : null}
    </section>
  );
}

function Heading(props: { children: Child; level?: 1 | 2 }) {
  return props.level === 2 ? (
    <h2 class="sf-heading bold-heading text-3xl">{props.children}</h2>
  ) : (
    <h1 class="sf-heading bold-heading text-5xl">{props.children}</h1>
  );
}

export default defineTheme({
  Layout,
  ProductCard,
  Hero,
  Heading,
  gridClass: 'grid grid-cols-1 gap-8 md:grid-cols-2',
  css: `
.bold-header{position:sticky;top:0;z-index:10;background:var(--color-bg);border-bottom:3px solid var(--color-primary)}
.bold-logo{font-family:var(--font-heading);font-size:1.75rem;text-transform:uppercase;color:var(--color-primary);text-decoration:none}
.bold-pill{display:inline-block;border-radius:999px;background:var(--color-surface);padding:.3rem .9rem;text-decoration:none;font-weight:700}
.bold-pill:hover{background:var(--color-accent)}
.bold-hero{background:linear-gradient(120deg,var(--color-accent),var(--color-surface));border-radius:var(--radius);padding:calc(var(--space)*4) calc(var(--space)*2)}
.bold-hero-title{font-family:var(--font-heading);font-size:clamp(2.5rem,7vw,5rem);line-height:1;text-transform:uppercase;color:var(--color-primary);margin:0}
.bold-heading{text-transform:uppercase;letter-spacing:.02em}
.bold-card{background:var(--color-surface);border-radius:var(--radius);overflow:hidden;text-decoration:none}
.bold-card .sf-media{border-radius:0}
.bold-card-title{font-weight:700;font-size:1.15rem}
.bold-price{color:var(--color-primary);font-weight:800;font-size:1.25rem}
.bold-footer{background:var(--color-surface);border-top:3px solid var(--color-primary)}
.sf-theme-bold .sf-button{border-radius:999px;text-transform:uppercase}
.sf-theme-bold .sf-category-tile{background:var(--color-primary);color:var(--color-primary-text);text-transform:uppercase}
`,
});
