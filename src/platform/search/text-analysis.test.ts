import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stemmer as stemDutch } from '@orama/stemmers/dutch';
import { termOf, tokenize } from './text-analysis.js';

test('the Dutch stemmer gives one stem for the forms of a word', () => {
  const same: [string, string][] = [
    ['werkgevers', 'werkgever'],
    ['werken', 'werk'],
    ['mogelijkheden', 'mogelijkheid'],
    ['kwetsbaarheden', 'kwetsbaarheid'],
    ['ervaringsdeskundigen', 'ervaringsdeskundige'],
    ['verhalen', 'verhaal'],
    ['dromen', 'droom'],
    ['aanbevelingen', 'aanbeveling'],
    ['lichamelijke', 'lichamelijk'],
  ];
  for (const [a, b] of same) assert.equal(stemDutch(a), stemDutch(b), `${a} / ${b}`);
  assert.equal(stemDutch('maan'), 'man');
  assert.equal(stemDutch('kwetsbaarheid'), 'kwetsbar');
  assert.notEqual(stemDutch('werk'), stemDutch('werking'.slice(0, 3)));
});

test('terms fold diacritics, drop stop words and keep numbers like 1.1 whole', () => {
  assert.equal(termOf('Cliënt'), termOf('client'));
  assert.equal(termOf('de'), undefined);
  assert.equal(termOf('werk-gevers'), termOf('werkgever'));
  assert.equal(termOf('instructies'), termOf('instructie'));
  assert.deepEqual(
    tokenize('Werkboek Instructie 1.1: de cliënt').map((t) => t.term),
    ['werkboek', 'instructie', '1.1', undefined, 'client'],
  );
  assert.equal(tokenize('Zo’n “mens”')[1]!.word, 'mens');
});
