import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { ReportableKind } from './desk.region.js';

// The queries of the desk's home, the region overview, the coordinator's queue and reports. The queue
// reads every part's table directly and makes only the simple status changes itself.

const count = sql<string | number>`count(*)`;

// The overview of all regions: one aggregate query per table

async function countsByRegion(rows: Promise<{ region_slug: string; n: string | number }[]>): Promise<Map<string, number>> {
  return new Map((await rows).map((r) => [r.region_slug, Number(r.n)]));
}

export function countPublishedOrganisations(db: Queryable): Promise<Map<string, number>> {
  return countsByRegion(db.selectFrom('desk_organisations').select(['region_slug', count.as('n')]).where('status', '=', 'published').groupBy('region_slug').execute());
}

export function countVerifiedEmployers(db: Queryable): Promise<Map<string, number>> {
  return countsByRegion(db.selectFrom('desk_employers').select(['region_slug', count.as('n')]).where('status', '=', 'verified').groupBy('region_slug').execute());
}

export function countLiveVacancies(db: Queryable, today: string): Promise<Map<string, number>> {
  return countsByRegion(
    db
      .selectFrom('desk_vacancies as v')
      .innerJoin('desk_employers as e', 'e.id', 'v.employer_id')
      .select(['v.region_slug', count.as('n')])
      .where('v.status', '=', 'published')
      .where('v.expires_on', '>=', today)
      .where('e.status', '=', 'verified')
      .groupBy('v.region_slug')
      .execute(),
  );
}

export async function homeRegionOf(db: Queryable, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('home_region_slug').where('id', '=', userId).executeTakeFirst();
  return row?.home_region_slug ?? null;
}

// The desk's home

export function latestVacancies(db: Queryable, regionSlug: string, today: string, limit: number) {
  return db
    .selectFrom('desk_vacancies as v')
    .innerJoin('desk_employers as e', 'e.id', 'v.employer_id')
    .select(['v.id', 'v.title', 'v.place', 'v.expires_on', 'e.name as employer_name'])
    .where('v.region_slug', '=', regionSlug)
    .where('v.status', '=', 'published')
    .where('v.expires_on', '>=', today)
    .where('e.status', '=', 'verified')
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id')
    .limit(limit)
    .execute();
}

