import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  findIdentifyingData,
  type IdentifyingKind,
  passesElevenTest,
} from './case-consultation.identifying-data.js';

/** Hits in one field as "kind:excerpt", the easiest form to compare. */
function hitsIn(text: string): string[] {
  return findIdentifyingData({ veld: text }).map((hit) => `${hit.kind}:${hit.excerpt}`);
}

function assertHit(text: string, kind: IdentifyingKind, excerpt: string): void {
  assert.deepEqual(hitsIn(text), [`${kind}:${excerpt}`], JSON.stringify(text));
}

function assertClean(text: string): void {
  assert.deepEqual(hitsIn(text), [], JSON.stringify(text));
}

describe('passesElevenTest (BSN 11-proef)', () => {
  test('accepts numbers whose weighted sum is a multiple of 11', () => {
    assert.equal(passesElevenTest('111222333'), true);
    assert.equal(passesElevenTest('123456782'), true);
  });

  test('rejects similar numbers that fail the test', () => {
    assert.equal(passesElevenTest('123456789'), false);
    assert.equal(passesElevenTest('111222334'), false);
    assert.equal(passesElevenTest('123456781'), false);
  });

  test('ignores separators but needs exactly nine digits and not all zeros', () => {
    assert.equal(passesElevenTest('1234.56.782'), true);
    assert.equal(passesElevenTest('123 456 782'), true);
    assert.equal(passesElevenTest('123-456-782'), true);
    assert.equal(passesElevenTest('000000000'), false);
    assert.equal(passesElevenTest('12345678'), false);
    assert.equal(passesElevenTest('1234567820'), false);
    assert.equal(passesElevenTest('12345678a'), false);
  });
});

describe('findIdentifyingData: BSN', () => {
  test('reports nine-digit numbers that pass the 11-proef', () => {
    assertHit('BSN 111222333.', 'bsn', '111222333');
    assertHit('bsn: 123456782', 'bsn', '123456782');
  });

  test('accepts the usual separators', () => {
    assertHit('BSN 1234.56.782', 'bsn', '1234.56.782');
    assertHit('BSN 123 456 782', 'bsn', '123 456 782');
    assertHit('BSN 123-456-782', 'bsn', '123-456-782');
  });

  test('leaves nine-digit numbers that fail the test alone', () => {
    assertClean('Dossiernummer 123456789');
    assertClean('123 456 789');
  });

  test('does not read money or longer numbers as a BSN', () => {
    assertClean('Schuld van € 123.456.782');
    assertClean('Referentie 1234567820');
  });
});

describe('findIdentifyingData: phone numbers', () => {
  const formats = [
    '06-12345678',
    '06 1234 5678',
    '06 12 34 56 78',
    '06-12-34-56-78',
    '0612345678',
    '010-1234567',
    '0113 123456',
    '(0113) 123456',
    '+31 6 12345678',
    '+31(0)6-12345678',
    '+31612345678',
    '0031 6 12345678',
    '+32 470 12 34 56',
    '+44 (0)20 7946 0958',
  ];
  for (const phone of formats) {
    test(`reports ${phone}`, () => assertHit(`Bereikbaar op ${phone}, liefst 's ochtends.`, 'phone', phone));
  }

  test('a ten-digit mobile number is a phone number, never a BSN', () => {
    assert.deepEqual(hitsIn('Tel 0612345678'), ['phone:0612345678']);
  });

  test('does not flag years, ages, amounts, times or short numbers', () => {
    for (const text of ['sinds 2015', '50 jaar', '€ 1.200 per maand', '09.00-17.00 uur', '0-urencontract', '1x per 2 weken', 'kamer 0113']) {
      assertClean(text);
    }
  });
});

describe('findIdentifyingData: e-mail', () => {
  test('reports ordinary addresses', () => {
    assertHit('Mail naar jan.jansen@example.nl.', 'email', 'jan.jansen@example.nl');
    assertHit('j_de-vries+werk@mail.zeeland.org', 'email', 'j_de-vries+werk@mail.zeeland.org');
  });

  test('does not take the digits of an address for a phone number', () => {
    assert.deepEqual(hitsIn('0612345678@example.com'), ['email:0612345678@example.com']);
  });

  test('an @ without a domain is not an address', () => {
    assertClean('Overleg @ het UWV');
  });
});

