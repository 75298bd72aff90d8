/**
 * The storefront's base rules, in terms of the design tokens every theme defines (see docs/themes.md): colours
 * `--color-bg`, `--color-surface`, `--color-text`, `--color-muted`, `--color-primary`, `--color-primary-text`,
 * `--color-accent`; fonts `--font-body`, `--font-heading`; `--radius` and `--space`. A theme's own CSS comes after.
 * These rules are outside Tailwind's layers, so they win over utilities: set only what no utility class should change
 * (e.g. the container's side padding, never its vertical padding).
 */
export const BASE_CSS = `
body{background:var(--color-bg);color:var(--color-text);font-family:var(--font-body);margin:0}
a{color:inherit}
.sf-heading{font-family:var(--font-heading);font-weight:700;line-height:1.2;margin:0 0 calc(var(--space)*.5)}
.sf-muted{color:var(--color-muted)}
.sf-price{font-weight:700;color:var(--color-text)}
.sf-button{display:inline-block;background:var(--color-primary);color:var(--color-primary-text);border:0;border-radius:var(--radius);padding:.5rem 1rem;font-weight:600;text-decoration:none;cursor:pointer}
.sf-button-secondary{display:inline-block;background:transparent;color:var(--color-text);border:1px solid currentColor;border-radius:var(--radius);padding:.45rem .9rem;text-decoration:none;cursor:pointer}
.sf-input{border:1px solid var(--color-muted);border-radius:var(--radius);padding:.45rem .6rem;background:var(--color-surface);color:var(--color-text);font:inherit}
.sf-media{background:linear-gradient(135deg,var(--color-surface),var(--color-accent));border-radius:var(--radius);width:100%}
.sf-card-title{font-family:var(--font-heading);font-weight:600;margin:.5rem 0 .25rem}
.sf-section{margin-top:calc(var(--space)*2)}
.sf-category-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:var(--space);list-style:none;padding:0}
.sf-category-tile{display:block;padding:calc(var(--space)*1.5) var(--space);background:var(--color-surface);border-radius:var(--radius);text-align:center;font-weight:600;text-decoration:none}
.sf-chip{display:inline-block;border:1px solid var(--color-muted);border-radius:999px;padding:.2rem .75rem;text-decoration:none}
.sf-prose p{margin:0 0 1em;line-height:1.6}
.sf-prose h1,.sf-prose h2,.sf-prose h3{font-family:var(--font-heading)}
.sf-prose a{color:var(--color-primary);text-decoration:underline}
.sf-container{max-width:72rem;margin-left:auto;margin-right:auto;padding-left:var(--space);padding-right:var(--space)}
.sf-logo-img{display:block;max-height:3rem;width:auto}
.sf-header-centered header .sf-container{flex-direction:column;justify-content:center;text-align:center}
.sf-header-centered header nav ul{justify-content:center}
.sf-header-compact header{font-size:.9rem}
.sf-header-compact header .sf-container{padding-top:.4rem;padding-bottom:.4rem}
.sf-newsletter{background:var(--color-surface);border-radius:var(--radius);padding:calc(var(--space)*1.5)}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`;
