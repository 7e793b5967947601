// Warns about identifying data in a case before it is saved, so the person bringing the case can
// confirm or edit. These are heuristics for Dutch text, not a guarantee: they aim at what people
// actually type and keep false alarms on ordinary persona text ("50 jaar", "sinds 2015") low.

export type IdentifyingKind = 'name' | 'bsn' | 'phone' | 'email' | 'postcode' | 'birthDate';

export interface IdentifyingHit {
  readonly field: string;
  readonly kind: IdentifyingKind;
  readonly excerpt: string;
}

/** BSN 11-proef: 9*d1 + 8*d2 + … + 2*d8 − 1*d9 is a multiple of 11; all zeros is not a BSN. */
export function passesElevenTest(digits: string): boolean {
  const bsn = digits.replace(/[\s.-]/g, '');
  if (!/^\d{9}$/.test(bsn) || /^0+$/.test(bsn)) return false;
  let sum = -Number(bsn[8]);
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  return sum % 11 === 0;
}

interface Rule {
  readonly kind: IdentifyingKind;
  /** Global pattern; run on text where earlier hits are masked. */
  readonly pattern: RegExp;
  /** Length of the hit from the match start; 0 means the match is not a hit. Default: whole match. */
  readonly hitLength?: (match: RegExpMatchArray) => number;
}

const whole = (match: RegExpMatchArray): number => match[0].length;
const when =
  (accept: (match: RegExpMatchArray) => boolean) =>
  (match: RegExpMatchArray): number =>
    accept(match) ? match[0].length : 0;

// --- e-mail -------------------------------------------------------------------------------------

const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])/gi;

// --- full dates ---------------------------------------------------------------------------------

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
  'jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec';