describe('findIdentifyingData: postcodes and addresses', () => {
  test('reports a postcode with house number', () => {
    assertHit('Adres: 1234 AB 5', 'postcode', '1234 AB 5');
    assertHit('Adres: 1234AB 12a', 'postcode', '1234AB 12a');
  });

  test('reports a street and number followed by a postcode as one hit', () => {
    assertHit('Woont op Kerkstraat 12, 4331 AB Middelburg.', 'postcode', 'Kerkstraat 12, 4331 AB');
  });

  test('reports a postcode alone', () => {
    assertHit('Postcode 4331 AB.', 'postcode', '4331 AB');
  });

  test('reports a street and number without postcode, for each street suffix', () => {
    for (const street of ['Kerkstraat', 'Stationslaan', 'Molenweg', 'Dorpsplein', 'Noordsingel', 'Herengracht', 'Havenkade', 'Zeedijk', 'Bagijnhof', 'Kerkpad', 'Torensteeg']) {
      assertHit(`Woont aan de ${street} 12b.`, 'postcode', `${street} 12b`);
    }
    assertHit('Van Dishoeckstraat 12-14', 'postcode', 'Dishoeckstraat 12-14');
  });

  test('does not flag years with abbreviations, lowercase words or distances', () => {
    assertClean('Sinds 2019 WW-uitkering.');
    assertClean('Vanaf 2020 ZW.');
    assertClean('sinds 2015 en daarna');
    assertClean('Via de Rijksweg 58 km reizen.');
    assertClean('Onderweg 2 uur kwijt.');
    assertClean('Hij ging weg 3 dagen later.');
  });
});

describe('findIdentifyingData: full dates', () => {
  const formats = ['12-03-1974', '12/3/1974', '12.03.1974', '1974-03-12', '12-03-74', '12 maart 1974', '3 mrt. 1974', '1 Januari 2001'];
  for (const date of formats) {
    test(`reports ${date}`, () => assertHit(`Geboren ${date} in Goes.`, 'birthDate', date));
  }

  test('does not flag a year, month and year, ages or impossible dates', () => {
    for (const text of ['In 1974 geboren.', 'Uitgevallen in maart 2019.', '50 jaar.', '12 maart', '32-01-1974', '12-13-1974', '1.2.10']) {
      assertClean(text);
    }
  });

  test('a date next to a phone number is reported as both, not as one long number', () => {
    assert.deepEqual(hitsIn('Geboren 12-03-1974 06 12345678'), ['birthDate:12-03-1974', 'phone:06 12345678']);
  });
});

describe('findIdentifyingData: names', () => {
  test('reports a name after a "Naam" label in any spelling', () => {
    assertHit('Naam: Jan Jansen', 'name', 'Naam: Jan Jansen');
    assertHit('naam : Fatima', 'name', 'naam : Fatima');
    assertHit('Naam = Piet de Vries\nLeeftijd: 50', 'name', 'Naam = Piet de Vries');
    assertHit('Naam: J. Jansen', 'name', 'Naam: J. Jansen');
    assertHit('Voornaam: Kees', 'name', 'Voornaam: Kees');
  });

  test('stops the name at the next label', () => {
    assertHit('Naam: Jan Jansen Leeftijd: 50 jaar', 'name', 'Naam: Jan Jansen');
  });

  test('accepts placeholders after "Naam"', () => {
    for (const placeholder of ['X', 'X.', 'XX', 'Y', 'Z', 'N.N.', 'NN', 'de heer X', 'mevrouw Y', 'anoniem', 'Onbekend', '-', '…', '']) {
      assertClean(`Naam: ${placeholder}`);
    }
    assertClean('Naam: X. Meneer is 50 jaar.');
    assertClean('Naam: X Leeftijd: 50');
    assertClean('Naam: X (50 jaar)');
  });

  test('reports a capitalised surname after meneer, mevrouw, dhr. or mw.', () => {
    assertHit('Gesprek met meneer Jansen.', 'name', 'meneer Jansen');
    assertHit('Mevrouw Bakker zoekt werk.', 'name', 'Mevrouw Bakker');
    assertHit('dhr. J. de Vries', 'name', 'dhr. J. de Vries');
    assertHit('mw. van Dam', 'name', 'mw. van Dam');
    assertHit('Contact met de heer Yilmaz.', 'name', 'de heer Yilmaz');
  });

  test('does not flag verbs, placeholders or roles after meneer and mevrouw', () => {
    for (const text of [
      'Meneer wil graag weer werken.',
      'Meneer Wil graag weer werken.',
      'Mevrouw Heeft twee kinderen.',
      'meneer X',
      'Mevrouw Y.',
      'Meneer X. Hij werkt graag buiten.',
      'Meneer kreeg op zijn 19de kreeg NAH.',
      'Een mevrouw van Emergis begeleidt hem.',
      'Mevrouw GGZ-cliënt',
    ]) {
      assertClean(text);
    }
  });
});

