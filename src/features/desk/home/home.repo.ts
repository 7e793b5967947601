import type { Queryable } from '../../../platform/db/database.js';

// The queries of the desk's home and the region overview that belong to no part.

export async function homeRegionOf(db: Queryable, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('home_region_slug').where('id', '=', userId).executeTakeFirst();
  return row?.home_region_slug ?? null;
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
