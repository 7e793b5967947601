// iCalendar (RFC 5545) for calendar files and feeds. No I/O here, so routes decide how to send the result.

const CRLF = '\r\n';

interface EntryProperties {
  uid: string;
  summary: string;
  description?: string;
  url?: string;
  location?: string;
  /** ISO moments, written in UTC. */
  created?: string;
  lastModified?: string;
  /** Raised on every change that matters to someone who has the entry in their calendar. */
  sequence?: number;
  /** A cancelled entry stays in the feed so calendars that have it remove or strike it. */
  status?: 'CONFIRMED' | 'CANCELLED';
}

/** An all-day entry: a date without a time, the same day wherever the calendar is shown. */
export interface CalendarEntry extends EntryProperties {
  /** YYYY-MM-DD */
  date: string;
}

/** A timed event; start and end are ISO moments, written in UTC so no time zone table is needed. */
export interface TimedCalendarEntry extends EntryProperties {
  start: string;
  end: string;
}

export type AnyCalendarEntry = CalendarEntry | TimedCalendarEntry;

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

function utcMoment(iso: string, uid: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Calendar entry "${uid}" has an invalid time "${iso}"`);
  return icsDateTimeUtc(date);
}

function entryLines(entry: AnyCalendarEntry, stamp: string): string[] {
  const lines = [`UID:${escapeText(uidWithDomain(entry.uid))}`, `DTSTAMP:${stamp}`];
  if ('date' in entry) {
    const start = parseCalendarDate(entry.date, entry.uid);
    // DTEND of an all-day event is exclusive: the day after.
    lines.push(`DTSTART;VALUE=DATE:${icsDate(start)}`, `DTEND;VALUE=DATE:${icsDate(nextDay(start))}`);
  } else {
    lines.push(`DTSTART:${utcMoment(entry.start, entry.uid)}`, `DTEND:${utcMoment(entry.end, entry.uid)}`);
  }
  if (entry.created !== undefined) lines.push(`CREATED:${utcMoment(entry.created, entry.uid)}`);
  if (entry.lastModified !== undefined) lines.push(`LAST-MODIFIED:${utcMoment(entry.lastModified, entry.uid)}`);
  if (entry.sequence !== undefined) lines.push(`SEQUENCE:${entry.sequence}`);
  if (entry.status !== undefined) lines.push(`STATUS:${entry.status}`);
  lines.push(`SUMMARY:${escapeText(entry.summary)}`);
  if (entry.location !== undefined) lines.push(`LOCATION:${escapeText(entry.location)}`);
  if (entry.description !== undefined) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
  if (entry.url !== undefined) lines.push(`URL:${escapeUri(entry.url)}`);
  // An all-day entry is a due date, not an appointment: it does not make anyone look busy.
  if ('date' in entry) lines.push('TRANSP:TRANSPARENT');
  return lines;
}

export function toICalendar(input: {
  name: string;
  entries: readonly AnyCalendarEntry[];
  now: Date;
  productId?: string;
  /** For a subscribed feed: how often calendars should fetch it again, as an RFC 5545 duration (PT6H). */
  refreshInterval?: string;
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
  if (input.refreshInterval !== undefined) {
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${input.refreshInterval}`, `X-PUBLISHED-TTL:${input.refreshInterval}`);
  }
  for (const entry of input.entries) lines.push('BEGIN:VEVENT', ...entryLines(entry, stamp), 'END:VEVENT');
  lines.push('END:VCALENDAR');
  return lines.map((line) => foldLine(line) + CRLF).join('');
}
