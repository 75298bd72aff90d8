import type { Child } from 'hono/jsx';
import type { CardImage, CardProduct, HeroProps, ShopFrame } from './types.js';

/**
 * A product image in a box of a fixed ratio (no layout shift, cropped to fill), or the gradient placeholder when the
 * product has none. `sizes` tells the browser how wide it is shown, so it picks the smallest copy that fits.
 */
export function ProductMedia(props: { image?: CardImage; title: string; ratio: string; sizes?: string }) {
  const { image } = props;
  if (!image) {
    return (
      <div class="sf-media" role="img" aria-label={`Image of ${props.title}`} style={`aspect-ratio:${props.ratio}`} />
    );
  }
  return (
    <img
      class="sf-media"
      src={image.src}
      srcset={image.srcset}
      sizes={props.sizes ?? '(min-width: 768px) 25vw, 50vw'}
      alt={image.alt || props.title}
      width={image.width}
      height={image.height}
      loading="lazy"
      decoding="async"
      style={`aspect-ratio:${props.ratio};object-fit:cover;height:auto`}
    />
  );
}

/** A product card with its image (or a placeholder) of a fixed size (no layout shift), the title, brand and price. */
export function DefaultProductCard(props: { product: CardProduct }) {
  const p = props.product;
  return (
    <article class="sf-card">
      <a href={p.href} class="block">
        <ProductMedia image={p.image} title={p.title} ratio="4/3" />
        <h3 class="sf-card-title">{p.title}</h3>
      </a>
      {p.brand ? <p class="sf-muted text-sm">{p.brand}</p> : null}
      {p.price ? (
        <p class="sf-price">
          {p.price}
          {p.compareAt ? <s class="sf-muted ml-2 text-sm">{p.compareAt}</s> : null}
        </p>
      ) : null}
    </article>
  );
}

export function DefaultHero(props: HeroProps) {
  return (
    <section class="sf-hero">
      <h1 class="sf-heading text-3xl">{props.heading}</h1>
      <p class="mt-2">{props.text}</p>
      {props.cta ? (
        <a class="sf-button mt-4 inline-block" href={props.cta.href}>
          {props.cta.label}
        </a>
      ) : null}
    </section>
  );
}

export function DefaultHeading(props: { children: Child; level?: 1 | 2 }) {
  return props.level === 2 ? (
    <h2 class="sf-heading text-xl">{props.children}</h2>
  ) : (
    <h1 class="sf-heading text-2xl">{props.children}</h1>
  );
}

/** The shop's search box: a GET form, so it works without JavaScript. */
export function SearchForm(props: { shop: ShopFrame; class?: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <search> wrapper is newer than some browsers shoppers use
    <form method="get" action={props.shop.href('/search')} role="search" class={props.class ?? 'flex gap-2'}>
      <label for="sf-q" class="sr-only">
        {props.shop.text.searchLabel}
      </label>
      <input
        id="sf-q"
        name="q"
        type="search"
        value={props.shop.query ?? ''}
        placeholder={props.shop.text.searchPlaceholder}
        class="sf-input"
      />
      <button type="submit" class="sf-button">
        {props.shop.text.search}
      </button>
    </form>
  );
}

/** The shop's logo image when the vendor uploaded one, else its name; a link to the home page. */
export function ShopLogo(props: { shop: ShopFrame; class?: string }) {
  const { shop } = props;
  return (
    <a href={shop.href('/')} class={props.class}>
      {shop.logo ? <img class="sf-logo-img" src={shop.logo.src} alt={shop.logo.alt} height="48" /> : shop.name}
    </a>
  );
}

/**
 * Plugins' header links (the cart), the account link and, when the shop has several languages, the language
 * switcher: a POST form that works without JavaScript (the select and a "Change" button).
 */
export function ShopTools(props: { shop: ShopFrame; class?: string }) {
  const { shop } = props;
  const l = shop.languages;
  return (
    <div class={props.class ?? 'sf-tools flex flex-wrap items-center gap-3'}>
      {shop.tools ?? null}
      <a href={shop.account.href} class="sf-account-link">
        {shop.account.label}
      </a>
      {l.options.length > 1 ? (
        <form method="post" action={l.action} class="sf-language flex items-center gap-1">
          <input type="hidden" name="_csrf" value={l.csrf} />
          <input type="hidden" name="next" value={l.next} />
          <label for="sf-lang" class="sr-only">
            {l.label}
          </label>
          <select id="sf-lang" name="lang" class="sf-input">
            {l.options.map((o) => (
              <option value={o.value} selected={o.value === l.current}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="submit" class="sf-button-secondary">
            {l.apply}
          </button>
        </form>
      ) : null}
    </div>
  );
}
