import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { anonymise, REDACTED } from './anonymise.js';

describe('anonymise', () => {
  const cases: [string, string, string][] = [
    ['e-mailadres', 'Mail me op jan.jansen+loket@example.org als dat kan.', `Mail me op ${REDACTED} als dat kan.`],
    ['mobiel nummer', 'Bel me op 06-12345678.', `Bel me op ${REDACTED}.`],
    ['vast nummer met spaties', 'Mijn nummer is 0118 123 456 overdag.', `Mijn nummer is ${REDACTED} overdag.`],
    ['netnummer tussen haakjes', 'Bel (0118) 123456.', `Bel ${REDACTED}.`],
    ['+31', 'Of +31 6 1234 5678.', `Of ${REDACTED}.`],
    ['postcode met huisnummer', 'Ik woon op 4331 AB 12 in Middelburg.', `Ik woon op ${REDACTED} in Middelburg.`],
    ['straat met huisnummer en postcode', 'Adres: Dorpsstraat 12a, 4331 AB Middelburg', `Adres: ${REDACTED} Middelburg`],
    ['straat met huisnummer', 'Ik woon aan de Lange Noordstraat 7 boven de winkel.', `Ik woon aan de Lange ${REDACTED} boven de winkel.`],
    ['BSN', 'Mijn BSN is 123456782.', `Mijn BSN is ${REDACTED}.`],
    ['BSN-achtig met punten', 'Nummer 1234.56.789 klopt niet.', `Nummer ${REDACTED} klopt niet.`],
    ['negen cijfers zonder 11-proef', 'Dossier 987654321 bij het UWV.', `Dossier ${REDACTED} bij het UWV.`],
    ['persoonlijke LinkedIn', 'Zie https://www.linkedin.com/in/jan-jansen-123 voor mijn cv.', `Zie ${REDACTED} voor mijn cv.`],
    ['persoonlijke link met token', 'Mijn link: https://loket.example.org/loket/zeeland/vraag/bekijken/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg', `Mijn link: ${REDACTED}`],
    ['naam na ik ben', 'Hallo, ik ben Jan de Vries en ik werk in de zorg.', `Hallo, ik ben ${REDACTED} en ik werk in de zorg.`],
    ['naam na mijn naam is', 'Mijn naam is Fatima El Amrani.', `Mijn naam is ${REDACTED}.`],
    ['naam na ik heet', 'Ik heet Piet.', `Ik heet ${REDACTED}.`],
    ['groet met komma', 'Alvast bedankt.\nGroet,\nMarieke', `Alvast bedankt.\nGroet,\n${REDACTED}`],
    ['groeten met komma', 'Groeten, Kees van den Berg', `Groeten, ${REDACTED}`],
    ['met vriendelijke groet', 'Met vriendelijke groet,\n\nA. Bakker', `Met vriendelijke groet,\n\n${REDACTED}`],
    ['samengevoegd', 'Bel 06-12345678 of mail piet@example.org, 06 87654321', `Bel ${REDACTED} of mail ${REDACTED}`],
  ];
  for (const [what, input, expected] of cases) {
    test(`verwijdert ${what}`, () => assert.equal(anonymise(input), expected));
  }

  const untouched = [
    'Ik ben bang dat ik mijn baan verlies.',
    'Ik ben 45 jaar en werk sinds 2015 bij een bank.',
    'Sinds 2019 WW en nu in de WIA.',
    'Kijk op https://www.uwv.nl/particulieren/ziek/wia voor de regels.',
    'Meer informatie op www.113.nl.',
    'Het kost 1.200.000 euro per jaar.',
    'De Rijksweg 58 km verderop.',
    'Ik ben Wajong-gerechtigd en zoek werk.',
    'Met vriendelijke groet aan iedereen die dit leest.',
  ];
  for (const text of untouched) {
    test(`laat staan: ${text}`, () => assert.equal(anonymise(text), text));
  }
});
