import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { linkGlossaryTerms, nationalGlossaryPages, splitVariants, TermMatcher, type LinkableTerm } from './glossary-links.js';
import { nationalTermPath } from '../shared/paths.js';
import { renderMarkdown } from '../shared/markdown.js';

const TERMS: LinkableTerm[] = [
  { slug: 'uwv', term: 'UWV', variants: [] },
  { slug: 'wia', term: 'WIA', variants: ['WIA-uitkering'] },
  { slug: 'spoor', term: 'spoor', variants: [] },
  { slug: 'tweede-spoor', term: 'tweede spoor', variants: ['2e spoor', 'tweedespoortraject'] },
  { slug: 'jobcoach', term: 'jobcoach', variants: ['jobcoaches', 'job coach'] },
  { slug: 'amp', term: 'amp', variants: [] },
  { slug: 'reintegratie', term: 're-integratie', variants: ['reïntegratie', 'reintegratie'] },
];
const href = (slug: string) => `/loket/zeeland/woordenlijst/${slug}`;
const link = (html: string, options = {}) => linkGlossaryTerms(html, TERMS, href, options);

describe('linkGlossaryTerms on HTML', () => {
  test('links the first occurrence of each term, case-insensitive, whole words only', () => {
    assert.equal(
      link('<p>Het uwv en het UWV. De UWVer niet, wel de jobcoaches.</p>'),
      '<p>Het <a class="mmm-term" href="/loket/zeeland/woordenlijst/uwv">uwv</a> en het UWV. De UWVer niet, wel de <a class="mmm-term" href="/loket/zeeland/woordenlijst/jobcoach">jobcoaches</a>.</p>',
    );
  });

  test('the longest term wins and nothing links inside another term', () => {
    assert.equal(
      link('<p>Het tweede spoor is een spoor.</p>'),
      '<p>Het <a class="mmm-term" href="/loket/zeeland/woordenlijst/tweede-spoor">tweede spoor</a> is een <a class="mmm-term" href="/loket/zeeland/woordenlijst/spoor">spoor</a>.</p>',
    );
    assert.equal(link('<p>Je WIA-uitkering</p>'), '<p>Je <a class="mmm-term" href="/loket/zeeland/woordenlijst/wia">WIA-uitkering</a></p>');
    // A phrase may break across lines in HTML.
    assert.match(link('<p>het tweede\nspoor</p>'), /<a class="mmm-term" href="[^"]+tweede-spoor">tweede\nspoor<\/a>/);
  });

  test('never inside links, headings, code or attributes', () => {
    const html = '<h2 class="utrecht-heading-2">Over UWV</h2><p title="UWV jobcoach"><a href="/uwv">UWV</a> <code>UWV</code> <strong>UWV</strong></p>';
    assert.equal(
      link(html),
      '<h2 class="utrecht-heading-2">Over UWV</h2><p title="UWV jobcoach"><a href="/uwv">UWV</a> <code>UWV</code> <strong><a class="mmm-term" href="/loket/zeeland/woordenlijst/uwv">UWV</a></strong></p>',
    );
    // An attribute with '>' inside quotes does not end the tag.
    assert.equal(link('<p data-x="a > UWV">x</p>'), '<p data-x="a > UWV">x</p>');
  });

  test('character references are not words', () => {
    assert.equal(link('<p>A &amp; B</p>'), '<p>A &amp; B</p>');
    assert.equal(link('<p>amp &amp;</p>'), '<p><a class="mmm-term" href="/loket/zeeland/woordenlijst/amp">amp</a> &amp;</p>');
  });

  test('an excluded term is not linked, and shorter terms do not link inside it', () => {
    assert.equal(link('<p>Het tweede spoor, UWV.</p>', { exclude: 'tweede-spoor' }), '<p>Het tweede spoor, <a class="mmm-term" href="/loket/zeeland/woordenlijst/uwv">UWV</a>.</p>');
  });

  test('variants with diacritics and hyphens', () => {
    assert.match(link('<p>Na de reïntegratie</p>'), /href="[^"]+reintegratie">reïntegratie</);
    assert.match(link('<p>Een Job Coach helpt</p>'), /href="[^"]+jobcoach">Job Coach</);
  });

  test('works on rendered Markdown and never breaks its escaping', () => {
    const html = link(renderMarkdown('## UWV\n\nHet **UWV** en [de jobcoach](https://example.org). <script>jobcoach</script> jobcoach'));
    assert.equal(
      html,
      '<h2 class="utrecht-heading-2">UWV</h2>\n<p class="utrecht-paragraph">Het <strong><a class="mmm-term" href="/loket/zeeland/woordenlijst/uwv">UWV</a></strong> en ' +
        '<a class="utrecht-link" href="https://example.org" rel="noopener">de jobcoach</a>. &lt;script&gt;<a class="mmm-term" href="/loket/zeeland/woordenlijst/jobcoach">jobcoach</a>&lt;/script&gt; jobcoach</p>',
    );
  });

  test('hrefs are escaped', () => {
    const out = linkGlossaryTerms('<p>UWV</p>', TERMS, () => '/x?a="b"&c');
    assert.equal(out, '<p><a class="mmm-term" href="/x?a=&quot;b&quot;&amp;c">UWV</a></p>');
  });
});

