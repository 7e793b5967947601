import type { Db, DialectName } from '../db/create-db.js';
import type { Queryable } from '../db/database.js';
import * as repo from './search.repo.js';
import { MAX_QUERY_LENGTH, planQuery, termPairs, termsOfQuery, type Alternative, type Correction, type PlannedQuery, type QueryGroup, type Vocabulary } from './search-query.js';
import { Synonyms } from './synonyms.js';
import { tokenize, tokenizeLazily } from './text-analysis.js';

export { MAX_QUERY_LENGTH };
export const COUNT_LIMIT = repo.COUNT_LIMIT;
/**
 * Ten pages: when few documents have every word, at most this many with some of them; and when nothing is
 * ranked (every word in more documents than a search reads), the search reads only this many.
 */
const TEN_PAGES = 200;

export interface SearchableDocument {
  /** Unique within the source. */
  readonly key: string;
  readonly type: string;
  readonly url: string;
  readonly title: string;
  /** Plain text. */
  readonly body: string;
  /** The last day the document is found (a vacancy's expiry date), as YYYY-MM-DD. */
  readonly expiresOn?: string | null;
}

/** Part of every indexed version: raise it when the analysis changes, so sources are indexed again. */
export const INDEX_FORMAT = 3;
/** Terms longer than this are not indexed (they are no words). */
const MAX_TERM_LENGTH = 60;
const ANALYSIS_SLICE = 1000;
/** A lexeme keeps at most this many positions in a tsvector. */
const MAX_POSITIONS = 255;

