import { foldText, tokenize } from './text-analysis.js';

/** One way to match a word of a query: every term of it (most alternatives are one term). */
export type Alternative = readonly string[];

/** Who types one of `typed` is also looking for each of `alsoFind` (words or phrases, as written). */
export interface SynonymEntry {
  readonly typed: readonly string[];
  readonly alsoFind: readonly string[];
}

const keyOf = (text: string) =>
  tokenize(text)
    .map((t) => foldText(t.word))
    .join(' ');

const termsOf = (text: string): string[] => tokenize(text).flatMap((t) => (t.term ? [t.term] : []));

/** Synonyms, plain words for jargon and English terms, looked up by the folded words typed. */
export class Synonyms {
  private constructor(private readonly byKey: ReadonlyMap<string, readonly Alternative[]>) {}

  static readonly none = new Synonyms(new Map());

  static of(entries: readonly SynonymEntry[]): Synonyms {
    return Synonyms.none.with(entries);
  }

  /** These synonyms and the entries given. */
  with(entries: readonly SynonymEntry[]): Synonyms {
    const byKey = new Map<string, Alternative[]>();
    for (const [key, alternatives] of this.byKey) byKey.set(key, [...alternatives]);
    for (const entry of entries) {
      const alternatives = entry.alsoFind.map(termsOf).filter((terms) => terms.length > 0);
      for (const typed of entry.typed) {
        const key = keyOf(typed);
        if (key === '') continue;
        const list = byKey.get(key) ?? [];
        for (const a of alternatives) if (!list.some((b) => b.join(' ') === a.join(' '))) list.push(a);
        byKey.set(key, list);
      }
    }
    return new Synonyms(byKey);
  }

  /** What else to look for when these folded words are typed (empty when nothing is known). */
  alternativesOf(foldedWords: readonly string[]): readonly Alternative[] {
    return this.byKey.get(foldedWords.join(' ')) ?? [];
  }

  get size(): number {
    return this.byKey.size;
  }
}
