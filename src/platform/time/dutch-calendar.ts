// Days as people in the Netherlands count them: a deadline, an expiry date or "today" is a Dutch
// calendar day, and the UTC date is still yesterday until 01:00 (winter) or 02:00 (summer).

export const DUTCH_TIME_ZONE = 'Europe/Amsterdam';

// Made once: building a formatter costs far more than using it.
const DUTCH_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: DUTCH_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in the Netherlands as 'YYYY-MM-DD'. */
export function dutchToday(now: Date): string {
  return DUTCH_DATE.format(now);
}

/** A real day written as YYYY-MM-DD (no 31 February). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
