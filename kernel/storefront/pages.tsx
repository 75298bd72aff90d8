import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { KernelKey } from '../i18n/locales/index.js';
import type { Translate } from '../i18n/messages.js';
import { DefaultHeading, DefaultHero, DefaultProductCard, ProductMedia } from '../themes/components.js';
import type { HomeSection, ResolvedTheme } from '../themes/resolve.js';
import type { CardImage, CardProduct, NavItem, ShopFrame } from '../themes/types.js';
import { formatMoney, type ShopImage, type ShopProduct, type ShopVariant } from './data.js';
import { DescriptionText } from './text.js';

/** The theme's pieces, or the plain ones it leaves out. */
export function pieces(resolved: ResolvedTheme) {
  const d = resolved.theme.definition;
  return {
    Card: d.ProductCard ?? DefaultProductCard,
    Hero: d.Hero ?? DefaultHero,
    Heading: d.Heading ?? DefaultHeading,
    grid: d.gridClass ?? 'grid grid-cols-2 gap-4 md:grid-cols-4',
  };
}

/** An image's copies as `<img>` attributes; its URLs (relative to the shop) made links inside the shop. */
export function cardImage(image: ShopImage, shop: Pick<ShopFrame, 'href'>): CardImage {
  const copies = [...image.thumbnails, { url: image.url, width: image.width, height: image.height }];
  const mid = copies.find((c) => c.width >= 480) ?? copies[copies.length - 1];
  return {
    src: shop.href(mid?.url ?? image.url),
    srcset: copies.map((c) => `${shop.href(c.url)} ${c.width}w`).join(', '),
    alt: image.alt,
    width: image.width,
    height: image.height,
  };
}

export function toCard(p: ShopProduct, shop: ShopFrame): CardProduct {
  const variant = p.variants.find((v) => v.isDefault) ?? p.variants[0];
  const [image] = p.images ?? [];
  return {
    title: p.title,
    href: shop.href(`/products/${p.slug}`),
    ...(image ? { image: cardImage(image, shop) } : {}),
    brand: p.brand,
    price: formatMoney(p.priceFrom, shop.language),
    compareAt: formatMoney(variant?.compareAtPrice, shop.language),
  };
}

export function ProductGrid(props: { products: ShopProduct[]; shop: ShopFrame; resolved: ResolvedTheme }) {
  const { Card, grid } = pieces(props.resolved);
  return (
    <ul class={grid}>
      {props.products.map((p) => (
        <li>
          <Card product={toCard(p, props.shop)} />
        </li>
      ))}
    </ul>
  );
}

