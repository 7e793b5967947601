import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.js';
import { newId } from '../../../platform/auth/tokens.js';
import type { Queryable } from '../../../platform/db/database.js';
import { inTransaction, type Tx } from '../../../platform/db/transaction.js';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import { fromRoot } from '../../../platform/paths.js';
import { listRegions } from '../../regions/regions.service.js';
import { touchDesk } from '../shared/changes.js';
import { fillGlossarySlot } from '../../book/book.service.js';
import { TermMatcher, nationalGlossaryPages, splitVariants, type LinkableTerm } from './glossary-links.js';
import { markdownText, renderMarkdown } from '../shared/markdown.js';
import { deskPath } from '../shared/region.js';
import { isValidSlug, slugify, type EditPageInput, type EditTermInput, type NewPageInput, type NewTermInput } from './schemes.schemas.js';
import * as repo from './schemes.repo.js';
import type { PageRow, TermRow } from './schemes.repo.js';

export type { PageRow, TermRow };

// The national content: Markdown files with front matter and one JSON glossary, shipped with the application.

const CONTENT_DIR = fromRoot('content', 'loket');

export interface PageSource {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly order: number;
  readonly body: string;
}

export interface TermSource {
  readonly slug: string;
  readonly term: string;
  readonly variants: readonly string[];
  readonly explanation: string;
  readonly source?: string;
}

const frontMatterSchema = z.object({ title: z.string().min(1), summary: z.string().min(1), order: z.coerce.number().int().min(0) });

