import * as csstree from 'css-tree';

export const CUSTOM_CSS_MAX = 20_000;

/** Schemes a `url()` may use: relative URLs, http(s), and inline raster images. Everything else is dropped. */
const SAFE_URL = /^(?:https?:|data:image\/(?:png|jpeg|gif|webp);|[./?#]|[a-z0-9_-]+(?:[/.?#]|$))/i;
/** Properties that run code in old browsers. */
const CODE_PROPERTIES = new Set(['behavior', '-moz-binding', '-ms-behavior']);
/** At-rules that load or redeclare things beyond this stylesheet. */
const DROPPED_AT_RULES = new Set(['import', 'charset', 'namespace']);

export interface SanitisedCss {
  css: string;
  /** What was removed, in words, for the editor to show. */
  dropped: string[];
}

/**
 * A vendor's custom CSS, made safe to put in the page's `<style>` element: parsed with css-tree, then regenerated
 * without `@import` (and `@charset`, `@namespace`), without declarations that use `expression(...)`, code-running
 * properties or a `url()` with another scheme than http(s), relative or an inline image (so no `javascript:`), and
 * with every `<` escaped (`\3c `), so that nothing in it can close the style element. Unparsable parts are left out.
 * Run on save and again when a theme is resolved.
 */
export function sanitizeCss(input: string): SanitisedCss {
  const dropped: string[] = [];
  const source = input.slice(0, CUSTOM_CSS_MAX);
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(source, {
      parseValue: true,
      parseCustomProperty: false,
      onParseError: () => dropped.push('a part that is not valid CSS'),
    });
  } catch {
    return { css: '', dropped: ['everything: the CSS could not be read'] };
  }
  csstree.walk(ast, {
    visit: 'Atrule',
    enter(node, item, list) {
      if (list && item && DROPPED_AT_RULES.has(csstree.keyword(node.name).basename)) {
        dropped.push(`@${node.name}`);
        list.remove(item);
      }
    },
  });
  csstree.walk(ast, {
    visit: 'Declaration',
    enter(node, item, list) {
      if (!list || !item) return;
      const reason = unsafeDeclaration(node);
      if (reason) {
        dropped.push(reason);
        list.remove(item);
      }
    },
  });
  // Raw nodes hold text css-tree did not parse (custom properties, bad values): keep them only when harmless.
  csstree.walk(ast, {
    visit: 'Raw',
    enter(node, item, list) {
      if (list && item && /expression\s*\(|url\s*\(|javascript:|@import|[<>\\]/i.test(node.value)) {
        dropped.push('an unreadable value');
        list.remove(item);
      }
    },
  });
  const css = csstree.generate(ast).replace(/</g, '\\3c ');
  return { css, dropped: [...new Set(dropped)] };
}

function unsafeDeclaration(node: csstree.Declaration): string | undefined {
  const property = node.property.toLowerCase();
  if (CODE_PROPERTIES.has(property)) return property;
  let reason: string | undefined;
  csstree.walk(node, (child) => {
    if (reason) return;
    if (child.type === 'Function' && /expression/i.test(child.name)) reason = 'expression()';
    else if (child.type === 'Url' && !SAFE_URL.test(child.value.trim())) reason = `url(${child.value.slice(0, 40)})`;
    else if (child.type === 'Raw' && /expression\s*\(|url\s*\(|javascript:|[<>]/i.test(child.value))
      reason = 'a script';
  });
  return reason;
}
