import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../../platform/paths.js';

export interface Profession {
  readonly slug: string;
  readonly name: string;
  readonly association: string | null;
}

const packSchema = z.object({
  professions: z.array(z.object({ slug: z.string(), name: z.string(), association: z.string().nullable(), order: z.number() })),
});

let cache: readonly Profession[] | undefined;

/** The 20 professions of the book's beroepenindex (content/beroepenindex.json), in the book's order. */
export function listProfessions(): readonly Profession[] {
  cache ??= packSchema
    .parse(JSON.parse(readFileSync(fromRoot('content', 'beroepenindex.json'), 'utf8')))
    .professions.sort((a, b) => a.order - b.order)
    .map(({ slug, name, association }) => ({ slug, name, association }));
  return cache;
}

export function professionBySlug(slug: string | null | undefined): Profession | undefined {
  return slug ? listProfessions().find((p) => p.slug === slug) : undefined;
}
