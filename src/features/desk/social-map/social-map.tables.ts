// Row types of the desk's social map tables (migrations/006_regional_desk.ts).

import type { DeskEdited } from '../shared/changes.tables.js';

export interface DeskOrganisationsTable extends DeskEdited {
  id: string;
  region_slug: string;
  name: string;
  alternate_name: string | null;
  description: string;
  email: string | null;
  website: string | null;
  /** One of ORGANISATION_KINDS. */
  kind: string;
  status: 'pending' | 'published' | 'hidden';
}

export interface DeskOrganisationRepresentativesTable {
  organisation_id: string;
  user_id: string;
  appointed_by: string | null;
  appointed_at: string;
}

export interface DeskServicesTable extends DeskEdited {
  id: string;
  organisation_id: string;
  name: string;
  description: string;
  for_whom: string;
  how_to_apply: string;
  cost: string;
  email: string | null;
  website: string | null;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
}

export interface DeskLocationsTable {
  id: string;
  organisation_id: string;
  location_type: 'physical' | 'postal' | 'virtual';
  name: string | null;
  description: string | null;
  address: string | null;
  postal_code: string | null;
  city: string | null;
  url: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface DeskServiceAtLocationTable {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
}

export interface DeskContactsTable {
  id: string;
  organisation_id: string;
  service_id: string | null;
  name: string | null;
  title: string | null;
  email: string | null;
}

export interface DeskPhonesTable {
  id: string;
  organisation_id: string;
  owner_kind: 'organisation' | 'service' | 'location' | 'contact';
  owner_id: string;
  number: string;
  description: string | null;
}

export interface DeskSchedulesTable {
  id: string;
  organisation_id: string;
  owner_kind: 'service' | 'location' | 'service_at_location';
  owner_id: string;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  description: string | null;
}

// Adds these tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../../platform/db/database.js' {
  interface Database {
    desk_organisations: DeskOrganisationsTable;
    desk_organisation_representatives: DeskOrganisationRepresentativesTable;
    desk_services: DeskServicesTable;
    desk_locations: DeskLocationsTable;
    desk_service_at_location: DeskServiceAtLocationTable;
    desk_contacts: DeskContactsTable;
    desk_phones: DeskPhonesTable;
    desk_schedules: DeskSchedulesTable;
  }
}
