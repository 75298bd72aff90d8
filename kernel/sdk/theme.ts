/** `@orion/sdk/theme`: what a storefront theme (`themes/<id>/`) imports. See docs/themes.md. */

export {
  DefaultHeading,
  DefaultHero,
  DefaultProductCard,
  ProductMedia,
  SearchForm,
  ShopLogo,
  ShopTools,
} from '../themes/components.js';
export {
  type CardImage,
  type CardProduct,
  defineTheme,
  type HeroProps,
  type LanguageChoice,
  type LayoutProps,
  type NavItem,
  type ShopFrame,
  type ThemeDefinition,
} from '../themes/types.js';
