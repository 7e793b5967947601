import type { ComponentChildren } from 'preact';

// What other features use of the book: its content, its search documents, and a glossary slot.

export { sectionAnchor, splitRef, theBook } from './book.content.js';
export type { Addressee, Book, BookItem, Case, Chapter, Dream, Instruction, ProfessionEntry, Questionnaire, Recommendation, ReportSection, Source, SourceDocument, Story } from './book.content.js';
export { BOOK_SOURCE, ensureBookIndexed } from './book.search.js';
export { ADDRESSEES, PERSONA_FIELDS } from './book.content-schema.js';

/** Links jargon in the body text of one page to its explanation, the first mention of each term. */
export interface GlossaryLinker {
  linkText(text: string): ComponentChildren;
}

// The book renders synchronously from memory, so the glossary is handed to it beforehand: the regional
// desk fills this slot with the national glossary when its content loads and again when it changes.
// The book names no other feature; without a glossary its pages simply have no term links.
let glossaryPages: () => GlossaryLinker | null = () => null;

export function fillGlossarySlot(forPage: () => GlossaryLinker | null): void {
  glossaryPages = forPage;
}

/** A fresh linker for one page (each term links once per page), or null when no glossary is loaded. */
export function glossaryForPage(): GlossaryLinker | null {
  return glossaryPages();
}
