import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { fromRoot } from '../../platform/paths.js';
import { contentFiles, type ContentFileName, type Provenance } from './book.content-schema.js';
import { blockRefs, blocksText, parseBody, type Block, type Mention, type MentionFinder } from './book.markup.js';

type FileData<N extends ContentFileName> = z.infer<(typeof contentFiles)[N]>;

export interface ContentPack {
  readonly chapters: FileData<'boek/hoofdstukken.json'>;
  readonly stories: FileData<'boek/verhalen.json'>['stories'];
  readonly dreams: FileData<'boek/dromen.json'>['dreams'];
  readonly workbook: FileData<'boek/werkboek.json'>;
  readonly sources: FileData<'boek/bronnen.json'>['sources'];
  readonly practice: FileData<'boek/praktijk.json'>;
  readonly tables: FileData<'boek/tabellen.json'>;
  readonly professionIndex: FileData<'beroepenindex.json'>;
  readonly zeeland: FileData<'zeeland/rapport.json'>;
  readonly documents: FileData<'documenten.json'>;
}

export type Chapter = ContentPack['chapters']['chapters'][number];
export type Story = ContentPack['stories'][number];
export type Dream = ContentPack['dreams'][number];
export type Instruction = ContentPack['workbook']['instructions'][number];
export type Questionnaire = ContentPack['workbook']['questionnaire'];
export type Source = ContentPack['sources'][number];
export type ProfessionEntry = ContentPack['professionIndex']['professions'][number];
export type Case = ContentPack['zeeland']['cases'][number];
export type Recommendation = ContentPack['zeeland']['recommendations'][number];
export type ReportSection = ContentPack['zeeland']['sections'][number];
export type SourceDocument = ContentPack['documents']['documents'][number];
export type Addressee = Recommendation['addressee'];

/** What a page of the book is; also the search filter types. */
export type ItemType =
  | 'page'
  | 'chapter'
  | 'story'
  | 'dream'
  | 'instruction'
  | 'source'
  | 'profession'
  | 'case'
  | 'recommendation'
  | 'report'
  | 'document';

export interface BookItem {
  /** The internal reference ("droom:3", "pagina:routekaart"). */
  readonly ref: string;
  readonly type: ItemType;
  readonly url: string;
  readonly title: string;
  /** The reference of the page above this one, for breadcrumbs. */
  readonly parent: string | null;
  readonly provenance: Provenance | null;
}

export function loadContentPack(): ContentPack {
  const read = <N extends ContentFileName>(name: N): FileData<N> =>
    contentFiles[name].parse(JSON.parse(readFileSync(fromRoot('content', name), 'utf8'))) as FileData<N>;
  return {
    chapters: read('boek/hoofdstukken.json'),
    stories: read('boek/verhalen.json').stories,
    dreams: read('boek/dromen.json').dreams,
    workbook: read('boek/werkboek.json'),
    sources: read('boek/bronnen.json').sources,
    practice: read('boek/praktijk.json'),
    tables: read('boek/tabellen.json'),
    professionIndex: read('beroepenindex.json'),
    zeeland: read('zeeland/rapport.json'),
    documents: read('documenten.json'),
  };
}

