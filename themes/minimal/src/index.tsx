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

/** Minimal: a centred wordmark on a thin line, no boxes, square corners, wide spacing, light type. */
function Layout({ shop, children }: LayoutProps) {
  return (
    <div class="min-h-screen">
      <a href="#main" class="sr-only">
        {shop.text.skip}
      </a>
      <header class="minimal-header">
        <div class="sf-container py-6 text-center">
          <ShopLogo shop={shop} class="minimal-logo" />
          <nav aria-label="Categories" class="mt-4">
            <ul class="flex flex-wrap justify-center gap-8 text-sm uppercase tracking-widest">
              {[...shop.categories, ...shop.nav.header].map((c) => (
                <li>
                  <a href={c.href}>{c.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <SearchForm shop={shop} class="mx-auto mt-4 flex max-w-md gap-2" />
          <ShopTools shop={shop} class="mt-4 flex flex-wrap items-center justify-center gap-3 text-sm" />
        </div>
      </header>
      <main id="main" class="sf-container py-12">
        {children}
      </main>
      <footer class="minimal-footer">
        <div class="sf-container flex flex-wrap justify-center gap-6 py-10 text-sm">
          {shop.nav.footer.map((l) => (
            <a href={l.href}>{l.label}</a>
          ))}
          <span class="sf-muted">{shop.name}</span>
        </div>
      </footer>
    </div>
  );
}

function ProductCard({ product }: { product: CardProduct }) {
  return (
    <a href={product.href} class="minimal-card block">
      <ProductMedia image={product.image} title={product.title} ratio="3/4" />
      <p class="mt-3">{product.title}</p>
      <p class="sf-muted text-sm">{product.price}</p>
    </a>
  );
}

function Hero(props: HeroProps) {
  return (
    <section class="minimal-hero py-16 text-center">
      <h1 class="sf-heading text-4xl">{props.heading}</h1>
      <p class="sf-muted mx-auto mt-4 max-w-xl">{props.text}</p>
      {props.cta ? (
        <a class="minimal-link mt-8 inline-block" href={props.cta.href}>
          {props.cta.label} →
        </a>
      ) : null}
    </section>
  );
}

export default defineTheme({
  Layout,
  ProductCard,
  Hero,
  gridClass: 'grid grid-cols-2 gap-x-8 gap-y-12 md:grid-cols-3',
  css: `
.minimal-header{border-top:2px solid var(--color-text);border-bottom:1px solid var(--color-accent)}
.minimal-logo{font-family:var(--font-heading);font-size:1.5rem;font-weight:300;letter-spacing:.3em;text-transform:uppercase;text-decoration:none}
.minimal-header a,.minimal-footer a{text-decoration:none}
.minimal-footer{border-top:1px solid var(--color-accent)}
.minimal-card{text-decoration:none}
.minimal-link{border-bottom:1px solid currentColor;text-decoration:none;letter-spacing:.1em;text-transform:uppercase}
.sf-theme-minimal .sf-heading{font-weight:300;letter-spacing:.02em}
`,
});
