import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { aggregateRankings, checkOrder, parseRankNumbers, TIE_RULE, type RankingResult } from './ranking.js';

describe('parseRankNumbers', () => {
  test('turns rank numbers into an ordering, white space is fine', () => {
    assert.deepEqual(parseRankNumbers(['a', 'b', 'c'], { a: '2', b: ' 1', c: '3 \t' }), { ok: true, order: ['b', 'a', 'c'] });
    assert.deepEqual(parseRankNumbers(['a'], { a: '01' }), { ok: true, order: ['a'] });
    assert.deepEqual(parseRankNumbers([], {}), { ok: true, order: [] });
  });

  test('items without a number are missing', () => {
    assert.deepEqual(parseRankNumbers(['a', 'b', 'c', 'd'], { a: '1', b: '', c: '   ', d: undefined }), {
      ok: false,
      problems: [{ kind: 'missing', itemIds: ['b', 'c', 'd'] }],
    });
    assert.deepEqual(parseRankNumbers(['a', 'b'], { b: '1' }), { ok: false, problems: [{ kind: 'missing', itemIds: ['a'] }] });
  });

  test('a number given to more than one item is repeated', () => {
    assert.deepEqual(parseRankNumbers(['a', 'b', 'c', 'd'], { a: '2', b: '2', c: '1', d: '1' }), {
      ok: false,
      problems: [{ kind: 'repeated', ranks: [1, 2] }],
    });
  });

  test('numbers outside 1..n are out of range', () => {
    assert.deepEqual(parseRankNumbers(['a', 'b', 'c', 'd'], { a: '0', b: '4', c: '5', d: '-1' }), {
      ok: false,
      problems: [{ kind: 'outOfRange', itemIds: ['a', 'c', 'd'] }],
    });
    assert.deepEqual(parseRankNumbers(['a'], { a: '99999999999999999999' }), { ok: false, problems: [{ kind: 'outOfRange', itemIds: ['a'] }] });
  });

  test('anything but a plain whole number is not a number', () => {
    for (const typed of ['1e', '1e0', '1.0', '1,0', '+1', 'een', '1 2', '０', '１', '0x1', 'Infinity', 'NaN']) {
      assert.deepEqual(parseRankNumbers(['a'], { a: typed }), { ok: false, problems: [{ kind: 'notANumber', itemIds: ['a'] }] }, typed);
    }
  });

  test('a field sent twice (an array from the form parser) is not a number', () => {
    const typed = { a: ['1', '1'] } as unknown as Record<string, string>;
    assert.deepEqual(parseRankNumbers(['a'], typed), { ok: false, problems: [{ kind: 'notANumber', itemIds: ['a'] }] });
  });

  test('numbers for items that are not being ranked are unknown; empty extra fields are ignored', () => {
    assert.deepEqual(parseRankNumbers(['a', 'b'], { a: '1', b: '2', z: '3', y: undefined }), {
      ok: false,
      problems: [{ kind: 'unknownItem', itemIds: ['z'] }],
    });
  });

  test('item ids that are also Object.prototype names are not filled in from the prototype', () => {
    assert.deepEqual(parseRankNumbers(['constructor', 'toString'], {}), {
      ok: false,
      problems: [{ kind: 'missing', itemIds: ['constructor', 'toString'] }],
    });
    assert.deepEqual(parseRankNumbers(['constructor', '__proto__'], JSON.parse('{"constructor":"2","__proto__":"1"}')), {
      ok: true,
      order: ['__proto__', 'constructor'],
    });
  });

  test('all problems are reported at once, in a fixed order', () => {
    const result = parseRankNumbers(['a', 'b', 'c', 'd', 'e', 'f'], { a: '', b: 'x', c: '9', d: '1', e: '1', z: '2' });
    assert.deepEqual(result, {
      ok: false,
      problems: [
        { kind: 'missing', itemIds: ['a', 'f'] },
        { kind: 'notANumber', itemIds: ['b'] },
        { kind: 'outOfRange', itemIds: ['c'] },
        { kind: 'repeated', ranks: [1] },
        { kind: 'unknownItem', itemIds: ['z'] },
      ],
    });
  });

  test('duplicate item ids are a programming error', () => {
    assert.throws(() => parseRankNumbers(['a', 'a'], { a: '1' }), /more than once/);
  });
});