/** Fixed pages of the book: slug → [url, title, parent]. */
const PAGES: Record<string, readonly [string, string, string | null]> = {
  leeswijzer: ['/boek', 'Inspiratieboek', null],
  inhoud: ['/boek/inhoud', 'Inhoudsopgave', 'pagina:leeswijzer'],
  verhalen: ['/boek/verhalen', 'Verhalen', 'pagina:leeswijzer'],
  dromen: ['/boek/dromen', 'Dromen', 'pagina:leeswijzer'],
  werkboek: ['/boek/werkboek', 'Werkboekinstructies', 'pagina:leeswijzer'],
  bronnen: ['/boek/bronnen', 'Bronnen', 'pagina:leeswijzer'],
  beroepenindex: ['/boek/beroepen', 'Beroepenindex', 'pagina:leeswijzer'],
  praktijkvoorbeelden: ['/boek/praktijkvoorbeelden', 'Good practices uit de regio', 'pagina:leeswijzer'],
  leermomenten: ['/boek/leermomenten', 'Leermomenten', 'pagina:leeswijzer'],
  'werkproces-in-keten': ['/boek/werkproces-in-keten', 'Werkproces in keten', 'pagina:leeswijzer'],
  vocabulaire: ['/boek/vocabulaire', 'Het vocabulaire', 'pagina:leeswijzer'],
  feedbackregels: ['/boek/feedbackregels', 'Feedbackregels', 'pagina:leeswijzer'],
  routekaart: ['/boek/routekaart', 'Routekaart 2024', 'pagina:leeswijzer'],
  'routekaart-acties': ['/boek/routekaart-acties', 'Routekaart acties', 'pagina:leeswijzer'],
  zeeland: ['/boek/zeeland', 'Rapport Expertteam GGZ en arbeid Zeeland', 'pagina:leeswijzer'],
  casussen: ['/boek/zeeland/casussen', 'Casussen', 'pagina:zeeland'],
  aanbevelingen: ['/boek/zeeland/aanbevelingen', 'Aanbevelingen', 'pagina:zeeland'],
  'top-10': ['/boek/zeeland/top-10', 'Top 10 aanbevelingen', 'pagina:zeeland'],
  stappenplan: ['/boek/zeeland/stappenplan', 'Stappenplan persona-bespreking', 'pagina:zeeland'],
  documenten: ['/boek/documenten', 'Andere documenten', 'pagina:leeswijzer'],
  verantwoording: ['/boek/verantwoording', 'Verantwoording', 'pagina:leeswijzer'],
};
/** Other names content may use for the same page. */
const PAGE_ALIASES: Record<string, string> = {
  'good-practices': 'praktijkvoorbeelden',
  beroepen: 'beroepenindex',
  werkwijze: 'zeeland',
  rapport: 'zeeland',
  'top10': 'top-10',
};


export function sectionAnchor(number: string): string {
  return `paragraaf-${number.replace(/\./g, '-')}`;
}

export interface Backlink {
  readonly from: BookItem;
}

/** The content pack as a linked book: items with addresses, reading order and links both ways. */
export class Book {
  readonly items = new Map<string, BookItem>();
  readonly order: string[] = [];
  private readonly byUrl = new Map<string, BookItem>();
  private readonly blockCache = new Map<string, Block[]>();
  private readonly linksFrom = new Map<string, Set<string>>();
  private readonly linksTo = new Map<string, Set<string>>();
  /** References in the content that point nowhere (the content tests require none). */
  readonly unresolved: { from: string; ref: string }[] = [];
  /** Every body of every item, for link extraction and the search index. */
  private readonly bodies = new Map<string, string[]>();
  readonly version: string;
  private readonly sectionChapter = new Map<string, Chapter>();
  private readonly professionPattern: RegExp;
  private readonly storyNamePattern: RegExp;