// Not glued to other numbers, so "1.200.000" or "06-12-34-56-78" are not read as dates.
const NUMERIC_DATE = /(?<![\w.,/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\w|[-/.,]\d)/g;
const ISO_DATE = /(?<![\w.,/-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\w|[-/.,]\d)/g;
const NAMED_DATE = new RegExp(String.raw`(?<!\w)(\d{1,2})[\s-]+(?:${MONTHS})\.?[\s-]+(\d{4})(?!\w)`, 'gi');

function isDate(day = '', month = '', year = ''): boolean {
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  return d >= 1 && d <= 31 && m >= 1 && m <= 12 && (year.length === 2 || (y >= 1900 && y <= 2099));
}

// --- phone numbers ------------------------------------------------------------------------------

// Between digits: nothing, a space, a hyphen (maybe spaced) or the ")" of an area code.
const GAP = String.raw`(?:\)\s?|\s?-\s?|\s)?`;
// Dutch numbers have ten digits: a 0 and nine more. "0[1-9]" keeps "00" prefixes international.
const PHONE_NL = new RegExp(String.raw`(?<![\w+])\(?0[1-9](?:${GAP}\d){8}(?!\d)`, 'g');
const PHONE_NL_INTERNATIONAL = new RegExp(
  String.raw`(?<![\w+])(?:\+|00)31\s?(?:\(0\)\s?|0)?[1-9](?:${GAP}\d){8}(?!\d)`,
  'g',
);
const PHONE_INTERNATIONAL = new RegExp(
  String.raw`(?<![\w+])(?:\+|00)(?!31)[1-9]\d{0,2}\s?(?:\(0\)\s?)?(?:${GAP}\d){7,12}(?!\d)`,
  'g',
);

// --- BSN ----------------------------------------------------------------------------------------

// 123456782, 1234.56.782, 123 456 782, 123-456-782; "123.456.789" is left alone: that is money.
const BSN = /(?<![\w.,+€-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}([ -])\d{3}\1\d{3})(?!\w|[.,-]\d)/g;

// --- addresses ----------------------------------------------------------------------------------

const STREET = String.raw`\p{Lu}[\p{L}'-]*?(?:straat|laan|weg|plein|singel|gracht|kade|dijk|hof|pad|steeg)`;
// "12", "12a", "12 B", "12-14"; "Rijksweg 58 km" or "Onderweg 2 uur" are distances, not addresses.
const HOUSE_NUMBER = String.raw`\d{1,5}(?:\s?[a-zA-Z](?![\p{L}\d])|-\d{1,4})?(?!\d)(?!\s*(?:jaar|uur|dagen|km|minuten)\b)`;
// Upper-case letters only: "2015 en" must not look like a postcode. SA, SD and SS are never used.
const POSTCODE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${STREET}\s+${HOUSE_NUMBER},?\s+)?[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\d-])(?:,?\s+${HOUSE_NUMBER})?`,
  'gu',
);
const STREET_AND_NUMBER = new RegExp(String.raw`(?<![\p{L}\d])${STREET}\s+${HOUSE_NUMBER}`, 'gu');
// A year followed by a benefit or school abbreviation ("sinds 2019 WW") is not a postcode.
const ABBREVIATIONS = new Set(['WW', 'ZW', 'AO', 'WO', 'VO', 'PO', 'IQ', 'OK', 'AD', 'BW', 'HR', 'IT']);
const BARE_POSTCODE = /^\d{4}\s?([A-Z]{2})$/;

// --- names --------------------------------------------------------------------------------------

// Capitalised words that follow "Meneer"/"Mevrouw" in a sentence without being a surname.
const NOT_A_NAME = new Set(
  ('Wil Wilde Kreeg Krijgt Heeft Had Is Was Werkt Werkte Woont Woonde Zoekt Vindt Voelt Gaat Ging Kan Kon ' +
    'Moet Zal Zou Wordt Werd Zit Komt Doet Geeft Ziet Zegt Staat De Het Een En Of Maar Ook Nog Niet ' +
    'Hij Zij Ze Die Dat Meneer Mevrouw').split(' '),
);
const TUSSENVOEGSEL = String.raw`(?:(?:van|de|der|den|ter|ten|te|'t)\s+)*`;
// "meneer Jansen", "mw. de Vries", "dhr. J. Jansen". Initials N, X, Y, Z are placeholders ("meneer X.").
// After an article it is a role, not a person: "een mevrouw van Emergis".
const TITLED_NAME = new RegExp(
  String.raw`(?<!\p{L})(?<!(?:[Ee]en|[Dd]e|[Dd]ie|[Dd]eze)\s)(?:[Mm]eneer|[Mm]evrouw|[Mm]evr\.?|[Dd]hr\.?|[Mm]w\.?|[Dd]e heer)\s+(?:[A-MO-W]\.\s?)*${TUSSENVOEGSEL}(\p{Lu}\p{Ll}[\p{L}'-]*)`,
  'gu',
);
// The value runs to the end of the line (or ; or |); an earlier hit (masked) also ends it.
const NAME_LABEL = /(?<!\p{L})(?:voor|achter|roep)?naam[ \t]*[:=][ \t]*([^\n\r;|\0]*)/giu;
const NEXT_LABEL = /\s+\p{L}+\s*[:=]/u; // "Naam: X Leeftijd: 50"
const TITLE = String.raw`(?:de heer|meneer|mevrouw|mevr\.?|mw\.?|dhr\.?)`;
// X, XX, N.N., "de heer X", anoniem, …; may be followed by punctuation and a new sentence.
const PLACEHOLDER_NAME = new RegExp(
  String.raw`^(?:${TITLE}\s+)?(?:(\p{L})\.?(?:\s?\1\.?)*|anoniem|onbekend|-|–|…|\.\.\.)(?:[.,;:!?]?\s*$|[.,;:]\s|\s*\()`,
  'iu',
);
// Initials followed by a surname are a real name even though "J." alone is a placeholder.
const INITIALS_AND_SURNAME = new RegExp(String.raw`^(?:\p{Lu}\.\s?)+${TUSSENVOEGSEL}(\p{Lu}[\p{L}'-]+)\.?$`, 'u');

function isPlaceholderName(value: string): boolean {
  const initials = INITIALS_AND_SURNAME.exec(value);
  if (initials) return NOT_A_NAME.has(initials[1] ?? '');
  return PLACEHOLDER_NAME.test(value);
}

function labelledNameLength(match: RegExpMatchArray): number {
  const value = match[1] ?? '';
  const name = value.slice(0, NEXT_LABEL.exec(value)?.index ?? value.length).trimEnd();
  if (name === '' || isPlaceholderName(name)) return 0;
  return match[0].length - value.length + name.length;
}

// --- all rules ----------------------------------------------------------------------------------

// Order matters: a hit masks its text, so e-mails go before anything with digits, dates before
// phone numbers ("12-03-1974 06…"), and phone numbers before the BSN check.
const RULES: readonly Rule[] = [
  { kind: 'email', pattern: EMAIL },
  { kind: 'birthDate', pattern: ISO_DATE, hitLength: when((m) => isDate(m[4], m[3], m[1])) },
  {
    kind: 'birthDate',
    pattern: NUMERIC_DATE,
    // "1.2.10" is more likely a section number than a date.
    hitLength: when((m) => isDate(m[1], m[3], m[4]) && (m[2] !== '.' || m[4]?.length === 4)),
  },
  { kind: 'birthDate', pattern: NAMED_DATE, hitLength: when((m) => isDate(m[1], '1', m[2])) },
  { kind: 'phone', pattern: PHONE_NL_INTERNATIONAL },
  { kind: 'phone', pattern: PHONE_INTERNATIONAL },
  { kind: 'phone', pattern: PHONE_NL },
  { kind: 'bsn', pattern: BSN, hitLength: when((m) => passesElevenTest(m[0])) },
  {
    kind: 'postcode',
    pattern: POSTCODE,
    hitLength: when((m) => !ABBREVIATIONS.has(BARE_POSTCODE.exec(m[0])?.[1] ?? '')),
  },
  { kind: 'postcode', pattern: STREET_AND_NUMBER },
  { kind: 'name', pattern: NAME_LABEL, hitLength: labelledNameLength },
  { kind: 'name', pattern: TITLED_NAME, hitLength: when((m) => !NOT_A_NAME.has(m[1] ?? '')) },
];

const MASK = '\0';
const MAX_EXCERPT = 60;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_EXCERPT ? flat : `${flat.slice(0, MAX_EXCERPT - 1).trimEnd()}…`;
}

/** Finds likely identifying data in each field's text; returns hits in field order, then position order. */
export function findIdentifyingData(fields: Readonly<Record<string, string>>): IdentifyingHit[] {
  const hits: IdentifyingHit[] = [];
  for (const [field, text] of Object.entries(fields)) {
    const found: { kind: IdentifyingKind; start: number; end: number }[] = [];
    // Claimed text is masked so one number is reported once, under the most specific rule.
    let unclaimed = text;
    for (const rule of RULES) {
      for (const match of unclaimed.matchAll(rule.pattern)) {
        const length = (rule.hitLength ?? whole)(match);
        if (length === 0) continue;
        const start = match.index ?? 0;
        found.push({ kind: rule.kind, start, end: start + length });
        unclaimed = unclaimed.slice(0, start) + MASK.repeat(length) + unclaimed.slice(start + length);
      }
    }
    found.sort((a, b) => a.start - b.start);
    for (const hit of found) hits.push({ field, kind: hit.kind, excerpt: excerpt(text.slice(hit.start, hit.end)) });
  }
  return hits;
}
