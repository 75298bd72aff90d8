import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { forbiddenLinks, renderMarkdown } from '../src/markdown.js';
import { client, page, shop, startCmsKernel, VENDOR } from './support.js';

/** Markdown that tries every way we know to get script into a page. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<iframe src="https://evil.example"></iframe>',
  '<img src=x onerror="alert(2)">',
  '<a href="https://ok.example" onclick="alert(3)">x</a>',
  '<div onmouseover="alert(4)">hover</div>',
  '[click](javascript:alert(5))',
  '[click](JaVaScRiPt:alert(6))',
  '[click](java\tscript:alert(7))',
  '[click](%6Aavascript:alert(8))',
  '![img](javascript:alert(9))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<javascript:alert(10)>',
  '<svg onload="alert(11)"></svg>',
].join('\n\n');

/** No element, attribute or URL that runs script survives. */
function assertSafe(html: string): void {
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<iframe/i);
  assert.doesNotMatch(html, /<svg/i);
  assert.doesNotMatch(html, /<(img|div|a)[^>]*\son[a-z]+=/i, 'an event handler attribute on an element');
  assert.doesNotMatch(html, /(href|src)="\s*(javascript|data|vbscript):/i);
  assert.doesNotMatch(html, /(href|src)="[^"]*script:/i);
}

describe('cms: page content is Markdown rendered to safe HTML', () => {
  it('never lets a script, an iframe, an event handler or a javascript: URL reach the HTML', () => {
    const html = renderMarkdown(HOSTILE);
    assertSafe(html);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'raw HTML is shown as text, not dropped silently');
  });

  it('keeps ordinary Markdown: headings, emphasis, lists, safe links with rel', () => {
    const html = renderMarkdown(
      '# Title\n\n*a* **b**\n\n- one\n- two\n\n[site](https://example.com) [page](/about) [mail](mailto:a@b.c)',
    );
    assert.match(html, /<h1>Title<\/h1>/);
    assert.match(html, /<em>a<\/em> <strong>b<\/strong>/);
    assert.match(html, /<li>one<\/li>/);
    assert.match(html, /<a href="https:\/\/example.com" rel="noopener nofollow">site<\/a>/);
    assert.match(html, /<a href="\/about">page<\/a>/);
    assert.match(html, /<a href="mailto:a@b.c">mail<\/a>/);
  });

  it('finds forbidden link targets on save, and accepts allowed ones', () => {
    assert.deepEqual(forbiddenLinks('[a](javascript:x) [b](https://ok) ![c](data:image/png;base64,AA)'), [
      'javascript:x',
      'data:image/png;base64,AA',
    ]);
    assert.deepEqual(forbiddenLinks('[a](/x) [b](#top) [c](tel:+352123)'), []);
  });

  describe('through the APIs', () => {
    let kernel: TestKernel;
    let acme: TestVendor;
    let http: ReturnType<typeof client>;
    before(async () => {
      ({ kernel } = await startCmsKernel(import.meta.url));
      http = client(kernel);
      acme = await createTestVendor(kernel);
    });
    after(() => kernel.stop());

    it('refuses a javascript: link on save with a 422 naming the field', async () => {
      const res = await http.call(
        'POST',
        `${VENDOR}/pages`,
        acme.headers,
        page('bad', 'Bad', '[x](javascript:alert(1))'),
      );
      assert.equal(res.status, 422);
      const problem = (await res.json()) as { errors: Record<string, string> };
      assert.match(problem.errors['translations.0.content'] ?? '', /links may only point to/);
    });

    it('stores raw HTML as written but serves the shop only escaped, safe HTML', async () => {
      const raw = '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<iframe src="https://evil"></iframe>';
      const saved = await http.expect<{ translations: Array<{ content: string }> }>(
        201,
        'POST',
        `${VENDOR}/pages`,
        acme.headers,
        page('raw', 'Raw', raw),
      );
      assert.equal(saved.translations[0]?.content, raw, 'the editor gets back exactly what it wrote');
      const seen = await http.expect<{ html: string }>(200, 'GET', `${shop(acme.code)}/pages/raw`);
      assertSafe(seen.html);
    });
  });
});
