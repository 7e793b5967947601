import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPlainLanguage, hasWarnings, isLongWord, JARGON, normalise, sentences, syllables } from './plain-language.js';

const PLAIN =
  'Je helpt in de keuken van ons restaurant. Je snijdt groenten en je maakt de tafels schoon. ' +
  'Je werkt samen met Piet. Hij legt alles rustig uit. Heb je een vraag? Dan kun je altijd bij hem terecht.';

test('the list has at least sixty entries, each with an alternative', () => {
  assert.ok(JARGON.length >= 60, `${JARGON.length} entries`);
  for (const entry of JARGON) assert.ok(entry.alternative.trim().length > 0, entry.term);
  const terms = JARGON.map((e) => normalise(e.term));
  assert.equal(new Set(terms).size, terms.length, 'no double entries');
});

test('jargon is found with its plain alternative', () => {
  const report = checkPlainLanguage('Wij zoeken een proactieve kandidaat met affiniteit met techniek. Per direct, 0,8 fte.');
  const found = new Map(report.jargon.map((j) => [j.term, j.alternative]));
  assert.equal(found.get('proactief'), 'je ziet zelf wat er moet gebeuren');
  assert.equal(found.get('affiniteit met'), 'zin in; je vindt het leuk');
  assert.equal(found.get('per direct'), 'zo snel mogelijk');
  assert.equal(found.get('fte'), 'uur per week (noem het aantal uren)');
  assert.equal(found.get('kandidaat'), 'jij');
  assert.ok(hasWarnings(report));
});

test('multi-word jargon with hyphens and the book vocabulary', () => {
  const report = checkPlainLanguage('Je hebt MBO-4 werk- en denkniveau. Ervaring met re-integratie van mensen met een arbeidsbeperking.');
  const terms = report.jargon.map((j) => j.term);
  assert.ok(terms.includes('MBO-4 werk- en denkniveau'));
  assert.ok(terms.includes('re-integratie'));
  assert.ok(terms.includes('arbeidsbeperking'));
  assert.match(report.jargon.find((j) => j.term === 'arbeidsbeperking')?.alternative ?? '', /psychische kwetsbaarheid/);
});

test('diacritics and capitals do not hide jargon', () => {
  const terms = (text: string) => checkPlainLanguage(text).jargon.map((j) => j.term);
  assert.deepEqual(terms('Reïntegratie is ons doel.'), ['re-integratie']);
  assert.deepEqual(terms('REINTEGRATIE'), ['re-integratie']);
  assert.deepEqual(terms('Voor iedere Patiënt.'), ['patiënt']);
  assert.deepEqual(terms('Een STRESSBESTENDIGE collega'), ['stressbestendig']);
  assert.deepEqual(terms('Werk in een Dynamische omgeving'), ['dynamisch']);
});

test('jargon only matches whole words', () => {
  // "fte" inside another word, "traject" inside "trajectory", "reeds" inside "breedsprakig": no warning.
  assert.deepEqual(checkPlainLanguage('Het giftesysteem en de breedsprakige trajectory.').jargon, []);
});

test('a long sentence is reported with its first words', () => {
  const long =
    'Als medewerker in onze keuken ben je samen met je collega’s elke dag bezig met het klaarmaken van lekkere maaltijden voor de gasten die bij ons komen eten.';
  const report = checkPlainLanguage(`Kort begin. ${long} Kort einde.`);
  assert.equal(report.longSentences.length, 1);
  assert.equal(report.longSentences[0]?.words, 28);
  assert.equal(report.longSentences[0]?.excerpt, 'Als medewerker in onze keuken ben je samen …');
  assert.equal(report.readability.sentences, 3);
});

test('long words: many letters or many syllables, common words excepted', () => {
  assert.ok(isLongWord('arbeidsongeschiktheidsverzekering'));
  assert.ok(isLongWord('verantwoordelijkheden'));
  assert.ok(!isLongWord('mogelijkheden'), 'the book’s own word is never long');
  assert.ok(!isLongWord('organisatie'));
  assert.ok(!isLongWord('keuken'));
  assert.equal(syllables('geïnteresseerd'), 5);
  assert.equal(syllables('tijd'), 1);
  const report = checkPlainLanguage('Wij bieden loopbaanbegeleidingsgesprekken aan.');
  assert.deepEqual(report.longWords, ['loopbaanbegeleidingsgesprekken']);
});

test('a plain text gives no warnings and a good readability', () => {
  const report = checkPlainLanguage(PLAIN);
  assert.deepEqual(report.jargon, []);
  assert.deepEqual(report.longSentences, []);
  assert.deepEqual(report.longWords, []);
  assert.ok(!hasWarnings(report));
  assert.equal(report.readability.sentences, 6);
  assert.ok(report.readability.averageSentenceLength < 10);
  assert.equal(report.readability.longWordPercentage, 0);
  assert.ok((report.readability.fleschDouma ?? 0) > 70, `Flesch-Douma ${report.readability.fleschDouma}`);
});

test('empty text and lists', () => {
  const empty = checkPlainLanguage('');
  assert.equal(empty.readability.words, 0);
  assert.equal(empty.readability.fleschDouma, null);
  assert.ok(!hasWarnings(empty));
  assert.deepEqual(sentences('- koffie zetten\n- tafels dekken\n\n- afwassen'), ['- koffie zetten', '- tafels dekken', '- afwassen']);
});
