import { deskPath } from './region.js';

// The public addresses of a desk's items, in one place: the search, the moderation queue, the pages
// and the glossary links all point to the same address for the same item.

const enc = encodeURIComponent;

/** Where the national glossary lives: book pages belong to no region, so they link here. */
export function nationalTermPath(slug: string): string {
  return `/loket/woordenlijst/${enc(slug)}`;
}

export function regionalTermPath(regionSlug: string, slug: string): string {
  return deskPath(regionSlug, `/woordenlijst/${enc(slug)}`);
}

export const deskItemPath = {
  organisation: (region: string, id: string) => deskPath(region, `/organisaties/${enc(id)}`),
  service: (region: string, id: string) => deskPath(region, `/diensten/${enc(id)}`),
  employer: (region: string, id: string) => deskPath(region, `/werkgevers/${enc(id)}`),
  vacancy: (region: string, id: string) => deskPath(region, `/vacatures/${enc(id)}`),
  faq: (region: string, id: string) => deskPath(region, `/vragen/${enc(id)}`),
  group: (region: string, id: string) => deskPath(region, `/lotgenoten/${enc(id)}`),
  page: (region: string, slug: string) => deskPath(region, `/regelingen/${enc(slug)}`),
  term: (region: string, slug: string) => regionalTermPath(region, slug),
};
