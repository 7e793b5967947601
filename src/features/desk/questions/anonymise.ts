// Makes a first anonymised version of a question and its answer for the public FAQ. The coordinator
// always reads and edits the result before publishing: these rules remove what people commonly type
// (contact details, addresses, numbers, their name in an introduction or signature), not everything
// that could identify someone (a rare job title, a story only one person has).

/** What replaces each removed piece. */
export const REDACTED = '[…]';

// E-mail addresses.
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])/giu;

// URLs (with or without scheme): only those whose path or host points at a person are removed.
const URL = /(?<![\w@./-])(?:https?:\/\/|www\.)[^\s<>"')\]]+/giu;
const PERSONAL_HOSTS = /(?:^|\.)(?:facebook\.com|fb\.com|instagram\.com|linkedin\.com|twitter\.com|x\.com|tiktok\.com|wa\.me|t\.me|threads\.net|mastodon\.[a-z]+|youtube\.com\/@)$/iu;
const PERSONAL_PATH = /\/(?:in|pub|profile|profiel|user|users|u|people|persoon|personen|members?|leden)\/|[@~]|[?&](?:e-?mail|token|user|id|naam|name)=|\/[A-Za-z0-9_-]{20,}(?:[/?#]|$)/iu;

function isPersonalUrl(url: string): boolean {
  const withoutScheme = url.replace(/^https?:\/\//iu, '');
  const slash = withoutScheme.search(/[/?#]/u);
  const host = (slash === -1 ? withoutScheme : withoutScheme.slice(0, slash)).replace(/[.,;:!?]+$/u, '');
  const rest = slash === -1 ? '' : withoutScheme.slice(slash);
  if (PERSONAL_HOSTS.test(host)) return true;
  // A bare domain or its home page names an organisation, not a person.
  if (rest === '' || /^\/?[.,;:!?]*$/u.test(rest)) return false;
  return PERSONAL_PATH.test(rest);
}

// Phone numbers: Dutch (06-12345678, 0118 123 456, (0118) 123456), +31 and other international numbers.
const GAP = String.raw`(?:\)\s?|\s?-\s?|\s|\.)?`;
const PHONE_NL_INTERNATIONAL = new RegExp(String.raw`(?<![\w+])(?:\+|00)31\s?(?:\(0\)\s?|0)?[1-9](?:${GAP}\d){8}(?!\d)`, 'gu');
const PHONE_INTERNATIONAL = new RegExp(String.raw`(?<![\w+])(?:\+|00)(?!31)[1-9]\d{0,2}\s?(?:\(0\)\s?)?(?:${GAP}\d){7,12}(?!\d)`, 'gu');
const PHONE_NL = new RegExp(String.raw`(?<![\w+])\(?0[1-9](?:${GAP}\d){8}(?!\d)`, 'gu');

// BSN-like numbers: nine digits, also written 1234.56.789 or 123 456 789 (whether or not they pass the 11-test).
const NINE_DIGITS = /(?<![\w.,+€-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}([ -])\d{3}\1\d{3})(?![\w]|[.,-]\d)/gu;

// Addresses: a postcode with the house number before or after it, and a street name with a number.
const STREET = String.raw`\p{Lu}[\p{L}'-]*?(?:straat|laan|weg|plein|singel|gracht|kade|dijk|hof|pad|steeg|dreef|markt|park|erf|veld|boulevard)`;
const HOUSE_NUMBER = String.raw`\d{1,5}(?:\s?[a-zA-Z](?![\p{L}\d])|-\d{1,4})?(?!\d)(?!\s*(?:jaar|uur|dagen|weken|km|minuten|keer)\b)`;
const POSTCODE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${STREET}\s+${HOUSE_NUMBER},?\s+)?[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\d-])(?:,?\s+${HOUSE_NUMBER}(?![\p{L}]))?`,
  'gu',
);
const STREET_AND_NUMBER = new RegExp(String.raw`(?<![\p{L}\d])${STREET}\s+${HOUSE_NUMBER}`, 'gu');
// A year followed by a benefit or school abbreviation ("sinds 2019 WW") is not a postcode.
const ABBREVIATIONS = new Set(['WW', 'ZW', 'AO', 'WO', 'VO', 'PO', 'IQ', 'OK', 'AD', 'BW', 'HR', 'IT', 'EU', 'NL']);

// Names: capitalised words (with Dutch particles) after an introduction or a closing greeting.
// Within a name only spaces: a name never runs on to the next line.
const PARTICLES = String.raw`(?:(?:van|de|der|den|ter|ten|te|'t|el|al|bin|op|in 't)[ \t]+)*`;
const NAME = String.raw`\p{Lu}[\p{Ll}'’-]+(?:[ \t]+${PARTICLES}\p{Lu}[\p{Ll}'’-]+)*|\p{Lu}\.(?:[ \t]?\p{Lu}\.)*[ \t]?${PARTICLES}\p{Lu}[\p{Ll}'’-]+`;
const INTRODUCTION = new RegExp(String.raw`((?:^|(?<=[\s.!?,;:(]))(?:[Ii]k ben|[Ii]k heet|[Mm]ijn naam is|[Mm]ijn naam:|[Nn]aam:)\s+)(${NAME})`, 'gu');
const SIGNATURE = new RegExp(
  String.raw`((?:^|(?<=[\s.!?]))(?:[Mm]et )?(?:[Vv]riendelijke |[Hh]artelijke |[Ll]ieve |[Gg]oede )?(?:[Gg]roet|[Gg]roeten|[Gg]roetjes|[Mm]vg|[Gg]r\.)(?:\s*,\s*|\s*\n\s*|\s+)(?:\n\s*)?)(${NAME})`,
  'gu',
);
// Words that follow "ik ben" with a capital without being a name.
const NOT_A_NAME = new Set(['Wajong', 'WIA', 'UWV', 'Ik', 'Het', 'De', 'Een', 'Niet', 'Nederlands', 'Nederlander', 'Zeeuws', 'Zeeuw']);

function redactUrls(text: string): string {
  return text.replace(URL, (url) => {
    const trailing = /[.,;:!?]+$/u.exec(url)?.[0] ?? '';
    const core = url.slice(0, url.length - trailing.length);
    return isPersonalUrl(core) ? `${REDACTED}${trailing}` : url;
  });
}

function redactNames(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match: string, lead: string, name: string) => {
    const first = name.split(/[\s-]+/u)[0] ?? '';
    return NOT_A_NAME.has(first) ? match : `${lead}${REDACTED}`;
  });
}

/** Several removed pieces in a row ("[…] […]" or "[…], […]") become one. */
function mergeRedactions(text: string): string {
  const escaped = REDACTED.replace(/[[\]]/gu, '\\$&');
  return text.replace(new RegExp(String.raw`${escaped}(?:[ \t]*[,;/]?[ \t]*${escaped})+`, 'gu'), REDACTED);
}

/**
 * Removes e-mail addresses, phone numbers, postcodes with house numbers, street addresses, BSN-like numbers,
 * URLs that point at a person, and names after "ik ben", "ik heet", "mijn naam is" and in greetings
 * ("Groet, Jan"), each replaced by "[…]".
 */
export function anonymise(text: string): string {
  let out = text.replace(EMAIL, REDACTED);
  out = redactUrls(out);
  out = out.replace(PHONE_NL_INTERNATIONAL, REDACTED).replace(PHONE_INTERNATIONAL, REDACTED).replace(PHONE_NL, REDACTED);
  out = out.replace(NINE_DIGITS, REDACTED);
  out = out.replace(POSTCODE, (match) => {
    const bare = /^\d{4}\s?([A-Z]{2})$/u.exec(match);
    return bare && ABBREVIATIONS.has(bare[1] ?? '') ? match : REDACTED;
  });
  out = out.replace(STREET_AND_NUMBER, REDACTED);
  out = redactNames(out, INTRODUCTION);
  out = redactNames(out, SIGNATURE);
  return mergeRedactions(out);
}
