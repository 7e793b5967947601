// Row types of the regional desk's tables (migrations/006_regional_desk.ts).

interface Edited {
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  version: number;
}

export interface DeskOrganisationsTable extends Edited {
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

export interface DeskServicesTable extends Edited {
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

export interface DeskEmployersTable extends Edited {
  id: string;
  region_slug: string;
  name: string;
  description: string;
  offers_adjustments: string;
  offers_guidance: string;
  offers_trial_placements: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  website: string | null;
  city: string;
  status: 'pending' | 'verified' | 'rejected' | 'withdrawn';
  pledged_at: string;
  verified_by: string | null;
  verified_at: string | null;
  rejection_reason: string | null;
  withdrawn_at: string | null;
}

export interface DeskEmployerMembersTable {
  employer_id: string;
  user_id: string;
  added_at: string;
}

export interface DeskVacanciesTable extends Edited {
  id: string;
  region_slug: string;
  employer_id: string;
  title: string;
  what_you_do: string;
  hours: string;
  hours_per_week: number | null;
  place: string;
  help_available: string;
  what_we_ask: string;
  contact: string;
  contact_email: string | null;
  contact_phone: string | null;
  expires_on: string;
  status: 'published' | 'hidden';
  reviewed_by: string | null;
  reviewed_at: string | null;
}

export interface DeskQuestionsTable {
  id: string;
  region_slug: string;
  body: string;
  asker_email: string | null;
  access_token_hash: string;
  consent_to_publish: number;
  looked_like_crisis: number;
  status: 'new' | 'routed' | 'answered' | 'hidden';
  organisation_id: string | null;
  routed_by: string | null;
  routed_at: string | null;
  routing_note: string | null;
  email_deleted_at: string | null;
  created_at: string;
}

export interface DeskAnswersTable {
  id: string;
  question_id: string;
  organisation_id: string | null;
  organisation_name: string;
  author_id: string | null;
  body: string;
  created_at: string;
  sent_at: string | null;
}

export interface DeskFaqsTable extends Edited {
  id: string;
  region_slug: string;
  question_id: string | null;
  question: string;
  answer: string;
  answered_by: string;
  status: 'published' | 'hidden';
}

export interface DeskPagesTable extends Edited {
  id: string;
  region_slug: string | null;
  slug: string;
  title: string;
  summary: string;
  body: string;
  sort_order: number;
}

export interface DeskGlossaryTable extends Edited {
  id: string;
  region_slug: string | null;
  slug: string;
  term: string;
  /** Other spellings and inflections that link to this term, separated by '|'. */
  variants: string;
  explanation: string;
}

export interface DeskGroupsTable extends Edited {
  id: string;
  region_slug: string;
  organisation_id: string | null;
  name: string;
  description: string;
  for_whom: string;
  contact_email: string;
  status: 'pending' | 'published' | 'hidden';
}

export interface DeskGroupOrganisersTable {
  group_id: string;
  user_id: string;
  added_at: string;
}

export interface DeskGroupMembersTable {
  group_id: string;
  user_id: string;
  joined_at: string;
}

export interface DeskGroupMeetingsTable {
  id: string;
  group_id: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  online_url: string | null;
  description: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Grows with every change, for the iCalendar SEQUENCE. */
  sequence: number;
}

export interface DeskReportsTable {
  id: string;
  region_slug: string;
  item_kind: string;
  item_id: string;
  item_title: string;
  reason: string;
  details: string;
  status: 'open' | 'handled';
  created_at: string;
  handled_by: string | null;
  handled_at: string | null;
  outcome: string | null;
}

export interface DeskChangesTable {
  region_slug: string;
  changed_at: string;
  counter: number;
}
