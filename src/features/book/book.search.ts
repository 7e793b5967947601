import type { AppDeps } from '../../platform/app-deps.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { isIndexed, replaceSource, type SearchableDocument } from '../../platform/search/search-engine.js';
import { sectionAnchor, type Book } from './book.content.js';

export const BOOK_SOURCE = 'boek';

/** The book as search documents: one per item, and one per section of a chapter. */
export function bookSearchDocuments(book: Book): SearchableDocument[] {
  const documents: SearchableDocument[] = [];
  for (const ref of book.order) {
    const item = book.item(ref)!;
    if (item.type === 'chapter') {
      const chapter = book.pack.chapters.chapters.find((c) => `hoofdstuk:${c.number}` === ref)!;
      if (chapter.intro) documents.push({ key: ref, type: 'chapter', url: item.url, title: item.title, body: book.plainText(ref).slice(0, 2000) });
      for (const s of chapter.sections) {
        documents.push({
          key: `paragraaf:${s.number}`,
          type: 'chapter',
          url: `${item.url}#${sectionAnchor(s.number)}`,
          title: `${s.number} ${s.title} (${item.title})`,
          body: book.plainTextOf(ref, s.body),
        });
      }
      continue;
    }
    const body = book.plainText(ref);
    if (item.type === 'page' && body.trim() === '') continue;
    documents.push({ key: ref, type: item.type, url: item.url, title: item.title, body });
  }
  return documents;
}

const pending = new WeakMap<object, Promise<void>>();

/** Makes sure the search index holds this version of the book; indexes once per process and version. */
export function ensureBookIndexed(deps: AppDeps, book: Book): Promise<void> {
  let work = pending.get(deps.db);
  if (!work) {
    work = indexBook(deps, book);
    pending.set(deps.db, work);
    work.catch(() => pending.delete(deps.db));
  }
  return work;
}

async function indexBook(deps: AppDeps, book: Book): Promise<void> {
  if (await isIndexed(deps.db.kysely, BOOK_SOURCE, book.version)) return;
  try {
    await inTransaction(deps, (tx) => replaceSource(tx.db, deps.db.dialect, BOOK_SOURCE, book.version, bookSearchDocuments(book), deps.clock()));
    deps.log.info(`Zoekindex van het boek bijgewerkt (versie ${book.version}).`);
  } catch (error) {
    // Another instance may have indexed the same version at the same moment.
    if (!(await isIndexed(deps.db.kysely, BOOK_SOURCE, book.version))) throw error;
  }
}