const tag = (kind: 's' | 't', name: string) => `${kind}_${name.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;

interface AnalysedDocument {
  readonly row: repo.DocumentRow;
  /** Each distinct term with the form it was first written in. */
  readonly words: ReadonlyMap<string, string>;
}

function analyse(dialect: DialectName, source: string, d: SearchableDocument): AnalysedDocument {
  const words = new Map<string, string>();
  const termsOf = (text: string) =>
    tokenize(text).flatMap((t) => {
      if (!t.term || t.term.length > MAX_TERM_LENGTH) return [];
      if (!words.has(t.term)) words.set(t.term, t.word.toLowerCase());
      return [t.term];
    });
  const title = termsOf(d.title);
  const titleWithPairs = [...title, ...termPairs(title)];
  const body = termsOf(d.body);
  const tags = [tag('s', source), tag('t', d.type)];
  return {
    words,
    row: {
      id: `${source}:${d.key}`,
      source,
      type: d.type,
      url: d.url,
      title: d.title,
      body: d.body,
      terms: [...words.keys()].join(' '),
      expiresOn: d.expiresOn ?? null,
      engineTitle: dialect === 'sqlite' ? titleWithPairs.join(' ') : '',
      engineBody: dialect === 'sqlite' ? body.join(' ') : '',
      engineTags: dialect === 'sqlite' ? tags.join(' ') : '',
      vector: dialect === 'postgres' ? tsvectorLiteral(titleWithPairs, body, tags) : '',
    },
  };
}

const lexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Title terms at weight A, body terms unweighted (D), tags without position (they only filter). */
function tsvectorLiteral(title: readonly string[], body: readonly string[], tags: readonly string[]): string {
  const positions = new Map<string, string[]>();
  const add = (term: string, position: number, weight: string) => {
    const list = positions.get(term) ?? [];
    if (list.length < MAX_POSITIONS) list.push(`${Math.min(position, 16383)}${weight}`);
    positions.set(term, list);
  };
  title.forEach((term, i) => add(term, i + 1, 'A'));
  body.forEach((term, i) => add(term, title.length + i + 1, ''));
  const parts = [...positions].map(([term, list]) => `${lexeme(term)}:${list.join(',')}`);
  for (const t of tags) parts.push(lexeme(t));
  return parts.join(' ');
}

/** One document fewer for every term of these (old) documents. */
function termsLeaving(old: readonly { terms: string }[]): Map<string, repo.TermChange> {
  const changes = new Map<string, repo.TermChange>();
  for (const o of old) for (const term of o.terms.split(' ').filter(Boolean)) changes.set(term, { term, word: term, delta: (changes.get(term)?.delta ?? 0) - 1 });
  return changes;
}

/** One document more for every term of these documents, added to `into`. */
function countTerms(analysed: readonly AnalysedDocument[], into: Map<string, repo.TermChange>): void {
  for (const a of analysed) {
    for (const [term, word] of a.words) {
      const seen = into.get(term);
      into.set(term, { term, word: seen?.word ?? word, delta: (seen?.delta ?? 0) + 1 });
    }
  }
}

/** Replaces everything a source has in the index, inside the caller's transaction. */
export async function replaceSource(
  db: Queryable,
  dialect: DialectName,
  source: string,
  version: string,
  documents: readonly SearchableDocument[],
  now: Date,
): Promise<void> {
  await repo.deleteSource(db, dialect, source);
  await repo.saveSourceVersion(db, source, `${version}/${INDEX_FORMAT}`, now.toISOString());
  // In slices, so that a large collection is never held analysed in memory all at once.
  const terms = new Map<string, repo.TermChange>();
  for (let i = 0; i < documents.length; i += ANALYSIS_SLICE) {
    const analysed = documents.slice(i, i + ANALYSIS_SLICE).map((d) => analyse(dialect, source, d));
    await repo.insertDocuments(db, dialect, analysed.map((a) => a.row));
    countTerms(analysed, terms);
  }
  await repo.changeTermCounts(db, source, [...terms.values()]);
  await repo.changeSourceDocuments(db, source, documents.length);
}

/**
 * Puts these documents of a source into the index, or replaces them when they are there: only their own
 * rows and the vocabulary counts of their terms change. Inside the caller's transaction.
 */
export async function upsertDocuments(db: Queryable, dialect: DialectName, source: string, documents: readonly SearchableDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const analysed = documents.map((d) => analyse(dialect, source, d));
  const old = await repo.selectDocumentTerms(db, analysed.map((a) => a.row.id));
  const changes = termsLeaving(old);
  countTerms(analysed, changes);
  await repo.deleteDocuments(db, dialect, old.map((o) => o.doc));
  await repo.insertDocuments(db, dialect, analysed.map((a) => a.row));
  await repo.changeTermCounts(db, source, [...changes.values()]);
  await repo.changeSourceDocuments(db, source, analysed.length - old.length);
}

/** Takes these documents (by key) out of the index; keys that are not there are ignored. */
export async function deleteDocuments(db: Queryable, dialect: DialectName, source: string, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const old = await repo.selectDocumentTerms(db, keys.map((k) => `${source}:${k}`));
  if (old.length === 0) return;
  const changes = termsLeaving(old);
  await repo.deleteDocuments(db, dialect, old.map((o) => o.doc));
  await repo.changeTermCounts(db, source, [...changes.values()]);
  await repo.changeSourceDocuments(db, source, -old.length);
}

/** Whether the index holds this version of a source (indexed with the current analysis). */
export async function isIndexed(db: Queryable, source: string, version: string): Promise<boolean> {
  return (await repo.selectSourceVersion(db, source))?.version === `${version}/${INDEX_FORMAT}`;
}

export interface SnippetPart {
  readonly text: string;
  readonly highlight: boolean;
}

export interface SearchHit {
  readonly id: string;
  readonly type: string;
  readonly url: string;
  readonly title: string;
  readonly snippet: readonly SnippetPart[];
}

export interface SearchResults {
  /** What was searched for: the text typed, cut at MAX_QUERY_LENGTH. */
  readonly query: string;
  /** The text typed was longer than MAX_QUERY_LENGTH and was cut. */
  readonly truncated: boolean;
  /** Words the index does not know, searched as the close word shown. */
  readonly corrections: readonly Correction[];
  /** Nothing had all the words: these results have some of them. */
  readonly partial: boolean;
  /** Number of matches across the chosen types (at most COUNT_LIMIT). */
  readonly total: number;
  /** There are more matches than `total` (and than the counts per type): the search counted no further. */
  readonly moreThanTotal: boolean;
  /** Matches per type, whatever types were chosen (for the filters). */
  readonly countsByType: ReadonlyMap<string, number>;
  readonly hits: readonly SearchHit[];
  /** Spelling suggestions when nothing was found. */
  readonly suggestions: readonly string[];
}

export interface SearchRequest {
  readonly text: string;
  readonly types?: readonly string[];
  /** Only documents of these sources (e.g. the book and one region's desk). Absent or empty: every source. */
  readonly sources?: readonly string[];
  readonly page?: number;
  readonly pageSize?: number;
  readonly synonyms?: Synonyms;
  /** Today as YYYY-MM-DD: documents that expired before it are not found. */
  readonly today?: string;
  /** Search the words as typed: do not replace unknown words by close ones. */
  readonly exact?: boolean;
}

function emptyResults(plan: Pick<PlannedQuery, 'text' | 'truncated' | 'corrections'>): SearchResults {
  return {
    query: plan.text,
    truncated: plan.truncated,
    corrections: plan.corrections,
    partial: false,
    total: 0,
    moreThanTotal: false,
    countsByType: new Map(),
    hits: [],
    suggestions: [],
  };
}

function vocabularyOf(db: Queryable, sources: readonly string[]): Vocabulary {
  return {
    documents: (terms) => repo.selectTermDocuments(db, sources, terms),
    compounds: (term, limit) => repo.selectCompounds(db, sources, term, limit),
    spellingCandidates: (term) => repo.selectSpellingCandidates(db, sources, term),
  };
}

// The query languages of the two engines. Terms come from our own analysis (letters, digits, "." and "_"),
// and are quoted all the same, so that nothing a person types is ever read as engine syntax.
const fts5Term = (term: string) => `"${term.replace(/"/g, '""')}"`;
const fts5Alternative = (a: Alternative) => (a.length === 1 ? fts5Term(a[0]!) : `(${a.map(fts5Term).join(' AND ')})`);
const fts5Group = (g: QueryGroup) => `(${g.alternatives.map(fts5Alternative).join(' OR ')})`;
const tsTerm = lexeme;
const tsAlternative = (a: Alternative) => (a.length === 1 ? tsTerm(a[0]!) : `(${a.map(tsTerm).join(' & ')})`);
const tsGroup = (g: QueryGroup) => `(${g.alternatives.map(tsAlternative).join(' | ')})`;

