import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../../platform/paths.js';
import { Synonyms, type SynonymEntry } from '../../platform/search/synonyms.js';
import { theBook } from '../book/book.service.js';

const synonymFileSchema = z.object({
  about: z.string(),
  entries: z.array(
    z.object({
      typed: z.array(z.string().min(1)).min(1),
      also: z.array(z.string().min(1)).min(1),
      source: z.string().min(1),
    }),
  ),
});

/** The book's vocabulary table (ch. 10.2): who types the usual word also finds the appreciative one. */
function vocabularyEntries(): SynonymEntry[] {
  return theBook().pack.tables.vocabulary.entries.map((e) => ({
    typed: e.usual
      .split(',')
      .map((w) => w.replace(/\.{2,}|…/g, ' ').trim())
      .filter((w) => w.length > 1),
    alsoFind: [e.appreciative],
  }));
}

let bookSynonyms: Synonyms | undefined;

/** The search's synonym list (content/zoeken/synoniemen.json) and the book's vocabulary table. */
export function searchSynonyms(): Synonyms {
  if (!bookSynonyms) {
    const file = synonymFileSchema.parse(JSON.parse(readFileSync(fromRoot('content', 'zoeken', 'synoniemen.json'), 'utf8')));
    bookSynonyms = Synonyms.of([...file.entries.map((e) => ({ typed: e.typed, alsoFind: e.also })), ...vocabularyEntries()]);
  }
  return bookSynonyms;
}
