import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CalendarEntry, escapeText, foldLine, safeFileName, toCsv, toICalendar } from './agenda.formats.js';

const BOM = '\uFEFF';
const now = new Date('2026-11-23T13:45:00.000Z');

function calendar(entries: CalendarEntry[], name = 'Team Zeeland'): string {
  return toICalendar({ name, entries, now });
}

/** Physical lines without their CRLF; asserts that every line ends in one. */
function physicalLines(ics: string): string[] {
  assert.ok(ics.endsWith('\r\n'), 'the last line ends in CRLF too');
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) assert.ok(!/[\r\n]/.test(line), `no bare CR or LF in ${JSON.stringify(line)}`);
  return lines;
}

function unfold(ics: string): string[] {
  return physicalLines(ics.replace(/\r\n[ \t]/g, ''));
}

function octets(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function dtEnd(date: string): string | undefined {
  return unfold(calendar([{ uid: 'x', date, summary: 'Mijlpaal' }])).find((line) => line.startsWith('DTEND'));
}

describe('agenda CSV export', () => {
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

describe('agenda iCalendar export', () => {
  test('a calendar with one all-day event', () => {
    const ics = calendar([
      { uid: 'milestone-12', date: '2027-03-12', summary: 'Startbijeenkomst', description: 'In het buurthuis', url: 'https://example.org/a/12' },
    ]);
    assert.deepEqual(physicalLines(ics), [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Werkplaats Mensen met Mogelijkheden//Veranderagenda//NL',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Team Zeeland',
      'BEGIN:VEVENT',
      'UID:milestone-12@werkplaats-mmm',
      'DTSTAMP:20261123T134500Z',
      'DTSTART;VALUE=DATE:20270312',
      'DTEND;VALUE=DATE:20270313',
      'SUMMARY:Startbijeenkomst',
      'DESCRIPTION:In het buurthuis',
      'URL:https://example.org/a/12',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  test('no entries still gives a valid calendar; optional properties are left out', () => {
    assert.equal(physicalLines(calendar([])).length, 7);
    const lines = physicalLines(calendar([{ uid: 'a@elders.example', date: '2027-01-01', summary: 'S' }]));
    assert.ok(lines.includes('UID:a@elders.example'), 'a UID with a domain is kept');
    assert.ok(!lines.some((line) => line.startsWith('DESCRIPTION') || line.startsWith('URL')));
  });

  test('a custom product id', () => {
    const ics = toICalendar({ name: 'n', entries: [], now, productId: '-//Test//NL' });
    assert.ok(physicalLines(ics).includes('PRODID:-//Test//NL'));
  });

  test('escapes TEXT values', () => {
    assert.equal(escapeText('a\\b;c,d'), 'a\\\\b\\;c\\,d');
    assert.equal(escapeText('1\r\n2\r3\n4'), '1\\n2\\n3\\n4');
    assert.equal(escapeText('tab\there\u0000\u001B'), 'tab\there', 'TAB stays, other control characters go');
    const lines = unfold(
      calendar(
        [{ uid: 'x', date: '2027-03-12', summary: 'Doel; draagvlak, tegenwind', description: 'Regel 1\r\nRegel 2\nC:\\pad' }],
        'Team, Zeeland; Noord',
      ),
    );
    assert.ok(lines.includes('X-WR-CALNAME:Team\\, Zeeland\\; Noord'));
    assert.ok(lines.includes('SUMMARY:Doel\\; draagvlak\\, tegenwind'));
    assert.ok(lines.includes('DESCRIPTION:Regel 1\\nRegel 2\\nC:\\\\pad'));
  });

  test('a newline in a text or URL can never start a property of its own', () => {
    const ics = calendar([
      { uid: 'x\r\nATTACH:evil', date: '2027-03-12', summary: 'a\nEND:VEVENT', url: 'https://example.org/\r\nATTACH:evil é' },
    ]);
    const lines = unfold(ics);
    assert.ok(!lines.some((line) => line.startsWith('ATTACH') || line === 'END:VEVENT\\n'));
    assert.equal(lines.filter((line) => line === 'END:VEVENT').length, 1);
    assert.ok(lines.includes('URL:https://example.org/%0D%0AATTACH:evil%20%C3%A9'));
  });

  test('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const summary = `Één café in Zeeland ë ü 🎉 ${'ééé—👩‍👩‍👧 '.repeat(20)}einde`;
    const description = 'x'.repeat(300);
    const ics = calendar([{ uid: 'long', date: '2027-03-12', summary, description }]);
    const lines = physicalLines(ics);
    for (const line of lines) {
      assert.ok(octets(line) <= 75, `${octets(line)} octets: ${line}`);
      assert.ok(!/[\uD800-\uDFFF]/u.test(line), 'no half of a surrogate pair');
    }
    assert.ok(lines.filter((line) => line.startsWith(' ')).length > 5, 'it did fold');
    const unfolded = unfold(ics);
    assert.ok(unfolded.includes(`SUMMARY:${summary}`), 'unfolding restores the summary');
    assert.ok(unfolded.includes(`DESCRIPTION:${description}`));
    // The byte stream decodes back to the same text, so no character was cut in half.
    assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(ics, 'utf8')), ics);
  });

  test('folding fills lines to exactly 75 octets where it can', () => {
    const folded = foldLine('A'.repeat(75 + 74 + 10));
    assert.deepEqual(folded.split('\r\n'), ['A'.repeat(75), ` ${'A'.repeat(74)}`, ` ${'A'.repeat(10)}`]);
    assert.equal(foldLine('A'.repeat(75)), 'A'.repeat(75), 'exactly 75 stays one line');
    // 74 ASCII + a 2-octet é would make 76: é moves to the next line whole.
    assert.deepEqual(foldLine(`${'A'.repeat(74)}é`).split('\r\n'), ['A'.repeat(74), ' é']);
    assert.deepEqual(foldLine(`${'A'.repeat(73)}🎉`).split('\r\n'), ['A'.repeat(73), ' 🎉']);
  });

  test('DTEND is the next day across month, year and February ends', () => {
    assert.equal(dtEnd('2026-12-31'), 'DTEND;VALUE=DATE:20270101');
    assert.equal(dtEnd('2027-01-31'), 'DTEND;VALUE=DATE:20270201');
    assert.equal(dtEnd('2027-04-30'), 'DTEND;VALUE=DATE:20270501');
    assert.equal(dtEnd('2027-02-28'), 'DTEND;VALUE=DATE:20270301', 'not a leap year');
    assert.equal(dtEnd('2028-02-28'), 'DTEND;VALUE=DATE:20280229', 'leap year');
    assert.equal(dtEnd('2028-02-29'), 'DTEND;VALUE=DATE:20280301');
    assert.equal(dtEnd('2100-02-28'), 'DTEND;VALUE=DATE:21000301', 'a century is no leap year');
    assert.equal(dtEnd('2000-02-28'), 'DTEND;VALUE=DATE:20000229', 'unless divisible by 400');
    assert.equal(dtEnd('0099-12-31'), 'DTEND;VALUE=DATE:01000101', 'two-digit years are not read as 19xx');
  });

  test('the time stamp is in UTC whatever the time zone of now', () => {
    const ics = toICalendar({ name: 'n', entries: [{ uid: 'x', date: '2027-03-12', summary: 's' }], now: new Date('2026-06-30T23:59:59.999+02:00') });
    assert.ok(physicalLines(ics).includes('DTSTAMP:20260630T215959Z'));
  });

  test('rejects dates that do not exist', () => {
    for (const date of ['2027-02-29', '2027-02-30', '2027-13-01', '2027-00-10', '2027-04-31', '2027-3-12', '12-03-2027', '2027-03-12T00:00', '', 'morgen']) {
      assert.throws(() => calendar([{ uid: 'm-1', date, summary: 'S' }]), (error: unknown) => {
        assert.ok(error instanceof Error);
        assert.match(error.message, /invalid date/);
        assert.ok(error.message.includes(`"${date}"`) && error.message.includes('"m-1"'), error.message);
        return true;
      }, date);
    }
    assert.throws(() => toICalendar({ name: 'n', entries: [], now: new Date('nope') }), /Invalid "now"/);
  });
});

describe('export file names', () => {
  test('ASCII, lowercase, dashes only', () => {
    assert.equal(safeFileName('Team Zeeland – café', 'csv'), 'team-zeeland-cafe.csv');
    assert.equal(safeFileName('Team Zeeland', '.ics'), 'team-zeeland.ics');
    assert.equal(safeFileName('  Ëindhoven / Noord--Brabant!! ', 'csv'), 'eindhoven-noord-brabant.csv');
    assert.equal(safeFileName('Ｔｅａｍ ﬁets', 'csv'), 'team-fiets.csv', 'full-width letters and ligatures');
    assert.equal(safeFileName('a"b\r\nContent-Type: x', 'csv'), 'a-b-content-type-x.csv', 'nothing that breaks a header');
  });

  test('falls back to veranderagenda when nothing is left', () => {
    assert.equal(safeFileName('', 'csv'), 'veranderagenda.csv');
    assert.equal(safeFileName('– 🎉 –', 'ics'), 'veranderagenda.ics');
    assert.equal(safeFileName('日本語', 'csv'), 'veranderagenda.csv');
  });

  test('at most 60 characters before the extension, never ending in a dash', () => {
    const long = safeFileName('a'.repeat(100), 'csv');
    assert.equal(long, `${'a'.repeat(60)}.csv`);
    const cut = safeFileName(`${'a'.repeat(59)} bcd`, 'csv');
    assert.equal(cut, `${'a'.repeat(59)}.csv`);
  });
});
