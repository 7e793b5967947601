import type { Queryable } from '../../platform/db/database.js';
import * as repo from './regions.repo.js';

export interface Region {
  readonly slug: string;
  readonly name: string;
}

export interface Coordinator {
  readonly regionSlug: string;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly appointedAt: string;
}

export async function listRegions(db: Queryable): Promise<Region[]> {
  return (await repo.selectRegions(db)).map((r) => ({ slug: r.slug, name: r.name }));
}

export async function findRegion(db: Queryable, slug: string): Promise<Region | undefined> {
  const row = await repo.selectRegion(db, slug);
  return row ? { slug: row.slug, name: row.name } : undefined;
}

export async function listCoordinators(db: Queryable): Promise<Coordinator[]> {
  return (await repo.selectCoordinators(db)).map((r) => ({
    regionSlug: r.region_slug,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    appointedAt: r.appointed_at,
  }));
}

export async function coordinatorRegionsOf(db: Queryable, userId: string): Promise<string[]> {
  return (await repo.selectCoordinatorRegionsOfUser(db, userId)).map((r) => r.region_slug);
}

/** Role provider for the policy: anyone coordinating at least one region has the role 'coordinator'. */
export async function regionRolesOf(db: Queryable, userId: string): Promise<string[]> {
  return (await coordinatorRegionsOf(db, userId)).length > 0 ? ['coordinator'] : [];
}

export function appointCoordinator(db: Queryable, regionSlug: string, userId: string, appointedBy: string, now: Date) {
  return repo.insertCoordinator(db, regionSlug, userId, appointedBy, now.toISOString());
}

export function removeCoordinator(db: Queryable, regionSlug: string, userId: string) {
  return repo.deleteCoordinator(db, regionSlug, userId);
}
