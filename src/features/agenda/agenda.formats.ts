// Pure serialisers for exporting a change agenda: CSV for spreadsheets, iCalendar for due dates,
// and a header-safe file name. No I/O here, so routes decide how to send the result.

const CRLF = '\r\n';

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

export type CsvCell = string | number | null;

// Dutch-locale Excel uses the comma as decimal separator and so expects `;` between fields.
const CSV_SEPARATOR = ';';
// Without a BOM Excel guesses a legacy code page and mangles é and ë.
const UTF8_BOM = '\uFEFF';
// OWASP CSV injection: spreadsheets treat these first characters as the start of a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    // "NaN" or "Infinity" would only look like data; an empty cell is honest.
    return Number.isFinite(value) ? String(value) : '';
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(CSV_SEPARATOR) + CRLF;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + csvLine(header) + rows.map(csvLine).join('');
}

// ---------------------------------------------------------------------------------------------
// iCalendar (RFC 5545)
// ---------------------------------------------------------------------------------------------

export interface CalendarEntry {
  uid: string;
  /** YYYY-MM-DD */
  date: string;
  summary: string;
  description?: string;
  url?: string;
}

export const DEFAULT_PRODUCT_ID = '-//Werkplaats Mensen met Mogelijkheden//Veranderagenda//NL';
const UID_DOMAIN = 'werkplaats-mmm';
const MAX_LINE_OCTETS = 75;

/** RFC 5545 §3.3.11: TEXT escaping; control characters other than TAB are not allowed at all. */
export function escapeText(value: string): string {
  return value
    .replace(/[\\;,]/g, (ch) => `\\${ch}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '');
}

// A URI is not TEXT, so it is not backslash-escaped; percent-encoding anything outside printable
// ASCII keeps a stray newline from starting a property of its own.
function escapeUri(value: string): string {
  const encoder = new TextEncoder();
  return value.replace(/[^\u0021-\u007E]/gu, (ch) =>
    Array.from(encoder.encode(ch), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  // Lone surrogates count as 3: they are sent as U+FFFD.
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** RFC 5545 §3.1: at most 75 octets per physical line, continued with CRLF + one space. */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  // for…of walks code points, so a surrogate pair is never split.
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      out += `${CRLF} `;
      octets = 1;
    }
    out += ch;
    octets += size;
  }
  return out;
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

function icsDate(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new Error(`Date ${date.toISOString()} does not fit iCalendar's four-digit year`);
  return pad(year, 4) + pad(date.getUTCMonth() + 1, 2) + pad(date.getUTCDate(), 2);
}

function icsDateTimeUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('Invalid "now" for the calendar time stamp');
  return `${icsDate(date)}T${pad(date.getUTCHours(), 2)}${pad(date.getUTCMinutes(), 2)}${pad(date.getUTCSeconds(), 2)}Z`;
}

/** Parses YYYY-MM-DD as a UTC midnight, rejecting dates such as 2027-02-30. */
function parseCalendarDate(value: string, uid: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = new Date(0);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
    date.setUTCFullYear(year, month - 1, day);
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return date;
  }
  throw new Error(`Calendar entry "${uid}" has an invalid date "${value}"; expected an existing date as YYYY-MM-DD`);
}

function nextDay(date: Date): Date {
  const next = new Date(date.getTime());
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

function uidWithDomain(uid: string): string {
  // RFC 5545 recommends a domain part so UIDs stay unique across producers.
  return uid.includes('@') ? uid : `${uid}@${UID_DOMAIN}`;
}

export function toICalendar(input: {
  name: string;
  entries: readonly CalendarEntry[];
  now: Date;
  productId?: string;
}): string {
  const stamp = icsDateTimeUtc(input.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(input.productId ?? DEFAULT_PRODUCT_ID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
  ];
  for (const entry of input.entries) {
    const start = parseCalendarDate(entry.date, entry.uid);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(uidWithDomain(entry.uid))}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(start)}`,
      // DTEND of an all-day event is exclusive: the day after.
      `DTEND;VALUE=DATE:${icsDate(nextDay(start))}`,
      `SUMMARY:${escapeText(entry.summary)}`,
    );
    if (entry.description !== undefined) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
    if (entry.url !== undefined) lines.push(`URL:${escapeUri(entry.url)}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => foldLine(line) + CRLF).join('');
}

// ---------------------------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------------------------

const MAX_BASE_NAME = 60;
const FALLBACK_BASE_NAME = 'veranderagenda';

/**
 * An ASCII-only file name, safe inside a Content-Disposition header without RFC 5987 encoding.
 * `extension` may be given with or without its dot.
 */
export function safeFileName(name: string, extension: string): string {
  const base =
    name
      // NFKD rather than NFD also turns ligatures and full-width letters into plain ASCII.
      .normalize('NFKD')
      .toLowerCase()
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_BASE_NAME)
      .replace(/-+$/, '') || FALLBACK_BASE_NAME;
  const ext = extension.toLowerCase().replace(/[^a-z0-9]/g, '');
  return ext ? `${base}.${ext}` : base;
}
