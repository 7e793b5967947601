/**
 * Ranking the unique recommendations of a case consultation: checking one member's ranking and
 * combining everyone's rankings into a top N by average rank. Pure functions, no I/O.
 */

export type RankingProblem =
  | { kind: 'missing'; itemIds: string[] }
  | { kind: 'repeated'; ranks: number[] }
  | { kind: 'outOfRange'; itemIds: string[] }
  | { kind: 'unknownItem'; itemIds: string[] }
  | { kind: 'notANumber'; itemIds: string[] }
  /** An ordering names the same item more than once (only from checkOrder). */
  | { kind: 'duplicateItem'; itemIds: string[] };

export type RankingCheck = { ok: true; order: string[] } | { ok: false; problems: RankingProblem[] };

/** Duplicate item ids are a programming error, not a user mistake: no ranking can be right then. */
function assertUniqueIds(itemIds: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of itemIds) {
    if (seen.has(id)) throw new Error(`Item id "${id}" occurs more than once in the items to rank`);
    seen.add(id);
  }
}

// Plain ASCII digits only: "1e", "1.0" and "+1" are not rank numbers; "-1" is one, just out of range.
const WHOLE_NUMBER = /^-?[0-9]+$/;

/**
 * From a form's rank numbers per item (strings as typed, e.g. {a:'2', b:'1'}) to an ordering of
 * item ids, or the problems. Every item needs a whole number 1..n, each used once. Surrounding
 * white space is fine. Problems come in a fixed order (missing, notANumber, outOfRange, repeated,
 * unknownItem) so the form can show them consistently.
 */
export function parseRankNumbers(itemIds: readonly string[], typed: Readonly<Record<string, string | undefined>>): RankingCheck {
  assertUniqueIds(itemIds);
  const known = new Set(itemIds);
  const missing: string[] = [];
  const notANumber: string[] = [];
  const outOfRange: string[] = [];
  const itemsByRank = new Map<number, string[]>();

  for (const id of itemIds) {
    // Object.hasOwn: an item id like "constructor" must not pick up Object.prototype.
    const raw: unknown = Object.hasOwn(typed, id) ? typed[id] : undefined;
    // A form field sent twice arrives as an array: not one number.
    const text = typeof raw === 'string' ? raw.trim() : raw === undefined ? '' : undefined;
    if (text === '') {
      missing.push(id);
    } else if (text === undefined || !WHOLE_NUMBER.test(text)) {
      notANumber.push(id);
    } else {
      const rank = Number(text);
      if (rank < 1 || rank > itemIds.length) outOfRange.push(id);
      else itemsByRank.set(rank, [...(itemsByRank.get(rank) ?? []), id]);
    }
  }

  const repeated = [...itemsByRank].filter(([, ids]) => ids.length > 1).map(([rank]) => rank).sort((a, b) => a - b);
  const unknown = Object.keys(typed).filter((key) => !known.has(key) && typed[key] !== undefined);

  const problems: RankingProblem[] = [];
  if (missing.length > 0) problems.push({ kind: 'missing', itemIds: missing });
  if (notANumber.length > 0) problems.push({ kind: 'notANumber', itemIds: notANumber });
  if (outOfRange.length > 0) problems.push({ kind: 'outOfRange', itemIds: outOfRange });
  if (repeated.length > 0) problems.push({ kind: 'repeated', ranks: repeated });
  if (unknown.length > 0) problems.push({ kind: 'unknownItem', itemIds: unknown });
  if (problems.length > 0) return { ok: false, problems };

  // No problems means every rank 1..n is used by exactly one item.
  const order = [...itemsByRank].sort(([a], [b]) => a - b).map(([, ids]) => ids[0]!);
  return { ok: true, order };
}

/**
 * An ordering submitted by drag and drop / keyboard: must be a permutation of itemIds.
 * Problems come in the order missing, duplicateItem, unknownItem.
 */
export function checkOrder(itemIds: readonly string[], order: readonly string[]): RankingCheck {
  assertUniqueIds(itemIds);
  const known = new Set(itemIds);
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const unknown = new Set<string>();
  for (const id of order) {
    if (!known.has(id)) unknown.add(id);
    else if (seen.has(id)) duplicates.add(id);
    seen.add(id);
  }
  const missing = itemIds.filter((id) => !seen.has(id));

  const problems: RankingProblem[] = [];
  if (missing.length > 0) problems.push({ kind: 'missing', itemIds: missing });
  if (duplicates.size > 0) problems.push({ kind: 'duplicateItem', itemIds: [...duplicates] });
  if (unknown.size > 0) problems.push({ kind: 'unknownItem', itemIds: [...unknown] });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, order: [...order] };
}

export interface RankedItem {
  readonly itemId: string;
  /** Mean rank; for an item nobody ranked this is itemIds.length (it is placed last regardless). */
  readonly averageRank: number;
  /** How many rankings gave this item a rank. */
  readonly rankers: number;
  /** itemIds.length when nobody ranked the item. */
  readonly bestRank: number;
  /** itemIds.length when nobody ranked the item. */
  readonly worstRank: number;
  /** Population standard deviation of the ranks; 0 with one ranker or none. */
  readonly standardDeviation: number;
  /** 1-based competition rank: fully tied items share a position and the next position is skipped (1, 2, 2, 4). */
  readonly position: number;
  /**
   * true when the item shares its average (compared exactly) with another item, whether or not the
   * tie rule then separated them; items that share a position always share their average. Items
   * nobody ranked count as tied with each other only.
   */
  readonly tied: boolean;
}

