import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editDistance, MAX_QUERY_LENGTH, planQuery, type Vocabulary } from './search-query.js';
import { Synonyms } from './synonyms.js';
import { termOf } from './text-analysis.js';

/** A vocabulary of written words with how many documents hold each, as the index would give it. */
function vocabulary(words: Record<string, number>): Vocabulary {
  const counts = new Map<string, number>();
  const written = new Map<string, string>();
  for (const [word, n] of Object.entries(words)) {
    const term = termOf(word)!;
    counts.set(term, (counts.get(term) ?? 0) + n);
    if (!written.has(term)) written.set(term, word);
  }
  return {
    documents: async (terms) => new Map(terms.flatMap((t) => (counts.has(t) ? [[t, counts.get(t)!] as const] : []))),
    compounds: async (term, limit) => [...counts.keys()].filter((t) => t !== term && (t.startsWith(term) || t.endsWith(term))).slice(0, limit),
    spellingCandidates: async (term) =>
      [...counts].filter(([t]) => t.startsWith(term.slice(0, 2)) || t.endsWith(term.slice(-3))).map(([t, n]) => ({ term: t, word: written.get(t)!, documents: n })),
  };
}

const words = vocabulary({
  jobcoach: 40,
  loopbaancoach: 8,
  coach: 12,
  werkgever: 300,
  leidinggevende: 30,
  bedrijfsarts: 50,
  verzekeringsarts: 20,
  arbeidsdeskundige: 15,
  werkgeversservicepunt: 6,
  servicepunt: 9,
  werkgevers: 200,
  rust: 25,
  nodig: 90,
  vertellen: 40,
  ziek: 60,
  werk: 900,
  durf: 5,
});
const terms = (plan: Awaited<ReturnType<typeof planQuery>>) => plan.groups.map((g) => g.alternatives.map((a) => a.join('+')));

test('a word the index does not know is corrected to the closest, most used word', async () => {
  const plan = await planQuery('jobcoch', words, Synonyms.none);
  assert.deepEqual(plan.corrections, [{ typed: 'jobcoch', corrected: 'jobcoach' }]);
  assert.equal(plan.groups[0]!.alternatives[0]![0], termOf('jobcoach'));
  const exact = await planQuery('jobcoch', words, Synonyms.none, { correct: false });
  assert.deepEqual(exact.groups, [], 'as typed, an unknown word leaves nothing to search');
  assert.deepEqual((await planQuery('xqzwv', words, Synonyms.none)).groups, [], 'nothing close: no guess');
});

test('synonyms and plain words: baas finds werkgever, bedrijfsdokter finds bedrijfsarts, English finds Dutch', async () => {
  const synonyms = Synonyms.of([
    { typed: ['baas'], alsoFind: ['werkgever', 'leidinggevende'] },
    { typed: ['bedrijfsdokter'], alsoFind: ['bedrijfsarts'] },
    { typed: ['supported employment'], alsoFind: ['IPS', 'individuele plaatsing en steun'] },
  ]);
  assert.deepEqual(terms(await planQuery('baas', words, synonyms))[0], [termOf('baas'), termOf('werkgever'), termOf('leidinggevende')]);
  assert.ok(terms(await planQuery('bedrijfsdokter', words, synonyms))[0]!.includes(termOf('bedrijfsarts')!));
  const english = await planQuery('Supported Employment', words, synonyms);
  assert.equal(english.groups.length, 1, 'the phrase is one group');
  assert.ok(terms(english)[0]!.includes('ips'));
  assert.ok(terms(english)[0]!.includes([termOf('individuele'), termOf('plaatsing'), termOf('steun')].join('+')));
});

test('compounds: written apart, written together, and a part finds the whole', async () => {
  const apart = await planQuery('arbeids deskundige', words, Synonyms.none);
  assert.equal(apart.groups.length, 1);
  assert.ok(terms(apart)[0]!.includes(termOf('arbeidsdeskundige')!));
  const together = await planQuery('werkgevers servicepunt', words, Synonyms.none);
  assert.ok(terms(together)[0]!.includes(termOf('werkgeversservicepunt')!));
  const unknownWhole = await planQuery('werkgeversloket', vocabulary({ werkgevers: 5, loket: 5 }), Synonyms.none);
  assert.deepEqual(terms(unknownWhole), [[`${termOf('werkgevers')}+${termOf('loket')}`]], 'split into its known parts');
  const part = await planQuery('coach', words, Synonyms.none);
  assert.ok(terms(part)[0]!.includes(termOf('jobcoach')!) && terms(part)[0]!.includes(termOf('loopbaancoach')!));
});

test('a question typed in full searches for its content words', async () => {
  const plan = await planQuery('Hoe kan ik vertellen dat ik ziek ben op mijn werk?', words, Synonyms.none);
  assert.deepEqual(
    plan.groups.map((g) => g.alternatives[0]!.join('+')),
    ['vertellen', 'ziek', 'werk'].map((w) => termOf(w)),
  );
  const long = await planQuery('ik durf niet te vertellen dat ik ziek ben op mijn werk', words, Synonyms.none);
  assert.deepEqual(
    long.groups.map((g) => g.typed),
    ['durf', 'vertellen', 'ziek', 'werk'],
  );
});

test('the query is cut at its cap, and that is reported', async () => {
  const plan = await planQuery(`jobcoach ${'x'.repeat(400)}`, words, Synonyms.none);
  assert.equal(plan.text.length, MAX_QUERY_LENGTH);
  assert.equal(plan.truncated, true);
  assert.equal((await planQuery('jobcoach', words, Synonyms.none)).truncated, false);
});

test('edit distance counts a swap of neighbours as one', () => {
  assert.equal(editDistance('wrekgever', 'werkgever'), 1);
  assert.equal(editDistance('jobcoch', 'jobcoach'), 1);
  assert.equal(editDistance('abc', 'xyz'), 3);
  assert.ok(editDistance('abcdefgh', 'zzzzzzzz', 2) > 2, 'stops early above the limit');
});
