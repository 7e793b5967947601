import { sql, type Insertable, type Updateable } from 'kysely';
import type { Queryable } from '../../../platform/db/database.js';
import { countsByRegion, type ReportableItem } from '../shared/region.js';
import type { DeskVacanciesTable } from './vacancies.tables.js';

const EMPLOYER_COLUMNS = ['e.name as employer_name', 'e.status as employer_status', 'e.website as employer_website', 'e.city as employer_city'] as const;

export function insertVacancy(db: Queryable, row: Insertable<DeskVacanciesTable>) {
  return db.insertInto('desk_vacancies').values(row).execute();
}

/** A vacancy of this region with its employer (another region's vacancy is not found). */
export function selectVacancy(db: Queryable, regionSlug: string, vacancyId: string) {
  return db
    .selectFrom('desk_vacancies as v')
    .innerJoin('desk_employers as e', 'e.id', 'v.employer_id')
    .selectAll('v')
    .select(EMPLOYER_COLUMNS)
    .where('v.id', '=', vacancyId)
    .where('v.region_slug', '=', regionSlug)
    .executeTakeFirst();
}

/** What the public sees: published, still open (closing today or later), of a verified employer. */
export function selectOpenVacancies(db: Queryable, regionSlug: string, today: string, employerId?: string) {
  let query = db
    .selectFrom('desk_vacancies as v')
    .innerJoin('desk_employers as e', 'e.id', 'v.employer_id')
    .selectAll('v')
    .select(EMPLOYER_COLUMNS)
    .where('v.region_slug', '=', regionSlug)
    .where('v.status', '=', 'published')
    .where('v.expires_on', '>=', today)
    .where('e.status', '=', 'verified');
  if (employerId !== undefined) query = query.where('v.employer_id', '=', employerId);
  return query.orderBy('v.created_at', 'desc').orderBy('v.id').execute();
}

/** Every vacancy of one employer, for its members. */
export function selectVacanciesOfEmployer(db: Queryable, regionSlug: string, employerId: string) {
  return db
    .selectFrom('desk_vacancies as v')
    .innerJoin('desk_employers as e', 'e.id', 'v.employer_id')
    .selectAll('v')
    .select(EMPLOYER_COLUMNS)
    .where('v.region_slug', '=', regionSlug)
    .where('v.employer_id', '=', employerId)
    .orderBy('v.expires_on', 'desc')
    .orderBy('v.id')
    .execute();
}

/** Vacancies the coordinator has not looked at yet, oldest first. */
export function selectUnreviewedVacancies(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_vacancies as v')
    .innerJoin('desk_employers as e', 'e.id', 'v.employer_id')
    .selectAll('v')
    .select(EMPLOYER_COLUMNS)
    .where('v.region_slug', '=', regionSlug)
    .where('v.reviewed_at', 'is', null)
    .orderBy('v.created_at')
    .orderBy('v.id')
    .execute();
}

export async function updateVacancyIfVersion(
  db: Queryable,
  regionSlug: string,
  vacancyId: string,
  version: number,
  changes: Updateable<DeskVacanciesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('desk_vacancies')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', vacancyId)
    .where('region_slug', '=', regionSlug)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A moderation change (status or review), whatever the version; it moves the version on so open edit forms notice. */
export async function updateVacancy(db: Queryable, regionSlug: string, vacancyId: string, changes: Updateable<DeskVacanciesTable>): Promise<boolean> {
  const result = await db
    .updateTable('desk_vacancies')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', vacancyId)
    .where('region_slug', '=', regionSlug)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteVacancy(db: Queryable, regionSlug: string, vacancyId: string): Promise<boolean> {
  const result = await db.deleteFrom('desk_vacancies').where('id', '=', vacancyId).where('region_slug', '=', regionSlug).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// For the region overview, the desk's home, the moderation queue and reports

const count = sql<string | number>`count(*)`;

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

export async function countUnreviewedVacancies(db: Queryable, regionSlug: string, today: string): Promise<number> {
  const row = await db
    .selectFrom('desk_vacancies')
    .select(count.as('n'))
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published')
    .where('expires_on', '>=', today)
    .where('reviewed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A live vacancy of a verified employer of the region, for a visitor's report. */
export async function reportableVacancy(db: Queryable, regionSlug: string, id: string, today: string): Promise<ReportableItem | undefined> {
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
