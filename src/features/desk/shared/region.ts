import type { Queryable } from '../../../platform/db/database.js';
import { findRegion, type Region } from '../../regions/regions.service.js';

export type { Region };

/** The region a desk address names, or undefined (the route answers 404). */
export function deskRegion(db: Queryable, slug: string): Promise<Region | undefined> {
  return findRegion(db, slug);
}

export function deskPath(regionSlug: string, rest = ''): string {
  return `/loket/${encodeURIComponent(regionSlug)}${rest}`;
}

/** The kinds of organisation on a social map, in the order the filter shows them. */
export const ORGANISATION_KINDS = [
  'uwv',
  'gemeente',
  'ggz',
  'jobcoach',
  'ips',
  'clientondersteuning',
  'ervaringsdeskundigen',
  'werkgeversservicepunt',
  'onderwijs',
  'overig',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** What a visitor can report; the report form names the item by kind and id. */
export const REPORTABLE_KINDS = ['organisation', 'service', 'employer', 'vacancy', 'faq', 'group', 'page', 'term'] as const;
export type ReportableKind = (typeof REPORTABLE_KINDS)[number];

/** What a report stores of the reported item. */
export interface ReportableItem {
  readonly title: string;
  /** Scheme pages and glossary words are addressed by their slug. */
  readonly slug?: string;
}

/** The rows of one per-region aggregate query as a map from region to number. */
export async function countsByRegion(rows: Promise<{ region_slug: string; n: string | number }[]>): Promise<Map<string, number>> {
  return new Map((await rows).map((r) => [r.region_slug, Number(r.n)]));
}
