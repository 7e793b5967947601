export interface RegionsTable {
  slug: string;
  name: string;
  sort_order: number;
}

export interface RegionCoordinatorsTable {
  region_slug: string;
  user_id: string;
  appointed_by: string | null;
  appointed_at: string;
}

// Adds this feature's tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../platform/db/database.js' {
  interface Database {
    regions: RegionsTable;
    region_coordinators: RegionCoordinatorsTable;
  }
}