/** Which documents a query stands for: those with every word, or with any of them. */
type Coverage = 'all' | 'any';

function contentExpression(dialect: DialectName, plan: PlannedQuery, coverage: Coverage): string {
  if (dialect === 'sqlite') {
    const content = plan.groups.map(fts5Group).join(coverage === 'all' ? ' AND ' : ' OR ');
    // Same matches, but a title that has the words side by side ("Droom 3") scores the pair too.
    return plan.titlePairs.length > 0 ? `(${content}) OR (${content}) AND (${plan.titlePairs.map(fts5Term).join(' OR ')})` : content;
  }
  return plan.groups.map(tsGroup).join(coverage === 'all' ? ' & ' : ' | ');
}

interface QueryScope {
  /** Only these sources; empty: every source (no filter). */
  readonly sources: readonly string[];
  readonly types: readonly string[];
  readonly today: string;
  /** Rank at all: not when every word is in so many documents that the first matches are all the search reads. */
  readonly ranked: boolean;
}

function engineQuery(dialect: DialectName, plan: PlannedQuery, coverage: Coverage, scope: QueryScope): repo.EngineQuery {
  const sourceTags = scope.sources.map((s) => tag('s', s));
  const typeTags = scope.types.map((t) => tag('t', t));
  const pairs = plan.titlePairs.map(tsTerm).join(' | ');
  const content = contentExpression(dialect, plan, coverage);
  if (dialect === 'sqlite') {
    const filters = [sourceTags, typeTags].filter((t) => t.length > 0).map((t) => ` AND tags : (${t.map(fts5Term).join(' OR ')})`);
    return { match: `{title body} : (${content})${filters.join('')}`, rank: '', pairs: '', today: scope.today, ranked: scope.ranked };
  }
  const filters = [sourceTags, typeTags].filter((t) => t.length > 0).map((t) => ` & (${t.map(tsTerm).join(' | ')})`);
  const rank = [...plan.groups.map(tsGroup), ...plan.titlePairs.map(tsTerm)].join(' | ');
  return { match: `(${content})${filters.join('')}`, rank, pairs, today: scope.today, ranked: scope.ranked };
}

/** A word in this share of the searched documents hardly tells them apart. */
const VERY_COMMON_SHARE = 0.5;
/** Below this many documents every word counts (the book alone). */
const SMALL_COLLECTION = 2000;

/**
 * Words in more than half of a large collection ("werk" in a social map) do not filter when other words
 * do: they are left out of the match, as a stop word would be, and still highlighted. Alone, they stay.
 */
function withoutVeryCommonWords(plan: PlannedQuery, collection: number): PlannedQuery {
  if (collection < SMALL_COLLECTION) return plan;
  const veryCommon = (g: QueryGroup) => g.documents > collection * VERY_COMMON_SHARE;
  const kept = plan.groups.filter((g) => !veryCommon(g));
  return kept.length === 0 || kept.length === plan.groups.length ? plan : { ...plan, groups: kept, highlightOnly: plan.groups.filter(veryCommon) };
}

