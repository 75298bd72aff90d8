import type { Child } from 'hono/jsx';

/** The shop as a theme's layout sees it. `href(path)` makes a link inside the shop, in every tenancy mode. */
export interface ShopFrame {
  name: string;
  code: string;
  language: string;
  href: (path: string) => string;
  /** Header and footer links (CMS pages), already with their URLs. */
  nav: { header: NavItem[]; footer: NavItem[] };
  /** Top-level categories, for the menu. */
  categories: NavItem[];
  /** The search box's current text. */
  query?: string;
  /** The vendor's logo image, if it uploaded one (else themes show the name). */
  logo?: { src: string; alt: string };
  /** The customer's account link: "Sign in" or "My account". */
  account: NavItem;
  /** What plugins put beside the account link (slot `shop.header.tools`: the cart link), if any. */
  tools?: Child;
  /** The language switcher: a POST form to `action`; shown when the shop offers more than one language. */
  languages: LanguageChoice;
  /** Short texts the kit's components show, in the page's language. */
  text: { search: string; searchLabel: string; searchPlaceholder: string; skip: string };
}

export interface LanguageChoice {
  action: string;
  next: string;
  csrf: string;
  label: string;
  apply: string;
  current: string;
  options: { value: string; label: string }[];
}

export interface NavItem {
  label: string;
  href: string;
}

/** A product on a card (lists, home). Prices are formatted already. */
/** An image as a theme shows it: `src` a mid-size copy, `srcset` every size, for `<img>` (see `ProductMedia`). */
export interface CardImage {
  src: string;
  srcset: string;
  alt: string;
  width: number;
  height: number;
}

export interface CardProduct {
  title: string;
  href: string;
  /** The product's first image, when it has one. */
  image?: CardImage;
  brand: string | null;
  price: string | null;
  compareAt: string | null;
}

export interface HeroProps {
  heading: string;
  text: string;
  cta?: NavItem;
}

export interface LayoutProps {
  shop: ShopFrame;
  children: Child;
}

/**
 * The code of a theme: `export default defineTheme({...})` in `themes/<id>/src/index.tsx`. Its identity, token
 * schema and presets live in package.json. Pages (home, category, product, search, CMS, 404, closed) are the
 * kernel's; a theme gives the frame and the pieces that set its look, and the kernel falls back to plain versions of
 * the optional ones.
 */
export interface ThemeDefinition {
  /** The frame of every page: header (logo, search, menu), main, footer. */
  Layout: (props: LayoutProps) => Child;
  ProductCard?: (props: { product: CardProduct }) => Child;
  Hero?: (props: HeroProps) => Child;
  /** Heading of a page or section. */
  Heading?: (props: { children: Child; level?: 1 | 2 }) => Child;
  /** Classes of the product grid (columns and gaps). */
  gridClass?: string;
  /** Static CSS of the theme, after the token variables. Use `var(--<token>)`. */
  css?: string;
}

export function defineTheme(definition: ThemeDefinition): ThemeDefinition {
  return definition;
}