export interface RankingResult {
  /** All items, best first; fully tied items keep the order of itemIds. */
  readonly items: RankedItem[];
  /** the first topN after ordering; may be longer than topN when items tie at the boundary (see TIE_RULE) */
  readonly top: RankedItem[];
  /** true when a full tie at the boundary made `top` longer than topN. */
  readonly tieAtBoundary: boolean;
}

/** Dutch sentence stating the tie rule, shown on the results page. */
export const TIE_RULE =
  'Bij een gelijk gemiddelde gaat de aanbeveling voor die vaker op een hogere plaats is gezet ' +
  '(meer eerste plaatsen, dan meer tweede plaatsen, enzovoort); blijft het gelijk, dan tellen beide mee ' +
  'en kan de top langer zijn dan gevraagd.';

interface Tally {
  readonly itemId: string;
  readonly inputIndex: number;
  rankSum: number;
  rankSquareSum: number;
  rankers: number;
  bestRank: number;
  worstRank: number;
  /** countsByRank[r - 1] = how many rankings put the item at rank r. */
  readonly countsByRank: number[];
}

/** Negative when a has the lower (better) average; exact, because sums and counts are whole numbers. */
function compareAverages(a: Tally, b: Tally): number {
  return a.rankSum * b.rankers - b.rankSum * a.rankers;
}

/** Negative when a goes before b; 0 for a full tie (TIE_RULE). Items nobody ranked go last. */
function compareTallies(a: Tally, b: Tally): number {
  if (a.rankers === 0 || b.rankers === 0) return (a.rankers === 0 ? 1 : 0) - (b.rankers === 0 ? 1 : 0);
  const byAverage = compareAverages(a, b);
  if (byAverage !== 0) return byAverage;
  for (let r = 0; r < a.countsByRank.length; r++) {
    const more = b.countsByRank[r]! - a.countsByRank[r]!;
    if (more !== 0) return more;
  }
  return 0;
}

/**
 * Combines the members' rankings. Each ranking is an ordering of item ids, best first. Unknown ids
 * and repeats within one ranking are skipped before ranks are counted, so the remaining items get
 * ranks 1..k; an item missing from a ranking gets no rank from it. topN must be a whole number >= 0.
 */
export function aggregateRankings(itemIds: readonly string[], rankings: readonly (readonly string[])[], topN: number): RankingResult {
  assertUniqueIds(itemIds);
  if (!Number.isInteger(topN) || topN < 0) throw new RangeError(`topN must be a whole number >= 0, got ${topN}`);

  const tallies = new Map<string, Tally>();
  itemIds.forEach((itemId, inputIndex) => {
    tallies.set(itemId, {
      itemId,
      inputIndex,
      rankSum: 0,
      rankSquareSum: 0,
      rankers: 0,
      bestRank: Infinity,
      worstRank: 0,
      countsByRank: new Array<number>(itemIds.length).fill(0),
    });
  });

  for (const ranking of rankings) {
    const counted = new Set<string>();
    for (const id of ranking) {
      const tally = tallies.get(id);
      if (!tally || counted.has(id)) continue;
      counted.add(id);
      const rank = counted.size;
      tally.rankSum += rank;
      tally.rankSquareSum += rank * rank;
      tally.rankers += 1;
      tally.bestRank = Math.min(tally.bestRank, rank);
      tally.worstRank = Math.max(tally.worstRank, rank);
      tally.countsByRank[rank - 1]! += 1;
    }
  }

  const sorted = [...tallies.values()].sort((a, b) => compareTallies(a, b) || a.inputIndex - b.inputIndex);

  const items: RankedItem[] = [];
  sorted.forEach((tally, index) => {
    const previous = sorted[index - 1];
    const next = sorted[index + 1];
    const sharesPosition = previous !== undefined && compareTallies(previous, tally) === 0;
    // Sorting puts equal averages next to each other, so the neighbours are enough.
    const sharesAverage = [previous, next].some((other) => other !== undefined && haveSameAverage(other, tally));
    const position = sharesPosition ? items[index - 1]!.position : index + 1;
    items.push(toRankedItem(tally, position, sharesAverage, itemIds.length));
  });

  const top = items.filter((item) => item.position <= topN);
  return { items, top, tieAtBoundary: top.length > topN };
}

/** Items nobody ranked only share their (placeholder) average with each other. */
function haveSameAverage(a: Tally, b: Tally): boolean {
  if (a.rankers === 0 || b.rankers === 0) return a.rankers === b.rankers;
  return compareAverages(a, b) === 0;
}

function toRankedItem(tally: Tally, position: number, tied: boolean, itemCount: number): RankedItem {
  const { itemId, rankers } = tally;
  if (rankers === 0) {
    return { itemId, averageRank: itemCount, rankers, bestRank: itemCount, worstRank: itemCount, standardDeviation: 0, position, tied };
  }
  // rankers²·variance = rankers·Σr² − (Σr)² is a whole number: exact, and never slightly negative.
  const scaledVariance = rankers * tally.rankSquareSum - tally.rankSum * tally.rankSum;
  return {
    itemId,
    averageRank: tally.rankSum / rankers,
    rankers,
    bestRank: tally.bestRank,
    worstRank: tally.worstRank,
    standardDeviation: Math.sqrt(scaledVariance) / rankers,
    position,
    tied,
  };
}