  constructor(readonly pack: ContentPack) {
    this.version = createHash('sha256').update(JSON.stringify(pack)).digest('hex').slice(0, 16);
    const page = (slug: string, bodies: string[] = []) => {
      const [url, title, parent] = PAGES[slug]!;
      this.add({ ref: `pagina:${slug}`, type: 'page', url, title, parent, provenance: null }, bodies);
    };
    const { chapters, stories, dreams, workbook, sources, practice, tables, professionIndex, zeeland, documents } = pack;

    page('leeswijzer', [chapters.readingGuide.body, chapters.colophon.body]);
    page('inhoud');
    for (const c of [...chapters.chapters].sort((a, b) => a.number - b.number)) {
      this.add(
        { ref: `hoofdstuk:${c.number}`, type: 'chapter', url: `/boek/hoofdstukken/${c.slug}`, title: `Hoofdstuk ${c.number}: ${c.title}`, parent: 'pagina:inhoud', provenance: c.provenance },
        [c.intro ?? '', ...c.sections.flatMap((s) => [s.title, s.body])],
      );
      for (const s of c.sections) this.sectionChapter.set(s.number, c);
    }
    page('verhalen');
    for (const s of stories) {
      this.add({ ref: `verhaal:${s.number}`, type: 'story', url: `/boek/verhalen/${s.slug}`, title: `${s.name}: ${s.title}`, parent: 'pagina:verhalen', provenance: s.provenance }, [s.quote, s.body]);
    }
    page('dromen');
    for (const d of dreams) {
      this.add(
        { ref: `droom:${d.number}`, type: 'dream', url: `/boek/dromen/${d.slug}`, title: `Droom ${d.number}: ${d.title}`, parent: 'pagina:dromen', provenance: d.provenance },
        [d.summary, d.body, ...d.statements, ...d.milestones.flatMap((m) => [m.title, ...m.actions])],
      );
    }
    page('werkboek', [workbook.intro.body, ...workbook.modes.map((m) => m.body)]);
    for (const i of workbook.instructions) {
      this.add(
        { ref: `instructie:${i.number}`, type: 'instruction', url: `/boek/werkboek/${i.slug}`, title: `Werkboek Instructie ${i.number}: ${i.title}`, parent: 'pagina:werkboek', provenance: i.provenance },
        [i.intro ?? '', ...i.questions.flatMap((q) => [q.text, q.hint ?? '']), i.outro ?? ''],
      );
    }
    const q = workbook.questionnaire;
    this.add(
      { ref: 'vragenlijst:interview', type: 'instruction', url: `/boek/werkboek/${q.slug}`, title: q.title, parent: 'pagina:werkboek', provenance: q.provenance },
      [q.intro ?? '', ...q.groups.flatMap((g) => [g.title, ...g.questions.flatMap((x) => [x.text, x.hint ?? ''])])],
    );
    page('bronnen');
    for (const s of sources) {
      this.add({ ref: `bron:${s.number}`, type: 'source', url: `/boek/bronnen/${s.number}`, title: `Bron ${s.number}`, parent: 'pagina:bronnen', provenance: s.provenance }, [s.reference]);
    }
    page('beroepenindex');
    for (const p of [...professionIndex.professions].sort((a, b) => a.order - b.order)) {
      this.add(
        { ref: `beroep:${p.slug}`, type: 'profession', url: `/boek/beroepen/${p.slug}`, title: p.name, parent: 'pagina:beroepenindex', provenance: { document: professionIndex.provenance.document, section: professionIndex.provenance.section } },
        [p.description, p.goal ?? '', p.requirements ?? ''],
      );
    }
    page('praktijkvoorbeelden', practice.goodPractices.flatMap((g) => [g.title, g.body]));
    page('leermomenten', practice.learningMoments.flatMap((l) => l.items));
    page('werkproces-in-keten', [tables.chainOfWork.intro]);
    page('vocabulaire', [tables.vocabulary.intro]);
    page('feedbackregels', [tables.feedbackRules.intro ?? '', ...tables.feedbackRules.giving, ...tables.feedbackRules.receiving]);
    page('routekaart', [tables.roadmapMilestones.intro, ...tables.roadmapMilestones.tables.flatMap((t) => t.rows.flat())]);
    page('routekaart-acties', [tables.roadmapActions.intro, ...tables.roadmapActions.tables.flatMap((t) => t.rows.flat())]);
    page('zeeland');
    for (const s of zeeland.sections) {
      this.add({ ref: `rapport:${s.slug}`, type: 'report', url: `/boek/zeeland/${s.slug}`, title: s.title, parent: 'pagina:zeeland', provenance: s.provenance }, [s.body]);
    }
    page('casussen');
    for (const c of zeeland.cases) {
      this.add(
        { ref: `casus:${c.number}`, type: 'case', url: `/boek/zeeland/casussen/${c.slug}`, title: `Casus ${c.number}: ${c.title}`, parent: 'pagina:casussen', provenance: c.provenance },
        [...Object.values(c.persona), c.question, ...c.bottlenecks, ...c.recommendations.map((r) => r.text)],
      );
    }
    page('stappenplan', [zeeland.stepPlan.intro ?? '', ...zeeland.stepPlan.steps.map((s) => s.instruction)]);
    page('aanbevelingen', [zeeland.linkNotes]);
    page('top-10', [zeeland.top10.intro]);
    for (const r of zeeland.recommendations) {
      this.add(
        { ref: `aanbeveling:${r.number}`, type: 'recommendation', url: `/boek/zeeland/aanbevelingen/${r.number}`, title: `Aanbeveling ${r.number}`, parent: 'pagina:aanbevelingen', provenance: r.provenance },
        [r.text, r.linkNote ?? ''],
      );
    }
    page('documenten');
    for (const d of documents.documents) {
      this.add({ ref: `document:${d.slug}`, type: 'document', url: `/boek/documenten/${d.slug}`, title: d.title, parent: 'pagina:documenten', provenance: d.provenance }, [d.audience, d.body]);
    }
    page('verantwoording', documents.attribution.map((a) => `${a.title}. ${a.publisher}, ${a.date}. ${a.note ?? ''}`));

    this.professionPattern = namePattern(professionIndex.professions.flatMap((p) => professionVariants(p.name)), 'iu');
    this.storyNamePattern = namePattern(stories.map((s) => s.name), 'u');

    for (const [ref, bodies] of this.bodies) {
      for (const body of bodies) {
        for (const target of blockRefs(this.blocks(ref, body))) this.link(ref, target);
      }
    }
    // Items that hold other items link to them (lists, the table of contents, the report).
    for (const item of this.items.values()) if (item.parent) this.link(item.parent, item.ref);
    this.link('pagina:leeswijzer', 'pagina:inhoud');
  }

