import type { Db } from '../db/create-db.js';
import type { Queryable } from '../db/database.js';
import * as repo from './search.repo.js';
import { foldText, termFrequencies, tokenize } from './text-analysis.js';

export interface SearchableDocument {
  /** Unique within the source. */
  readonly key: string;
  readonly type: string;
  readonly url: string;
  readonly title: string;
  /** Plain text. */
  readonly body: string;
}

const K1 = 1.2;
const B = 0.75;
const TITLE_BOOST = 3;
const EXPANSION_FACTOR = 0.5;
const MAX_QUERY_TERMS = 8;
const MAX_EXPANSIONS = 40;
export const MAX_QUERY_LENGTH = 200;
/** Part of every indexed version: raise it when the analysis changes, so sources are indexed again. */
export const INDEX_FORMAT = 2;

/** Replaces everything a source has in the index, inside the caller's transaction. */
export async function replaceSource(
  db: Queryable,
  source: string,
  version: string,
  documents: readonly SearchableDocument[],
  now: Date,
): Promise<void> {
  await repo.deleteSource(db, source);
  const analysed = documents.map((d) => {
    const frequencies = termFrequencies(d.body);
    for (const [term, count] of termFrequencies(d.title)) frequencies.set(term, (frequencies.get(term) ?? 0) + count * TITLE_BOOST);
    for (const pair of termPairs(d.title)) frequencies.set(pair, (frequencies.get(pair) ?? 0) + TITLE_BOOST);
    let length = 0;
    for (const count of frequencies.values()) length += count;
    return { document: d, frequencies, length };
  });
  const totalLength = analysed.reduce((sum, a) => sum + a.length, 0);
  const averageLength = Math.max(1, totalLength / Math.max(1, analysed.length));
  await repo.insertSource(db, { source, version: `${version}/${INDEX_FORMAT}`, documentCount: documents.length, totalLength, indexedAt: now.toISOString() });
  await repo.insertDocuments(
    db,
    source,
    analysed.map(({ document: d, length }) => ({ id: `${source}:${d.key}`, type: d.type, url: d.url, title: d.title, body: d.body, length })),
  );
  const postings: { term: string; document_id: string; weight: number }[] = [];
  for (const { document: d, frequencies, length } of analysed) {
    const norm = K1 * (1 - B + (B * length) / averageLength);
    for (const [term, tf] of frequencies) {
      postings.push({ term, document_id: `${source}:${d.key}`, weight: Number(((tf * (K1 + 1)) / (tf + norm)).toFixed(6)) });
    }
  }
  await repo.insertPostings(db, postings);
  const words = new Map<string, string>();
  for (const d of documents) {
    for (const token of tokenize(`${d.title} ${d.body}`)) {
      if (token.term && !words.has(token.term)) words.set(token.term, token.word.toLowerCase());
    }
  }
  await repo.insertTerms(db, [...words].map(([term, word]) => ({ term, word })));
  await repo.deleteUnusedTerms(db);
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
  readonly query: string;
  /** Number of matches across the chosen types. */
  readonly total: number;
  /** Matches per type, whatever types were chosen (for the filters). */
  readonly countsByType: ReadonlyMap<string, number>;
  readonly hits: readonly SearchHit[];
  /** Spelling suggestions when nothing was found. */
  readonly suggestions: readonly string[];
}

export interface SearchRequest {
  readonly text: string;
  readonly types?: readonly string[];
  /**
   * Only documents of these sources (e.g. the book and one region's desk); word statistics and
   * suggestions then come from these sources alone. Absent or empty: every source.
   */
  readonly sources?: readonly string[];
  readonly page?: number;
  readonly pageSize?: number;
}

/** Neighbouring terms joined ("drom_3"), so that titles can match as a phrase. */
function termPairs(text: string): string[] {
  const terms = tokenize(text).flatMap((t) => (t.term ? [t.term] : []));
  return terms.slice(1).map((term, i) => `${terms[i]}_${term}`);
}

const EMPTY_RESULTS = (query: string): SearchResults => ({ query, total: 0, countsByType: new Map(), hits: [], suggestions: [] });