export function Breadcrumbs(props: { items: NavItem[] }) {
  return (
    <nav aria-label="Breadcrumb" class="sf-muted mb-4 text-sm">
      <ol class="flex flex-wrap gap-2">
        {props.items.map((item, i) => (
          <li>
            {i > 0 ? <span aria-hidden="true">/ </span> : null}
            {i === props.items.length - 1 ? (
              <span aria-current="page">{item.label}</span>
            ) : (
              <a href={item.href}>{item.label}</a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function HomePage(props: {
  shop: ShopFrame;
  resolved: ResolvedTheme;
  featured: ShopProduct[];
  sections: HomeSection[];
  t: Translate<KernelKey>;
}) {
  const { Hero, Heading } = pieces(props.resolved);
  const { shop, t } = props;
  return (
    <div class="space-y-12">
      {props.sections.map((s) => {
        if (s.type === 'hero') {
          return (
            <Hero
              heading={s.heading ?? t('shop.home.welcome', { name: shop.name })}
              text={s.text ?? t('shop.home.discover')}
              cta={{ label: t('shop.home.cta'), href: shop.href('/search') }}
            />
          );
        }
        if (s.type === 'featured') {
          if (!props.featured.length) return null;
          return (
            <section aria-labelledby="sf-featured" class="sf-section">
              <div id="sf-featured">
                <Heading level={2}>{s.heading ?? t('shop.home.featured')}</Heading>
              </div>
              <ProductGrid products={props.featured.slice(0, s.count)} shop={shop} resolved={props.resolved} />
            </section>
          );
        }
        if (s.type === 'categories') {
          if (!shop.categories.length) return null;
          return (
            <section class="sf-section">
              <Heading level={2}>{s.heading ?? t('shop.home.categories')}</Heading>
              <ul class="sf-category-grid">
                {shop.categories.map((c) => (
                  <li>
                    <a class="sf-category-tile" href={c.href}>
                      {c.label}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          );
        }
        if (s.type === 'newsletter') return <NewsletterSection section={s} shop={shop} t={t} Heading={Heading} />;
        return (
          <section class="sf-section sf-prose">
            {s.heading ? <Heading level={2}>{s.heading}</Heading> : null}
            {s.text.split(/\n\s*\n/).map((para) => (
              <p>{para}</p>
            ))}
          </section>
        );
      })}
    </div>
  );
}

/**
 * The newsletter sign-up: a GET form to the account registration page, which fills in the email and asks for the
 * marketing consent there (a subscription is an account's consent; there is no separate mailing list).
 */
function NewsletterSection(props: {
  section: Extract<HomeSection, { type: 'newsletter' }>;
  shop: ShopFrame;
  t: Translate<KernelKey>;
  Heading: ReturnType<typeof pieces>['Heading'];
}) {
  const { section: s, shop, t, Heading } = props;
  return (
    <section class="sf-section sf-newsletter" aria-labelledby="sf-newsletter-title">
      <div id="sf-newsletter-title">
        <Heading level={2}>{s.heading ?? t('shop.newsletter.heading')}</Heading>
      </div>
      <p>{s.text ?? t('shop.newsletter.text')}</p>
      <form method="get" action={shop.href('/account/register')} class="mt-2 flex flex-wrap gap-2">
        <input type="hidden" name="newsletter" value="1" />
        <label for="sf-newsletter-email" class="sr-only">
          {t('shop.account.email')}
        </label>
        <input id="sf-newsletter-email" name="email" type="email" class="sf-input" autocomplete="email" />
        <button type="submit" class="sf-button">
          {t('shop.newsletter.submit')}
        </button>
      </form>
    </section>
  );
}

/** Links of a paged list: previous, "page x of y", next. Plain links, so they work without JavaScript. */
export function Pagination(props: {
  page: number;
  pages: number;
  link: (page: number) => string;
  t: Translate<KernelKey>;
}) {
  const { t } = props;
  if (props.pages <= 1) return null;
  return (
    <nav aria-label="Pages" class="mt-8 flex items-center justify-center gap-4">
      {props.page > 1 ? (
        <a rel="prev" class="sf-button-secondary" href={props.link(props.page - 1)}>
          {t('shop.previous')}
        </a>
      ) : null}
      <span>{t('shop.pageOf', { page: props.page, pages: props.pages })}</span>
      {props.page < props.pages ? (
        <a rel="next" class="sf-button-secondary" href={props.link(props.page + 1)}>
          {t('shop.next')}
        </a>
      ) : null}
    </nav>
  );
}

export function VariantLabel(v: ShopVariant): string {
  const values = Object.values(v.optionValues);
  return values.length ? values.join(' / ') : v.sku;
}

/**
 * Price, stock and the variant picker of a product. A GET form: without JavaScript "Show" reloads the page with
 * `?variant=`; with htmx, a change swaps this box alone (the same URL answers an htmx request with the box only).
 */
export function BuyBox(props: {
  product: ShopProduct;
  variant: ShopVariant | undefined;
  stock: number | undefined;
  shop: Pick<ShopFrame, 'href' | 'language'>;
  slot: Child;
  t: Translate<KernelKey>;
}) {
  const { product, variant, shop, t } = props;
  const action = shop.href(`/products/${product.slug}`);
  const price = formatMoney(variant?.price ?? product.priceFrom, shop.language);
  const stockText =
    props.stock === undefined
      ? null
      : props.stock > 0
        ? t('shop.stock.in', { count: props.stock })
        : t('shop.stock.out');
  return (
    <div id="buy-box" class="sf-buy-box space-y-4">
      <p class="sf-price text-2xl" data-testid="price">
        {price}
        {variant?.compareAtPrice ? (
          <s class="sf-muted ml-2 text-base">{formatMoney(variant.compareAtPrice, shop.language)}</s>
        ) : null}
      </p>
      {stockText ? (
        <p class="sf-stock" data-testid="stock">
          {stockText}
        </p>
      ) : null}
      {product.variants.length > 1 ? (
        <form method="get" action={action} hx-get={action} hx-trigger="change" hx-target="#buy-box" hx-swap="outerHTML">
          <label for="sf-variant" class="block font-medium">
            {product.options.join(' / ') || t('shop.variant')}
          </label>
          <div class="mt-1 flex gap-2">
            <select id="sf-variant" name="variant" class="sf-input">
              {product.variants.map((v) => (
                <option value={String(v.id)} selected={v.id === variant?.id}>
                  {VariantLabel(v)}
                </option>
              ))}
            </select>
            <button type="submit" class="sf-button-secondary">
              {t('shop.variant.show')}
            </button>
          </div>
        </form>
      ) : null}
      {variant ? <p class="sf-muted text-sm">{t('shop.sku', { sku: variant.sku })}</p> : null}
      {props.slot}
    </div>
  );
}

/** The product's first image large, the others below it; placeholders when it has none. */
function Gallery(props: { product: ShopProduct; shop: ShopFrame }) {
  const p = props.product;
  const images = (p.images ?? []).map((i) => cardImage(i, props.shop));
  const [first, ...rest] = images;
  return (
    <div class="sf-gallery">
      <ProductMedia image={first} title={p.title} ratio="1/1" sizes="(min-width: 768px) 50vw, 100vw" />
      {first ? (
        rest.length ? (
          <ul class="mt-2 grid grid-cols-4 gap-2">
            {rest.map((image) => (
              <li>
                <ProductMedia image={image} title={p.title} ratio="1/1" sizes="(min-width: 768px) 12vw, 25vw" />
              </li>
            ))}
          </ul>
        ) : null
      ) : (
        <ul class="mt-2 grid grid-cols-4 gap-2" aria-hidden="true">
          {[1, 2, 3, 4].map(() => (
            <li>
              <div class="sf-media" style="aspect-ratio:1/1" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ProductPage(props: {
  product: ShopProduct;
  shop: ShopFrame;
  crumbs: NavItem[];
  resolved: ResolvedTheme;
  buyBox: Child;
  afterDescription: Child;
}) {
  const { Heading } = pieces(props.resolved);
  const p = props.product;
  return (
    <div>
      <Breadcrumbs items={props.crumbs} />
      <div class="grid gap-8 md:grid-cols-2">
        <Gallery product={p} shop={props.shop} />
        <div class="space-y-4">
          <Heading>{p.title}</Heading>
          {p.brand ? <p class="sf-muted">{p.brand}</p> : null}
          {props.buyBox}
          <div class="sf-prose">
            <DescriptionText source={p.description} />
          </div>
          {props.afterDescription}
        </div>
      </div>
    </div>
  );
}

export function CmsPageView(props: { title: string; html: string; resolved: ResolvedTheme }) {
  const { Heading } = pieces(props.resolved);
  return (
    <article class="sf-prose mx-auto max-w-3xl">
      <Heading>{props.title}</Heading>
      {/* Rendered and sanitised by the cms plugin (on save and on render). */}
      <div>{raw(props.html)}</div>
    </article>
  );
}

export function MessagePage(props: {
  resolved: ResolvedTheme;
  title: string;
  text: string;
  shop: ShopFrame;
  search?: boolean;
  homeLabel: string;
}) {
  const { Heading } = pieces(props.resolved);
  return (
    <div class="mx-auto max-w-xl space-y-4 py-12 text-center">
      <Heading>{props.title}</Heading>
      <p>{props.text}</p>
      <p>
        <a class="sf-button" href={props.shop.href('/')}>
          {props.homeLabel}
        </a>
      </p>
    </div>
  );
}