  private add(item: BookItem, bodies: string[]): void {
    if (this.items.has(item.ref)) throw new Error(`Dubbele verwijzing in het inhoudspakket: ${item.ref}`);
    if (this.byUrl.has(item.url)) throw new Error(`Dubbel adres in het inhoudspakket: ${item.url}`);
    this.items.set(item.ref, item);
    this.byUrl.set(item.url, item);
    this.order.push(item.ref);
    this.bodies.set(item.ref, bodies.filter((b) => b.trim() !== ''));
  }

  private link(from: string, to: string): void {
    const target = this.canonicalRef(to);
    if (!target) {
      this.unresolved.push({ from, ref: to });
      return;
    }
    if (target === from) return;
    if (!this.linksFrom.has(from)) this.linksFrom.set(from, new Set());
    this.linksFrom.get(from)!.add(target);
    if (!this.linksTo.has(target)) this.linksTo.set(target, new Set());
    this.linksTo.get(target)!.add(from);
  }

  /** The item a reference lands on (a section reference lands on its chapter). */
  canonicalRef(ref: string): string | undefined {
    const [type, key] = splitRef(ref);
    if (type === 'paragraaf') {
      const chapter = this.sectionChapter.get(key);
      return chapter ? `hoofdstuk:${chapter.number}` : undefined;
    }
    if (type === 'pagina') {
      const slug = PAGE_ALIASES[key] ?? key;
      return this.items.has(`pagina:${slug}`) ? `pagina:${slug}` : undefined;
    }
    return this.items.has(ref) ? ref : undefined;
  }

  /** The address of a reference, with the anchor of a section. */
  resolve(ref: string): { url: string; title: string } | undefined {
    const canonical = this.canonicalRef(ref);
    if (!canonical) return undefined;
    const item = this.items.get(canonical)!;
    const [type, key] = splitRef(ref);
    if (type === 'paragraaf') {
      const section = this.sectionChapter.get(key)!.sections.find((s) => s.number === key)!;
      return { url: `${item.url}#${sectionAnchor(key)}`, title: `${key} ${section.title}` };
    }
    return { url: item.url, title: item.title };
  }

  item(ref: string): BookItem | undefined {
    return this.items.get(ref);
  }

  itemAt(url: string): BookItem | undefined {
    return this.byUrl.get(url);
  }

  /** The parsed body of one of an item's texts, with plain mentions turned into links. */
  blocks(ownerRef: string, body: string): Block[] {
    const key = `${ownerRef}\u0000${body}`;
    let blocks = this.blockCache.get(key);
    if (!blocks) {
      blocks = parseBody(body, this.mentionFinder(ownerRef));
      this.blockCache.set(key, blocks);
    }
    return blocks;
  }

  /** Items that link to this one, in reading order (its own list or parent page not counted). */
  mentionedIn(ref: string): BookItem[] {
    const from = this.linksTo.get(ref) ?? new Set<string>();
    const parent = this.items.get(ref)?.parent;
    return this.order.filter((r) => from.has(r) && r !== parent).map((r) => this.items.get(r)!);
  }

  /** Everything an item links to (for tests of link integrity). */
  linksOf(ref: string): string[] {
    return [...(this.linksFrom.get(ref) ?? [])];
  }

  neighbours(ref: string): { previous: BookItem | undefined; next: BookItem | undefined } {
    const i = this.order.indexOf(ref);
    return {
      previous: i > 0 ? this.items.get(this.order[i - 1]!) : undefined,
      next: i >= 0 && i < this.order.length - 1 ? this.items.get(this.order[i + 1]!) : undefined,
    };
  }