describe('checkOrder', () => {
  test('accepts a permutation and returns a copy', () => {
    const order = ['c', 'a', 'b'];
    const result = checkOrder(['a', 'b', 'c'], order);
    assert.deepEqual(result, { ok: true, order: ['c', 'a', 'b'] });
    assert.ok(result.ok && result.order !== order);
    assert.deepEqual(checkOrder([], []), { ok: true, order: [] });
  });

  test('reports missing, repeated and unknown items', () => {
    assert.deepEqual(checkOrder(['a', 'b', 'c'], ['a', 'b']), { ok: false, problems: [{ kind: 'missing', itemIds: ['c'] }] });
    assert.deepEqual(checkOrder(['a', 'b'], ['a', 'b', 'a']), { ok: false, problems: [{ kind: 'duplicateItem', itemIds: ['a'] }] });
    assert.deepEqual(checkOrder(['a', 'b'], ['a', 'b', 'x', 'x']), { ok: false, problems: [{ kind: 'unknownItem', itemIds: ['x'] }] });
    assert.deepEqual(checkOrder(['a', 'b', 'c'], ['b', 'b', 'x']), {
      ok: false,
      problems: [
        { kind: 'missing', itemIds: ['a', 'c'] },
        { kind: 'duplicateItem', itemIds: ['b'] },
        { kind: 'unknownItem', itemIds: ['x'] },
      ],
    });
  });

  test('an id like __proto__ is an ordinary item', () => {
    assert.deepEqual(checkOrder(['__proto__', 'constructor'], ['constructor', '__proto__']), { ok: true, order: ['constructor', '__proto__'] });
    assert.equal(checkOrder(['a'], ['constructor']).ok, false);
  });
});

/** The fields the tests compare, in result order. */
function summary(result: RankingResult) {
  return result.items.map((item) => [item.itemId, item.position, item.averageRank, item.tied] as const);
}

