import type { Queryable } from '../../../platform/db/database.js';

// Who may do what at a region's desk. Every check also confirms the item belongs to the region in the
// address, so that a link with another region's slug never gives access (or shows) across regions.

export async function isCoordinatorOf(db: Queryable, regionSlug: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('region_coordinators')
    .select('user_id')
    .where('region_slug', '=', regionSlug)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function organisationRegion(db: Queryable, organisationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('desk_organisations').select('region_slug').where('id', '=', organisationId).executeTakeFirst();
  return row?.region_slug;
}

export async function isRepresentativeOf(db: Queryable, organisationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('desk_organisation_representatives')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The organisations this person represents in a region. */
export async function representedOrganisations(db: Queryable, regionSlug: string, userId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('desk_organisation_representatives as r')
    .innerJoin('desk_organisations as o', 'o.id', 'r.organisation_id')
    .select(['o.id', 'o.name'])
    .where('r.user_id', '=', userId)
    .where('o.region_slug', '=', regionSlug)
    .orderBy('o.name')
    .execute();
}

export async function employerOf(db: Queryable, employerId: string) {
  return db.selectFrom('desk_employers').select(['region_slug', 'status']).where('id', '=', employerId).executeTakeFirst();
}

export async function isEmployerMember(db: Queryable, employerId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('desk_employer_members')
    .select('user_id')
    .where('employer_id', '=', employerId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function vacancyOf(db: Queryable, vacancyId: string) {
  return db.selectFrom('desk_vacancies').select(['region_slug', 'employer_id']).where('id', '=', vacancyId).executeTakeFirst();
}

export async function questionOf(db: Queryable, questionId: string) {
  return db.selectFrom('desk_questions').select(['region_slug', 'organisation_id', 'status']).where('id', '=', questionId).executeTakeFirst();
}

export async function groupOf(db: Queryable, groupId: string) {
  return db.selectFrom('desk_groups').select(['region_slug', 'status']).where('id', '=', groupId).executeTakeFirst();
}

export async function isGroupOrganiser(db: Queryable, groupId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('desk_group_organisers').select('user_id').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** Whether this person represents any organisation of the region. */
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
