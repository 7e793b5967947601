import type { Queryable } from '../../platform/db/database.js';

export function selectRegions(db: Queryable) {
  return db.selectFrom('regions').selectAll().orderBy('sort_order').execute();
}

export function selectRegion(db: Queryable, slug: string) {
  return db.selectFrom('regions').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function selectCoordinators(db: Queryable) {
  return db
    .selectFrom('region_coordinators')
    .innerJoin('users', 'users.id', 'region_coordinators.user_id')
    .select(['region_coordinators.region_slug', 'region_coordinators.user_id', 'region_coordinators.appointed_at', 'users.name', 'users.email'])
    .orderBy('users.name')
    .execute();
}

export function selectCoordinatorRegionsOfUser(db: Queryable, userId: string) {
  return db.selectFrom('region_coordinators').select('region_slug').where('user_id', '=', userId).execute();
}

export async function insertCoordinator(db: Queryable, regionSlug: string, userId: string, appointedBy: string, at: string): Promise<boolean> {
  const existing = await db
    .selectFrom('region_coordinators')
    .select('user_id')
    .where('region_slug', '=', regionSlug)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (existing) return false;
  await db.insertInto('region_coordinators').values({ region_slug: regionSlug, user_id: userId, appointed_by: appointedBy, appointed_at: at }).execute();
  return true;
}

export async function deleteCoordinator(db: Queryable, regionSlug: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('region_coordinators').where('region_slug', '=', regionSlug).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
