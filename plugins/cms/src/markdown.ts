import MarkdownIt from 'markdown-it';

/**
 * Markdown to safe HTML. Raw HTML in the source is never passed through (`html: false`: a `<script>` or an
 * `<iframe onload=…>` comes out as escaped text), and only links and images with an allowed target are rendered.
 * So no element, attribute or URL that could run script reaches the output, whatever the stored Markdown holds.
 */

/** Link targets a page may use: web, mail and phone links, and targets on the same site. */
const ALLOWED_SCHEMES = /^(https?:|mailto:|tel:)/i;
/** A scheme at the start of a target: `javascript:`, `data:`, `vbscript:`… (after stripping what browsers ignore). */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Browsers drop control characters and whitespace inside a scheme (`java\tscript:`); so do we before checking. */
const normalise = (url: string) =>
  [...url]
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return code > 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join('');

/** True when a link or image target is safe to render. */
export function isAllowedUrl(url: string): boolean {
  const clean = normalise(url);
  return !HAS_SCHEME.test(clean) || ALLOWED_SCHEMES.test(clean);
}

const renderer = new MarkdownIt({ html: false, linkify: true, typographer: false });
renderer.validateLink = (url) => isAllowedUrl(decodeSafely(url));

/** Links that open elsewhere do not hand the opener to the target. */
const defaultLinkOpen =
  renderer.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
renderer.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token && /^https?:/i.test(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'noopener nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

function decodeSafely(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** The page's HTML, safe to put inside a storefront page as is. */
export function renderMarkdown(source: string): string {
  return renderer.render(source);
}

/** A second parser that keeps every link, used only to find the ones `renderMarkdown` would drop. */
const inspector = new MarkdownIt({ html: false, linkify: true });
inspector.validateLink = () => true;

/**
 * On save: the link and image targets that are not allowed (`javascript:`, `data:`…), so the editor hears about them
 * instead of finding them silently dropped from the page.
 */
export function forbiddenLinks(source: string): string[] {
  const found: string[] = [];
  const walk = (tokens: ReturnType<typeof inspector.parse>) => {
    for (const token of tokens) {
      const attr = token.type === 'link_open' ? 'href' : token.type === 'image' ? 'src' : undefined;
      const target = attr ? String(token.attrGet(attr) ?? '') : undefined;
      if (target !== undefined && !isAllowedUrl(decodeSafely(target))) found.push(target);
      if (token.children) walk(token.children);
    }
  };
  walk(inspector.parse(source, {}));
  return found;
}