export async function search(db: Db, request: SearchRequest): Promise<SearchResults> {
  const text = request.text.slice(0, MAX_QUERY_LENGTH);
  const queryTerms = [...new Set(tokenize(text).flatMap((t) => (t.term ? [t.term] : [])))].slice(0, MAX_QUERY_TERMS);
  if (queryTerms.length === 0) return EMPTY_RESULTS(text);
  const k = db.kysely;
  const sources = request.sources ?? [];

  const groups: { term: string; factor: number; group: number }[] = [];
  for (const [group, term] of queryTerms.entries()) {
    groups.push({ term, factor: 1, group });
    if (term.length >= 6 && !/\d/.test(term)) {
      // The stemmer treats a compound's last part on its own ("bedrijfsartsen" → "bedrijfsarts", but
      // "bedrijfsarts" → "bedrijfsart"), so one or two letters shorter counts almost as the same word.
      for (const shorter of [term.slice(0, -1), term.slice(0, -2)]) groups.push({ term: shorter, factor: 0.8, group });
    }
    if (term.length >= 4 && !/\d/.test(term)) {
      for (const expansion of await repo.selectTermsContaining(k, term, MAX_EXPANSIONS)) {
        if (!groups.some((g) => g.term === expansion)) groups.push({ term: expansion, factor: EXPANSION_FACTOR, group });
      }
    }
  }
  // Two query words that stand side by side in a title ("Droom 3") count as one more matched word.
  for (const pair of [...new Set(termPairs(text))].slice(0, MAX_QUERY_TERMS)) groups.push({ term: pair, factor: 1, group: groups.length + queryTerms.length });
  const allTerms = groups.map((g) => g.term);
  const [frequencies, corpus] = await Promise.all([repo.selectDocumentFrequencies(k, allTerms, sources), repo.selectCorpusSize(k, sources)]);
  const weighted = groups
    .filter((g) => frequencies.has(g.term))
    .map((g) => {
      const df = frequencies.get(g.term) ?? 0;
      const idf = Math.log(1 + (corpus.documents - df + 0.5) / (df + 0.5));
      return { ...g, factor: Number((idf * g.factor).toFixed(6)) };
    });
  if (weighted.length === 0) return { ...EMPTY_RESULTS(text), suggestions: await suggest(k, text, sources) };

  const countsByType = await repo.countMatchesByType(
    k,
    weighted.map((w) => w.term),
    sources,
  );
  const types = (request.types ?? []).filter((t) => countsByType.has(t));
  const chosen = request.types && request.types.length > 0 ? types : [...countsByType.keys()];
  const total = chosen.reduce((sum, t) => sum + (countsByType.get(t) ?? 0), 0);
  const pageSize = request.pageSize ?? 20;
  const page = Math.max(1, request.page ?? 1);
  if (total === 0) return { query: text, total, countsByType, hits: [], suggestions: [] };

  const ranked = await repo.selectRankedDocuments(k, db.dialect, weighted, chosen.length === countsByType.size ? [] : chosen, sources, pageSize, (page - 1) * pageSize);
  const rows = new Map((await repo.selectDocuments(k, ranked.map((r) => r.id))).map((r) => [r.id, r]));
  const highlightTerms = new Set(weighted.map((w) => w.term));
  const hits = ranked.flatMap((r) => {
    const row = rows.get(r.id);
    return row ? [{ id: row.id, type: row.type, url: row.url, title: row.title, snippet: buildSnippet(row.body, highlightTerms, queryTerms) }] : [];
  });
  return { query: text, total, countsByType, hits, suggestions: [] };
}

const SNIPPET_WORDS = 28;

/** The stretch of text with the most distinct matching words, with those words marked. */
export function buildSnippet(body: string, terms: ReadonlySet<string>, queryTerms: readonly string[]): SnippetPart[] {
  const tokens = tokenize(body);
  if (tokens.length === 0) return [];
  const matches = (term: string | undefined): boolean =>
    term !== undefined && (terms.has(term) || queryTerms.some((q) => q.length >= 4 && term.includes(q)));
  const isHit = tokens.map((t) => matches(t.term));
  let bestStart = 0;
  let bestScore = -1;
  for (let start = 0; start < tokens.length; start++) {
    if (start > 0 && !isHit[start]) continue;
    const seen = new Set<string>();
    let hitsInWindow = 0;
    for (let i = start; i < Math.min(tokens.length, start + SNIPPET_WORDS); i++) {
      if (isHit[i]) {
        hitsInWindow++;
        seen.add(tokens[i]!.term!);
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
  const last = Math.min(tokens.length - 1, first + SNIPPET_WORDS - 1);
  const parts: SnippetPart[] = [];
  let cursor = tokens[first]!.start;
  if (first > 0) parts.push({ text: '… ', highlight: false });
  for (let i = first; i <= last; i++) {
    const token = tokens[i]!;
    if (!isHit[i]) continue;
    if (token.start > cursor) parts.push({ text: body.slice(cursor, token.start), highlight: false });
    parts.push({ text: token.word, highlight: true });
    cursor = token.start + token.word.length;
  }
  const end = tokens[last]!.start + tokens[last]!.word.length;
  if (end > cursor) parts.push({ text: body.slice(cursor, end), highlight: false });
  if (last < tokens.length - 1) parts.push({ text: ' …', highlight: false });
  return parts;
}

/** Queries with each unknown word replaced by the closest known word. */
async function suggest(db: Queryable, text: string, sources: readonly string[]): Promise<string[]> {
  const tokens = tokenize(text).filter((t) => t.term);
  const replacements: { word: string; options: string[] }[] = [];
  for (const token of tokens) {
    const term = token.term!;
    if (/\d/.test(term) || term.length < 3) continue;
    const maxDistance = term.length < 6 ? 1 : 2;
    const candidates = (await repo.selectSpellingCandidates(db, term, sources))
      .map((c) => ({ ...c, distance: editDistance(term, c.term) }))
      .filter((c) => c.distance <= maxDistance)
      .sort((a, b) => a.distance - b.distance || a.term.length - b.term.length || (a.term < b.term ? -1 : 1));
    if (candidates.length > 0) replacements.push({ word: token.word, options: candidates.slice(0, 3).map((c) => c.word) });
  }
  if (replacements.length === 0) return [];
  const suggestions: string[] = [];
  for (let option = 0; option < 3; option++) {
    let suggestion = text;
    let changed = false;
    for (const r of replacements) {
      const word = r.options[Math.min(option, r.options.length - 1)]!;
      if (foldText(word) !== foldText(r.word)) {
        suggestion = suggestion.replace(r.word, word);
        changed = true;
      }
    }
    if (changed && !suggestions.includes(suggestion)) suggestions.push(suggestion);
  }
  return suggestions;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

