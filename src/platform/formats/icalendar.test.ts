import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CalendarEntry, escapeText, foldLine, toICalendar } from './icalendar.js';

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

describe('iCalendar export', () => {
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

describe('iCalendar timed events', () => {
  const meeting = {
    uid: 'm1@werkplaats.example.org',
    start: '2030-01-10T18:30:00.000Z',
    end: '2030-01-10T20:00:00.000Z',
    created: '2030-01-01T10:00:00.000Z',
    lastModified: '2030-01-02T10:00:00.000Z',
    sequence: 2,
    summary: 'Groep',
    location: 'Buurthuis, Goes',
  };

  test('a timed event in UTC with its sequence, status and location; a feed asks to be refreshed', () => {
    const ics = toICalendar({ name: 'Groep', entries: [{ ...meeting, status: 'CONFIRMED' }], now, refreshInterval: 'PT6H' });
    const lines = unfold(ics);
    assert.ok(lines.includes('REFRESH-INTERVAL;VALUE=DURATION:PT6H'));
    assert.ok(lines.includes('X-PUBLISHED-TTL:PT6H'));
    const start = lines.indexOf('BEGIN:VEVENT');
    assert.deepEqual(lines.slice(start, start + 12), [
      'BEGIN:VEVENT',
      'UID:m1@werkplaats.example.org',
      'DTSTAMP:20261123T134500Z',
      'DTSTART:20300110T183000Z',
      'DTEND:20300110T200000Z',
      'CREATED:20300101T100000Z',
      'LAST-MODIFIED:20300102T100000Z',
      'SEQUENCE:2',
      'STATUS:CONFIRMED',
      'SUMMARY:Groep',
      'LOCATION:Buurthuis\\, Goes',
      'END:VEVENT',
    ]);
  });

  test('a cancelled event says so instead of disappearing', () => {
    const lines = unfold(toICalendar({ name: 'Groep', entries: [{ ...meeting, status: 'CANCELLED' }], now }));
    assert.ok(lines.includes('STATUS:CANCELLED'));
    assert.ok(!lines.some((line) => line.startsWith('REFRESH-INTERVAL')));
  });

  test('rejects times that cannot be read', () => {
    assert.throws(() => toICalendar({ name: 'Groep', entries: [{ ...meeting, start: 'morgen' }], now }), /invalid time "morgen"/);
  });
});