describe('findIdentifyingData: result shape', () => {
  test('attributes hits to fields in field order, then position order', () => {
    const hits = findIdentifyingData({
      title: 'Meneer zoekt werk',
      persona: 'Mail jan@example.nl of bel 06-12345678.',
      particulars: 'Geboren 12-03-1974, Naam: Jan Jansen',
      question: 'BSN 111222333',
    });
    assert.deepEqual(hits, [
      { field: 'persona', kind: 'email', excerpt: 'jan@example.nl' },
      { field: 'persona', kind: 'phone', excerpt: '06-12345678' },
      { field: 'particulars', kind: 'birthDate', excerpt: '12-03-1974' },
      { field: 'particulars', kind: 'name', excerpt: 'Naam: Jan Jansen' },
      { field: 'question', kind: 'bsn', excerpt: '111222333' },
    ]);
  });

  test('reports every occurrence within a field', () => {
    assert.deepEqual(hitsIn('06-12345678 of 06-87654321'), ['phone:06-12345678', 'phone:06-87654321']);
  });

  test('keeps excerpts on one line and at most 60 characters', () => {
    const [hit] = findIdentifyingData({ veld: `Naam: ${'Adelheid '.repeat(10)}` });
    assert.ok(hit);
    assert.equal(hit.excerpt.length, 60);
    assert.ok(hit.excerpt.endsWith('…'));
    assert.deepEqual(hitsIn('Kerkstraat 12,\n4331 AB'), ['postcode:Kerkstraat 12, 4331 AB']);
  });

  test('returns nothing for no fields or empty fields', () => {
    assert.deepEqual(findIdentifyingData({}), []);
    assert.deepEqual(findIdentifyingData({ title: '', question: '   ' }), []);
  });
});

describe('findIdentifyingData: realistic persona without identifying data', () => {
  test('raises no false alarm', () => {
    const persona = {
      title: 'Man (50) met NAH zoekt passend werk in Zeeland',
      age: '50 jaar.',
      gender: 'man.',
      nationality: 'Nederlands.',
      livingSituation: 'Woont samen met zijn partner en twee kinderen (8 en 12 jaar) in een huurwoning in Zeeuws-Vlaanderen.',
      income: 'Wet werk en inkomen naar arbeidsvermogen (WIA). Daarvoor sinds 2015 een WW-uitkering, € 1.200 per maand.',
      diagnosis: 'Meneer kreeg op zijn 19de kreeg NAH. In 2019 ook depressieve klachten, IQ ongeveer 85.',
      workHistory:
        'De laatste acht jaar tot (anderhalf jaar geleden) als magazijnmedewerker gewerkt, 3 dagen van 4 uur, ' +
        'van 09.00 tot 13.00. In maart 2019 uitgevallen; daarna een 0-urencontract.',
      distanceToLabourMarket: 'Groot. Meneer wil graag weer aan het werk, maar kan maximaal 30 km reizen.',
      involvedOrganisations: 'UWV, GGZ Emergis, huisarts, MEE Zeeland, gemeente Terneuzen.',
      treatment: 'Sinds 2020 bij de GGZ, 1x per 2 weken een gesprek; 24/7 bereikbaar crisisteam.',
      particulars: 'Naam: X. Heeft rijbewijs B. Een mevrouw van het wijkteam komt 2 keer per week langs.',
      question: 'Hoe kan meneer weer 12 tot 16 uur per week werken, bijvoorbeeld 3 dagen van 4 uur?',
    };
    assert.deepEqual(findIdentifyingData(persona), []);
  });
});
