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
