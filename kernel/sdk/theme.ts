/** `@orion/sdk/theme`: what a storefront theme (`themes/<id>/`) imports. See docs/themes.md. */

export { DefaultHeading, DefaultHero, DefaultProductCard, SearchForm } from '../themes/components.js';
export {
  type CardProduct,
  defineTheme,
  type HeroProps,
  type LayoutProps,
  type NavItem,
  type ShopFrame,
  type ThemeDefinition,
} from '../themes/types.js';