const sum = (counts: ReadonlyMap<string, number>, types: readonly string[]) =>
  types.length > 0 ? types.reduce((n, t) => n + (counts.get(t) ?? 0), 0) : [...counts.values()].reduce((a, b) => a + b, 0);

export async function search(db: Db, request: SearchRequest): Promise<SearchResults> {
  const k = db.kysely;
  const indexed = await repo.selectSources(k);
  const sources = request.sources && request.sources.length > 0 ? [...request.sources] : indexed.map((s) => s.source);
  const collection = indexed.filter((s) => sources.includes(s.source)).reduce((n, s) => n + s.documents, 0);
  // Every source there is: no need to filter by source (which the engines would pay for in proportion).
  const everySource = indexed.every((s) => sources.includes(s.source));
  const typedPlan = await planQuery(request.text, vocabularyOf(k, sources), request.synonyms ?? Synonyms.none, { correct: !request.exact });
  const plan = withoutVeryCommonWords(typedPlan, collection);
  if (plan.groups.length === 0 || sources.length === 0) {
    const typedSomething = tokenize(plan.text).some((t) => t.term);
    return { ...emptyResults(plan), suggestions: typedSomething ? await suggest(k, plan.text, sources) : [] };
  }
  const today = request.today ?? '0000-00-00';
  const chosenTypes = request.types ?? [];
  const pageSize = request.pageSize ?? 20;
  const page = Math.max(1, request.page ?? 1);
  // Every word in more documents than the search reads: the matches it reads are the first in index order anyway.
  const ranked = plan.groups.some((g) => g.documents <= COUNT_LIMIT);
  const query = (coverage: Coverage, types: readonly string[] = []) =>
    engineQuery(db.dialect, plan, coverage, { sources: everySource ? [] : sources, types, today, ranked });

  const candidates = (coverage: Coverage, types: readonly string[] = [], most = COUNT_LIMIT) => repo.selectCandidates(k, db.dialect, query(coverage, types), most);
  const byRank = (a: repo.Candidate, b: repo.Candidate) => a.rank - b.rank || a.doc - b.doc;
  const ofChosen = (c: repo.Candidate) => chosenTypes.length === 0 || chosenTypes.includes(c.type);

  const readsAtMost = ranked ? COUNT_LIMIT : TEN_PAGES;
  let withAll = await candidates('all', [], readsAtMost);
  let capped = withAll.length > readsAtMost;
  withAll = withAll.slice(0, readsAtMost);
  // Fewer documents with every word than fill a page: the page goes on with those that have some of them.
  const widened = plan.groups.length > 1 && withAll.filter(ofChosen).length < pageSize;
  let counted = withAll;
  let rest: repo.Candidate[] = [];
  if (widened) {
    const withAny = await candidates('any', [], TEN_PAGES);
    capped = withAny.length > TEN_PAGES;
    counted = withAny.slice(0, TEN_PAGES);
    const all = new Set(withAll.map((c) => c.doc));
    rest = counted.filter((c) => !all.has(c.doc));
    // Those with more of the words first (a question typed in full: "durf", "vertellen" and "ziek" before "werk" alone).
    const termsOf = await repo.selectTermsOfDocs(k, rest.map((c) => c.doc));
    const coverage = new Map(
      rest.map((c) => {
        const terms = termsOf.get(c.doc) ?? new Set<string>();
        return [c.doc, plan.groups.filter((g) => g.alternatives.some((a) => a.every((t) => terms.has(t)))).length] as const;
      }),
    );
    rest.sort((a, b) => (coverage.get(b.doc) ?? 0) - (coverage.get(a.doc) ?? 0) || byRank(a, b));
  }
  const countsByType = new Map<string, number>();
  for (const c of counted) countsByType.set(c.type, (countsByType.get(c.type) ?? 0) + 1);
  // The first matches in index order need not hold the chosen types: then the engine filters by type itself.
  if (capped && chosenTypes.length > 0 && !widened) withAll = (await candidates('all', chosenTypes, readsAtMost)).slice(0, readsAtMost);
  const ordered = [...withAll.filter(ofChosen).sort(byRank), ...rest.filter(ofChosen)];
  const total = chosenTypes.length > 0 && capped && !widened ? ordered.length : sum(countsByType, chosenTypes);
  const results: SearchResults = { ...emptyResults(plan), partial: widened && withAll.length === 0 && total > 0, total, moreThanTotal: capped, countsByType };
  if (total === 0) return countsByType.size === 0 ? { ...results, suggestions: await suggest(k, plan.text, sources) } : results;

  const pageDocs = ordered.slice((page - 1) * pageSize, page * pageSize).map((c) => c.doc);
  const found = new Map((await repo.selectDocumentsByDoc(k, pageDocs)).map((d) => [d.doc, d]));
  const highlight = termsOfQuery(plan);
  const typed = plan.groups.flatMap((g) => g.alternatives[0] ?? []);
  const hits = pageDocs.flatMap((doc) => {
    const r = found.get(doc);
    return r ? [{ id: r.id, type: r.type, url: r.url, title: r.title, snippet: buildSnippet(r.body, highlight, typed) }] : [];
  });
  return { ...results, hits };
}