describe('aggregateRankings: worked examples', () => {
  test('the tie rule is stated in Dutch as agreed', () => {
    assert.equal(
      TIE_RULE,
      'Bij een gelijk gemiddelde gaat de aanbeveling voor die vaker op een hogere plaats is gezet (meer eerste plaatsen, dan meer tweede plaatsen, enzovoort); blijft het gelijk, dan tellen beide mee en kan de top langer zijn dan gevraagd.',
    );
  });

  test('orders by average rank with the statistics per item', () => {
    const result = aggregateRankings(['a', 'b', 'c', 'd'], [['a', 'b', 'c', 'd'], ['b', 'a', 'c', 'd'], ['a', 'c', 'b', 'd']], 2);
    assert.deepEqual(summary(result), [
      ['a', 1, 4 / 3, false],
      ['b', 2, 2, false],
      ['c', 3, 8 / 3, false],
      ['d', 4, 4, false],
    ]);
    const [a, b, , d] = result.items;
    assert.deepEqual([a!.rankers, a!.bestRank, a!.worstRank], [3, 1, 2]);
    assert.ok(Math.abs(a!.standardDeviation - Math.sqrt(2 / 9)) < 1e-12);
    assert.ok(Math.abs(b!.standardDeviation - Math.sqrt(2 / 3)) < 1e-12);
    assert.equal(d!.standardDeviation, 0);
    assert.deepEqual(result.top.map((item) => item.itemId), ['a', 'b']);
    assert.equal(result.tieAtBoundary, false);
  });

  test('one ranker: standard deviation 0', () => {
    const result = aggregateRankings(['a', 'b'], [['b', 'a']], 1);
    assert.deepEqual(summary(result), [
      ['b', 1, 1, false],
      ['a', 2, 2, false],
    ]);
    assert.equal(result.items[1]!.standardDeviation, 0);
  });

  test('an equal average goes to the item with more first places', () => {
    // a: ranks 1 and 4, b: 2 and 3 -> both 2.5, but a was put first once.
    const result = aggregateRankings(['b', 'a', 'x', 'y'], [['a', 'b', 'x', 'y'], ['x', 'y', 'b', 'a']], 2);
    assert.deepEqual(summary(result), [
      ['x', 1, 2, false],
      ['a', 2, 2.5, true],
      ['b', 3, 2.5, true],
      ['y', 4, 3, false],
    ]);
    assert.deepEqual(result.top.map((item) => item.itemId), ['x', 'a']);
    assert.equal(result.tieAtBoundary, false);
  });

  test('with equal first places, second places decide', () => {
    // a: 1, 3, 3 and b: 2, 1, 4 -> both 7/3 with one first place; only b has a second place.
    const result = aggregateRankings(['a', 'b', 'c', 'd'], [['a', 'b', 'c', 'd'], ['b', 'c', 'a', 'd'], ['c', 'd', 'a', 'b']], 4);
    assert.deepEqual(summary(result), [
      ['c', 1, 2, false],
      ['b', 2, 7 / 3, true],
      ['a', 3, 7 / 3, true],
      ['d', 4, 10 / 3, false],
    ]);
  });

  test('a full tie at the boundary makes the top longer', () => {
    const result = aggregateRankings(['a', 'b', 'c', 'd'], [['a', 'b', 'c', 'd'], ['a', 'c', 'b', 'd']], 2);
    assert.deepEqual(summary(result), [
      ['a', 1, 1, false],
      ['b', 2, 2.5, true],
      ['c', 2, 2.5, true],
      ['d', 4, 4, false],
    ]);
    assert.deepEqual(result.top.map((item) => item.itemId), ['a', 'b', 'c']);
    assert.equal(result.tieAtBoundary, true);
    // Inside the top a tie does not lengthen it.
    assert.equal(aggregateRankings(['a', 'b', 'c', 'd'], [['a', 'b', 'c', 'd'], ['a', 'c', 'b', 'd']], 3).tieAtBoundary, false);
  });

  test('everyone tied: one shared first place', () => {
    const result = aggregateRankings(['a', 'b', 'c'], [['a', 'c', 'b'], ['c', 'b', 'a'], ['b', 'a', 'c']], 1);
    assert.deepEqual(summary(result), [
      ['a', 1, 2, true],
      ['b', 1, 2, true],
      ['c', 1, 2, true],
    ]);
    assert.equal(result.top.length, 3);
    assert.equal(result.tieAtBoundary, true);
  });

  test('averages are compared exactly, also with different numbers of rankers', () => {
    // a: 1 and 3, c: 3 and 1 (two rankers each), b: 2 (one ranker): all average 2.
    // a and c have the same rank counts and share first place; b has no first place.
    const result = aggregateRankings(['a', 'b', 'c', 'd'], [['a', 'b', 'c', 'd'], ['c', 'd', 'a']], 2);
    assert.deepEqual(
      result.items.map((item) => [item.itemId, item.position, item.averageRank, item.rankers, item.tied]),
      [
        ['a', 1, 2, 2, true],
        ['c', 1, 2, 2, true],
        ['b', 3, 2, 1, true],
        ['d', 4, 3, 2, false],
      ],
    );
    assert.deepEqual(result.top.map((item) => item.itemId), ['a', 'c']);
    assert.equal(result.tieAtBoundary, false);
  });

  test('unknown ids and repeats within a ranking are skipped; missing items get no rank', () => {
    const result = aggregateRankings(['a', 'b', 'c'], [['x', 'b', 'b', 'a'], ['b', 'y']], 1);
    assert.deepEqual(
      result.items.map((item) => [item.itemId, item.position, item.averageRank, item.rankers, item.bestRank, item.worstRank, item.tied]),
      [
        ['b', 1, 1, 2, 1, 1, false],
        ['a', 2, 2, 1, 2, 2, false],
        // Nobody ranked c: placed last with the item count as its average.
        ['c', 3, 3, 0, 3, 3, false],
      ],
    );
  });

  test('items nobody ranked come last, even after an item everyone ranked last, and tie with each other', () => {
    const result = aggregateRankings(['u', 'v', 'a', 'b'], [['a', 'b'], ['a', 'b']], 3);
    assert.deepEqual(summary(result), [
      ['a', 1, 1, false],
      ['b', 2, 2, false],
      ['u', 3, 4, true],
      ['v', 3, 4, true],
    ]);
    assert.equal(result.tieAtBoundary, true);
    const lastAndUnranked = aggregateRankings(['u', 'a', 'b'], [['b', 'a'], ['b', 'a']], 3);
    assert.deepEqual(summary(lastAndUnranked), [
      ['b', 1, 1, false],
      ['a', 2, 2, false],
      ['u', 3, 3, false],
    ]);
  });

  test('no rankings, no items, topN 0 and a topN larger than the list', () => {
    assert.deepEqual(aggregateRankings([], [], 3), { items: [], top: [], tieAtBoundary: false });
    const noRankings = aggregateRankings(['a', 'b'], [], 1);
    assert.deepEqual(noRankings.items.map((item) => item.position), [1, 1]);
    assert.equal(noRankings.tieAtBoundary, true);
    assert.deepEqual(aggregateRankings(['a', 'b'], [['a', 'b']], 0).top, []);
    assert.equal(aggregateRankings(['a', 'b'], [['a', 'b']], 10).top.length, 2);
    assert.equal(aggregateRankings(['a', 'b'], [['a', 'b']], 10).tieAtBoundary, false);
  });

  test('rejects a topN that is not a whole number >= 0 and duplicate item ids', () => {
    for (const topN of [-1, 1.5, Number.NaN, Infinity]) assert.throws(() => aggregateRankings(['a'], [['a']], topN), RangeError);
    assert.throws(() => aggregateRankings(['a', 'a'], [], 1), /more than once/);
  });
});

