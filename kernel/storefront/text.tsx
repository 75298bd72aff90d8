/**
 * A product description (Markdown) as safe HTML without a Markdown library: blocks split on blank lines, `- ` / `* `
 * lines as a list, `#` headings as strong paragraphs, `**bold**` kept as bold, other markers dropped. Everything is
 * text to JSX, so escaped: no HTML of the description ever reaches the page.
 */
export function DescriptionText(props: { source: string }) {
  const blocks = props.source
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((block) => {
        const lines = block.split('\n').map((l) => l.trim());
        if (lines.every((l) => /^[-*+]\s+/.test(l))) {
          return (
            <ul class="list-disc pl-6">
              {lines.map((l) => (
                <li>{inline(l.replace(/^[-*+]\s+/, ''))}</li>
              ))}
            </ul>
          );
        }
        if (/^#{1,6}\s/.test(block)) return <p class="font-semibold">{inline(block.replace(/^#{1,6}\s+/, ''))}</p>;
        return <p>{inline(lines.join(' '))}</p>;
      })}
    </>
  );
}

function inline(text: string) {
  const parts = text.split(/\*\*(.+?)\*\*/g);
  return parts.map((part, i) => (i % 2 === 1 ? <strong>{clean(part)}</strong> : clean(part)));
}

/** Drops the remaining emphasis and code markers and keeps a link's text. */
function clean(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]+/g, '');
}

/** The description as one line of plain text (meta description, JSON-LD). */
export function plainText(source: string, max = 160): string {
  const text = clean(source.replace(/^\s*(#{1,6}|[-*+])\s+/gm, '').replace(/\*\*/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