const SNIPPET_WORDS = 28;
/** How far into a body the snippet looks for the best stretch; beyond it, the first match is used. */
const SNIPPET_SCAN_WORDS = 400;

/**
 * A window of text around the first matches, with the matching words marked. Reads the body's words
 * only until the window after the first match is full (or SNIPPET_SCAN_WORDS), never the whole body.
 */
export function buildSnippet(body: string, terms: ReadonlySet<string>, queryTerms: readonly string[]): SnippetPart[] {
  const matches = (term: string | undefined): boolean =>
    term !== undefined && (terms.has(term) || queryTerms.some((q) => q.length >= 4 && term.includes(q)));
  const window: { word: string; start: number; hit: boolean; term: string | undefined }[] = [];
  let bestStart = -1;
  let bestScore = -1;
  let scanned = 0;
  let firstHit = -1;
  for (const token of tokenizeLazily(body)) {
    const hit = matches(token.term);
    window.push({ word: token.word, start: token.start, hit, term: token.term });
    if (hit && firstHit < 0) firstHit = window.length - 1;
    scanned++;
    if (firstHit >= 0 && window.length >= firstHit + SNIPPET_WORDS + 8) break;
    if (scanned >= SNIPPET_SCAN_WORDS && (firstHit >= 0 || scanned >= SNIPPET_SCAN_WORDS * 4)) break;
  }
  if (window.length === 0) return [];
  // The stretch (starting at a match) with the most different matching words.
  for (let start = 0; start < window.length; start++) {
    if (start > 0 && !window[start]!.hit) continue;
    const seen = new Set<string>();
    let hitsInWindow = 0;
    for (let i = start; i < Math.min(window.length, start + SNIPPET_WORDS); i++) {
      if (window[i]!.hit) {
        hitsInWindow++;
        seen.add(window[i]!.term!);
      }
    }
    const score = seen.size * 10 + hitsInWindow;
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  // Start a few words before the first hit so the reader sees its context.
  const first = Math.max(0, bestStart - 4);
  const last = Math.min(window.length - 1, first + SNIPPET_WORDS - 1);
  const parts: SnippetPart[] = [];
  let cursor = window[first]!.start;
  if (first > 0) parts.push({ text: '… ', highlight: false });
  for (let i = first; i <= last; i++) {
    const token = window[i]!;
    if (!token.hit) continue;
    if (token.start > cursor) parts.push({ text: body.slice(cursor, token.start), highlight: false });
    parts.push({ text: token.word, highlight: true });
    cursor = token.start + token.word.length;
  }
  const end = window[last]!.start + window[last]!.word.length;
  if (end > cursor) parts.push({ text: body.slice(cursor, end), highlight: false });
  if (end < body.trimEnd().length) parts.push({ text: ' …', highlight: false });
  return parts;
}

/** When nothing was found: the query with each unknown word replaced by a close known word. */
async function suggest(db: Queryable, text: string, sources: readonly string[]): Promise<string[]> {
  const vocabulary = vocabularyOf(db, sources);
  const suggestions: string[] = [];
  let suggestion = text;
  for (const token of tokenize(text)) {
    if (!token.term || /\d/.test(token.term) || token.term.length < 3) continue;
    if (((await vocabulary.documents([token.term])).get(token.term) ?? 0) > 0) continue;
    const plan = await planQuery(token.word, vocabulary, Synonyms.none);
    const correction = plan.corrections[0];
    if (correction) suggestion = suggestion.replace(token.word, correction.corrected);
  }
  if (suggestion !== text) suggestions.push(suggestion);
  return suggestions;
}