describe('TermMatcher', () => {
  test('the same list reuses one compiled matcher', () => {
    assert.equal(TermMatcher.for(TERMS), TermMatcher.for([...TERMS]));
    assert.notEqual(TermMatcher.for(TERMS), TermMatcher.for(TERMS.slice(1)));
  });

  test('mentions lists every term in a text', () => {
    assert.deepEqual([...TermMatcher.for(TERMS).mentions('Het UWV en de WIA, nog eens het UWV.')].sort(), ['uwv', 'wia']);
  });

  test('an empty list matches nothing', () => {
    assert.equal(linkGlossaryTerms('<p>UWV</p>', [], href), '<p>UWV</p>');
  });

  test('splitVariants', () => {
    assert.deepEqual(splitVariants(' a | b||c '), ['a', 'b', 'c']);
  });

  test('linkText returns nodes for Preact, first occurrence per pass', () => {
    const pass = TermMatcher.for(TERMS).pass(nationalTermPath);
    assert.equal(pass.linkText('niets hier'), 'niets hier');
    const first = render(h('p', null, pass.linkText('De <UWV> & de jobcoach'), pass.linkText(' en weer UWV')));
    assert.equal(
      first,
      '<p>De &lt;<a class="mmm-term" href="/loket/woordenlijst/uwv">UWV</a>> &amp; de <a class="mmm-term" href="/loket/woordenlijst/jobcoach">jobcoach</a> en weer UWV</p>',
    );
  });

  test('the national glossary for the book', () => {
    assert.equal(nationalGlossaryPages([])(), null, 'no terms, no links');
    const pass = nationalGlossaryPages(TERMS)();
    assert.ok(pass);
    assert.equal(render(h('p', null, pass.linkText('De WIA'))), '<p>De <a class="mmm-term" href="/loket/woordenlijst/wia">WIA</a></p>');
  });

  test('fast enough for a long chapter', () => {
    const many: LinkableTerm[] = Array.from({ length: 60 }, (_, i) => ({ slug: `term-${i}`, term: `vakwoord${i}`, variants: [`vakwoorden${i}`, `vak woord ${i}`] }));
    const text = Array.from({ length: 4000 }, (_, i) => `zin ${i} met gewone woorden en soms vakwoord${i % 90}.`).join(' ');
    const html = `<p>${text}</p>`;
    const started = performance.now();
    for (let i = 0; i < 10; i++) linkGlossaryTerms(html, many, href);
    const perPage = (performance.now() - started) / 10;
    assert.ok(perPage < 50, `${perPage.toFixed(1)} ms for ${html.length} characters`);
  });
});
