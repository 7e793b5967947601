// The poster and the report of a case consultation as PDF files, made on the server with pdfkit
// (no browser). Text is laid out by a small engine of our own (word wrap, columns, pages) in a
// first pass, so nothing is ever cut: what does not fit flows on to the next column or page. The
// second pass draws the laid-out pages into a tagged PDF (headings, paragraphs and lists in the
// structure tree, decorations and page numbers as artifacts) in pdfkit's built-in Helvetica.
//
// The same output gives the same bytes: the creation date comes from output.generatedAt, pdfkit
// derives the file ID from the document info, the standard fonts are not embedded and nothing else
// depends on the clock or on chance.

import PDFDocument from 'pdfkit';
import { translator, type Translate } from '../../../platform/i18n/i18n.js';
import {
  PERSONA_FIELD_LABELS,
  PERSONA_FIELDS,
  caseRecommendationsByAddressee,
  methodMinutes,
  personaSummary,
  recommendationsByAddressee,
  splitFirstSentence,
  topIsRanked,
  topNumbers,
  topRanks,
  type ConsultationOutput,
  type OutputCase,
} from './outputs.model.js';

export interface PdfOptions {
  /** Leave page content uncompressed (for tests that read the text from the bytes). */
  readonly compress?: boolean;
}

/** The poster: A3 landscape, the top 10 in a band across, then one column per case. */
export async function posterPdf(output: ConsultationOutput, options: PdfOptions = {}): Promise<Buffer> {
  const doc = newDocument(output, 'poster', options);
  const layout = layoutPoster(output, new Measure(doc));
  return renderDocument(doc, layout);
}

/** The report: A4 portrait, title page, method, every case, all recommendations, the top 10. */
export async function reportPdf(output: ConsultationOutput, options: PdfOptions = {}): Promise<Buffer> {
  const doc = newDocument(output, 'report', options);
  const layout = layoutReport(output, new Measure(doc));
  return renderDocument(doc, layout);
}

/** Page sizes in PDF points, width × height. */
export const POSTER_PAGE = { width: 1190.55, height: 841.89 } as const;
export const REPORT_PAGE = { width: 595.28, height: 841.89 } as const;

// ---------------------------------------------------------------------------------------------
// Text the standard fonts can show
// ---------------------------------------------------------------------------------------------

// The standard 14 fonts use WinAnsiEncoding: Latin-1 plus these 27 characters in 0x80–0x9F.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const FALLBACKS: Readonly<Record<string, string>> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': '’',
  '\u2033': '”',
  '\u2039': '‹',
  '\u201b': '‘',
  '\u201f': '“',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '≠',
  '\u2248': '~',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2717': 'x',
  '\u2715': 'x',
  '\u25cf': '•',
  '\u25aa': '•',
  '\u2023': '•',
  '\u2043': '-',
  // Letters with a stroke do not decompose into letter + accent.
  'Ł': 'L',
  'ł': 'l',
  'Đ': 'D',
  'đ': 'd',
  'Ħ': 'H',
  'ħ': 'h',
  'ı': 'i',
  'Ŧ': 'T',
  'ŧ': 't',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u202f': '\u00a0',
  '\u2007': ' ',
  '\u2028': '\n',
  '\u2029': '\n',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
};

