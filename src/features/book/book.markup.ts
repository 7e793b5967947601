// The small text format of the content pack (described in book.content-schema.ts), parsed once
// at startup into blocks that the views render and the search index reads as plain text.

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong' | 'em'; readonly children: readonly Inline[] }
  | { readonly kind: 'link'; readonly target: LinkTarget; readonly children: readonly Inline[]; readonly auto?: boolean }
  | { readonly kind: 'break' };

export type LinkTarget = { readonly ref: string } | { readonly href: string };

export type Block =
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'quote'; readonly lines: readonly (readonly Inline[])[] }
  | { readonly kind: 'table'; readonly head: readonly (readonly Inline[])[]; readonly rows: readonly (readonly (readonly Inline[])[])[] };

export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly ref: string;
}

/** Finds plain-text mentions ("Droom 3") in a piece of text; supplied by the book, which knows its items. */
export type MentionFinder = (text: string) => readonly Mention[];

const noMentions: MentionFinder = () => [];

export function parseBody(body: string, findMentions: MentionFinder = noMentions): Block[] {
  const inline = (text: string): Inline[] => parseInline(text, findMentions);
  const blocks: Block[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const first = lines[0]!;
    const heading = /^(#{2,3}) +(.*)$/.exec(first);
    if (heading && lines.length === 1) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 2 | 3, content: inline(heading[2]!) });
    } else if (lines.every((l) => /^\s*- /.test(l))) {
      blocks.push({ kind: 'list', ordered: false, start: 1, items: lines.map((l) => inline(l.replace(/^\s*- /, ''))) });
    } else if (lines.every((l) => /^\s*\d+[.)] /.test(l))) {
      const start = Number(/^\s*(\d+)/.exec(first)![1]);
      blocks.push({ kind: 'list', ordered: true, start, items: lines.map((l) => inline(l.replace(/^\s*\d+[.)] /, ''))) });
    } else if (lines.every((l) => l.startsWith('>'))) {
      blocks.push({ kind: 'quote', lines: lines.map((l) => inline(l.replace(/^> ?/, ''))) });
    } else if (lines.every((l) => l.trim().startsWith('|'))) {
      const cells = (l: string) =>
        l
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => inline(c.trim()));
      const rows = lines.filter((l) => !/^\s*\|[\s|:-]+\|\s*$/.test(l)).map(cells);
      blocks.push({ kind: 'table', head: rows[0] ?? [], rows: rows.slice(1) });
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 2 | 3, content: inline(heading[2]!) });
      blocks.push(...parseBody(lines.slice(1).join('\n'), findMentions));
    } else {
      const content: Inline[] = [];
      lines.forEach((line, i) => {
        if (i > 0) content.push({ kind: 'break' });
        content.push(...inline(line));
      });
      blocks.push({ kind: 'paragraph', content });
    }
  }
  return blocks;
}

const INLINE = /\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*/g;

export function parseInline(text: string, findMentions: MentionFinder = noMentions): Inline[] {
  const out: Inline[] = [];
  let cursor = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > cursor) out.push(...withMentions(text.slice(cursor, m.index), findMentions));
    if (m[1] !== undefined) {
      const target = m[2]!;
      out.push({
        kind: 'link',
        target: /^https?:\/\//.test(target) ? { href: target } : { ref: target },
        children: parseInline(m[1]),
      });
    } else if (m[3] !== undefined) out.push({ kind: 'strong', children: parseInline(m[3], findMentions) });
    else out.push({ kind: 'em', children: parseInline(m[4]!, findMentions) });
    cursor = m.index + m[0].length;
  }
  if (cursor < text.length) out.push(...withMentions(text.slice(cursor), findMentions));
  return out;
}

function withMentions(text: string, findMentions: MentionFinder): Inline[] {
  const out: Inline[] = [];
  let cursor = 0;
  for (const mention of [...findMentions(text)].sort((a, b) => a.start - b.start)) {
    if (mention.start < cursor) continue;
    if (mention.start > cursor) out.push({ kind: 'text', text: text.slice(cursor, mention.start) });
    out.push({ kind: 'link', target: { ref: mention.ref }, children: [{ kind: 'text', text: text.slice(mention.start, mention.end) }], auto: true });
    cursor = mention.end;
  }
  if (cursor < text.length) out.push({ kind: 'text', text: text.slice(cursor) });
  return out;
}

export function inlineText(content: readonly Inline[]): string {
  return content
    .map((n) => (n.kind === 'text' ? n.text : n.kind === 'break' ? '\n' : inlineText(n.children)))
    .join('');
}

/** The text of blocks without markup, for the search index and page descriptions. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'paragraph':
        case 'heading':
          return inlineText(b.content);
        case 'list':
          return b.items.map(inlineText).join('\n');
        case 'quote':
          return b.lines.map(inlineText).join('\n');
        case 'table':
          return [b.head, ...b.rows].map((row) => row.map(inlineText).join(' · ')).join('\n');
      }
    })
    .join('\n\n');
}

/** Every internal reference in the blocks, in order. */
export function blockRefs(blocks: readonly Block[]): string[] {
  const refs: string[] = [];
  const visit = (content: readonly Inline[]): void => {
    for (const n of content) {
      if (n.kind === 'link' && 'ref' in n.target) refs.push(n.target.ref);
      if (n.kind === 'strong' || n.kind === 'em' || n.kind === 'link') visit(n.children);
    }
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph' || b.kind === 'heading') visit(b.content);
    else if (b.kind === 'list') b.items.forEach(visit);
    else if (b.kind === 'quote') b.lines.forEach(visit);
    else [b.head, ...b.rows].forEach((row) => row.forEach(visit));
  }
  return refs;
}
