// A small, safe Markdown renderer for the desk's scheme pages, written by coordinators.
//
// Supported: headings (## and ###; a single # also becomes h2, deeper ones h3, because the page's own
// title is the only h1), paragraphs, bullet lists (-, *, +), numbered lists (1. or 1)), **bold**,
// *italic* and links [text](url) whose address is http(s), mailto:, tel: or a relative /path.
// Everything else is text: the output is escaped character by character, so no HTML a writer types
// ever reaches the page. The result is an HTML string for dangerouslySetInnerHTML.

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Whether a link address may be used: web, mail, phone or a path on this site; never a script. */
export function isSafeHref(url: string): boolean {
  // No white space, control characters or backslashes anywhere (browsers drop tabs and newlines, which hides schemes).
  if (url === '' || url.length > 2000 || /[\s\\]/.test(url) || [...url].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
  if (/^https?:\/\/[^/?#]+/i.test(url)) return true;
  if (/^mailto:[^@]+@[^@]+$/i.test(url)) return true;
  if (/^tel:\+?[0-9()-]+$/i.test(url)) return true;
  // A relative path on this site, but not a protocol-relative address (//host).
  return url.startsWith('/') && !url.startsWith('//');
}

type Block =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; ordered: boolean; start: number; items: string[] };

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const BULLET = /^[ \t]{0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^[ \t]{0,3}(\d{1,9})[.)][ \t]+(.*)$/;

function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({ kind: 'heading', level: heading[1]!.length <= 2 ? 2 : 3, text: heading[2]! });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null;
      const text = bullet ? bullet[1]! : numbered![2]!;
      const open = current as Block | null;
      if (open?.kind === 'list' && open.ordered === ordered) open.items.push(text);
      else {
        close();
        current = { kind: 'list', ordered, start: numbered ? Number(numbered[1]) : 1, items: [text] };
      }
      continue;
    }
    const open = current as Block | null;
    if (open?.kind === 'list') {
      // A line that is not a new item continues the last one.
      open.items[open.items.length - 1] += ` ${line.trim()}`;
    } else if (open?.kind === 'paragraph') {
      open.lines.push(line.trim());
    } else {
      close();
      current = { kind: 'paragraph', lines: [line.trim()] };
    }
  }
  close();
  return blocks;
}

// A link, bold, italic, or a backslash before a markup character. Link text has no brackets; an
// address has no spaces or parentheses. Emphasis must touch text on both inner sides.
const INLINE = /\\([\\*_[\]()#+\-.!`])|\[([^[\]]+)\]\(([^()\s]*)\)|\*\*(?=\S)([\s\S]+?)(?<=\S)\*\*|\*(?=[^\s*])([^*]+?)(?<=\S)\*/g;

function renderInline(text: string, allowLinks: boolean): string {
  let out = '';
  let cursor = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m[2] !== undefined && !allowLinks) continue;
    out += escapeHtml(text.slice(cursor, m.index));
    cursor = m.index + m[0].length;
    if (m[1] !== undefined) out += escapeHtml(m[1]);
    else if (m[2] !== undefined) {
      const href = m[3]!;
      if (isSafeHref(href)) {
        const external = /^https?:/i.test(href) ? ' rel="noopener"' : '';
        out += `<a class="utrecht-link" href="${escapeHtml(href)}"${external}>${renderInline(m[2], false)}</a>`;
      } else {
        // Not an address we link to: show exactly what was typed, as text.
        out += escapeHtml(m[0]);
      }
    } else if (m[4] !== undefined) out += `<strong>${renderInline(m[4], allowLinks)}</strong>`;
    else out += `<em>${renderInline(m[5]!, allowLinks)}</em>`;
  }
  return out + escapeHtml(text.slice(cursor));
}

/** Markdown to HTML. Headings start at h2; nothing typed as HTML survives as HTML. */
export function renderMarkdown(markdown: string): string {
  return parseBlocks(markdown)
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<h${b.level} class="utrecht-heading-${b.level}">${renderInline(b.text, true)}</h${b.level}>`;
        case 'paragraph':
          return `<p class="utrecht-paragraph">${b.lines.map((l) => renderInline(l, true)).join('\n')}</p>`;
        case 'list': {
          const kind = b.ordered ? 'ordered' : 'unordered';
          const tag = b.ordered ? 'ol' : 'ul';
          const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
          const items = b.items.map((i) => `<li class="utrecht-${kind}-list__item">${renderInline(i, true)}</li>`).join('');
          return `<${tag} class="utrecht-${kind}-list"${start}>${items}</${tag}>`;
        }
      }
    })
    .join('\n');
}

/** The text of Markdown without its markup: for summaries, search and finding words. */
export function markdownText(markdown: string): string {
  return parseBlocks(markdown)
    .map((b) => (b.kind === 'list' ? b.items.join('\n') : b.kind === 'heading' ? b.text : b.lines.join(' ')))
    .join('\n')
    .replace(/\[([^[\]]+)\]\([^()\s]*\)/g, '$1')
    .replace(/\*\*|\*|\\(?=[\\*_[\]()#+\-.!`])/g, '');
}
