import { stemDutch } from './dutch-stemmer.js';

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

export interface Token {
  /** The word as written. */
  readonly word: string;
  /** Offset of the word in the text. */
  readonly start: number;
  /** The folded, stemmed search term; undefined for stop words. */
  readonly term: string | undefined;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu;

/** The search term for one word, or undefined for a stop word. */
export function termOf(word: string): string | undefined {
  let folded = foldText(word).replace(/['’]/g, '');
  if (STOPWORDS.has(folded)) return undefined;
  if (/\d/.test(folded)) return folded.replace(/-/g, '');
  folded = folded.replace(/-/g, '');
  // Plurals of words ending in -ie ("instructies") that the stemming algorithm leaves alone.
  if (folded.length > 5 && folded.endsWith('ies')) folded = folded.slice(0, -1);
  return stemDutch(folded);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ word: match[0], start: match.index, term: termOf(match[0]) });
  }
  return tokens;
}

/** The terms of a text with how often each occurs. */
export function termFrequencies(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { term } of tokenize(text)) {
    if (term && term.length <= 60) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}
