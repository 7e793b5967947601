import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { escapeHtml, isSafeHref, markdownText, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  test('headings start at h2, with paragraphs and lists', () => {
    const html = renderMarkdown('# Titel\n\n## Wat is het?\n\nEen zin.\nNog een zin.\n\n### Stappen\n\n1. Eerst\n2. Dan\n\n- a\n- b\n  verder');
    assert.equal(
      html,
      [
        '<h2 class="utrecht-heading-2">Titel</h2>',
        '<h2 class="utrecht-heading-2">Wat is het?</h2>',
        '<p class="utrecht-paragraph">Een zin.\nNog een zin.</p>',
        '<h3 class="utrecht-heading-3">Stappen</h3>',
        '<ol class="utrecht-ordered-list"><li class="utrecht-ordered-list__item">Eerst</li><li class="utrecht-ordered-list__item">Dan</li></ol>',
        '<ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item">a</li><li class="utrecht-unordered-list__item">b verder</li></ul>',
      ].join('\n'),
    );
  });

  test('a numbered list keeps its first number', () => {
    assert.match(renderMarkdown('3. drie\n4. vier'), /<ol class="utrecht-ordered-list" start="3">/);
  });

  test('bold, italic and links of the allowed kinds', () => {
    assert.equal(
      renderMarkdown('**Vet** en *schuin* met [UWV](https://www.uwv.nl), [mail](mailto:loket@example.org), [bel](tel:+31201234567) en [kaart](/loket/zeeland/sociale-kaart).'),
      '<p class="utrecht-paragraph"><strong>Vet</strong> en <em>schuin</em> met <a class="utrecht-link" href="https://www.uwv.nl" rel="noopener">UWV</a>, ' +
        '<a class="utrecht-link" href="mailto:loket@example.org">mail</a>, <a class="utrecht-link" href="tel:+31201234567">bel</a> en ' +
        '<a class="utrecht-link" href="/loket/zeeland/sociale-kaart">kaart</a>.</p>',
    );
  });

  test('a backslash keeps a markup character as text', () => {
    assert.equal(renderMarkdown('\\*geen schuin\\*'), '<p class="utrecht-paragraph">*geen schuin*</p>');
  });

  test('raw HTML is shown as text, never as markup', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n## <b>kop</b>\n\n- <iframe src="https://evil.example">');
    assert.doesNotMatch(html, /<script|<img|<b>|<iframe/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  test('entities typed by the writer stay text and are not decoded into markup', () => {
    const html = renderMarkdown('&lt;script&gt;alert(1)&lt;/script&gt; &#60;b&#62; &amp;');
    assert.equal(html, '<p class="utrecht-paragraph">&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;#60;b&amp;#62; &amp;amp;</p>');
  });

  test('script and data links are not links', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'java%0ascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox',
      '//evil.example/x',
      '/\\evil.example',
      'ftp://example.org',
      'https:evil',
      'java\u0001script:alert(1)',
      '/ok\u0000',
    ]) {
      const html = renderMarkdown(`[klik](${url})`);
      assert.doesNotMatch(html, /<a /, url);
      assert.doesNotMatch(html, /href/, url);
    }
    // A tab or newline inside the scheme (which browsers drop) is not a link either.
    assert.doesNotMatch(renderMarkdown('[klik](java\tscript:alert(1))'), /<a /);
  });

  test('no attribute injection through a link address or link text', () => {
    const viaUrl = renderMarkdown('[x](https://example.org/"onmouseover="alert(1))');
    assert.doesNotMatch(viaUrl, /href="[^"]*"\s*onmouseover/);
    const quoted = renderMarkdown(`[x](https://example.org/'"><script>alert(1)</script>)`);
    assert.doesNotMatch(quoted, /<script/);
    const viaText = renderMarkdown('[" onclick="alert(1)](https://example.org)');
    assert.equal(viaText, '<p class="utrecht-paragraph"><a class="utrecht-link" href="https://example.org" rel="noopener">&quot; onclick=&quot;alert(1)</a></p>');
    const amp = renderMarkdown('[a](https://example.org/?a=1&b=2)');
    assert.match(amp, /href="https:\/\/example\.org\/\?a=1&amp;b=2"/);
  });

  test('any input: every tag in the output is one the renderer writes', () => {
    const allowed = /^<\/?(h2|h3|p|ul|ol|li|strong|em|a)(?: class="utrecht-[a-z0-9-]+(?:__item)?")?(?: start="\d+")?(?: href="[^"<>]*")?(?: rel="noopener")?>$/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '[', ']', '(', ')', '*', '#', '-', '1', '.', ' ', '\n', 'a', 'j', ':', '/', '=') }), (input) => {
        const html = renderMarkdown(input);
        for (const tag of html.match(/<[^>]*>/g) ?? []) assert.match(tag, allowed, `${JSON.stringify(input)} gave ${tag}`);
        // Every < or > that is not one of those tags was escaped.
        assert.doesNotMatch(html.replace(/<\/?(h2|h3|p|ul|ol|li|strong|em|a)(?: [^<>]*)?>/g, ''), /[<>]/);
      }),
    );
  });
});

describe('isSafeHref and helpers', () => {
  test('allowed kinds of address', () => {
    assert.ok(isSafeHref('https://www.uwv.nl/nl/wia'));
    assert.ok(isSafeHref('http://example.org'));
    assert.ok(isSafeHref('mailto:a@example.org'));
    assert.ok(isSafeHref('tel:0800-0113'));
    assert.ok(isSafeHref('/loket/zeeland'));
    assert.ok(!isSafeHref(''));
    assert.ok(!isSafeHref('loket/zeeland'));
    assert.ok(!isSafeHref('#boven'));
  });

  test('escapeHtml escapes the five characters', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('markdownText drops markup', () => {
    assert.equal(markdownText('## Kop\n\nDe **WIA** en [UWV](https://uwv.nl).\n\n- een'), 'Kop\nDe WIA en UWV.\neen');
  });
});
