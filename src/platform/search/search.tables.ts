import type { Generated } from 'kysely';

export interface SearchSourcesTable {
  /** Who owns these documents ("boek", "desk:<regio>"). */
  source: string;
  /** What was indexed (the book's content version, a desk's index format), so that unchanged content is not indexed again. */
  version: string;
  indexed_at: string;
  documents: Generated<number>;
}

export interface SearchDocumentsTable {
  /** The number the full-text engine knows the document by. */
  doc: Generated<number>;
  /** `${source}:${key}`. */
  id: string;
  source: string;
  type: string;
  url: string;
  title: string;
  /** Plain text, for snippets. */
  body: string;
  /** The document's distinct terms separated by spaces. */
  terms: string;
  expires_on: string | null;
}

export interface SearchTermsTable {
  source: string;
  term: string;
  reversed: string;
  word: string;
  /** In how many of the source's documents the term occurs. */
  documents: number;
}
