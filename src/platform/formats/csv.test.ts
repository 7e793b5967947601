import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toCsv } from './csv.js';

const BOM = '\uFEFF';

describe('CSV export', () => {
  test('starts with a BOM, separates with semicolons and ends every row in CRLF', () => {
    const csv = toCsv(['Actie', 'Eigenaar', 'Aantal'], [
      ['Café openen', 'Renée', 3],
      ['Overleg', null, 0],
    ]);
    assert.equal(csv, `${BOM}Actie;Eigenaar;Aantal\r\nCafé openen;Renée;3\r\nOverleg;;0\r\n`);
  });

  test('only the header when there are no rows', () => {
    assert.equal(toCsv(['a', 'b'], []), `${BOM}a;b\r\n`);
  });

  test('quotes fields with separators, quotes, line breaks or surrounding spaces', () => {
    const csv = toCsv(['x'], [
      ['a;b'],
      ['zei "ja"'],
      ['regel 1\nregel 2'],
      ['regel 1\r\nregel 2'],
      ['a\rb'],
      [' voor'],
      ['achter '],
      ['mid den'],
      ['a,b'],
    ]);
    const body = csv.slice(`${BOM}x\r\n`.length);
    assert.equal(
      body,
      [
        '"a;b"',
        '"zei ""ja"""',
        '"regel 1\nregel 2"',
        '"regel 1\r\nregel 2"',
        '"a\rb"',
        '" voor"',
        '"achter "',
        'mid den',
        'a,b',
      ].join('\r\n') + '\r\n',
    );
  });

  test('text that a spreadsheet would run as a formula gets a leading apostrophe', () => {
    const cell = (value: string | number | null): string => toCsv([], [[value]]).slice(`${BOM}\r\n`.length, -2);
    assert.equal(cell('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(cell('+31 6 12345678'), "'+31 6 12345678");
    assert.equal(cell('-1'), "'-1", 'text that looks like a number is still text');
    assert.equal(cell(-1), '-1', 'a real number is written as is');
    assert.equal(cell(1.5), '1.5');
    assert.equal(cell('@x'), "'@x");
    assert.equal(cell('\tx'), "'\tx");
    assert.equal(cell('\rx'), `"'\rx"`, 'protected and then quoted for the CR');
    assert.equal(cell('=HYPERLINK("http://evil.example";"klik")'), `"'=HYPERLINK(""http://evil.example"";""klik"")"`);
    assert.equal(cell('a=b'), 'a=b', 'only the first character counts');
    assert.equal(cell(''), '');
    assert.equal(cell(null), '');
  });

  test('header cells are protected the same way', () => {
    assert.equal(toCsv(['=cmd', 'a;b'], []), `${BOM}'=cmd;"a;b"\r\n`);
  });

  test('non-finite numbers become empty cells', () => {
    assert.equal(toCsv(['n'], [[Number.NaN, Number.POSITIVE_INFINITY]]), `${BOM}n\r\n;\r\n`);
  });
});
