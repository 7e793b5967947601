export interface SearchSourcesTable {
  /** Who owns these documents ("book", "desk"); each source is replaced as a whole. */
  source: string;
  /** A hash of what was indexed, so an unchanged source is not indexed again. */
  version: string;
  document_count: number;
  total_length: number;
  indexed_at: string;
}

export interface SearchDocumentsTable {
  id: string;
  source: string;
  type: string;
  url: string;
  title: string;
  /** Plain text, for snippets. */
  body: string;
  length: number;
}

export interface SearchPostingsTable {
  term: string;
  document_id: string;
  /** The term's BM25 weight in this document without the inverse document frequency. */
  weight: number;
}

export interface SearchTermsTable {
  term: string;
  /** A written form of the term, to suggest when a search finds nothing. */
  word: string;
}
