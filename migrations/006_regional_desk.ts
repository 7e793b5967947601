import type { CreateTableBuilder, Kysely } from 'kysely';

// The regional desk ("loket"): per labour-market region a social map, open employers, vacancies,
// questions with answers and FAQ, scheme pages and a glossary, peer-support groups, reports and search state.
// Timestamps are ISO-8601 UTC text, calendar dates 'YYYY-MM-DD' text, flags 0/1 integers (docs/decisions/002).
// The social-map tables follow Open Referral HSDS 3.0 so that an import and its export match field for field.

// Who changed a row and when, and a version for conflict detection, on everything people edit.
function edited<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull());
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // status: pending (proposed, waiting for the coordinator), published, hidden.
  await edited(
    db.schema
      .createTable('desk_organisations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_slug', 'text', (c) => c.notNull().references('regions.slug'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('alternate_name', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('website', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('desk_organisations_region_idx').on('desk_organisations').columns(['region_slug', 'status', 'name']).execute();

  await db.schema
    .createTable('desk_organisation_representatives')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('desk_organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('appointed_by', 'text')
    .addColumn('appointed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('desk_organisation_representatives_pk', ['organisation_id', 'user_id'])
    .execute();
  await db.schema.createIndex('desk_organisation_representatives_user_idx').on('desk_organisation_representatives').column('user_id').execute();

  // HSDS status: active, inactive, defunct, temporarily closed.
  await edited(
    db.schema
      .createTable('desk_services')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('desk_organisations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('for_whom', 'text', (c) => c.notNull())
      .addColumn('how_to_apply', 'text', (c) => c.notNull())
      .addColumn('cost', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('website', 'text')
      .addColumn('status', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('desk_services_organisation_idx').on('desk_services').column('organisation_id').execute();

  // location_type (HSDS): physical, postal, virtual.
  await db.schema
    .createTable('desk_locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('desk_organisations.id').onDelete('cascade'))
    .addColumn('location_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('description', 'text')
    .addColumn('address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('city', 'text')
    .addColumn('url', 'text')
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .execute();
  await db.schema.createIndex('desk_locations_organisation_idx').on('desk_locations').column('organisation_id').execute();

  await db.schema
    .createTable('desk_service_at_location')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('desk_services.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('desk_locations.id').onDelete('cascade'))
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('desk_service_at_location_service_idx').on('desk_service_at_location').column('service_id').execute();
  await db.schema.createIndex('desk_service_at_location_location_idx').on('desk_service_at_location').column('location_id').execute();

  // A contact point: a person or desk of an organisation, optionally for one service.
  await db.schema
    .createTable('desk_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('desk_organisations.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.references('desk_services.id').onDelete('cascade'))
    .addColumn('name', 'text')
    .addColumn('title', 'text')
    .addColumn('email', 'text')
    .execute();
  await db.schema.createIndex('desk_contacts_organisation_idx').on('desk_contacts').column('organisation_id').execute();

  // A phone number belongs to one of organisation, service, location or contact (organisation_id always, for the region's scope).
  await db.schema
    .createTable('desk_phones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('desk_organisations.id').onDelete('cascade'))
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('desk_phones_owner_idx').on('desk_phones').columns(['owner_kind', 'owner_id']).execute();
  await db.schema.createIndex('desk_phones_organisation_idx').on('desk_phones').column('organisation_id').execute();

  // Opening hours: for a service, a location or a service at a location. byday is iCal style (MO,TU,...), times 'HH:MM'.
  await db.schema
    .createTable('desk_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('desk_organisations.id').onDelete('cascade'))
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('byday', 'text')
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('desk_schedules_owner_idx').on('desk_schedules').columns(['owner_kind', 'owner_id']).execute();
  await db.schema.createIndex('desk_schedules_organisation_idx').on('desk_schedules').column('organisation_id').execute();

  // Employers who pledge to be open. status: pending, verified, rejected, withdrawn.
  await edited(
    db.schema
      .createTable('desk_employers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_slug', 'text', (c) => c.notNull().references('regions.slug'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('offers_adjustments', 'text', (c) => c.notNull())
      .addColumn('offers_guidance', 'text', (c) => c.notNull())
      .addColumn('offers_trial_placements', 'text', (c) => c.notNull())
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('contact_email', 'text', (c) => c.notNull())
      .addColumn('contact_phone', 'text')
      .addColumn('website', 'text')
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('pledged_at', 'text', (c) => c.notNull())
      .addColumn('verified_by', 'text')
      .addColumn('verified_at', 'text')
      .addColumn('rejection_reason', 'text')
      .addColumn('withdrawn_at', 'text'),
  ).execute();
  await db.schema.createIndex('desk_employers_region_idx').on('desk_employers').columns(['region_slug', 'status', 'name']).execute();

  await db.schema
    .createTable('desk_employer_members')
    .addColumn('employer_id', 'text', (c) => c.notNull().references('desk_employers.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('desk_employer_members_pk', ['employer_id', 'user_id'])
    .execute();
  await db.schema.createIndex('desk_employer_members_user_idx').on('desk_employer_members').column('user_id').execute();

  // Vacancies in plain language. status: published, hidden. reviewed_at: the coordinator saw it in the queue.
  await edited(
    db.schema
      .createTable('desk_vacancies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_slug', 'text', (c) => c.notNull().references('regions.slug'))
      .addColumn('employer_id', 'text', (c) => c.notNull().references('desk_employers.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('what_you_do', 'text', (c) => c.notNull())
      .addColumn('hours', 'text', (c) => c.notNull())
      .addColumn('hours_per_week', 'integer')
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('help_available', 'text', (c) => c.notNull())
      .addColumn('what_we_ask', 'text', (c) => c.notNull())
      .addColumn('contact', 'text', (c) => c.notNull())
      .addColumn('contact_email', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('expires_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text'),
  ).execute();
  await db.schema.createIndex('desk_vacancies_region_idx').on('desk_vacancies').columns(['region_slug', 'status', 'expires_on']).execute();
  await db.schema.createIndex('desk_vacancies_employer_idx').on('desk_vacancies').column('employer_id').execute();

  // Anonymous questions. asker_email is kept only to send the answer and is cleared once it is sent.
  // access_token_hash: the SHA-256 of the private link's token. status: new, routed, answered, hidden.
  // publication: none, requested (the asker agreed), published (an anonymised FAQ exists).
  await db.schema
    .createTable('desk_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_slug', 'text', (c) => c.notNull().references('regions.slug'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('asker_email', 'text')
    .addColumn('access_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('consent_to_publish', 'integer', (c) => c.notNull())
    .addColumn('looked_like_crisis', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('desk_organisations.id').onDelete('set null'))
    .addColumn('routed_by', 'text')
    .addColumn('routed_at', 'text')
    .addColumn('routing_note', 'text')
    .addColumn('email_deleted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('desk_questions_region_idx').on('desk_questions').columns(['region_slug', 'status', 'created_at']).execute();
  await db.schema.createIndex('desk_questions_organisation_idx').on('desk_questions').columns(['organisation_id', 'status']).execute();

  await db.schema
    .createTable('desk_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull().unique().references('desk_questions.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.references('desk_organisations.id').onDelete('set null'))
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();

  // Public, anonymised questions and answers. question_id is null for an FAQ a coordinator wrote.
  await edited(
    db.schema
      .createTable('desk_faqs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_slug', 'text', (c) => c.notNull().references('regions.slug'))
      .addColumn('question_id', 'text', (c) => c.references('desk_questions.id').onDelete('set null'))
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('answered_by', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('desk_faqs_region_idx').on('desk_faqs').columns(['region_slug', 'status']).execute();

  // Scheme pages (WIA, Wajong, ...) in Markdown. region_slug null: the national text every region shows until it writes its own.
  await edited(
    db.schema
      .createTable('desk_pages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_slug', 'text', (c) => c.references('regions.slug'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('desk_pages_region_slug_idx').on('desk_pages').columns(['region_slug', 'slug']).unique().execute();

  // The glossary of jargon; region_slug null: the national list, a region adds its own words.
  await edited(
    db.schema
      .createTable('desk_glossary')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_slug', 'text', (c) => c.references('regions.slug'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('variants', 'text', (c) => c.notNull())
      .addColumn('explanation', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('desk_glossary_region_slug_idx').on('desk_glossary').columns(['region_slug', 'slug']).unique().execute();

  // Peer-support groups ("lotgenoten"). status: pending, published, hidden.
  await edited(
    db.schema
      .createTable('desk_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_slug', 'text', (c) => c.notNull().references('regions.slug'))
      .addColumn('organisation_id', 'text', (c) => c.references('desk_organisations.id').onDelete('set null'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('for_whom', 'text', (c) => c.notNull())
      .addColumn('contact_email', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('desk_groups_region_idx').on('desk_groups').columns(['region_slug', 'status']).execute();

  await db.schema
    .createTable('desk_group_organisers')
    .addColumn('group_id', 'text', (c) => c.notNull().references('desk_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('desk_group_organisers_pk', ['group_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('desk_group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('desk_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('desk_group_members_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('desk_group_members_user_idx').on('desk_group_members').column('user_id').execute();

  // starts_at/ends_at are ISO-8601 UTC; a meeting has a place, an online link or both.
  await db.schema
    .createTable('desk_group_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('desk_groups.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('online_url', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('desk_group_meetings_group_idx').on('desk_group_meetings').columns(['group_id', 'starts_at']).execute();

  // Reports by visitors about any public item. item_kind: organisation, service, employer, vacancy, faq, group, page, term.
  // status: open, handled.
  await db.schema
    .createTable('desk_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_slug', 'text', (c) => c.notNull().references('regions.slug'))
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('handled_by', 'text')
    .addColumn('handled_at', 'text')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema.createIndex('desk_reports_region_idx').on('desk_reports').columns(['region_slug', 'status', 'created_at']).execute();

  // When a region's desk last changed, so that its search documents are rebuilt when they are stale.
  await db.schema
    .createTable('desk_changes')
    .addColumn('region_slug', 'text', (c) => c.primaryKey().references('regions.slug'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('counter', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'desk_changes',
    'desk_reports',
    'desk_group_meetings',
    'desk_group_members',
    'desk_group_organisers',
    'desk_groups',
    'desk_glossary',
    'desk_pages',
    'desk_faqs',
    'desk_answers',
    'desk_questions',
    'desk_vacancies',
    'desk_employer_members',
    'desk_employers',
    'desk_schedules',
    'desk_phones',
    'desk_contacts',
    'desk_service_at_location',
    'desk_locations',
    'desk_services',
    'desk_organisation_representatives',
    'desk_organisations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
