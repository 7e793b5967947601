import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeFileName } from './download.js';

describe('download file names', () => {
  test('ASCII, lowercase, dashes only', () => {
    assert.equal(safeFileName('Team Zeeland – café', 'csv'), 'team-zeeland-cafe.csv');
    assert.equal(safeFileName('Team Zeeland', '.ics'), 'team-zeeland.ics');
    assert.equal(safeFileName('  Ëindhoven / Noord--Brabant!! ', 'csv'), 'eindhoven-noord-brabant.csv');
    assert.equal(safeFileName('Ｔｅａｍ ﬁets', 'csv'), 'team-fiets.csv', 'full-width letters and ligatures');
    assert.equal(safeFileName('a"b\r\nContent-Type: x', 'csv'), 'a-b-content-type-x.csv', 'nothing that breaks a header');
  });

  test('falls back to the given name when nothing is left', () => {
    assert.equal(safeFileName('', 'csv', 'veranderagenda'), 'veranderagenda.csv');
    assert.equal(safeFileName('– 🎉 –', 'ics', 'veranderagenda'), 'veranderagenda.ics');
    assert.equal(safeFileName('日本語', 'csv', 'veranderagenda'), 'veranderagenda.csv');
    assert.equal(safeFileName('日本語', 'csv'), 'bestand.csv');
  });

  test('at most 60 characters before the extension, never ending in a dash', () => {
    const long = safeFileName('a'.repeat(100), 'csv');
    assert.equal(long, `${'a'.repeat(60)}.csv`);
    const cut = safeFileName(`${'a'.repeat(59)} bcd`, 'csv');
    assert.equal(cut, `${'a'.repeat(59)}.csv`);
  });
});