// ---------- Property-based tests ----------

/** Item ids, including ones that would trip a plain object used as a map. */
const itemIdsArb = (maxLength: number) =>
  fc.uniqueArray(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')), {
    minLength: 1,
    maxLength,
  });

const permutationOf = (ids: readonly string[]) => fc.shuffledSubarray([...ids], { minLength: ids.length, maxLength: ids.length });

/** Items, complete rankings (one per member) and a topN. */
const completeCaseArb = (maxItems: number, maxMembers: number) =>
  itemIdsArb(maxItems).chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      rankings: fc.array(permutationOf(ids), { minLength: 1, maxLength: maxMembers }),
      topN: fc.integer({ min: 0, max: ids.length + 2 }),
    }),
  );

interface ReferenceItem {
  position: number;
  sum: number;
  rankers: number;
  best: number;
  worst: number;
  standardDeviation: number;
  tied: boolean;
}

/**
 * A deliberately naive reference for complete rankings: every item has one rank per member, so
 * averages compare as plain sums, and "more first places, then more second places, ..." is the
 * same as comparing the sorted rank lists element by element. Positions by brute force: one plus
 * the number of items that beat this one.
 */
function naiveReference(ids: readonly string[], rankings: readonly (readonly string[])[]): Map<string, ReferenceItem> {
  const ranksOf = new Map(ids.map((id) => [id, rankings.map((ranking) => ranking.indexOf(id) + 1)]));
  const sumOf = (id: string) => ranksOf.get(id)!.reduce((total, rank) => total + rank, 0);
  const sortedRanksOf = (id: string) => [...ranksOf.get(id)!].sort((x, y) => x - y);
  const beats = (a: string, b: string): boolean => {
    if (sumOf(a) !== sumOf(b)) return sumOf(a) < sumOf(b);
    const ra = sortedRanksOf(a);
    const rb = sortedRanksOf(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! < rb[i]!;
    return false;
  };
  const reference = new Map<string, ReferenceItem>();
  for (const id of ids) {
    const ranks = ranksOf.get(id)!;
    const mean = sumOf(id) / ranks.length;
    const variance = ranks.reduce((total, rank) => total + (rank - mean) ** 2, 0) / ranks.length;
    reference.set(id, {
      position: 1 + ids.filter((other) => other !== id && beats(other, id)).length,
      sum: sumOf(id),
      rankers: ranks.length,
      best: Math.min(...ranks),
      worst: Math.max(...ranks),
      standardDeviation: Math.sqrt(variance),
      tied: ids.some((other) => other !== id && sumOf(other) === sumOf(id)),
    });
  }
  return reference;
}

function assertMatchesReference(ids: readonly string[], rankings: readonly (readonly string[])[], topN: number): void {
  const result = aggregateRankings(ids, rankings, topN);
  const reference = naiveReference(ids, rankings);

  assert.deepEqual(new Set(result.items.map((item) => item.itemId)), new Set(ids), 'every item exactly once');
  assert.equal(result.items.length, ids.length);
  for (const item of result.items) {
    const expected = reference.get(item.itemId)!;
    assert.equal(item.position, expected.position, `position of ${item.itemId}`);
    assert.equal(item.averageRank, expected.sum / rankings.length, `average of ${item.itemId}`);
    assert.equal(item.rankers, expected.rankers);
    assert.equal(item.bestRank, expected.best);
    assert.equal(item.worstRank, expected.worst);
    assert.ok(Math.abs(item.standardDeviation - expected.standardDeviation) < 1e-9, `sd of ${item.itemId}`);
    assert.equal(item.tied, expected.tied, `tied of ${item.itemId}`);
  }
  // Best first, and fully tied items in the order they were given.
  for (let i = 1; i < result.items.length; i++) {
    const [previous, current] = [result.items[i - 1]!, result.items[i]!];
    assert.ok(previous.position <= current.position);
    if (previous.position === current.position) assert.ok(ids.indexOf(previous.itemId) < ids.indexOf(current.itemId));
  }

  const expectedTop = ids.filter((id) => reference.get(id)!.position <= topN);
  assert.deepEqual(new Set(result.top.map((item) => item.itemId)), new Set(expectedTop), 'top set');
  assert.deepEqual(result.top, result.items.slice(0, result.top.length), 'top is the start of the list');
  assert.ok(result.top.length >= Math.min(topN, ids.length));
  assert.equal(result.tieAtBoundary, result.top.length > topN);
  const outside = result.items.slice(result.top.length);
  for (const inner of result.top) for (const outer of outside) assert.ok(outer.position > inner.position);
}

describe('aggregateRankings: properties', () => {
  test('matches a naive reference for random complete rankings (1..30 items, 1..25 members)', () => {
    fc.assert(
      fc.property(completeCaseArb(30, 25), ({ ids, rankings, topN }) => assertMatchesReference(ids, rankings, topN)),
      { numRuns: 300 },
    );
  });

  test('matches the reference when ties are frequent (few items, few members)', () => {
    fc.assert(
      fc.property(completeCaseArb(4, 4), ({ ids, rankings, topN }) => assertMatchesReference(ids, rankings, topN)),
      { numRuns: 500 },
    );
  });

  test('the order in which rankings arrive does not matter', () => {
    const arb = completeCaseArb(30, 25).chain((generated) =>
      fc.record({ generated: fc.constant(generated), shuffled: permutationOf(generated.rankings.map((_, i) => String(i))) }),
    );
    fc.assert(
      fc.property(arb, ({ generated: { ids, rankings, topN }, shuffled }) => {
        const reordered = shuffled.map((i) => rankings[Number(i)]!);
        assert.deepEqual(aggregateRankings(ids, reordered, topN), aggregateRankings(ids, rankings, topN));
      }),
      { numRuns: 200 },
    );
  });

  test('when everyone hands in the same ranking, that is the result', () => {
    const arb = itemIdsArb(30).chain((ids) =>
      fc.record({ ranking: permutationOf(ids), members: fc.integer({ min: 1, max: 25 }), topN: fc.integer({ min: 0, max: ids.length + 2 }) }),
    );
    fc.assert(
      fc.property(arb, ({ ranking, members, topN }) => {
        const result = aggregateRankings(
          [...ranking].sort(),
          Array.from({ length: members }, () => ranking),
          topN,
        );
        assert.deepEqual(
          result.items.map((item) => item.itemId),
          ranking,
        );
        result.items.forEach((item, index) => {
          assert.equal(item.position, index + 1);
          assert.equal(item.averageRank, index + 1);
          assert.equal(item.standardDeviation, 0);
          assert.equal(item.tied, false);
        });
        assert.deepEqual(
          result.top.map((item) => item.itemId),
          ranking.slice(0, topN),
        );
        assert.equal(result.tieAtBoundary, false);
      }),
    );
  });

  test('partial rankings with unknown and repeated ids: no crash, honest counts, unranked last', () => {
    const arb = itemIdsArb(12).chain((ids) =>
      fc.record({
        ids: fc.constant(ids),
        rankings: fc.array(fc.array(fc.oneof(fc.constantFrom(...ids), fc.constantFrom('unknown-1', 'unknown-2')), { maxLength: 15 }), {
          maxLength: 8,
        }),
        topN: fc.integer({ min: 0, max: ids.length + 2 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ ids, rankings, topN }) => {
        const result = aggregateRankings(ids, rankings, topN);
        assert.equal(result.items.length, ids.length);
        for (const item of result.items) {
          assert.equal(item.rankers, rankings.filter((ranking) => ranking.includes(item.itemId)).length);
          for (const value of [item.averageRank, item.bestRank, item.worstRank, item.standardDeviation]) assert.ok(Number.isFinite(value));
          assert.ok(item.bestRank >= 1 && item.bestRank <= item.averageRank && item.averageRank <= item.worstRank && item.worstRank <= ids.length);
        }
        const firstUnranked = result.items.findIndex((item) => item.rankers === 0);
        if (firstUnranked >= 0) assert.ok(result.items.slice(firstUnranked).every((item) => item.rankers === 0));
        // Dropping the unknown ids and repeats beforehand gives the same result.
        const cleaned = rankings.map((ranking) => [...new Set(ranking.filter((id) => ids.includes(id)))]);
        assert.deepEqual(aggregateRankings(ids, cleaned, topN), result);
      }),
      { numRuns: 300 },
    );
  });

  test('a permutation survives parseRankNumbers and checkOrder', () => {
    fc.assert(
      fc.property(
        itemIdsArb(30).chain((ids) => fc.tuple(fc.constant(ids), permutationOf(ids))),
        ([ids, order]) => {
          const typed: Record<string, string> = Object.fromEntries(order.map((id, index) => [id, ` ${index + 1} `]));
          assert.deepEqual(parseRankNumbers(ids, typed), { ok: true, order });
          assert.deepEqual(checkOrder(ids, order), { ok: true, order });
        },
      ),
    );
  });
});
