// Links jargon to the glossary: the first time a term (or one of its variants) appears on a page it
// becomes a link to its explanation. Works on an HTML string (a scheme page rendered from Markdown)
// and on plain text pieces (the book, which renders its text as Preact nodes: see BodyRenderer).
//
// Rules: whole words only, case-insensitive, the longest term wins where terms overlap, each term
// once per page, never inside a link, heading, code, button, label or attribute, and never inside
// another term. One regular expression per list of terms, built once and cached.
import { h, type ComponentChildren } from 'preact';
import { escapeHtml } from '../shared/markdown.js';
import { nationalTermPath } from '../shared/paths.js';

export interface LinkableTerm {
  readonly slug: string;
  readonly term: string;
  readonly variants: readonly string[];
}

export interface LinkOptions {
  /** A term not to link (the term page itself). Its words still count, so nothing shorter links inside them. */
  readonly exclude?: string;
}

export { splitVariants } from '../shared/glossary-variants.js';

const normalise = (phrase: string) => phrase.toLowerCase().replace(/\s+/g, ' ').trim();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Elements whose text is never linked: links themselves, headings, code and form controls.
const SKIP = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea', 'title', 'button', 'select', 'option', 'label', 'svg', 'math']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// A comment, or a tag whose attribute values may contain '>' inside quotes.
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
// Character references are opaque: "&amp;" never yields the word "amp".
const ENTITY = /&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);/g;

// Letters (with the accented Latin letters Dutch uses), digits and '_': a term never starts or ends next to one.
const WORD_CHARS = 'A-Za-z0-9_\\u00C0-\\u024F';
const WORD_CHAR = new RegExp(`[${WORD_CHARS}]`);

interface TrieNode {
  end: boolean;
  readonly next: Map<string, TrieNode>;
}

/**
 * The phrases as one regular expression shaped like a trie ("w(?:ia|ga|ajong)" rather than "wia|wga|wajong"):
 * at each position only the branch of the next character is tried, which keeps a long book page fast.
 * A node that ends a phrase and continues makes its continuation optional and greedy, so the longest wins.
 */
