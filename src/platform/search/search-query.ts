import { foldText, isQuestionWord, termOf, tokenize } from './text-analysis.js';
import type { Alternative, Synonyms } from './synonyms.js';

// From what a person typed to what the engines look for: word groups that must all match (or, when
// that finds nothing, any of them), each group a set of alternatives. Pure, apart from the vocabulary
// it asks; the engines get the result as FTS5 or tsquery text.

export const MAX_QUERY_LENGTH = 200;
const MAX_GROUPS = 8;
const MAX_EXPANSIONS = 20;
const MAX_SYNONYM_WORDS = 4;
/** In this many documents a word is common: it is not widened to its compounds. */
const COMMON_WORD = 1000;

export type { Alternative };

export interface QueryGroup {
  /** What the person typed for this group. */
  readonly typed: string;
  readonly alternatives: readonly Alternative[];
  /** At least this many documents match the group (its most used single term). */
  readonly documents: number;
}

export interface Correction {
  readonly typed: string;
  readonly corrected: string;
}

export interface PlannedQuery {
  /** The text searched for (cut at MAX_QUERY_LENGTH). */
  readonly text: string;
  readonly truncated: boolean;
  readonly groups: readonly QueryGroup[];
  /** Words not in the vocabulary that were replaced by a close word. */
  readonly corrections: readonly Correction[];
  /** Neighbouring terms joined ("drom_3"): titles that hold them rank higher. */
  readonly titlePairs: readonly string[];
  /** Groups not searched for (too common to tell documents apart) but marked where they occur. */
  readonly highlightOnly?: readonly QueryGroup[];
}

/** What the planner asks of the index, for the sources being searched. */
export interface Vocabulary {
  /** In how many documents each of these terms occurs (absent: none). */
  documents(terms: readonly string[]): Promise<ReadonlyMap<string, number>>;
  /** Longer terms that begin or end with this one (parts of compounds), most used first. */
  compounds(term: string, limit: number): Promise<readonly string[]>;
  /** Terms that could be a misspelling of this one, with a written form and how often they occur. */
  spellingCandidates(term: string): Promise<readonly { term: string; word: string; documents: number }[]>;
}

interface Word {
  readonly written: string;
  readonly folded: string;
  readonly term: string | undefined;
}

/** Neighbouring terms joined, as indexed for titles. */
export function termPairs(terms: readonly string[]): string[] {
  return terms.slice(1).map((term, i) => `${terms[i]}_${term}`);
}

export async function planQuery(input: string, vocabulary: Vocabulary, synonyms: Synonyms, options: { correct: boolean } = { correct: true }): Promise<PlannedQuery> {
  const text = input.slice(0, MAX_QUERY_LENGTH);
  const truncated = input.length > MAX_QUERY_LENGTH;
  const words: Word[] = tokenize(text)
    .filter((t) => !isQuestionWord(t.word))
    .map((t) => ({ written: t.word, folded: foldText(t.word), term: t.term }));
  const contentTerms = words.flatMap((w) => (w.term ? [w.term] : []));
  const titlePairs = [...new Set(termPairs(contentTerms))].slice(0, MAX_GROUPS);

  // Joined neighbours ("arbeids deskundige") are looked up together with the words themselves.
  const joined = words.slice(1).map((w, i) => (words[i]!.term && w.term ? termOf(words[i]!.written + w.written) : undefined));
  const known = await vocabulary.documents([...new Set([...contentTerms, ...joined.filter((j): j is string => j !== undefined)])]);
  const isKnown = (term: string) => (known.get(term) ?? 0) > 0;
  const isCommon = (term: string) => (known.get(term) ?? 0) >= COMMON_WORD;

  const drafts: { typed: string; alternatives: Alternative[] }[] = [];
  for (let i = 0; i < words.length && drafts.length < MAX_GROUPS; i++) {
    const phrase = longestSynonymPhrase(words, i, synonyms);
    if (phrase) {
      const typed = words.slice(i, i + phrase.length).map((w) => w.written).join(' ');
      const own = words.slice(i, i + phrase.length).flatMap((w) => (w.term ? [w.term] : []));
      drafts.push({ typed, alternatives: uniqueAlternatives([...(own.length > 0 ? [own] : []), ...phrase.alternatives]) });
      i += phrase.length - 1;
      continue;
    }
    const word = words[i]!;
    if (!word.term) continue;
    const together = joined[i];
    if (together && isKnown(together)) {
      drafts.push({ typed: `${word.written} ${words[i + 1]!.written}`, alternatives: [[together], [word.term, words[i + 1]!.term!]] });
      i++;
      continue;
    }
    drafts.push({ typed: word.written, alternatives: [[word.term], ...synonyms.alternativesOf([word.folded]).filter((a) => a.length > 0)] });
  }

  // Each group asks the vocabulary on its own, all at the same time (on PostgreSQL, several connections).
  const resolved = await Promise.all(drafts.map((draft) => resolveGroup(draft, vocabulary, { isKnown, isCommon }, options.correct)));
  const groups = resolved.flatMap((r) => (r ? [r.group] : []));
  const corrections = resolved.flatMap((r) => (r?.correction ? [r.correction] : []));
  const singles = [...new Set(groups.flatMap((g) => g.alternatives.filter((a) => a.length === 1).map((a) => a[0]!)))];
  const counts = await vocabulary.documents(singles);
  const counted = groups.map((g) => ({ ...g, documents: Math.max(0, ...g.alternatives.map((a) => (a.length === 1 ? (counts.get(a[0]!) ?? 0) : 0))) }));
  return { text, truncated, groups: counted, corrections, titlePairs };
}

