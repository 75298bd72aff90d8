import { defineTheme, type LayoutProps, SearchForm, ShopLogo, ShopTools } from '@orion/sdk/theme';

/** Classic: a coloured header bar, the category menu under it, framed cards, a three-column footer. */
function Layout({ shop, children }: LayoutProps) {
  return (
    <div class="flex min-h-screen flex-col">
      <a href="#main" class="sr-only">
        {shop.text.skip}
      </a>
      <header class="classic-header">
        <div class="sf-container flex flex-wrap items-center justify-between gap-4 py-4">
          <ShopLogo shop={shop} class="classic-logo" />
          <SearchForm shop={shop} />
          <ShopTools shop={shop} />
        </div>
        {shop.categories.length ? (
          <nav aria-label="Categories" class="classic-menu">
            <ul class="sf-container flex flex-wrap gap-6 py-2">
              {shop.categories.map((c) => (
                <li>
                  <a href={c.href}>{c.label}</a>
                </li>
              ))}
              {shop.nav.header.map((l) => (
                <li>
                  <a href={l.href}>{l.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" class="sf-container w-full flex-1 py-8">
        {children}
      </main>
      <footer class="classic-footer">
        <div class="sf-container grid gap-6 py-8 md:grid-cols-3">
          <div>
            <p class="sf-heading">{shop.name}</p>
            <p class="sf-muted text-sm">Thank you for shopping with us.</p>
          </div>
          <nav aria-label="Information">
            <ul class="space-y-1">
              {shop.nav.footer.map((l) => (
                <li>
                  <a href={l.href}>{l.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <p class="sf-muted text-sm">© {shop.name}</p>
        </div>
      </footer>
    </div>
  );
}

export default defineTheme({
  Layout,
  gridClass: 'grid grid-cols-2 gap-6 md:grid-cols-4',
  css: `
.classic-header{background:var(--color-primary);color:var(--color-primary-text)}
.classic-logo{font-family:var(--font-heading);font-size:1.75rem;font-weight:700;text-decoration:none}
.classic-header .sf-button{background:var(--color-accent);color:var(--color-text)}
.classic-menu{background:var(--color-surface);color:var(--color-text);border-bottom:1px solid var(--color-accent)}
.classic-menu a{text-decoration:none;font-weight:600}
.classic-footer{background:var(--color-surface);border-top:4px solid var(--color-primary)}
.sf-theme-classic .sf-card{border:1px solid var(--color-accent);border-radius:var(--radius);padding:.75rem;background:var(--color-bg)}
.sf-theme-classic .sf-hero{background:var(--color-surface);border-left:6px solid var(--color-primary);padding:calc(var(--space)*2);border-radius:var(--radius)}
`,
});