  breadcrumbs(ref: string): { href: string; label: string }[] {
    const crumbs: { href: string; label: string }[] = [];
    let parent = this.items.get(ref)?.parent ?? null;
    while (parent) {
      const p = this.items.get(parent)!;
      crumbs.unshift({ href: p.url, label: p.title });
      parent = p.parent;
    }
    return crumbs;
  }

  /** The plain text of an item's bodies, for the search index. */
  plainText(ref: string): string {
    return (this.bodies.get(ref) ?? []).map((b) => blocksText(this.blocks(ref, b))).join('\n\n');
  }

  /** The plain text of one body of an item. */
  plainTextOf(ownerRef: string, body: string): string {
    return blocksText(this.blocks(ownerRef, body));
  }

  private mentionFinder(ownerRef: string): MentionFinder {
    const owner = splitRef(ownerRef)[0];
    const bookText = ['hoofdstuk', 'verhaal', 'droom', 'pagina', 'instructie', 'vragenlijst'].includes(owner);
    return (text) => {
      const found: Mention[] = [];
      const add = (start: number, end: number, ref: string) => {
        if (ref !== ownerRef && this.canonicalRef(ref)) found.push({ start, end, ref });
      };
      for (const m of text.matchAll(/\b(?:Werkboek\s+)?[Ii]nstructie\s+(\d(?:\.\d)?)(?![\d.]\d)/g)) add(m.index, m.index + m[0].length, `instructie:${m[1]}`);
      for (const m of text.matchAll(/\bDroom\s+(\d{1,2})(?!\d)/g)) add(m.index, m.index + m[0].length, `droom:${m[1]}`);
      for (const m of text.matchAll(/\bVerhaal\s+(\d{1,2})(?!\d)/g)) add(m.index, m.index + m[0].length, `verhaal:${m[1]}`);
      for (const m of text.matchAll(/\b[Hh]oofdstuk\s+(\d{1,2})(?![\d.]\d)/g)) add(m.index, m.index + m[0].length, `hoofdstuk:${m[1]}`);
      for (const m of text.matchAll(/\b[Pp]aragraaf\s+(\d{1,2}\.\d{1,2})(?!\d)/g)) add(m.index, m.index + m[0].length, `paragraaf:${m[1]}`);
      if (!bookText) {
        for (const m of text.matchAll(/\b[Cc]asus\s+(\d)(?!\d)/g)) add(m.index, m.index + m[0].length, `casus:${m[1]}`);
        for (const m of text.matchAll(/\b[Aa]anbeveling\s+(\d{1,2})(?!\d)/g)) add(m.index, m.index + m[0].length, `aanbeveling:${m[1]}`);
      }
      for (const m of text.matchAll(this.professionPattern)) {
        const slug = this.professionSlugOf(m[0]);
        if (slug) add(m.index, m.index + m[0].length, `beroep:${slug}`);
      }
      if (bookText) {
        for (const m of text.matchAll(this.storyNamePattern)) {
          const story = this.pack.stories.find((s) => s.name === m[0]);
          if (story) add(m.index, m.index + m[0].length, `verhaal:${story.number}`);
        }
      }
      return found;
    };
  }

  private professionSlugOf(word: string): string | undefined {
    const lower = word.toLowerCase();
    return this.pack.professionIndex.professions.find((p) => professionVariants(p.name).some((v) => v.toLowerCase() === lower))?.slug;
  }
}

export function splitRef(ref: string): [string, string] {
  const i = ref.indexOf(':');
  return i < 0 ? [ref, ''] : [ref.slice(0, i), ref.slice(i + 1)];
}

/** A profession name in singular and plural ("Bedrijfsarts", "bedrijfsartsen"). */
function professionVariants(name: string): string[] {
  const base = name.replace(/en$/, 'e');
  return [...new Set([name, base, `${base}n`, `${name}en`, `${name}s`, `${name}'s`])];
}

function namePattern(names: readonly string[], flags: string): RegExp {
  const escaped = [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, `g${flags}`);
}

let cached: Book | undefined;

/** The book, loaded and checked once per process (the content pack does not change while running). */
export function theBook(): Book {
  cached ??= new Book(loadContentPack());
  return cached;
}