async function resolveGroup(
  draft: { typed: string; alternatives: Alternative[] },
  vocabulary: Vocabulary,
  lookup: WordLookup,
  correct: boolean,
): Promise<{ group: Omit<QueryGroup, 'documents'>; correction?: Correction } | undefined> {
  const { isKnown } = lookup;
  const single = draft.alternatives.length >= 1 && draft.alternatives[0]!.length === 1 ? draft.alternatives[0]![0]! : undefined;
  let alternatives = [...draft.alternatives];
  let correction: Correction | undefined;
  if (single !== undefined && !/\d/.test(single)) alternatives.push(...(await widen(single, vocabulary, lookup)));
  if (single !== undefined && !isKnown(single) && !alternatives.slice(1).some((a) => a.length === 1)) {
    // A word the index does not know: a compound written together, or a typing error.
    const split = await splitCompound(single, vocabulary);
    const corrected = split || !correct ? undefined : await correctSpelling(single, vocabulary);
    if (split) {
      alternatives = [split];
    } else if (corrected) {
      correction = { typed: draft.typed, corrected: corrected.word };
      alternatives = [corrected.alternative, ...(await widen(corrected.alternative[0]!, vocabulary, lookup))];
    } else if (alternatives.length === 1) {
      return undefined;
    }
  }
  return { group: { typed: draft.typed, alternatives: uniqueAlternatives(alternatives) }, ...(correction ? { correction } : {}) };
}

function longestSynonymPhrase(words: readonly Word[], start: number, synonyms: Synonyms): { length: number; alternatives: Alternative[] } | undefined {
  for (let length = Math.min(MAX_SYNONYM_WORDS, words.length - start); length >= 1; length--) {
    const phrase = words.slice(start, start + length).map((w) => w.folded);
    if (length === 1) return undefined; // single words are handled with their own term first
    const alternatives = synonyms.alternativesOf(phrase);
    if (alternatives.length > 0) return { length, alternatives: [...alternatives] };
  }
  return undefined;
}

/** The compounds and near forms of a term that the index holds. */
/** What the planner already knows of the typed words. */
interface WordLookup {
  isKnown(term: string): boolean;
  /** In so many documents that its compounds are not looked up. */
  isCommon(term: string): boolean;
}

async function widen(term: string, vocabulary: Vocabulary, { isKnown, isCommon }: WordLookup): Promise<Alternative[]> {
  const alternatives: Alternative[] = [];
  // The stemmer treats a compound's last part on its own ("bedrijfsartsen" → "bedrijfsarts", but
  // "bedrijfsarts" → "bedrijfsart"), so one or two letters shorter is the same word.
  const shorter = term.length >= 6 ? [term.slice(0, -1), term.slice(0, -2)] : [];
  const [counts, compounds] = await Promise.all([
    vocabulary.documents([...shorter, term]),
    term.length >= 4 && !isCommon(term) ? vocabulary.compounds(term, MAX_EXPANSIONS) : Promise.resolve([]),
  ]);
  for (const s of shorter) if ((counts.get(s) ?? 0) > 0 || isKnown(s)) alternatives.push([s]);
  // A word already in very many documents finds enough on its own; its compounds would only cost.
  if ((counts.get(term) ?? 0) < COMMON_WORD) for (const c of compounds) alternatives.push([c]);
  return alternatives;
}

/** "werkgeversservicepunt" → werkgevers + servicepunt, when both parts are in the index and the whole is not. */
async function splitCompound(term: string, vocabulary: Vocabulary): Promise<Alternative | undefined> {
  if (term.length < 8) return undefined;
  const splits: [string, string][] = [];
  for (let at = 3; at <= term.length - 3; at++) {
    const head = term.slice(0, at);
    const tail = term.slice(at);
    splits.push([termOf(head) ?? head, termOf(tail) ?? tail]);
    // The linking -s- belongs to neither part ("arbeids|deskundige").
    if (head.endsWith('s') && head.length > 3) splits.push([termOf(head.slice(0, -1)) ?? head.slice(0, -1), termOf(tail) ?? tail]);
  }
  const counts = await vocabulary.documents([...new Set(splits.flat())]);
  let best: [string, string] | undefined;
  let bestScore = 0;
  for (const [head, tail] of splits) {
    const score = Math.min(counts.get(head) ?? 0, counts.get(tail) ?? 0);
    if (score > bestScore && head.length >= 3 && tail.length >= 3) {
      best = [head, tail];
      bestScore = score;
    }
  }
  return best;
}

async function correctSpelling(term: string, vocabulary: Vocabulary): Promise<{ alternative: Alternative; word: string } | undefined> {
  if (term.length < 4) return undefined;
  const maxDistance = term.length < 7 ? 1 : 2;
  let best: { term: string; word: string; documents: number; distance: number } | undefined;
  for (const c of await vocabulary.spellingCandidates(term)) {
    if (c.documents <= 0 || Math.abs(c.term.length - term.length) > maxDistance) continue;
    const distance = editDistance(term, c.term, maxDistance);
    if (distance > maxDistance) continue;
    if (!best || distance < best.distance || (distance === best.distance && (c.documents > best.documents || (c.documents === best.documents && c.term < best.term)))) {
      best = { ...c, distance };
    }
  }
  return best ? { alternative: [best.term], word: best.word } : undefined;
}

function uniqueAlternatives(alternatives: readonly Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return alternatives.filter((a) => {
    const key = a.join(' ');
    if (a.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every term the query may match, for highlighting. */
export function termsOfQuery(plan: PlannedQuery): Set<string> {
  return new Set([...plan.groups, ...(plan.highlightOnly ?? [])].flatMap((g) => g.alternatives.flat()));
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return rowMin;
  }
  return d[a.length]![b.length]!;
}
