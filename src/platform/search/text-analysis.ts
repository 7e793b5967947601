import { stemmer as snowballDutch } from '@orama/stemmers/dutch';

/** Lower case without diacritics: "Cliënt" and "client" become the same word. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

// Words too common to tell documents apart; they are neither indexed nor searched.
const STOPWORDS = new Set(
  (
    'aan al alle als bij dan dat de die dit door een en er had heb hebben heeft het hier hij hoe hun ik in is je jij ' +
    'kan kunnen maar me meer met mij mijn na naar niet nog nu of om onder ook op over te tegen ten tot u uit van ' +
    'veel voor was wat we wel werd wie wij wil worden wordt ze zich zij zijn zo zoals zou'
  ).split(' '),
);

// Words that make a question but say little of what it is about ("hoe kan ik …", "ben ik …"); dropped
// from queries only, so that a question typed in full still searches for its content words.
const QUESTION_WORDS = new Set(
  (
    'ben bent waar waarom wanneer welk welke hoeveel kun kunt kan mag moet moeten iemand iets graag even eigenlijk ' +
    'soms vaak altijd nooit echt heel erg best zelf mezelf jou jouw jullie ons onze dus want omdat toch'
  ).split(' '),
);

/** Whether a query word only shapes the question. */
export function isQuestionWord(word: string): boolean {
  return QUESTION_WORDS.has(foldText(word));
}

export interface Token {
  /** The word as written. */
  readonly word: string;
  /** Offset of the word in the text. */
  readonly start: number;
  /** The folded, stemmed search term; undefined for stop words. */
  readonly term: string | undefined;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu;

// Words repeat (Zipf): a bounded cache of terms makes indexing a large collection several times faster.
const TERM_CACHE_SIZE = 100_000;
const termCache = new Map<string, string | null>();

/** The search term for one word, or undefined for a stop word. */
export function termOf(word: string): string | undefined {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  const term = analyseWord(word);
  if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
  termCache.set(word, term ?? null);
  return term;
}

function analyseWord(word: string): string | undefined {
  let folded = foldText(word).replace(/['’]/g, '');
  if (STOPWORDS.has(folded)) return undefined;
  if (/\d/.test(folded)) return folded.replace(/-/g, '');
  folded = folded.replace(/-/g, '');
  // Plurals of words ending in -ie ("instructies") that the stemming algorithm leaves alone.
  if (folded.length > 5 && folded.endsWith('ies')) folded = folded.slice(0, -1);
  return folded.length < 3 ? folded : snowballDutch(folded);
}

export function tokenize(text: string): Token[] {
  return [...tokenizeLazily(text)];
}

/** The tokens one by one, so that a reader can stop early (snippets). */
export function* tokenizeLazily(text: string): Generator<Token> {
  for (const match of text.matchAll(WORD)) yield { word: match[0], start: match.index, term: termOf(match[0]) };
}

/** The terms of a text with how often each occurs. */
export function termFrequencies(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { term } of tokenize(text)) {
    if (term && term.length <= 60) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}