function triePattern(phrases: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const phrase of phrases) {
    let node = root;
    for (const ch of phrase) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const source = (node: TrieNode): string => {
    const branches = [...node.next].map(([ch, child]) => (ch === ' ' ? '\\s+' : escapeRegExp(ch)) + source(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return source(root);
}

interface Occurrence {
  readonly start: number;
  readonly end: number;
  readonly slug: string;
}

const NONE: readonly Occurrence[] = [];
/** Texts whose occurrences a matcher remembers; the whole book has a few thousand. */
const MAX_REMEMBERED = 20000;

/** A compiled list of terms: one regular expression plus the phrase-to-term lookup. */
export class TermMatcher {
  private readonly pattern: RegExp;
  private readonly slugByPhrase = new Map<string, string>();
  readonly size: number;

  private constructor(terms: readonly LinkableTerm[]) {
    for (const t of terms) {
      for (const phrase of [t.term, ...t.variants]) {
        const key = normalise(phrase);
        if (key.length >= 2 && !this.slugByPhrase.has(key)) this.slugByPhrase.set(key, t.slug);
      }
    }
    this.size = new Set(this.slugByPhrase.values()).size;
    // Case-insensitive without the 'u' flag (several times faster); the exact word check before a match is in scan().
    // When every phrase starts with an ASCII letter or digit, \b first skips the middle of words cheaply.
    const phrases = [...this.slugByPhrase.keys()];
    const start = phrases.every((p) => /^\w/.test(p)) ? '\\b' : '';
    this.pattern = phrases.length > 0 ? new RegExp(`${start}${triePattern(phrases)}(?![${WORD_CHARS}])`, 'gi') : /(?!)/g;
  }

  private static readonly cache = new Map<string, TermMatcher>();

  /** The matcher for a list of terms; the same list (by content) reuses the compiled expression. */
  static for(terms: readonly LinkableTerm[]): TermMatcher {
    const key = JSON.stringify(terms.map((t) => [t.slug, t.term, t.variants]));
    let matcher = TermMatcher.cache.get(key);
    if (matcher) {
      // Most recently used last, so that the oldest is dropped first.
      TermMatcher.cache.delete(key);
    } else {
      matcher = new TermMatcher(terms);
      if (TermMatcher.cache.size >= 64) TermMatcher.cache.delete(TermMatcher.cache.keys().next().value!);
    }
    TermMatcher.cache.set(key, matcher);
    return matcher;
  }

  /** Every occurrence in plain text, left to right, without overlaps. */
  private find(text: string): readonly Occurrence[] {
    const found: Occurrence[] = [];
    const re = this.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex += 1;
        continue;
      }
      // Not a whole word: the match starts inside one. Look again from the next character.
      if (m.index > 0 && WORD_CHAR.test(text[m.index - 1]!)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const slug = this.slugByPhrase.get(normalise(m[0]));
      if (slug !== undefined) found.push({ start: m.index, end: m.index + m[0].length, slug });
    }
    return found.length === 0 ? NONE : found;
  }

  // The book shows the same texts on every request, so what was found in a text is remembered (bounded).
  private readonly found = new Map<string, readonly Occurrence[]>();

  /** The occurrences in a text, from memory when this text was seen before. */
  occurrences(text: string): readonly Occurrence[] {
    let result = this.found.get(text);
    if (result === undefined) {
      result = this.find(text);
      if (this.found.size >= MAX_REMEMBERED) this.found.clear();
      this.found.set(text, result);
    }
    return result;
  }

  /** Calls found(start, end, slug) for every occurrence in plain text, left to right, without overlaps. */
  scan(text: string, found: (start: number, end: number, slug: string) => void): void {
    for (const o of this.occurrences(text)) found(o.start, o.end, o.slug);
  }

  /** Every term that occurs in a plain text. */
  mentions(text: string): Set<string> {
    const slugs = new Set<string>();
    this.scan(text, (_s, _e, slug) => slugs.add(slug));
    return slugs;
  }

  /** A fresh pass for one page: each term links only the first time this pass sees it. */
  pass(hrefFor: (slug: string) => string, options: LinkOptions = {}): LinkPass {
    return new LinkPass(this, hrefFor, options.exclude);
  }
}

export class LinkPass {
  private readonly linked = new Set<string>();

  constructor(
    private readonly matcher: TermMatcher,
    private readonly hrefFor: (slug: string) => string,
    private readonly exclude: string | undefined,
  ) {}

  private get done(): boolean {
    return this.linked.size >= this.matcher.size;
  }

  private take(slug: string): boolean {
    if (slug === this.exclude || this.linked.has(slug)) return false;
    this.linked.add(slug);
    return true;
  }

  /** Plain text in, escaped-as-given text with links out (the text must already be HTML text). */
  private htmlText(text: string): string {
    let out = '';
    let cursor = 0;
    this.matcher.scan(text, (start, end, slug) => {
      if (!this.take(slug)) return;
      out += `${text.slice(cursor, start)}<a class="mmm-term" href="${escapeHtml(this.hrefFor(slug))}">${text.slice(start, end)}</a>`;
      cursor = end;
    });
    return cursor === 0 ? text : out + text.slice(cursor);
  }

  /** Links terms in an HTML string: only in text, outside links, headings, code and form controls. */
  linkHtml(html: string): string {
    let out = '';
    let cursor = 0;
    let skipDepth = 0;
    const text = (segment: string) => {
      if (skipDepth > 0 || this.done || segment.trim() === '') return segment;
      let result = '';
      let at = 0;
      ENTITY.lastIndex = 0;
      for (let e = ENTITY.exec(segment); e !== null; e = ENTITY.exec(segment)) {
        result += this.htmlText(segment.slice(at, e.index)) + e[0];
        at = e.index + e[0].length;
      }
      return result + this.htmlText(segment.slice(at));
    };
    TAG.lastIndex = 0;
    for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
      out += text(html.slice(cursor, m.index)) + m[0];
      cursor = m.index + m[0].length;
      const name = m[2]?.toLowerCase();
      if (name === undefined || !SKIP.has(name) || VOID.has(name)) continue;
      if (m[1] === '/') skipDepth = Math.max(0, skipDepth - 1);
      else if (!m[0].endsWith('/>')) skipDepth += 1;
    }
    return out + text(html.slice(cursor));
  }

  /** Links terms in a piece of plain text for Preact: the text itself when nothing links. */
  linkText(text: string): ComponentChildren {
    if (this.done) return text;
    const parts: ComponentChildren[] = [];
    let cursor = 0;
    this.matcher.scan(text, (start, end, slug) => {
      if (!this.take(slug)) return;
      if (start > cursor) parts.push(text.slice(cursor, start));
      parts.push(h('a', { class: 'mmm-term', href: this.hrefFor(slug), key: `${slug}-${start}` }, text.slice(start, end)));
      cursor = end;
    });
    if (parts.length === 0) return text;
    if (cursor < text.length) parts.push(text.slice(cursor));
    return parts;
  }
}

/** Convenience: link the first occurrence of every term in one HTML string. */
export function linkGlossaryTerms(html: string, terms: readonly LinkableTerm[], hrefFor: (slug: string) => string, options: LinkOptions = {}): string {
  return TermMatcher.for(terms).pass(hrefFor, options).linkHtml(html);
}

/**
 * The national glossary as the book's glossary slot wants it: a fresh pass per page, linking to the
 * national term pages (book pages belong to no region). Null without terms.
 */
export function nationalGlossaryPages(terms: readonly LinkableTerm[]): () => LinkPass | null {
  if (terms.length === 0) return () => null;
  const matcher = TermMatcher.for(terms);
  return () => matcher.pass(nationalTermPath);
}