function isWinAnsi(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/**
 * Text the PDF's WinAnsi fonts can show: Dutch letters and typographic quotes and dashes stay,
 * other accented letters lose their accent (ş → s), a few symbols get a look-alike (→ becomes
 * "->") and anything else becomes "?", so no character can break the file. Line breaks stay.
 */
export function pdfText(value: string): string {
  let out = '';
  for (const ch of value.normalize('NFC').replace(/\r\n?/g, '\n')) {
    if (ch === '\n' || isWinAnsi(ch)) out += ch;
    else if (ch === '\t') out += ' ';
    else if (ch in FALLBACKS) out += FALLBACKS[ch];
    else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every(isWinAnsi) ? base : (ch.codePointAt(0)! < 0x20 || (ch.codePointAt(0)! >= 0x7f && ch.codePointAt(0)! < 0xa0) ? ' ' : '?');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------------------------

type FontName = 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique' | 'Helvetica-BoldOblique';

interface Style {
  readonly font: FontName;
  readonly size: number;
  readonly color: string;
  /** Distance between baselines. */
  readonly leading: number;
}

// The site's design tokens (public/tokens.css).
const COLOR = {
  ink: '#1f2a30',
  inkSoft: '#44525a',
  primary: '#8a3b12',
  teal: '#0d5c63',
  tealLight: '#e3f1f1',
  sand: '#f6efe2',
  paper: '#fffdf8',
  white: '#ffffff',
} as const;

function style(font: FontName, size: number, color: string, leading = size * 1.25): Style {
  return { font, size, color, leading };
}

interface Run {
  readonly text: string;
  readonly style: Style;
}

const run = (text: string, s: Style): Run => ({ text: pdfText(text), style: s });

// ---------------------------------------------------------------------------------------------
// Measuring and wrapping
// ---------------------------------------------------------------------------------------------

class Measure {
  private readonly cache = new Map<string, number>();
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  width(text: string, s: Style): number {
    const key = `${s.font}\u0000${s.size}\u0000${text}`;
    let w = this.cache.get(key);
    if (w === undefined) {
      w = this.doc.font(s.font).fontSize(s.size).widthOfString(text);
      this.cache.set(key, w);
    }
    return w;
  }
}

interface Segment {
  readonly text: string;
  readonly style: Style;
  /** Offset from the line's start. */
  readonly dx: number;
}

interface Line {
  readonly segments: readonly Segment[];
  readonly width: number;
  readonly height: number;
}

/** Greedy word wrap over runs of different styles; words longer than the width are broken. */
function wrap(measure: Measure, runs: readonly Run[], width: number): Line[] {
  const lines: Line[] = [];
  let segments: { text: string; style: Style; dx: number }[] = [];
  let lineWidth = 0;
  let height = 0;
  let pendingSpace: Style | null = null;
  const lineHeight = (s: Style) => s.leading;
  const flush = (fallback: Style) => {
    lines.push({ segments, width: lineWidth, height: height || lineHeight(fallback) });
    segments = [];
    lineWidth = 0;
    height = 0;
    pendingSpace = null;
  };
  const append = (word: string, s: Style, w: number) => {
    const space = pendingSpace && segments.length > 0 ? measure.width(' ', pendingSpace) : 0;
    const last = segments[segments.length - 1];
    if (last && last.style === s) last.text += (space > 0 ? ' ' : '') + word;
    else if (last && space > 0 && last.style === pendingSpace) {
      last.text += ' ';
      segments.push({ text: word, style: s, dx: lineWidth + space });
    } else segments.push({ text: word, style: s, dx: lineWidth + space });
    lineWidth += space + w;
    height = Math.max(height, lineHeight(s));
    pendingSpace = null;
  };
  for (const r of runs) {
    for (const token of r.text.split(/(\n|[ \u00a0]+)/)) {
      if (token === '') continue;
      if (token === '\n') {
        flush(r.style);
        continue;
      }
      if (/^[ \u00a0]+$/.test(token)) {
        if (segments.length > 0) pendingSpace = r.style;
        continue;
      }
      const w = measure.width(token, r.style);
      const space = pendingSpace && segments.length > 0 ? measure.width(' ', pendingSpace) : 0;
      if (segments.length > 0 && lineWidth + space + w > width + 0.01) flush(r.style);
      if (w <= width + 0.01) {
        append(token, r.style, w);
        continue;
      }
      // A word wider than the line (a long address): break it where the line is full.
      let rest = token;
      while (rest !== '') {
        let n = rest.length;
        while (n > 1 && measure.width(rest.slice(0, n), r.style) > width - lineWidth) n--;
        const piece = rest.slice(0, n);
        append(piece, r.style, measure.width(piece, r.style));
        rest = rest.slice(n);
        if (rest !== '') flush(r.style);
      }
    }
  }
  if (segments.length > 0 || lines.length === 0) flush(runs[0]?.style ?? style('Helvetica', 10, COLOR.ink));
  return lines;
}

const linesHeight = (lines: readonly Line[]) => lines.reduce((sum, l) => sum + l.height, 0);

// ---------------------------------------------------------------------------------------------
// Laid-out pages
// ---------------------------------------------------------------------------------------------

/** A node of the PDF's structure tree; index 0 is the Document. */
interface StructNode {
  readonly tag: string;
  readonly parent: number | null;
  /** A heading that also gets a bookmark, with its outline level (1 or 2). */
  readonly bookmark?: { readonly title: string; readonly level: 1 | 2 };
}

const ARTIFACT = -1;

type Op =
  | { readonly kind: 'text'; readonly x: number; readonly y: number; readonly text: string; readonly style: Style; readonly struct: number }
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill: string; readonly radius: number }
  | { readonly kind: 'rule'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly color: string; readonly width: number };

interface Laidout {
  readonly size: { readonly width: number; readonly height: number };
  readonly pages: Op[][];
  readonly structs: StructNode[];
}

class Pages implements Laidout {
  readonly pages: Op[][] = [];
  readonly structs: StructNode[] = [{ tag: 'Document', parent: null }];
  constructor(readonly size: { readonly width: number; readonly height: number }) {}

  page(index: number): Op[] {
    while (this.pages.length <= index) this.pages.push([]);
    return this.pages[index]!;
  }

  /** What has been laid out so far, to go back to with rollback(). */
  mark(): { readonly pages: number; readonly ops: readonly number[]; readonly structs: number } {
    return { pages: this.pages.length, ops: this.pages.map((p) => p.length), structs: this.structs.length };
  }

  rollback(mark: ReturnType<Pages['mark']>): void {
    this.pages.length = mark.pages;
    mark.ops.forEach((n, i) => (this.pages[i]!.length = n));
    this.structs.length = mark.structs;
  }

  struct(tag: string, parent: number, bookmark?: StructNode['bookmark']): number {
    this.structs.push({ tag, parent, bookmark });
    return this.structs.length - 1;
  }

  /** Places one wrapped line with its top at y. */
  line(page: number, x: number, y: number, line: Line, struct: number): void {
    const ops = this.page(page);
    for (const s of line.segments) {
      // pdfkit puts the text's top (ascender) at y; centre the font's box in the line.
      const top = y + (line.height - s.style.size * 1.15) / 2;
      ops.push({ kind: 'text', x: x + s.dx, y: top, text: s.text, style: s.style, struct });
    }
  }

  /** Places text right-aligned so it ends at xRight. */
  rightText(page: number, xRight: number, y: number, text: string, s: Style, measure: Measure, struct = ARTIFACT): void {
    this.page(page).push({ kind: 'text', x: xRight - measure.width(text, s), y, text, style: s, struct });
  }

  rect(page: number, x: number, y: number, w: number, h: number, fill: string, radius = 0): void {
    this.page(page).push({ kind: 'rect', x, y, w, h, fill, radius });
  }

  rule(page: number, x1: number, y1: number, x2: number, y2: number, color: string, width: number): void {
    this.page(page).push({ kind: 'rule', x1, y1, x2, y2, color, width });
  }
}

/** A rectangle text flows into: a column on a page. */
interface Frame {
  page: number;
  x: number;
  /** Top of the frame, to know whether anything was placed yet. */
  top: number;
  y: number;
  width: number;
  bottom: number;
  /** A column of the poster's continuation pages (rather than of the grid of cases). */
  continuation?: boolean;
}

interface ParagraphOptions {
  readonly struct: number;
  readonly indent?: number;
  /** Text in the indent on the first line(s): a bullet, a number, a term. */
  readonly label?: { readonly runs: readonly Run[]; readonly struct: number };
  readonly spaceBefore?: number;
  readonly spaceAfter?: number;
  /** Height that must fit below this paragraph's first lines (keeps a heading with its text). */
  readonly keepWithNext?: number;
  /** Move the whole paragraph to the next frame rather than split it. */
  readonly keepTogether?: boolean;
}

/** Text flowing through frames: down a column, then into the next frame the layout gives. */
class Flow {
  constructor(
    readonly out: Pages,
    readonly measure: Measure,
    public frame: Frame,
    private readonly nextFrame: (from: Frame) => Frame,
  ) {}

  get atTop(): boolean {
    return this.frame.y <= this.frame.top + 0.01;
  }

  get remaining(): number {
    return this.frame.bottom - this.frame.y;
  }

  breakFrame(): void {
    this.frame = this.nextFrame(this.frame);
  }

  /** Starts a new frame unless h still fits. */
  ensure(h: number): void {
    if (!this.atTop && this.frame.y + h > this.frame.bottom + 0.01) this.breakFrame();
  }

  space(h: number): void {
    if (!this.atTop) this.frame.y = Math.min(this.frame.y + h, this.frame.bottom);
  }

  wrap(runs: readonly Run[], width: number): Line[] {
    return wrap(this.measure, runs, width);
  }

  paragraph(runs: readonly Run[], o: ParagraphOptions): void {
    const indent = o.indent ?? 0;
    const lines = this.wrap(runs, this.frame.width - indent);
    const labelLines = o.label ? this.wrap(o.label.runs, Math.max(indent - 4, 8)) : [];
    this.space(o.spaceBefore ?? 0);
    const total = Math.max(linesHeight(lines), linesHeight(labelLines));
    const fullFrame = this.frame.bottom - this.frame.top;
    if (o.keepTogether && total + (o.keepWithNext ?? 0) <= fullFrame) this.ensure(total + (o.keepWithNext ?? 0));
    else {
      // At least two lines together (no lonely first line at the foot of a column).
      const head = linesHeight(lines.slice(0, Math.min(2, lines.length)));
      this.ensure(Math.max(head, linesHeight(labelLines)) + (o.keepWithNext ?? 0));
    }
    const count = Math.max(lines.length, labelLines.length);
    for (let i = 0; i < count; i++) {
      const line = lines[i];
      const label = labelLines[i];
      const h = Math.max(line?.height ?? 0, label?.height ?? 0);
      // No lonely last line at the top of the next frame: take the line before it along.
      const widow = i >= 2 && i === count - 2 && this.frame.y + h + (lines[i + 1]?.height ?? 0) > this.frame.bottom + 0.01;
      if ((widow || this.frame.y + h > this.frame.bottom + 0.01) && !this.atTop) this.breakFrame();
      if (label && o.label) this.out.line(this.frame.page, this.frame.x, this.frame.y, label, o.label.struct);
      if (line) this.out.line(this.frame.page, this.frame.x + indent, this.frame.y, line, o.struct);
      this.frame.y += h;
    }
    this.frame.y += o.spaceAfter ?? 0;
  }

  /**
   * Paragraphs on a coloured box, kept together in one frame. If they are too tall for any frame,
   * they flow without the box instead.
   */
  box(parts: readonly { runs: readonly Run[]; struct: number; spaceAfter?: number }[], o: { fill: string; padding: number; radius?: number; spaceBefore?: number; spaceAfter?: number; keepWithNext?: number }): void {
    const inner = this.frame.width - 2 * o.padding;
    const wrapped = parts.map((p) => ({ ...p, lines: this.wrap(p.runs, inner) }));
    const h = wrapped.reduce((sum, p) => sum + linesHeight(p.lines) + (p.spaceAfter ?? 0), 0) + 2 * o.padding;
    this.space(o.spaceBefore ?? 0);
    if (h > this.frame.bottom - this.frame.top) {
      for (const p of parts) this.paragraph(p.runs, { struct: p.struct, spaceAfter: p.spaceAfter });
      this.frame.y += o.spaceAfter ?? 0;
      return;
    }
    this.ensure(h + (o.keepWithNext ?? 0));
    this.out.rect(this.frame.page, this.frame.x, this.frame.y, this.frame.width, h, o.fill, o.radius ?? 0);
    let y = this.frame.y + o.padding;
    for (const p of wrapped) {
      for (const line of p.lines) {
        this.out.line(this.frame.page, this.frame.x + o.padding, y, line, p.struct);
        y += line.height;
      }
      y += p.spaceAfter ?? 0;
    }
    this.frame.y += h + (o.spaceAfter ?? 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Shared bits
// ---------------------------------------------------------------------------------------------

const DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

function day(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DAY.format(d);
}

function decimal(value: number): string {
  return value.toLocaleString('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

function approvalLine(t: Translate, output: ConsultationOutput): string | null {
  const { approvedBy, approvedAt } = output.top;
  if (approvedBy && approvedAt) return t('caseOutputs.top.approvedByOn', { by: approvedBy, date: day(approvedAt) });
  if (approvedBy) return t('caseOutputs.top.approvedBy', { by: approvedBy });
  if (approvedAt) return t('caseOutputs.top.approvedOn', { date: day(approvedAt) });
  return null;
}

/** Cuts a single line with "…" so it fits; only for running headers and footers. */
function fitLine(measure: Measure, text: string, s: Style, width: number): string {
  if (measure.width(text, s) <= width) return text;
  let n = text.length;
  while (n > 1 && measure.width(`${text.slice(0, n).trimEnd()}…`, s) > width) n--;
  return `${text.slice(0, n).trimEnd()}…`;
}

function newDocument(output: ConsultationOutput, kind: 'poster' | 'report', options: PdfOptions): PDFKit.PDFDocument {
  const t = translator('nl');
  const created = new Date(output.generatedAt);
  const date = Number.isNaN(created.getTime()) ? new Date(0) : created;
  const title = pdfText(t(kind === 'poster' ? 'caseOutputs.pdf.posterTitle' : 'caseOutputs.pdf.reportTitle', { title: output.title }));
  return new PDFDocument({
    autoFirstPage: false,
    compress: options.compress ?? true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    margin: 0,
    info: {
      Title: title,
      Author: pdfText(output.teamName),
      Subject: pdfText(output.theme),
      Keywords: pdfText(t('caseOutputs.pdf.keywords')),
      Creator: 'Werkplaats Mensen met Mogelijkheden',
      CreationDate: date,
      ModDate: date,
    },
  });
}

/** Draws the laid-out pages: decorations and page furniture as artifacts, text in its structure element. */
function renderDocument(doc: PDFKit.PDFDocument, layout: Laidout): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const elements: PDFKit.PDFStructureElement[] = [root];
  for (let i = 1; i < layout.structs.length; i++) {
    const node = layout.structs[i]!;
    const element = doc.struct(node.tag);
    elements[node.parent ?? 0]!.add(element);
    elements.push(element);
  }
  const bookmarked = new Set<number>();
  let outlineParent: PDFKit.PDFOutline = doc.outline;
  const drawText = (op: Extract<Op, { kind: 'text' }>) => {
    doc.font(op.style.font).fontSize(op.style.size).fillColor(op.style.color).text(op.text, op.x, op.y, { lineBreak: false });
  };
  for (const ops of layout.pages) {
    doc.addPage({ size: [layout.size.width, layout.size.height], margin: 0 });
    const decorations = ops.filter((op) => op.kind !== 'text');
    if (decorations.length > 0) {
      doc.markContent('Artifact', { type: 'Layout' });
      for (const op of decorations) {
        if (op.kind === 'rect') {
          if (op.radius > 0) doc.roundedRect(op.x, op.y, op.w, op.h, op.radius).fill(op.fill);
          else doc.rect(op.x, op.y, op.w, op.h).fill(op.fill);
        } else if (op.kind === 'rule') {
          doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).lineWidth(op.width).stroke(op.color);
        }
      }
      doc.endMarkedContent();
    }
    const texts = ops.filter((op): op is Extract<Op, { kind: 'text' }> => op.kind === 'text');
    for (let i = 0; i < texts.length; ) {
      const struct = texts[i]!.struct;
      let j = i;
      while (j < texts.length && texts[j]!.struct === struct) j++;
      const group = texts.slice(i, j);
      if (struct === ARTIFACT) {
        doc.markContent('Artifact', { type: 'Pagination' });
        group.forEach(drawText);
        doc.endMarkedContent();
      } else {
        const node = layout.structs[struct]!;
        if (node.bookmark && !bookmarked.has(struct)) {
          bookmarked.add(struct);
          // pdfkit takes the destination's top from the page's top and its left as "width − left".
          const options = { top: group[0]!.y, left: layout.size.width };
          const add = (parent: PDFKit.PDFOutline) =>
            (parent.addItem as unknown as (title: string, o: typeof options) => PDFKit.PDFOutline).call(parent, pdfText(node.bookmark!.title), options);
          if (node.bookmark.level === 1) outlineParent = add(doc.outline);
          else add(outlineParent);
        }
        elements[struct]!.add(() => group.forEach(drawText));
      }
      i = j;
    }
  }
  root.end();
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------------------------
// The poster
// ---------------------------------------------------------------------------------------------

const P_MARGIN = 28.35; // 1 cm
const P_GAP = 14;
const P_FOOTER = 16;

const poster = {
  kicker: style('Helvetica-Bold', 9, COLOR.primary),
  title: style('Helvetica-Bold', 25, COLOR.ink, 29),
  team: style('Helvetica', 11.5, COLOR.inkSoft, 15),
  statNumber: style('Helvetica-Bold', 24, COLOR.primary, 26),
  statLabel: style('Helvetica', 8, COLOR.inkSoft, 10),
  bandTitle: style('Helvetica-Bold', 16, COLOR.white, 20),
  bandNote: style('Helvetica', 8, COLOR.tealLight, 10),
  rank: style('Helvetica-Bold', 14, COLOR.teal, 17),
  topAddressee: style('Helvetica-Bold', 6.8, COLOR.tealLight, 8.6),
  topHead: style('Helvetica-Bold', 9.6, COLOR.white, 11.8),
  topRest: style('Helvetica', 7.2, COLOR.tealLight, 9),
  caseTitle: style('Helvetica-Bold', 13, COLOR.white, 15.5),
  caseMeeting: style('Helvetica', 8, COLOR.sand, 10),
  summary: style('Helvetica-Oblique', 7.4, COLOR.inkSoft, 9.3),
  questionLabel: style('Helvetica-Bold', 7.4, COLOR.teal, 9.3),
  question: style('Helvetica', 7.4, COLOR.ink, 9.3),
  section: style('Helvetica-Bold', 8.8, COLOR.primary, 11),
  addressee: style('Helvetica-Bold', 7, COLOR.teal, 8.8),
  item: style('Helvetica', 7, COLOR.ink, 8.6),
  bullet: style('Helvetica-Bold', 7, COLOR.teal, 8.6),
  continued: style('Helvetica-Bold', 8, COLOR.primary, 10),
  running: style('Helvetica-Bold', 9, COLOR.inkSoft, 11),
  footer: style('Helvetica', 7, COLOR.inkSoft, 9),
} as const;

function layoutPoster(output: ConsultationOutput, measure: Measure): Laidout {
  const t = translator('nl');
  const W = POSTER_PAGE.width;
  const H = POSTER_PAGE.height;
  const out = new Pages(POSTER_PAGE);
  const left = P_MARGIN;
  const right = W - P_MARGIN;
  const contentWidth = right - left;
  const bottom = H - P_MARGIN - P_FOOTER;
  out.page(0);
  /** Where content starts on a page after the first, below its running header. */
  const continuationTop = P_MARGIN + 22;

  // Header: kicker, title and team on the left, three key numbers on the right.
  const statsWidth = 330;
  const headWidth = contentWidth - statsWidth - 24;
  const head = new Flow(out, measure, { page: 0, x: left, top: P_MARGIN, y: P_MARGIN, width: headWidth, bottom }, (f) => f);
  head.paragraph([run(t('caseOutputs.pdf.posterKicker', { theme: output.theme }).toLocaleUpperCase('nl-NL'), poster.kicker)], { struct: out.struct('P', 0), spaceAfter: 4 });
  head.paragraph([run(output.title, poster.title)], { struct: out.struct('H1', 0), spaceAfter: 4 });
  head.paragraph([run(output.teamName, poster.team)], { struct: out.struct('P', 0) });
  const stats: [number, string][] = [
    [output.cases.length, t('caseOutputs.stats.cases')],
    [output.recommendations.length, t('caseOutputs.stats.recommendations')],
    [output.top.items.length, t('caseOutputs.stats.top')],
  ];
  const statsStruct = out.struct('P', 0);
  const statWidth = statsWidth / stats.length;
  stats.forEach(([n, label], i) => {
    const x = right - statsWidth + i * statWidth;
    out.rule(0, x, P_MARGIN + 2, x, P_MARGIN + 46, COLOR.sand, 1.5);
    out.line(0, x + 10, P_MARGIN + 4, wrap(measure, [run(String(n), poster.statNumber)], statWidth - 14)[0]!, statsStruct);
    let y = P_MARGIN + 32;
    for (const line of wrap(measure, [run(label, poster.statLabel)], statWidth - 14)) {
      out.line(0, x + 10, y, line, statsStruct);
      y += line.height;
    }
  });
  let y = Math.max(head.frame.y, P_MARGIN + 58) + 8;
  out.rule(0, left, y, right, y, COLOR.primary, 2.5);
  y += 12;

  // The top 10 in a band across the page: two columns, ranks running down the first, then the second.
  y = layoutPosterTop(output, out, measure, t, y, left, contentWidth, bottom, continuationTop);

  // The cases: one column each, in rows of at most six. What does not fit in its column flows on,
  // case after case, through the columns of the next page(s), like a newspaper; the next row of
  // cases starts on a fresh page after that.
  const cases = output.cases;
  let page = out.pages.length - 1;
  if (cases.length === 0) {
    const flow = new Flow(out, measure, { page, x: left, top: y, y, width: contentWidth, bottom }, (f) => ({ ...f, page: f.page + 1, top: continuationTop, y: continuationTop }));
    flow.paragraph([run(t('caseOutputs.noCases'), poster.question)], { struct: out.struct('P', 0) });
  }
  const rows = Math.ceil(cases.length / 6);
  const perRow = rows === 0 ? 0 : Math.ceil(cases.length / rows);
  const columns = Math.max(perRow, 3);
  const columnWidth = (contentWidth - (columns - 1) * P_GAP) / columns;
  /** Lays out one row of cases from (page, y); the continuation's columns on page `balance.page` end at `balance.bottom`. */
  const layoutRow = (rowCases: readonly OutputCase[], rowPage: number, y: number, balance: { page: number; bottom: number } | null) => {
    const columnFrame = (p: number, column: number, top: number): Frame => {
      out.page(p);
      const frameBottom = balance && balance.page === p ? balance.bottom : bottom;
      return { page: p, x: left + column * (columnWidth + P_GAP), top, y: top, width: columnWidth, bottom: frameBottom, continuation: true };
    };
    /** The next column of the continuation, on the next page after the last column. */
    const nextColumn = (f: Frame): Frame => {
      const column = Math.round((f.x - left) / (columnWidth + P_GAP));
      return column + 1 < columns ? columnFrame(f.page, column + 1, continuationTop) : columnFrame(f.page + 1, 0, continuationTop);
    };
    let rowEnd = y;
    /** Where the continuation of this row has got to; null while nothing overflowed. */
    let continuation: Frame | null = null;
    rowCases.forEach((c, i) => {
      const x = left + i * (columnWidth + P_GAP);
      const caseStruct = out.struct('Sect', 0);
      const flow = new Flow(out, measure, { page: rowPage, x, top: y, y, width: columnWidth, bottom }, (f) => {
        if (f.continuation) return nextColumn(f);
        // Leaving the grid: on in the continuation, under the case's name.
        let next = continuation ?? columnFrame(rowPage + 1, 0, continuationTop);
        const label = wrap(measure, [run(t('caseOutputs.continued', { title: c.title }), poster.continued)], columnWidth)[0]!;
        if (next.bottom - next.y < label.height + 40) next = nextColumn(next);
        out.line(next.page, next.x, next.y, label, ARTIFACT);
        out.rule(next.page, next.x, next.y + label.height + 1.5, next.x + next.width, next.y + label.height + 1.5, COLOR.primary, 1);
        next.y += label.height + 6;
        next.top = next.y;
        return next;
      });
      layoutPosterCase(c, output, flow, caseStruct, t);
      if (flow.frame.continuation) {
        continuation = flow.frame;
        continuation.y += 12;
      } else rowEnd = Math.max(rowEnd, flow.frame.y);
    });
    const end = continuation as Frame | null;
    return { rowEnd, continuation: end ? { page: end.page, column: Math.round((end.x - left) / (columnWidth + P_GAP)), y: end.y } : null };
  };

  for (let r = 0; r < rows; r++) {
    const rowCases = cases.slice(r * perRow, (r + 1) * perRow);
    if (bottom - y < 160) {
      page += 1;
      out.page(page);
      y = continuationTop;
    }
    const rowPage = page;
    const mark = out.mark();
    let result = layoutRow(rowCases, rowPage, y, null);
    let last = result.continuation;
    if (last) {
      // Balance the continuation's last page: shorten its columns until the text just still fits,
      // so it spreads over all columns and the next row can follow below it.
      const full = bottom - continuationTop;
      const used = last.column * full + (last.y - continuationTop);
      const target = last.page;
      const fits = (limit: number) => {
        out.rollback(mark);
        const tried = layoutRow(rowCases, rowPage, y, { page: target, bottom: limit });
        return tried.continuation?.page === target;
      };
      // A few steps up from the even share (usually enough), then halving the rest of the way.
      let low = continuationTop + used / columns;
      let found: number | null = null;
      for (let step = 0; step < 3 && found === null; step++, low += 10) if (fits(low)) found = low;
      if (found === null) {
        let high = bottom;
        for (let i = 0; i < 6; i++) {
          const mid = (low + high) / 2;
          if (fits(mid)) high = mid;
          else low = mid;
        }
        found = high;
      }
      out.rollback(mark);
      result = layoutRow(rowCases, rowPage, y, found < bottom ? { page: target, bottom: found } : null);
      if (result.continuation?.page !== target) {
        out.rollback(mark);
        result = layoutRow(rowCases, rowPage, y, null);
      }
      last = result.continuation!;
      // The next row goes below the balanced columns.
      const pageOps = out.page(last.page);
      const lowest = pageOps.reduce((max, op) => (op.kind === 'text' && op.struct !== ARTIFACT ? Math.max(max, op.y + op.style.leading) : max), continuationTop);
      page = last.page;
      y = Math.max(lowest, last.y) + 18;
    } else {
      page = rowPage;
      y = result.rowEnd + 18;
    }
  }

  // Running header on every page after the first, and the footer on every page.
  const pages = out.pages.length;
  const source = output.attribution ? t('caseOutputs.source', { attribution: output.attribution }) : output.teamName;
  for (let p = 0; p < pages; p++) {
    if (p > 0) {
      const text = fitLine(measure, pdfText(t('caseOutputs.pdf.posterRunning', { title: output.title })), poster.running, contentWidth);
      out.page(p).push({ kind: 'text', x: left, y: P_MARGIN, text, style: poster.running, struct: ARTIFACT });
    }
    const pageLabel = t('caseOutputs.footer.page', { page: p + 1, pages });
    const footY = H - P_MARGIN - 6;
    out.rule(p, left, footY - 4, right, footY - 4, COLOR.sand, 1);
    const text = fitLine(measure, pdfText(source), poster.footer, contentWidth - 120);
    out.page(p).push({ kind: 'text', x: left, y: footY, text, style: poster.footer, struct: ARTIFACT });
    out.rightText(p, right, footY, pageLabel, poster.footer, measure);
  }
  return out;
}

/** The band with the top list; returns the y below it. Falls back to plain flowing text when it cannot fit. */
function layoutPosterTop(
  output: ConsultationOutput,
  out: Pages,
  measure: Measure,
  t: Translate,
  y: number,
  left: number,
  width: number,
  bottom: number,
  continuationTop: number,
): number {
  const items = output.top.items;
  const sect = out.struct('Sect', 0);
  const heading = out.struct('H2', sect);
  const pad = 16;
  const title = wrap(measure, [run(t('caseOutputs.top.title', { count: items.length }), poster.bandTitle)], width - 2 * pad - 260);
  const approval = approvalLine(t, output);
  // A top list without ranking gets no numbers, and a line under the title that says so.
  const ranked = topIsRanked(output);
  const orderText = ranked ? null : t('caseOutputs.top.sourceOrder', { count: items.length });
  const orderNote = orderText === null ? [] : wrap(measure, [run(orderText, poster.bandNote)], width - 2 * pad - 260);
  if (items.length === 0) {
    const flow = new Flow(out, measure, { page: 0, x: left, top: y, y, width, bottom }, (f) => ({ ...f, page: f.page + 1, top: continuationTop, y: continuationTop }));
    flow.paragraph([run(t('caseOutputs.top.title', { count: 10 }), style('Helvetica-Bold', 16, COLOR.teal))], { struct: heading, spaceAfter: 2 });
    flow.paragraph([run(t('caseOutputs.top.none'), poster.question)], { struct: out.struct('P', sect) });
    return flow.frame.y + 14;
  }
  const gap = 22;
  const colWidth = (width - 2 * pad - gap) / 2;
  const rankWidth = 33;
  const textWidth = colWidth - rankWidth;
  const approvalStruct = approval ? out.struct('P', sect) : null;
  const list = out.struct('L', sect);
  interface Placed {
    readonly item: (typeof items)[number];
    readonly addressee: Line[];
    readonly head: Line[];
    readonly rest: Line[];
    readonly height: number;
  }
  const placed: Placed[] = items.map((item) => {
    const { first, rest } = splitFirstSentence(item.text);
    const addressee = wrap(measure, [run(`${output.addresseeTitles[item.addressee]} · ${t('caseOutputs.recommendationNumber', { number: item.recommendationNumber })}`.toLocaleUpperCase('nl-NL'), poster.topAddressee)], textWidth);
    const headLines = wrap(measure, [run(first, poster.topHead)], textWidth);
    const restLines = rest ? wrap(measure, [run(rest, poster.topRest)], textWidth) : [];
    const height = Math.max(linesHeight(addressee) + linesHeight(headLines) + (restLines.length > 0 ? 2 + linesHeight(restLines) : 0), 26);
    return { item, addressee, head: headLines, rest: restLines, height };
  });
  const itemGap = 9;
  const half = Math.ceil(placed.length / 2);
  const columns = [placed.slice(0, half), placed.slice(half)];
  const columnHeight = (col: readonly Placed[]) => col.reduce((sum, p) => sum + p.height, 0) + Math.max(col.length - 1, 0) * itemGap;
  const headerHeight = linesHeight(title) + (orderNote.length > 0 ? 2 + linesHeight(orderNote) : 0) + 10;
  const bandHeight = pad + headerHeight + Math.max(...columns.map(columnHeight)) + pad;
  if (y + bandHeight > bottom) {
    // Too much for one band: the list flows in one column across the pages instead.
    const flow = new Flow(out, measure, { page: 0, x: left, top: y, y, width, bottom }, (f) => ({ ...f, page: f.page + 1, top: continuationTop, y: continuationTop }));
    flow.paragraph([run(t('caseOutputs.top.title', { count: items.length }), { ...poster.bandTitle, color: COLOR.teal })], { struct: heading, spaceAfter: 4 });
    if (approval && approvalStruct !== null) flow.paragraph([run(approval, poster.question)], { struct: approvalStruct, spaceAfter: 4 });
    if (orderText !== null) flow.paragraph([run(orderText, poster.question)], { struct: out.struct('P', sect), spaceAfter: 4 });
    for (const p of placed) {
      const li = out.struct('LI', list);
      const body = out.struct('LBody', li);
      flow.paragraph(
        [run(`${p.item.text}`, style('Helvetica', 8.5, COLOR.ink, 10.6))],
        { struct: body, indent: 26, label: { runs: [run(p.item.rank === null ? '•' : String(p.item.rank), style('Helvetica-Bold', 10, COLOR.primary, 10.6))], struct: out.struct('Lbl', li) }, spaceAfter: 5 },
      );
    }
    return flow.frame.y + 14;
  }
  out.rect(0, left, y, width, bandHeight, COLOR.teal, 8);
  let ty = y + pad;
  for (const line of title) {
    out.line(0, left + pad, ty, line, heading);
    ty += line.height;
  }
  if (orderNote.length > 0) {
    const noteStruct = out.struct('P', sect);
    ty += 2;
    for (const line of orderNote) {
      out.line(0, left + pad, ty, line, noteStruct);
      ty += line.height;
    }
  }
  if (approval && approvalStruct !== null) {
    const note = fitLine(measure, pdfText(approval), poster.bandNote, 250);
    out.rightText(0, left + width - pad, y + pad + 6, note, poster.bandNote, measure, approvalStruct);
  }
  columns.forEach((col, ci) => {
    const x = left + pad + ci * (colWidth + gap);
    let iy = y + pad + headerHeight;
    for (const p of col) {
      const li = out.struct('LI', list);
      if (p.item.rank === null) {
        // No rank to show: a small sand-coloured dot as the bullet.
        out.rect(0, x + 7, iy + 3, 10, 10, COLOR.sand, 5);
      } else {
        // The rank in a sand-coloured disc.
        const lbl = out.struct('Lbl', li);
        out.rect(0, x, iy + 1, 24, 24, COLOR.sand, 12);
        const rank = wrap(measure, [run(String(p.item.rank), poster.rank)], rankWidth)[0]!;
        out.line(0, x + 12 - rank.width / 2, iy + 7.4, rank, lbl);
      }
      const body = out.struct('LBody', li);
      let ly = iy;
      for (const line of [...p.addressee, ...p.head]) {
        out.line(0, x + rankWidth, ly, line, body);
        ly += line.height;
      }
      if (p.rest.length > 0) ly += 2;
      for (const line of p.rest) {
        out.line(0, x + rankWidth, ly, line, body);
        ly += line.height;
      }
      iy += p.height + itemGap;
    }
  });
  return y + bandHeight + 16;
}

function layoutPosterCase(c: OutputCase, output: ConsultationOutput, flow: Flow, sect: number, t: Translate): void {
  const out = flow.out;
  const heading = out.struct('H2', sect);
  flow.box(
    [
      { runs: [run(c.title, poster.caseTitle)], struct: heading, spaceAfter: c.meetingLabel ? 1 : 0 },
      ...(c.meetingLabel ? [{ runs: [run(c.meetingLabel, poster.caseMeeting)], struct: heading }] : []),
    ],
    { fill: COLOR.primary, padding: 7, radius: 4, spaceAfter: 6, keepWithNext: 30 },
  );
  const summary = personaSummary(c);
  if (summary) flow.paragraph([run(summary, poster.summary)], { struct: out.struct('P', sect), spaceAfter: 5 });
  if (c.question.trim() !== '') {
    flow.box(
      [
        { runs: [run(t('caseOutputs.case.question'), poster.questionLabel)], struct: out.struct('H3', sect), spaceAfter: 1 },
        { runs: [run(c.question, poster.question)], struct: out.struct('P', sect) },
      ],
      { fill: COLOR.tealLight, padding: 6, radius: 3, spaceAfter: 7 },
    );
  }
  const bulletList = (texts: readonly string[], parent: number) => {
    const list = out.struct('L', parent);
    for (const text of texts) {
      const li = out.struct('LI', list);
      flow.paragraph([run(text, poster.item)], {
        struct: out.struct('LBody', li),
        indent: 7,
        label: { runs: [run('•', poster.bullet)], struct: out.struct('Lbl', li) },
        spaceAfter: 2.2,
      });
    }
  };
  if (c.bottlenecks.length > 0) {
    flow.paragraph([run(t('caseOutputs.case.bottlenecks'), poster.section)], { struct: out.struct('H3', sect), spaceBefore: 2, spaceAfter: 2, keepWithNext: 18 });
    bulletList(c.bottlenecks, sect);
    flow.space(5);
  }
  flow.paragraph([run(t('caseOutputs.case.recommendations'), poster.section)], { struct: out.struct('H3', sect), spaceBefore: 2, spaceAfter: 2, keepWithNext: 28 });
  const groups = caseRecommendationsByAddressee(c);
  if (groups.length === 0) flow.paragraph([run(t('caseOutputs.noRecommendations'), poster.item)], { struct: out.struct('P', sect) });
  for (const g of groups) {
    flow.paragraph([run(output.addresseeTitles[g.addressee], poster.addressee)], { struct: out.struct('H4', sect), spaceBefore: 3, spaceAfter: 1.5, keepWithNext: 18 });
    bulletList(g.texts, sect);
  }
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

const R_LEFT = 62;
const R_TOP = 62;
const R_BOTTOM = 74;

const report = {
  kicker: style('Helvetica-Bold', 9.5, COLOR.primary, 13),
  title: style('Helvetica-Bold', 26, COLOR.ink, 31),
  team: style('Helvetica', 14, COLOR.inkSoft, 18),
  h1: style('Helvetica-Bold', 19, COLOR.ink, 23),
  h2: style('Helvetica-Bold', 14, COLOR.teal, 18),
  h3: style('Helvetica-Bold', 11, COLOR.primary, 14.5),
  h4: style('Helvetica-Bold', 10, COLOR.teal, 13.5),
  body: style('Helvetica', 9.8, COLOR.ink, 13.6),
  bodyBold: style('Helvetica-Bold', 9.8, COLOR.ink, 13.6),
  term: style('Helvetica-Bold', 8.8, COLOR.inkSoft, 12.4),
  value: style('Helvetica', 9.3, COLOR.ink, 12.4),
  meta: style('Helvetica', 8.3, COLOR.inkSoft, 11.2),
  label: style('Helvetica-Bold', 9.8, COLOR.teal, 13.6),
  rank: style('Helvetica-Bold', 15, COLOR.primary, 17),
  stat: style('Helvetica-Bold', 20, COLOR.primary, 23),
  statLabel: style('Helvetica', 8.5, COLOR.inkSoft, 11),
  contents: style('Helvetica', 11, COLOR.ink, 18),
  footer: style('Helvetica', 8, COLOR.inkSoft, 10),
} as const;

interface ReportSection {
  readonly title: string;
  page: number;
}

function layoutReport(output: ConsultationOutput, measure: Measure): Laidout {
  // Twice: the first pass finds the page of every section for the table of contents.
  const first = layoutReportPass(output, measure, null);
  return layoutReportPass(output, measure, first.sections).pages;
}

function layoutReportPass(output: ConsultationOutput, measure: Measure, knownSections: readonly ReportSection[] | null): { pages: Pages; sections: ReportSection[] } {
  const t = translator('nl');
  const W = REPORT_PAGE.width;
  const H = REPORT_PAGE.height;
  const out = new Pages(REPORT_PAGE);
  const width = W - 2 * R_LEFT;
  const bottom = H - R_BOTTOM;
  const frameOn = (page: number): Frame => {
    out.page(page);
    return { page, x: R_LEFT, top: R_TOP, y: R_TOP, width, bottom };
  };
  const flow = new Flow(out, measure, frameOn(0), (f) => frameOn(f.page + 1));
  const newPage = () => {
    if (!flow.atTop) flow.frame = frameOn(flow.frame.page + 1);
  };
  const sections: ReportSection[] = [];
  const P = (text: string, parent: number, s: Style = report.body, spaceAfter = 7) => {
    if (text.trim() === '') return;
    for (const para of text.split(/\n\s*\n/)) flow.paragraph([run(para.trim(), s)], { struct: out.struct('P', parent), spaceAfter });
  };
  const H1 = (title: string, parent: number) => {
    newPage();
    sections.push({ title, page: flow.frame.page });
    flow.paragraph([run(title, report.h1)], { struct: out.struct('H1', parent, { title, level: 1 }), spaceAfter: 4, keepWithNext: 40 });
    out.rule(flow.frame.page, R_LEFT, flow.frame.y, R_LEFT + 48, flow.frame.y, COLOR.primary, 3);
    flow.frame.y += 14;
  };
  const H2 = (title: string, parent: number, bookmark = false) =>
    flow.paragraph([run(title, report.h2)], { struct: out.struct('H2', parent, bookmark ? { title, level: 2 } : undefined), spaceBefore: 12, spaceAfter: 5, keepWithNext: 40 });
  const H3 = (title: string, parent: number) => flow.paragraph([run(title, report.h3)], { struct: out.struct('H3', parent), spaceBefore: 9, spaceAfter: 4, keepWithNext: 30 });
  const H4 = (title: string, parent: number) => flow.paragraph([run(title, report.h4)], { struct: out.struct('H4', parent), spaceBefore: 6, spaceAfter: 3, keepWithNext: 28 });
  const bullets = (texts: readonly string[], parent: number) => {
    const list = out.struct('L', parent);
    for (const text of texts) {
      const li = out.struct('LI', list);
      flow.paragraph([run(text, report.body)], {
        struct: out.struct('LBody', li),
        indent: 13,
        label: { runs: [run('•', report.label)], struct: out.struct('Lbl', li) },
        spaceAfter: 4,
      });
    }
  };

  // Title page.
  const front = out.struct('Sect', 0);
  flow.frame.y = R_TOP + 40;
  flow.paragraph([run(t('caseOutputs.pdf.reportKicker').toLocaleUpperCase('nl-NL'), report.kicker)], { struct: out.struct('P', front), spaceAfter: 10 });
  flow.paragraph([run(output.title, report.title)], { struct: out.struct('H1', front, { title: output.title, level: 1 }), spaceAfter: 10 });
  out.rule(flow.frame.page, R_LEFT, flow.frame.y, R_LEFT + 64, flow.frame.y, COLOR.primary, 4);
  flow.frame.y += 16;
  flow.paragraph([run(output.teamName, report.team)], { struct: out.struct('P', front), spaceAfter: 4 });
  flow.paragraph([run(`${t('caseOutputs.theme')}: `, report.bodyBold), run(output.theme, report.body)], { struct: out.struct('P', front), spaceAfter: 2 });
  flow.paragraph([run(`${t('caseOutputs.generatedOn')}: `, report.bodyBold), run(day(output.generatedAt), report.body)], { struct: out.struct('P', front), spaceAfter: 18 });
  // Three key numbers.
  const stats: [number, string][] = [
    [output.cases.length, t('caseOutputs.stats.cases')],
    [output.recommendations.length, t('caseOutputs.stats.recommendations')],
    [output.top.items.length, t('caseOutputs.stats.top')],
  ];
  const statsStruct = out.struct('P', front);
  const statWidth = width / 3;
  flow.ensure(50);
  const sy = flow.frame.y;
  stats.forEach(([n, label], i) => {
    const x = R_LEFT + i * statWidth;
    out.rect(flow.frame.page, x, sy, statWidth - 10, 46, COLOR.sand, 4);
    out.line(flow.frame.page, x + 10, sy + 6, wrap(measure, [run(String(n), report.stat)], statWidth - 30)[0]!, statsStruct);
    out.line(flow.frame.page, x + 10, sy + 30, wrap(measure, [run(label, report.statLabel)], statWidth - 30)[0]!, statsStruct);
  });
  flow.frame.y = sy + 46 + 22;
  if (output.about) {
    H2(t('caseOutputs.report.about'), front);
    P(output.about, front, report.body);
  }
  // Contents, with page numbers from the first pass.
  const contentsTitles = [
    t('caseOutputs.report.method'),
    t('caseOutputs.report.cases'),
    t('caseOutputs.report.allRecommendations'),
    t('caseOutputs.top.title', { count: output.top.items.length || 10 }),
  ];
  H2(t('caseOutputs.report.contents'), front);
  const toc = out.struct('L', front);
  contentsTitles.forEach((title) => {
    const li = out.struct('LI', toc);
    const known = knownSections?.find((s) => s.title === title);
    const page = known ? String(known.page + 1) : '';
    const lbl = page ? out.struct('Lbl', li) : ARTIFACT;
    flow.paragraph([run(title, report.contents)], { struct: out.struct('LBody', li), indent: 0, spaceAfter: 0 });
    if (page) {
      out.rightText(flow.frame.page, R_LEFT + width, flow.frame.y - report.contents.leading + (report.contents.leading - report.contents.size * 1.15) / 2, page, report.contents, measure, lbl);
    }
    out.rule(flow.frame.page, R_LEFT, flow.frame.y, R_LEFT + width, flow.frame.y, COLOR.sand, 0.8);
    flow.frame.y += 3;
  });

  // Method.
  const method = out.struct('Sect', 0);
  H1(t('caseOutputs.report.method'), method);
  if (output.method.intro) P(output.method.intro, method);
  H2(t('caseOutputs.report.stepPlan', { count: output.method.steps.length, minutes: methodMinutes(output) }), method, true);
  const steps = out.struct('L', method);
  for (const s of output.method.steps) {
    const li = out.struct('LI', steps);
    const instruction = s.instruction.trim() === '—' || s.instruction.trim() === '-' ? '' : s.instruction.trim();
    flow.paragraph([run(s.title, report.bodyBold), ...(instruction ? [run(`\n${instruction}`, report.body)] : [])], {
      struct: out.struct('LBody', li),
      indent: 92,
      label: {
        runs: [run(t('caseOutputs.report.step', { number: s.number }), report.label), run(`\n${t('caseOutputs.report.minutes', { minutes: s.minutes })}`, report.meta)],
        struct: out.struct('Lbl', li),
      },
      spaceAfter: 4,
      keepTogether: true,
    });
    out.rule(flow.frame.page, R_LEFT, flow.frame.y, R_LEFT + width, flow.frame.y, COLOR.sand, 0.8);
    flow.frame.y += 6;
  }

  // The cases, each from a new page.
  const casesSect = out.struct('Sect', 0);
  H1(t('caseOutputs.report.cases'), casesSect);
  if (output.cases.length === 0) P(t('caseOutputs.noCases'), casesSect);
  output.cases.forEach((c, i) => {
    if (i > 0) newPage();
    const sect = out.struct('Sect', casesSect);
    const title = c.meetingLabel ? `${c.title} · ${c.meetingLabel}` : c.title;
    H2(title, sect, true);
    H3(t('caseOutputs.case.persona'), sect);
    const persona = out.struct('L', sect);
    for (const field of PERSONA_FIELDS) {
      const value = c.persona[field].trim();
      if (value === '') continue;
      const li = out.struct('LI', persona);
      flow.paragraph([run(value, report.value)], {
        struct: out.struct('LBody', li),
        indent: 138,
        label: { runs: [run(PERSONA_FIELD_LABELS[field], report.term)], struct: out.struct('Lbl', li) },
        spaceAfter: 4,
      });
    }
    H3(t('caseOutputs.case.question'), sect);
    P(c.question, sect);
    if (c.bottlenecks.length > 0) {
      H3(t('caseOutputs.case.bottlenecks'), sect);
      bullets(c.bottlenecks, sect);
    }
    H3(t('caseOutputs.case.recommendations'), sect);
    const groups = caseRecommendationsByAddressee(c);
    if (groups.length === 0) P(t('caseOutputs.noRecommendations'), sect);
    for (const g of groups) {
      H4(output.addresseeTitles[g.addressee], sect);
      bullets(g.texts, sect);
    }
  });

  // All unique recommendations per addressee.
  const ranks = topRanks(output);
  const inTop = topNumbers(output);
  const all = out.struct('Sect', 0);
  H1(t('caseOutputs.report.allRecommendations'), all);
  const groups = recommendationsByAddressee(output);
  if (groups.length === 0) P(t('caseOutputs.noRecommendations'), all);
  for (const g of groups) {
    H2(output.addresseeTitles[g.addressee], all, true);
    const list = out.struct('L', all);
    for (const r of g.recommendations) {
      const li = out.struct('LI', list);
      const body = out.struct('LBody', li);
      const meta = [
        r.caseNumbers.length > 0 ? t(r.caseNumbers.length === 1 ? 'caseOutputs.fromCase' : 'caseOutputs.fromCases', { numbers: r.caseNumbers.join(', ') }) : '',
        ranks.has(r.number) ? t('caseOutputs.topRank', { rank: ranks.get(r.number)! }) : inTop.has(r.number) ? t('caseOutputs.inTop') : '',
      ].filter(Boolean);
      flow.paragraph([run(r.text, report.body)], {
        struct: body,
        indent: 26,
        label: { runs: [run(`${r.number}.`, report.label)], struct: out.struct('Lbl', li) },
        spaceAfter: meta.length > 0 ? 1 : 6,
      });
      if (meta.length > 0) flow.paragraph([run(meta.join(' · '), report.meta)], { struct: body, indent: 26, spaceAfter: 6 });
    }
  }

  // The top list.
  const top = out.struct('Sect', 0);
  H1(t('caseOutputs.top.title', { count: output.top.items.length || 10 }), top);
  if (output.top.intro) P(output.top.intro, top);
  if (output.top.items.length > 0 && !topIsRanked(output)) P(t('caseOutputs.top.sourceOrder', { count: output.top.items.length }), top);
  if (output.top.items.length === 0) P(t('caseOutputs.top.none'), top);
  else {
    const list = out.struct('L', top);
    for (const item of output.top.items) {
      const li = out.struct('LI', list);
      const body = out.struct('LBody', li);
      const meta = [
        t('caseOutputs.recommendationNumber', { number: item.recommendationNumber }),
        output.addresseeTitles[item.addressee],
        item.averageRank !== null ? t('caseOutputs.top.averageRank', { value: decimal(item.averageRank) }) : '',
      ].filter(Boolean);
      flow.paragraph([run(meta.join(' · '), report.meta)], {
        struct: body,
        indent: 30,
        label: { runs: [run(item.rank === null ? '•' : String(item.rank), report.rank)], struct: out.struct('Lbl', li) },
        spaceBefore: 4,
        spaceAfter: 1,
        keepWithNext: 28,
      });
      const { first, rest } = splitFirstSentence(item.text);
      flow.paragraph([run(first, report.bodyBold), ...(rest ? [run(` ${rest}`, report.body)] : [])], { struct: body, indent: 30, spaceAfter: 8 });
    }
  }
  const approval = approvalLine(t, output);
  if (approval) P(approval, top, report.bodyBold);
  if (output.attribution) {
    H2(t('caseOutputs.report.source'), top);
    P(t('caseOutputs.source', { attribution: output.attribution }), top);
  }

  // Footer on every page: the title on the left, the page number on the right.
  const pages = out.pages.length;
  for (let p = 0; p < pages; p++) {
    const y = H - R_BOTTOM + 30;
    out.rule(p, R_LEFT, y - 6, R_LEFT + width, y - 6, COLOR.sand, 1);
    const pageLabel = t('caseOutputs.footer.page', { page: p + 1, pages });
    const text = fitLine(measure, pdfText(`${output.title} · ${output.teamName}`), report.footer, width - measure.width(pageLabel, report.footer) - 20);
    out.page(p).push({ kind: 'text', x: R_LEFT, y, text, style: report.footer, struct: ARTIFACT });
    out.rightText(p, R_LEFT + width, y, pageLabel, report.footer, measure);
  }
  return { pages: out, sections };
}
