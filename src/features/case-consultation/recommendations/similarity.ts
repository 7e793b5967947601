/**
 * Suggesting which recommendations of a case consultation say the same thing, so the facilitator
 * can merge them into one unique recommendation. Only a suggestion: people decide. Pure functions.
 */
import { termFrequencies } from '../../../platform/search/text-analysis.js';

export interface SimilarityInput {
  readonly id: string;
  readonly text: string;
  readonly addressee: string;
}

export interface DuplicateSuggestion {
  /** Two or more ids, in the order of the input. */
  readonly ids: string[];
  /** The highest similarity of two recommendations in the group, 0..1. */
  readonly score: number;
}

/**
 * Tuned on Dutch example recommendations (see the tests): at 0.5 rewordings such as
 * "Laat je arbeidsmogelijkheden vaststellen." / "Laat de arbeidsmogelijkheden vaststellen door UWV."
 * are found, while recommendations that only share an opening verb and one topic word
 * ("Zorg voor een vaste contactpersoon op de werkplek." / "Zorg voor een rustige werkplek.") stay apart.
 * Paraphrases with hardly any words in common are missed.
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.5;

// A recommendation usually opens with an imperative ("Zorg", "Vraag", "Laat") that says what kind
// of action it is, not what it is about; it counts for half so two "Zorg voor ..." do not look alike.
const SENTENCE_OPENING_WEIGHT = 0.5;

const SENTENCE_END = /[.!?;:]+(?=\s|$)|\n/;

/** Term weights of one text before corpus weighting. */
function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of text.split(SENTENCE_END)) {
    let opening = true;
    for (const [term, count] of termFrequencies(sentence)) {
      counts.set(term, (counts.get(term) ?? 0) + count - (opening ? 1 - SENTENCE_OPENING_WEIGHT : 0));
      opening = false;
    }
  }
  return counts;
}

/**
 * Term vectors weighted with a smoothed inverse document frequency over the given texts
 * (1 + ln((n + 1) / (df + 1)), as in scikit-learn): words that many of the recommendations share
 * say less about whether two of them are duplicates.
 */
function weightedVectors(texts: readonly string[]): Map<string, number>[] {
  const counts = texts.map(termCounts);
  const documentFrequency = new Map<string, number>();
  for (const terms of counts) for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const inverse = (term: string) => 1 + Math.log((texts.length + 1) / (documentFrequency.get(term)! + 1));
  // Terms in a fixed order, so equal vectors sum in the same order and score exactly 1 (threshold 1 works).
  return counts.map((terms) => new Map([...terms].sort(([a], [b]) => (a < b ? -1 : 1)).map(([term, count]) => [term, count * inverse(term)])));
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  const norms = Math.sqrt(sumOfSquares(a) * sumOfSquares(b));
  return norms === 0 ? 0 : Math.min(1, dot / norms);
}

function sumOfSquares(vector: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return sum;
}

/**
 * How alike two texts are, 0..1: the cosine of their term vectors (Dutch stems, no stop words,
 * sentence openings at half weight, words the two share weighted lower than words only one has).
 * The same score suggestDuplicates gives the pair when they are the only two items.
 */
export function textSimilarity(a: string, b: string): number {
  const [vectorA, vectorB] = weightedVectors([a, b]);
  return cosine(vectorA!, vectorB!);
}

/**
 * Groups of recommendations whose wording is similar enough to be likely duplicates, best first.
 * Only within the same addressee (compared exactly). Pairs scoring at least `threshold` are joined,
 * and groups are joined through shared members (A~B and B~C give A, B, C). Word weights are
 * computed over all items, so adding items can change the scores a little.
 */
export function suggestDuplicates(items: readonly SimilarityInput[], threshold: number = DEFAULT_DUPLICATE_THRESHOLD): DuplicateSuggestion[] {
  // Above 0: texts without a word in common must never be suggested.
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  const seenIds = new Set<string>();
  for (const { id } of items) {
    if (seenIds.has(id)) throw new Error(`Recommendation id "${id}" occurs more than once`);
    seenIds.add(id);
  }

  const vectors = weightedVectors(items.map((item) => item.text));
  const groups = new UnionFind(items.length);
  const joinedPairs: { first: number; score: number }[] = [];
  for (let first = 0; first < items.length; first++) {
    for (let second = first + 1; second < items.length; second++) {
      if (items[first]!.addressee !== items[second]!.addressee) continue;
      const score = cosine(vectors[first]!, vectors[second]!);
      if (score >= threshold) {
        groups.union(first, second);
        joinedPairs.push({ first, score });
      }
    }
  }
  // Scores per group only once all unions are done: roots change while joining.
  const bestScore = new Map<number, number>();
  for (const { first, score } of joinedPairs) {
    const root = groups.find(first);
    bestScore.set(root, Math.max(bestScore.get(root) ?? 0, score));
  }

  const members = new Map<number, number[]>();
  items.forEach((_, index) => {
    const root = groups.find(index);
    if (bestScore.has(root)) members.set(root, [...(members.get(root) ?? []), index]);
  });
  return [...members]
    .map(([root, indexes]) => ({ firstIndex: indexes[0]!, ids: indexes.map((index) => items[index]!.id), score: bestScore.get(root)! }))
    .sort((a, b) => b.score - a.score || a.firstIndex - b.firstIndex)
    .map(({ ids, score }) => ({ ids, score }));
}

class UnionFind {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }

  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression keeps later look-ups short.
    for (let node = index; node !== root; ) {
      const next = this.parent[node]!;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent[rootB] = rootA;
  }
}