export function newestFaqs(db: Queryable, regionSlug: string, limit: number) {
  return db
    .selectFrom('desk_faqs')
    .select(['id', 'question'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function upcomingMeetings(db: Queryable, regionSlug: string, fromIso: string, limit: number) {
  return db
    .selectFrom('desk_group_meetings as m')
    .innerJoin('desk_groups as g', 'g.id', 'm.group_id')
    .select(['m.id', 'm.group_id', 'm.starts_at', 'm.place', 'm.online_url', 'g.name as group_name'])
    .where('g.region_slug', '=', regionSlug)
    .where('g.status', '=', 'published')
    .where('m.starts_at', '>=', fromIso)
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}

/** The scheme pages this region shows: its own, and the national ones it did not rewrite. */
export async function schemePages(db: Queryable, regionSlug: string): Promise<{ slug: string; title: string }[]> {
  const rows = await db
    .selectFrom('desk_pages')
    .select(['slug', 'title', 'region_slug', 'sort_order'])
    .where((eb) => eb.or([eb('region_slug', '=', regionSlug), eb('region_slug', 'is', null)]))
    .execute();
  const bySlug = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (row.region_slug !== null || !bySlug.has(row.slug)) bySlug.set(row.slug, row);
  return [...bySlug.values()].sort((a, b) => Number(a.sort_order) - Number(b.sort_order) || a.title.localeCompare(b.title, 'nl')).map((r) => ({ slug: r.slug, title: r.title }));
}

export async function coordinatorNames(db: Queryable, regionSlug: string): Promise<string[]> {
  const rows = await db
    .selectFrom('region_coordinators as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select('u.name')
    .where('c.region_slug', '=', regionSlug)
    .orderBy('u.name')
    .execute();
  return rows.map((r) => r.name);
}

export async function representsInRegion(db: Queryable, regionSlug: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('desk_organisation_representatives as r')
    .innerJoin('desk_organisations as o', 'o.id', 'r.organisation_id')
    .select('r.user_id')
    .where('r.user_id', '=', userId)
    .where('o.region_slug', '=', regionSlug)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// The queue

export interface QueueCounts {
  readonly organisations: number;
  readonly employers: number;
  readonly vacancies: number;
  readonly questions: number;
  readonly groups: number;
  readonly reports: number;
}

/** How many items wait in each section of a region's queue, in one query. */
export async function queueCounts(db: Queryable, regionSlug: string, today: string): Promise<QueueCounts> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('desk_organisations').select(count.as('n')).where('region_slug', '=', regionSlug).where('status', '=', 'pending').as('organisations'),
      eb.selectFrom('desk_employers').select(count.as('n')).where('region_slug', '=', regionSlug).where('status', '=', 'pending').as('employers'),
      eb
        .selectFrom('desk_vacancies')
        .select(count.as('n'))
        .where('region_slug', '=', regionSlug)
        .where('status', '=', 'published')
        .where('expires_on', '>=', today)
        .where('reviewed_at', 'is', null)
        .as('vacancies'),
      eb.selectFrom('desk_questions').select(count.as('n')).where('region_slug', '=', regionSlug).where('status', '=', 'new').as('questions'),
      eb.selectFrom('desk_groups').select(count.as('n')).where('region_slug', '=', regionSlug).where('status', '=', 'pending').as('groups'),
      eb.selectFrom('desk_reports').select(count.as('n')).where('region_slug', '=', regionSlug).where('status', '=', 'open').as('reports'),
    ])
    .executeTakeFirstOrThrow();
  return {
    organisations: Number(row.organisations),
    employers: Number(row.employers),
    vacancies: Number(row.vacancies),
    questions: Number(row.questions),
    groups: Number(row.groups),
    reports: Number(row.reports),
  };
}

export function pendingOrganisations(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_organisations')
    .select(['id', 'name', 'kind', 'created_at'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function pendingEmployers(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_employers')
    .select(['id', 'name', 'city', 'pledged_at'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'pending')
    .orderBy('pledged_at')
    .orderBy('id')
    .execute();
}

export function unreviewedVacancies(db: Queryable, regionSlug: string, today: string) {
  return db
    .selectFrom('desk_vacancies as v')
    .innerJoin('desk_employers as e', 'e.id', 'v.employer_id')
    .select(['v.id', 'v.title', 'v.created_at', 'v.expires_on', 'e.name as employer_name', 'e.status as employer_status'])
    .where('v.region_slug', '=', regionSlug)
    .where('v.status', '=', 'published')
    .where('v.expires_on', '>=', today)
    .where('v.reviewed_at', 'is', null)
    .orderBy('v.created_at')
    .orderBy('v.id')
    .execute();
}

export function newQuestions(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_questions')
    .select(['id', 'body', 'looked_like_crisis', 'created_at'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'new')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function pendingGroups(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_groups')
    .select(['id', 'name', 'created_at'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function openReports(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_reports')
    .select(['id', 'item_kind', 'item_id', 'item_title', 'reason', 'created_at'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

// Status changes of the queue: each changes a row only from the state the coordinator saw, so that an
// action another coordinator already took changes nothing (and the caller says so).

const changed = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) === 1;

export async function setEditedStatus(
  db: Queryable,
  table: 'desk_organisations' | 'desk_groups' | 'desk_faqs',
  regionSlug: string,
  id: string,
  from: string,
  to: string,
  userId: string,
  now: string,
): Promise<boolean> {
  // The three tables share these columns; Kysely cannot narrow a union of table names, so the status values are checked by the callers.
  const result = await db
    .updateTable(table as 'desk_organisations')
    .set((eb) => ({ status: to as 'published', updated_by: userId, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', from as 'pending')
    .executeTakeFirst();
  return changed(result);
}

export async function markVacancyReviewed(db: Queryable, regionSlug: string, id: string, userId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('desk_vacancies')
    .set({ reviewed_by: userId, reviewed_at: now })
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published')
    .where('reviewed_at', 'is', null)
    .executeTakeFirst();
  return changed(result);
}

/** Hides a published vacancy; from the queue only while nobody looked at it yet. */
export async function hideVacancy(db: Queryable, regionSlug: string, id: string, userId: string, now: string, onlyUnreviewed: boolean): Promise<boolean> {
  let query = db
    .updateTable('desk_vacancies')
    .set((eb) => ({
      status: 'hidden' as const,
      reviewed_by: eb.fn.coalesce('reviewed_by', eb.val(userId)),
      reviewed_at: eb.fn.coalesce('reviewed_at', eb.val(now)),
      updated_by: userId,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published');
  if (onlyUnreviewed) query = query.where('reviewed_at', 'is', null);
  return changed(await query.executeTakeFirst());
}

/** Whether a row with this id exists in the region (to tell "already handled" from "not ours"). */
export async function existsInRegion(
  db: Queryable,
  table: 'desk_organisations' | 'desk_groups' | 'desk_faqs' | 'desk_vacancies' | 'desk_reports',
  regionSlug: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table as 'desk_organisations')
    .select('id')
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .executeTakeFirst();
  return row !== undefined;
}

// Reports

export interface ReportableItem {
  readonly title: string;
  /** Scheme pages and glossary words are addressed by their slug. */
  readonly slug?: string;
}

/** A public item of this region (or, for scheme pages and glossary words, the national list) by kind and id. */
export async function reportableItem(db: Queryable, regionSlug: string, kind: ReportableKind, id: string, today: string): Promise<ReportableItem | undefined> {
  switch (kind) {
    case 'organisation': {
      const row = await db
        .selectFrom('desk_organisations')
        .select('name')
        .where('id', '=', id)
        .where('region_slug', '=', regionSlug)
        .where('status', '=', 'published')
        .executeTakeFirst();
      return row && { title: row.name };
    }
    case 'service': {
      const row = await db
        .selectFrom('desk_services as s')
        .innerJoin('desk_organisations as o', 'o.id', 's.organisation_id')
        .select('s.name')
        .where('s.id', '=', id)
        .where('o.region_slug', '=', regionSlug)
        .where('o.status', '=', 'published')
        .where('s.status', '=', 'active')
        .executeTakeFirst();
      return row && { title: row.name };
    }
    case 'employer': {
      const row = await db
        .selectFrom('desk_employers')
        .select('name')
        .where('id', '=', id)
        .where('region_slug', '=', regionSlug)
        .where('status', '=', 'verified')
        .executeTakeFirst();
      return row && { title: row.name };
    }
    case 'vacancy': {
      const row = await db
        .selectFrom('desk_vacancies as v')
        .innerJoin('desk_employers as e', 'e.id', 'v.employer_id')
        .select('v.title')
        .where('v.id', '=', id)
        .where('v.region_slug', '=', regionSlug)
        .where('v.status', '=', 'published')
        .where('v.expires_on', '>=', today)
        .where('e.status', '=', 'verified')
        .executeTakeFirst();
      return row && { title: row.title };
    }
    case 'faq': {
      const row = await db
        .selectFrom('desk_faqs')
        .select('question')
        .where('id', '=', id)
        .where('region_slug', '=', regionSlug)
        .where('status', '=', 'published')
        .executeTakeFirst();
      return row && { title: row.question };
    }
    case 'group': {
      const row = await db
        .selectFrom('desk_groups')
        .select('name')
        .where('id', '=', id)
        .where('region_slug', '=', regionSlug)
        .where('status', '=', 'published')
        .executeTakeFirst();
      return row && { title: row.name };
    }
    case 'page':
    case 'term': {
      // By row id or by slug; the region's own version before the national one.
      const rows =
        kind === 'page'
          ? await db
              .selectFrom('desk_pages')
              .select(['id', 'slug', 'title', 'region_slug'])
              .where((eb) => eb.or([eb('id', '=', id), eb('slug', '=', id)]))
              .where((eb) => eb.or([eb('region_slug', '=', regionSlug), eb('region_slug', 'is', null)]))
              .execute()
          : await db
              .selectFrom('desk_glossary')
              .select(['id', 'slug', 'term as title', 'region_slug'])
              .where((eb) => eb.or([eb('id', '=', id), eb('slug', '=', id)]))
              .where((eb) => eb.or([eb('region_slug', '=', regionSlug), eb('region_slug', 'is', null)]))
              .execute();
      const row = rows.find((r) => r.id === id) ?? rows.find((r) => r.region_slug !== null) ?? rows[0];
      return row && { title: row.title, slug: row.slug };
    }
  }
}

export async function insertReport(
  db: Queryable,
  row: { id: string; regionSlug: string; kind: ReportableKind; itemId: string; itemTitle: string; reason: string; details: string; now: string },
): Promise<void> {
  await db
    .insertInto('desk_reports')
    .values({
      id: row.id,
      region_slug: row.regionSlug,
      item_kind: row.kind,
      item_id: row.itemId,
      item_title: row.itemTitle,
      reason: row.reason,
      details: row.details,
      status: 'open',
      created_at: row.now,
      handled_by: null,
      handled_at: null,
      outcome: null,
    })
    .execute();
}

export function selectReport(db: Queryable, regionSlug: string, reportId: string) {
  return db.selectFrom('desk_reports').selectAll().where('id', '=', reportId).where('region_slug', '=', regionSlug).executeTakeFirst();
}

export async function markReportHandled(db: Queryable, regionSlug: string, reportId: string, userId: string, now: string, outcome: string): Promise<boolean> {
  const result = await db
    .updateTable('desk_reports')
    .set({ status: 'handled', handled_by: userId, handled_at: now, outcome })
    .where('id', '=', reportId)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return changed(result);
}