/** Reads a page file: "---", lines "key: value", "---", then the Markdown body. */
export function parsePageFile(slug: string, text: string): PageSource {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${slug}.md: front matter ontbreekt`);
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) fields[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  const meta = frontMatterSchema.parse(fields);
  if (!isValidSlug(slug)) throw new Error(`${slug}.md: geen geldig adres`);
  return { slug, title: meta.title, summary: meta.summary, order: meta.order, body: match[2]!.trim() };
}

const glossaryFileSchema = z.object({
  terms: z.array(
    z.object({
      slug: z.string().refine(isValidSlug),
      term: z.string().min(2),
      variants: z.array(z.string().min(2)),
      explanation: z.string().min(1),
      source: z.string().min(1).optional(),
    }),
  ),
});

let nationalContent: { pages: PageSource[]; terms: TermSource[] } | undefined;

export function loadNationalContent(): { pages: PageSource[]; terms: TermSource[] } {
  if (nationalContent) return nationalContent;
  const dir = path.join(CONTENT_DIR, 'regelingen');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parsePageFile(f.slice(0, -3), readFileSync(path.join(dir, f), 'utf8')));
  const terms = glossaryFileSchema.parse(JSON.parse(readFileSync(path.join(CONTENT_DIR, 'woordenlijst.json'), 'utf8'))).terms;
  nationalContent = { pages, terms };
  return nationalContent;
}

/** The explanation as stored: the text, then where it comes from when the book explains the word. */
export function explanationWithSource(term: TermSource): string {
  return term.source ? `${term.explanation}\n\n*Bron: ${term.source}*` : term.explanation;
}

/**
 * Inserts the national pages and terms whose address does not exist yet; never touches existing rows
 * (coordinators' work and earlier national rows stay). Safe to run at every start and from two
 * instances at once: national rows have fixed ids and an insert of an existing id does nothing.
 */
export async function ensureDeskContent(deps: AppDeps): Promise<{ pages: number; terms: number }> {
  const { pages, terms } = loadNationalContent();
  const now = deps.clock();
  const at = now.toISOString();
  const inserted = await inTransaction(deps, async (tx) => {
    const [pageSlugs, termSlugs] = await Promise.all([repo.nationalPageSlugs(tx.db), repo.nationalTermSlugs(tx.db)]);
    const insertedPages: string[] = [];
    const insertedTerms: string[] = [];
    for (const p of pages) {
      if (pageSlugs.has(p.slug)) continue;
      const row: PageRow = {
        id: repo.nationalPageId(p.slug),
        region_slug: null,
        slug: p.slug,
        title: p.title,
        summary: p.summary,
        body: p.body,
        sort_order: p.order,
        created_by: null,
        created_at: at,
        updated_by: null,
        updated_at: at,
        version: 1,
      };
      if (await repo.insertNationalPage(tx.db, row)) insertedPages.push(p.slug);
    }
    for (const t of terms) {
      if (termSlugs.has(t.slug)) continue;
      const row: TermRow = {
        id: repo.nationalTermId(t.slug),
        region_slug: null,
        slug: t.slug,
        term: t.term,
        variants: t.variants.join('|'),
        explanation: explanationWithSource(t),
        created_by: null,
        created_at: at,
        updated_by: null,
        updated_at: at,
        version: 1,
      };
      if (await repo.insertNationalTerm(tx.db, row)) insertedTerms.push(t.slug);
    }
    // National texts show at every desk: each desk's search documents get the new texts.
    const changed = [...insertedPages.map((slug) => ({ kind: 'page' as const, slug })), ...insertedTerms.map((slug) => ({ kind: 'term' as const, slug }))];
    if (changed.length > 0) for (const region of await listRegions(tx.db)) await touchDesk(tx.db, region.slug, now, changed);
    return { pages: insertedPages.length, terms: insertedTerms.length };
  });
  await refreshNationalGlossary(deps.db.kysely);
  return inserted;
}

/** Gives the book the national terms from the database (what the national glossary pages show). */
export async function refreshNationalGlossary(db: Queryable): Promise<void> {
  fillGlossarySlot(nationalGlossaryPages(linkable(await repo.termsVisibleIn(db, null))));
}

// Reading

export interface SchemePage {
  readonly row: PageRow;
  /** The region has its own text at this address. */
  readonly regional: boolean;
  /** A national text exists at this address (so that a regional one can return to it). */
  readonly hasNational: boolean;
}

const byOrder = (a: PageRow, b: PageRow) => a.sort_order - b.sort_order || a.title.localeCompare(b.title, 'nl');

/** What a region shows: its own pages, and the national ones it has not replaced. */
export async function schemePages(db: Queryable, regionSlug: string): Promise<SchemePage[]> {
  const rows = await repo.pagesVisibleIn(db, regionSlug);
  const nationalSlugs = new Set(rows.filter((r) => r.region_slug === null).map((r) => r.slug));
  const regionalSlugs = new Set(rows.filter((r) => r.region_slug !== null).map((r) => r.slug));
  return rows
    .filter((r) => r.region_slug !== null || !regionalSlugs.has(r.slug))
    .sort(byOrder)
    .map((row) => ({ row, regional: row.region_slug !== null, hasNational: nationalSlugs.has(row.slug) }));
}

export async function schemePage(db: Queryable, regionSlug: string, slug: string): Promise<SchemePage | undefined> {
  const { regional, national } = await repo.pageVersions(db, regionSlug, slug);
  const row = regional ?? national;
  return row ? { row, regional: regional !== undefined, hasNational: national !== undefined } : undefined;
}

export interface GlossaryTerm {
  readonly row: TermRow;
  readonly variants: readonly string[];
  readonly regional: boolean;
  readonly hasNational: boolean;
}

const byTerm = (a: TermRow, b: TermRow) => a.term.localeCompare(b.term, 'nl', { sensitivity: 'base' }) || a.slug.localeCompare(b.slug);

/** The glossary of a region (national terms, replaced or added to by the region), or the national one (null). */
export async function glossary(db: Queryable, regionSlug: string | null): Promise<GlossaryTerm[]> {
  const rows = await repo.termsVisibleIn(db, regionSlug);
  const nationalSlugs = new Set(rows.filter((r) => r.region_slug === null).map((r) => r.slug));
  const regionalSlugs = new Set(rows.filter((r) => r.region_slug !== null).map((r) => r.slug));
  return rows
    .filter((r) => r.region_slug !== null || !regionalSlugs.has(r.slug))
    .sort(byTerm)
    .map((row) => ({ row, variants: splitVariants(row.variants), regional: row.region_slug !== null, hasNational: nationalSlugs.has(row.slug) }));
}

export async function glossaryTerm(db: Queryable, regionSlug: string | null, slug: string): Promise<GlossaryTerm | undefined> {
  const { regional, national } = await repo.termVersions(db, regionSlug, slug);
  const row = regional ?? national;
  return row ? { row, variants: splitVariants(row.variants), regional: regional !== undefined, hasNational: national !== undefined } : undefined;
}

function linkable(rows: readonly TermRow[]): LinkableTerm[] {
  return [...rows].sort((a, b) => a.slug.localeCompare(b.slug)).map((r) => ({ slug: r.slug, term: r.term, variants: splitVariants(r.variants) }));
}

export function termsForLinking(terms: readonly GlossaryTerm[]): LinkableTerm[] {
  return linkable(terms.map((t) => t.row));
}

/** "{loket}" in a text stands for the address of the desk that shows it, so one national text fits every region. */
export function withDeskAddress(markdown: string, regionSlug: string): string {
  return markdown.replaceAll('{loket}', deskPath(regionSlug));
}

/** A page's body as HTML, with the first mention of each glossary term linked to the region's glossary. */
export function pageBodyHtml(body: string, regionSlug: string, terms: readonly LinkableTerm[], termHref: (slug: string) => string): string {
  return TermMatcher.for(terms).pass(termHref).linkHtml(renderMarkdown(withDeskAddress(body, regionSlug)));
}

/** A term's explanation as HTML, linking the other terms it uses (never itself). */
export function explanationHtml(
  termSlug: string,
  explanation: string,
  terms: readonly LinkableTerm[],
  termHref: (slug: string) => string,
  regionSlug: string | null,
): string {
  const markdown = regionSlug === null ? explanation : withDeskAddress(explanation, regionSlug);
  return TermMatcher.for(terms).pass(termHref, { exclude: termSlug }).linkHtml(renderMarkdown(markdown));
}

/** The scheme pages of a region whose text uses a term, in the list's order. */
export function pagesMentioning(pages: readonly SchemePage[], terms: readonly LinkableTerm[], termSlug: string): SchemePage[] {
  const matcher = TermMatcher.for(terms);
  return pages.filter((p) => matcher.mentions(`${p.row.title}\n${p.row.summary}\n${markdownText(p.row.body)}`).has(termSlug));
}

export interface Letter {
  readonly letter: string;
  readonly terms: readonly GlossaryTerm[];
}

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export function letterOf(term: string): string {
  const first = term
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

/** The glossary in letter groups, A to Z, then anything that does not start with a letter. */
export function byLetter(terms: readonly GlossaryTerm[]): Letter[] {
  const groups = new Map<string, GlossaryTerm[]>();
  for (const t of terms) {
    const letter = letterOf(t.row.term);
    (groups.get(letter) ?? groups.set(letter, []).get(letter)!).push(t);
  }
  return [...ALPHABET, '#'].filter((l) => groups.has(l)).map((letter) => ({ letter, terms: groups.get(letter)! }));
}

// Writing. Every change is one transaction and marks the region's desk as changed.

export type SaveResult =
  | { readonly ok: true; readonly slug: string }
  | { readonly ok: false; readonly reason: 'notFound' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: PageRow | TermRow }
  | { readonly ok: false; readonly reason: 'problem'; readonly field: string; readonly message: MessageKey };

/**
 * Saves a page for a region. Editing the national text makes the region's own copy (the national text
 * stays for every other region). The writer's starting point (basis id and version) must still be current.
 */
export async function savePage(tx: Tx, deps: AppDeps, regionSlug: string, slug: string, actorId: string, input: EditPageInput): Promise<SaveResult> {
  const now = deps.clock();
  const { regional, national } = await repo.pageVersions(tx.db, regionSlug, slug);
  const current = regional ?? national;
  if (!current) return { ok: false, reason: 'notFound' };
  if (current.id !== input.basis || current.version !== input.version) return { ok: false, reason: 'conflict', current };
  const fields = { title: input.title, summary: input.summary, body: input.body, sort_order: input.sortOrder, updated_by: actorId, updated_at: now.toISOString() };
  const saved = regional
    ? await repo.updateRegionalPage(tx.db, regional.id, regionSlug, input.version, fields)
    : await repo.insertRegionalPage(tx.db, { ...fields, id: newId(), region_slug: regionSlug, slug, created_by: actorId, created_at: now.toISOString(), version: 1 });
  if (!saved) {
    const latest = await repo.pageVersions(tx.db, regionSlug, slug);
    return { ok: false, reason: 'conflict', current: latest.regional ?? latest.national ?? current };
  }
  await touchDesk(tx.db, regionSlug, now, [{ kind: 'page', slug }]);
  return { ok: true, slug };
}

export async function createPage(tx: Tx, deps: AppDeps, regionSlug: string, actorId: string, input: NewPageInput): Promise<SaveResult> {
  const now = deps.clock();
  const existing = await repo.pageVersions(tx.db, regionSlug, input.pageSlug);
  if (existing.regional || existing.national) return { ok: false, reason: 'problem', field: 'pageSlug', message: 'desk.schemes.error.slugTaken' };
  const inserted = await repo.insertRegionalPage(tx.db, {
    id: newId(),
    region_slug: regionSlug,
    slug: input.pageSlug,
    title: input.title,
    summary: input.summary,
    body: input.body,
    sort_order: input.sortOrder,
    created_by: actorId,
    created_at: now.toISOString(),
    updated_by: actorId,
    updated_at: now.toISOString(),
    version: 1,
  });
  if (!inserted) return { ok: false, reason: 'problem', field: 'pageSlug', message: 'desk.schemes.error.slugTaken' };
  await touchDesk(tx.db, regionSlug, now, [{ kind: 'page', slug: input.pageSlug }]);
  return { ok: true, slug: input.pageSlug };
}

/** Removes the region's own text: back to the national text, or the page is gone when there is none. */
export async function removeRegionalPage(tx: Tx, deps: AppDeps, regionSlug: string, slug: string): Promise<'reverted' | 'deleted' | 'notFound'> {
  const { regional, national } = await repo.pageVersions(tx.db, regionSlug, slug);
  if (!regional || !(await repo.deleteRegionalPage(tx.db, regional.id, regionSlug))) return 'notFound';
  await touchDesk(tx.db, regionSlug, deps.clock(), [{ kind: 'page', slug }]);
  return national ? 'reverted' : 'deleted';
}

export async function createTerm(tx: Tx, deps: AppDeps, regionSlug: string, actorId: string, input: NewTermInput): Promise<SaveResult> {
  const now = deps.clock();
  const slug = slugify(input.term);
  if (!isValidSlug(slug)) return { ok: false, reason: 'problem', field: 'term', message: 'desk.schemes.error.termInvalid' };
  const existing = await repo.termVersions(tx.db, regionSlug, slug);
  if (existing.regional || existing.national) return { ok: false, reason: 'problem', field: 'term', message: 'desk.schemes.error.termTaken' };
  const inserted = await repo.insertRegionalTerm(tx.db, {
    id: newId(),
    region_slug: regionSlug,
    slug,
    term: input.term,
    variants: input.variants.join('|'),
    explanation: input.explanation,
    created_by: actorId,
    created_at: now.toISOString(),
    updated_by: actorId,
    updated_at: now.toISOString(),
    version: 1,
  });
  if (!inserted) return { ok: false, reason: 'problem', field: 'term', message: 'desk.schemes.error.termTaken' };
  await touchDesk(tx.db, regionSlug, now, [{ kind: 'term', slug }]);
  return { ok: true, slug };
}

export async function saveTerm(tx: Tx, deps: AppDeps, regionSlug: string, slug: string, actorId: string, input: EditTermInput): Promise<SaveResult> {
  const now = deps.clock();
  const { regional, national } = await repo.termVersions(tx.db, regionSlug, slug);
  const current = regional ?? national;
  if (!current) return { ok: false, reason: 'notFound' };
  if (current.id !== input.basis || current.version !== input.version) return { ok: false, reason: 'conflict', current };
  const fields = { term: input.term, variants: input.variants.join('|'), explanation: input.explanation, updated_by: actorId, updated_at: now.toISOString() };
  const saved = regional
    ? await repo.updateRegionalTerm(tx.db, regional.id, regionSlug, input.version, fields)
    : await repo.insertRegionalTerm(tx.db, { ...fields, id: newId(), region_slug: regionSlug, slug, created_by: actorId, created_at: now.toISOString(), version: 1 });
  if (!saved) {
    const latest = await repo.termVersions(tx.db, regionSlug, slug);
    return { ok: false, reason: 'conflict', current: latest.regional ?? latest.national ?? current };
  }
  await touchDesk(tx.db, regionSlug, now, [{ kind: 'term', slug }]);
  return { ok: true, slug };
}

export async function removeRegionalTerm(tx: Tx, deps: AppDeps, regionSlug: string, slug: string): Promise<'reverted' | 'deleted' | 'notFound'> {
  const { regional, national } = await repo.termVersions(tx.db, regionSlug, slug);
  if (!regional || !(await repo.deleteRegionalTerm(tx.db, regional.id, regionSlug))) return 'notFound';
  await touchDesk(tx.db, regionSlug, deps.clock(), [{ kind: 'term', slug }]);
  return national ? 'reverted' : 'deleted';
}

// For the desk's home and reports

/** The scheme pages this region shows: its own, and the national ones it did not rewrite. */
export const schemePageList = repo.schemePages;
export const reportablePageOrTerm = repo.reportablePageOrTerm;
