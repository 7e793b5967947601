import assert from 'node:assert/strict';
import { test } from 'node:test';
import { theBook } from '../book/book.content.js';
import { chainPhases, roleCoverage, type ChainPhase } from './workbook.roles.js';

const PHASE: ChainPhase = {
  key: 'eerste-uitval',
  title: 'Eerste uitval uit werk',
  professionals: [
    { name: 'Arbeidsdeskundige', profession: 'arbeidsdeskundige' },
    { name: 'Bedrijfsarts', profession: 'bedrijfsarts' },
    { name: 'Psycholoog', profession: 'psycholoog' },
    { name: 'Begeleider', profession: null },
  ],
};

test('professions the team has are present with the members who bring them', () => {
  const coverage = roleCoverage(PHASE, [
    { name: 'Anna', professionSlug: 'bedrijfsarts' },
    { name: 'Bram', professionSlug: 'bedrijfsarts' },
    { name: 'Cem', professionSlug: 'psycholoog' },
  ]);
  assert.deepEqual(
    coverage.present.map((p) => [p.name, p.members]),
    [
      ['Bedrijfsarts', ['Anna', 'Bram']],
      ['Psycholoog', ['Cem']],
    ],
  );
  assert.deepEqual(coverage.missing.map((m) => m.name), ['Arbeidsdeskundige', 'Begeleider']);
  assert.deepEqual(coverage.beyondTable, []);
});

test('members without a profession or with one the phase does not expect are listed apart', () => {
  const coverage = roleCoverage(PHASE, [
    { name: 'Dewi', professionSlug: null },
    { name: 'Eef', professionSlug: 'jobcoach' },
    { name: 'Fay', professionSlug: 'arbeidsdeskundige' },
  ]);
  assert.deepEqual(coverage.beyondTable.map((m) => m.name), ['Dewi', 'Eef']);
  assert.deepEqual(coverage.present.map((p) => p.name), ['Arbeidsdeskundige']);
  assert.equal(coverage.missing.length, 3);
});

test('an empty team misses every expected profession', () => {
  const coverage = roleCoverage(PHASE, []);
  assert.equal(coverage.missing.length, PHASE.professionals.length);
  assert.equal(coverage.present.length, 0);
});

test('every life phase of the book names professions from the beroepenindex', () => {
  const phases = chainPhases(theBook());
  assert.equal(phases.length, 6);
  for (const phase of phases) assert.ok(phase.professionals.some((p) => p.profession !== null), phase.key);
});
