import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import type { Queryable } from '../../../platform/db/database.js';
import { countsByRegion, type ReportableItem } from '../shared/region.js';
import type { OrganisationData, ServiceData, SocialMapRows } from './hsds.js';
import type {
  DeskContactsTable,
  DeskLocationsTable,
  DeskOrganisationsTable,
  DeskPhonesTable,
  DeskSchedulesTable,
  DeskServiceAtLocationTable,
  DeskServicesTable,
} from './social-map.tables.js';

// Queries of the social map. Lists of ids and rows go to the database in chunks: SQLite allows 32,766
// variables in one statement and PostgreSQL 65,535; 500 rows of at most 15 columns stay far below both.

export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type OrganisationStatus = DeskOrganisationsTable['status'];

/** A LIKE pattern for "contains", case-insensitive together with lower(); '!' escapes % and _. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function contains(column: string, pattern: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '!'`;
}

// Organisations

export interface OrganisationFilter {
  readonly regionSlug: string;
  readonly statuses: readonly OrganisationStatus[];
  readonly q?: string;
  readonly kind?: string;
}

function organisationQuery(db: Queryable, filter: OrganisationFilter) {
  let query = db.selectFrom('desk_organisations as o').where('o.region_slug', '=', filter.regionSlug).where('o.status', 'in', [...filter.statuses]);
  if (filter.kind) query = query.where('o.kind', '=', filter.kind);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    query = query.where((eb) =>
      eb.or([
        contains('o.name', pattern),
        contains('o.alternate_name', pattern),
        contains('o.description', pattern),
        eb.exists(
          eb
            .selectFrom('desk_services as s')
            .select('s.id')
            .whereRef('s.organisation_id', '=', 'o.id')
            .where((inner) => inner.or([contains('s.name', pattern), contains('s.description', pattern), contains('s.for_whom', pattern)])),
        ),
      ]),
    );
  }
  return query;
}

export async function countOrganisations(db: Queryable, filter: OrganisationFilter): Promise<number> {
  const row = await organisationQuery(db, filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function selectOrganisations(db: Queryable, filter: OrganisationFilter, limit: number, offset: number) {
  return organisationQuery(db, filter).selectAll('o').orderBy('o.name').orderBy('o.id').limit(limit).offset(offset).execute();
}

export function selectOrganisation(db: Queryable, id: string) {
  return db.selectFrom('desk_organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganisation(db: Queryable, row: Insertable<DeskOrganisationsTable>): Promise<void> {
  await db.insertInto('desk_organisations').values(row).execute();
}

/** Updates when the version still matches; false when someone else saved in between. */
export async function updateOrganisation(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Omit<OrganisationData, 'id'> & { updated_by: string; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('desk_organisations')
    .set({ ...values, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Everything of some organisations

type Scope = { readonly organisationId: string } | { readonly regionSlug: string; readonly statuses: readonly OrganisationStatus[] };

function toOrganisationData(row: DeskOrganisationsTable): OrganisationData & { status: OrganisationStatus } {
  return {
    id: row.id,
    name: row.name,
    alternate_name: row.alternate_name,
    description: row.description,
    email: row.email,
    website: row.website,
    kind: row.kind as OrganisationData['kind'],
    status: row.status,
  };
}

function toServiceData(row: DeskServicesTable): ServiceData {
  return {
    id: row.id,
    organisation_id: row.organisation_id,
    name: row.name,
    description: row.description,
    for_whom: row.for_whom,
    how_to_apply: row.how_to_apply,
    cost: row.cost,
    email: row.email,
    website: row.website,
    status: row.status,
  };
}

/** All rows of one organisation, or of every organisation of a region with one of the statuses. */
export async function selectRows(db: Queryable, scope: Scope): Promise<SocialMapRows> {
  const inScope = (table: string) =>
    'organisationId' in scope
      ? sql<SqlBool>`${sql.ref(`${table}.organisation_id`)} = ${scope.organisationId}`
      : sql<SqlBool>`exists (select 1 from desk_organisations scope_org where scope_org.id = ${sql.ref(`${table}.organisation_id`)} and scope_org.region_slug = ${scope.regionSlug} and scope_org.status in (${sql.join([...scope.statuses])}))`;
  const organisations =
    'organisationId' in scope
      ? await db.selectFrom('desk_organisations').selectAll().where('id', '=', scope.organisationId).execute()
      : await db
          .selectFrom('desk_organisations')
          .selectAll()
          .where('region_slug', '=', scope.regionSlug)
          .where('status', 'in', [...scope.statuses])
          .execute();
  const [services, locations, contacts, phones, schedules] = await Promise.all([
    db.selectFrom('desk_services').selectAll().where(inScope('desk_services')).execute(),
    db.selectFrom('desk_locations').selectAll().where(inScope('desk_locations')).execute(),
    db.selectFrom('desk_contacts').selectAll().where(inScope('desk_contacts')).execute(),
    db.selectFrom('desk_phones').selectAll().where(inScope('desk_phones')).execute(),
    db.selectFrom('desk_schedules').selectAll().where(inScope('desk_schedules')).execute(),
  ]);
  const serviceIds = services.map((s) => s.id);
  const serviceAtLocations: DeskServiceAtLocationTable[] = [];
  for (const ids of chunks(serviceIds)) {
    serviceAtLocations.push(...(await db.selectFrom('desk_service_at_location').selectAll().where('service_id', 'in', ids).execute()));
  }
  return {
    organisations: organisations.map(toOrganisationData),
    services: services.map(toServiceData),
    locations: locations.map((l) => ({ ...l, latitude: l.latitude === null ? null : Number(l.latitude), longitude: l.longitude === null ? null : Number(l.longitude) })),
    contacts,
    phones,
    schedules,
    serviceAtLocations,
  };
}

// Services

export function selectService(db: Queryable, id: string) {
  return db.selectFrom('desk_services').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertService(db: Queryable, row: Insertable<DeskServicesTable>): Promise<void> {
  await db.insertInto('desk_services').values(row).execute();
}

export async function updateService(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Omit<ServiceData, 'id' | 'organisation_id'> & { updated_by: string; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('desk_services')
    .set({ ...values, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A service with its phones and opening hours (contacts and its places go with it through the foreign keys). */
export async function deleteService(db: Queryable, id: string): Promise<void> {
  const salIds = (await db.selectFrom('desk_service_at_location').select('id').where('service_id', '=', id).execute()).map((r) => r.id);
  await db.deleteFrom('desk_phones').where('owner_kind', '=', 'service').where('owner_id', '=', id).execute();
  await db.deleteFrom('desk_schedules').where('owner_kind', '=', 'service').where('owner_id', '=', id).execute();
  if (salIds.length > 0) await db.deleteFrom('desk_schedules').where('owner_kind', '=', 'service_at_location').where('owner_id', 'in', salIds).execute();
  const contactIds = (await db.selectFrom('desk_contacts').select('id').where('service_id', '=', id).execute()).map((r) => r.id);
  if (contactIds.length > 0) await db.deleteFrom('desk_phones').where('owner_kind', '=', 'contact').where('owner_id', 'in', contactIds).execute();
  await db.deleteFrom('desk_services').where('id', '=', id).execute();
}

/** Where a service is offered: replaces its links to the organisation's locations. */
export async function replaceServiceLocations(db: Queryable, serviceId: string, locationIds: readonly string[], newId: () => string): Promise<void> {
  const existing = await db.selectFrom('desk_service_at_location').select(['id', 'location_id']).where('service_id', '=', serviceId).execute();
  const keep = new Set(locationIds);
  const gone = existing.filter((e) => !keep.has(e.location_id)).map((e) => e.id);
  if (gone.length > 0) {
    await db.deleteFrom('desk_schedules').where('owner_kind', '=', 'service_at_location').where('owner_id', 'in', gone).execute();
    await db.deleteFrom('desk_service_at_location').where('id', 'in', gone).execute();
  }
  const have = new Set(existing.map((e) => e.location_id));
  const added = locationIds.filter((id) => !have.has(id));
  if (added.length > 0) {
    await db
      .insertInto('desk_service_at_location')
      .values(added.map((location_id) => ({ id: newId(), service_id: serviceId, location_id, description: null })))
      .execute();
  }
}

// Locations

export function selectLocation(db: Queryable, id: string) {
  return db.selectFrom('desk_locations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertLocation(db: Queryable, row: DeskLocationsTable): Promise<void> {
  await db.insertInto('desk_locations').values(row).execute();
}

export async function updateLocation(db: Queryable, id: string, values: Omit<DeskLocationsTable, 'id' | 'organisation_id'>): Promise<void> {
  await db.updateTable('desk_locations').set(values).where('id', '=', id).execute();
}

export async function deleteLocation(db: Queryable, id: string): Promise<void> {
  const salIds = (await db.selectFrom('desk_service_at_location').select('id').where('location_id', '=', id).execute()).map((r) => r.id);
  if (salIds.length > 0) await db.deleteFrom('desk_schedules').where('owner_kind', '=', 'service_at_location').where('owner_id', 'in', salIds).execute();
  await db.deleteFrom('desk_phones').where('owner_kind', '=', 'location').where('owner_id', '=', id).execute();
  await db.deleteFrom('desk_schedules').where('owner_kind', '=', 'location').where('owner_id', '=', id).execute();
  await db.deleteFrom('desk_locations').where('id', '=', id).execute();
}

// Contacts

export function selectContact(db: Queryable, id: string) {
  return db.selectFrom('desk_contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertContact(db: Queryable, row: DeskContactsTable): Promise<void> {
  await db.insertInto('desk_contacts').values(row).execute();
}

export async function updateContact(db: Queryable, id: string, values: Omit<DeskContactsTable, 'id' | 'organisation_id'>): Promise<void> {
  await db.updateTable('desk_contacts').set(values).where('id', '=', id).execute();
}

export async function deleteContact(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('desk_phones').where('owner_kind', '=', 'contact').where('owner_id', '=', id).execute();
  await db.deleteFrom('desk_contacts').where('id', '=', id).execute();
}

// Phones and opening hours of one owner

export async function replacePhones(db: Queryable, ownerKind: DeskPhonesTable['owner_kind'], ownerId: string, rows: readonly DeskPhonesTable[]): Promise<void> {
  await db.deleteFrom('desk_phones').where('owner_kind', '=', ownerKind).where('owner_id', '=', ownerId).execute();
  if (rows.length > 0) await db.insertInto('desk_phones').values([...rows]).execute();
}

export async function replaceSchedules(
  db: Queryable,
  ownerKind: DeskSchedulesTable['owner_kind'],
  ownerId: string,
  rows: readonly DeskSchedulesTable[],
): Promise<void> {
  await db.deleteFrom('desk_schedules').where('owner_kind', '=', ownerKind).where('owner_id', '=', ownerId).execute();
  if (rows.length > 0) await db.insertInto('desk_schedules').values([...rows]).execute();
}

// Representatives

export function selectRepresentatives(db: Queryable, organisationId: string) {
  return db
    .selectFrom('desk_organisation_representatives as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.name', 'u.email', 'r.appointed_at'])
    .where('r.organisation_id', '=', organisationId)
    .orderBy('u.name')
    .execute();
}

export async function insertRepresentative(db: Queryable, organisationId: string, userId: string, appointedBy: string | null, now: string): Promise<boolean> {
  const result = await db
    .insertInto('desk_organisation_representatives')
    .values({ organisation_id: organisationId, user_id: userId, appointed_by: appointedBy, appointed_at: now })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteRepresentative(db: Queryable, organisationId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('desk_organisation_representatives')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function selectUserByEmail(db: Queryable, email: string) {
  return db.selectFrom('users').select(['id', 'name', 'email', 'disabled_at']).where('email', '=', email).executeTakeFirst();
}

// The public API: services of a region's published organisations

export interface ServiceFilter {
  readonly regionSlug: string;
  readonly search?: string;
}

function serviceQuery(db: Queryable, filter: ServiceFilter) {
  let query = db
    .selectFrom('desk_services as s')
    .innerJoin('desk_organisations as o', 'o.id', 's.organisation_id')
    .where('o.region_slug', '=', filter.regionSlug)
    .where('o.status', '=', 'published');
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    query = query.where((eb) =>
      eb.or([contains('s.name', pattern), contains('s.description', pattern), contains('s.for_whom', pattern), contains('o.name', pattern)]),
    );
  }
  return query;
}

export async function countServices(db: Queryable, filter: ServiceFilter): Promise<number> {
  const row = await serviceQuery(db, filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function selectServicesPage(db: Queryable, filter: ServiceFilter, limit: number, offset: number) {
  const rows = await serviceQuery(db, filter).selectAll('s').orderBy('s.name').orderBy('s.id').limit(limit).offset(offset).execute();
  return rows.map(toServiceData);
}

export async function selectOrganisationsByIds(db: Queryable, ids: readonly string[]) {
  const out: (OrganisationData & { status: OrganisationStatus; region_slug: string })[] = [];
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('desk_organisations').selectAll().where('id', 'in', part).execute();
    out.push(...rows.map((r) => ({ ...toOrganisationData(r), region_slug: r.region_slug })));
  }
  return out;
}

// The last import of a region, from the audit log

export function selectLastImport(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('audit_log')
    .select(['occurred_at', 'detail', 'actor_id'])
    .where('event', '=', 'desk.social_map_imported')
    .where('target', '=', regionSlug)
    .orderBy('occurred_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// Import: which ids already exist in another region, and batched writes

export type ImportTable = 'desk_organisations' | 'desk_services' | 'desk_locations' | 'desk_contacts' | 'desk_phones' | 'desk_schedules' | 'desk_service_at_location';

/** The ids among `ids` that exist in `table` and belong to an organisation of another region. */
export async function idsInOtherRegions(db: Queryable, table: ImportTable, ids: readonly string[], regionSlug: string): Promise<string[]> {
  const found: string[] = [];
  for (const part of chunks(ids)) {
    let rows: { id: string }[];
    if (table === 'desk_organisations') {
      rows = await db.selectFrom('desk_organisations').select('id').where('id', 'in', part).where('region_slug', '<>', regionSlug).execute();
    } else if (table === 'desk_service_at_location') {
      rows = await db
        .selectFrom('desk_service_at_location as x')
        .innerJoin('desk_services as s', 's.id', 'x.service_id')
        .innerJoin('desk_organisations as o', 'o.id', 's.organisation_id')
        .select('x.id')
        .where('x.id', 'in', part)
        .where('o.region_slug', '<>', regionSlug)
        .execute();
    } else {
      rows = await db
        .selectFrom(`${table} as x` as 'desk_services as x')
        .innerJoin('desk_organisations as o', 'o.id', 'x.organisation_id')
        .select('x.id')
        .where('x.id', 'in', part)
        .where('o.region_slug', '<>', regionSlug)
        .execute();
    }
    found.push(...rows.map((r) => r.id));
  }
  return found;
}

export async function selectExistingOrganisationIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(ids)) {
    for (const row of await db.selectFrom('desk_organisations').select('id').where('id', 'in', part).execute()) found.add(row.id);
  }
  return found;
}

/** Inserts new organisations and updates existing ones (their status and creation stay). */
export async function upsertOrganisations(db: Queryable, rows: readonly Insertable<DeskOrganisationsTable>[]): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('desk_organisations')
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          alternate_name: eb.ref('excluded.alternate_name'),
          description: eb.ref('excluded.description'),
          email: eb.ref('excluded.email'),
          website: eb.ref('excluded.website'),
          kind: eb.ref('excluded.kind'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
          version: sql<number>`desk_organisations.version + 1`,
        })),
      )
      .execute();
  }
}

export async function upsertServices(db: Queryable, rows: readonly Insertable<DeskServicesTable>[]): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('desk_services')
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          organisation_id: eb.ref('excluded.organisation_id'),
          name: eb.ref('excluded.name'),
          description: eb.ref('excluded.description'),
          for_whom: eb.ref('excluded.for_whom'),
          how_to_apply: eb.ref('excluded.how_to_apply'),
          cost: eb.ref('excluded.cost'),
          email: eb.ref('excluded.email'),
          website: eb.ref('excluded.website'),
          status: eb.ref('excluded.status'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
          version: sql<number>`desk_services.version + 1`,
        })),
      )
      .execute();
  }
}

export async function selectServiceIdsOf(db: Queryable, organisationIds: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const part of chunks(organisationIds)) {
    out.push(...(await db.selectFrom('desk_services').select('id').where('organisation_id', 'in', part).execute()).map((r) => r.id));
  }
  return out;
}

export async function deleteServicesByIds(db: Queryable, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) await db.deleteFrom('desk_services').where('id', 'in', part).execute();
}

/**
 * Removes the parts (locations, contacts, phones, opening hours, service places) of the organisations,
 * and any part elsewhere in the region whose id the file uses, so that the file's rows can be inserted.
 */
export async function deletePartsOf(db: Queryable, organisationIds: readonly string[], ids: { readonly [K in Exclude<ImportTable, 'desk_organisations'>]: readonly string[] }): Promise<void> {
  // Services the file moves here from another organisation take none of their old parts along.
  const serviceIds = [...new Set([...(await selectServiceIdsOf(db, organisationIds)), ...ids.desk_services])];
  const owners = [...ids.desk_services, ...ids.desk_locations, ...ids.desk_contacts, ...ids.desk_service_at_location];
  for (const part of chunks(serviceIds)) await db.deleteFrom('desk_service_at_location').where('service_id', 'in', part).execute();
  for (const part of chunks(ids.desk_service_at_location)) await db.deleteFrom('desk_service_at_location').where('id', 'in', part).execute();
  // Both kinds of owner column are in the (owner_kind, owner_id) index.
  for (const part of chunks(owners)) {
    await db.deleteFrom('desk_schedules').where('owner_kind', 'in', ['service', 'location', 'service_at_location']).where('owner_id', 'in', part).execute();
    await db.deleteFrom('desk_phones').where('owner_kind', 'in', ['service', 'location', 'contact']).where('owner_id', 'in', part).execute();
  }
  for (const part of chunks(ids.desk_services)) await db.deleteFrom('desk_contacts').where('service_id', 'in', part).execute();
  for (const table of ['desk_schedules', 'desk_phones', 'desk_contacts', 'desk_locations'] as const) {
    for (const part of chunks(organisationIds)) await db.deleteFrom(table).where('organisation_id', 'in', part).execute();
    for (const part of chunks(ids[table])) await db.deleteFrom(table).where('id', 'in', part).execute();
  }
}

export async function insertLocations(db: Queryable, rows: readonly DeskLocationsTable[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('desk_locations').values(part).execute();
}
export async function insertContacts(db: Queryable, rows: readonly DeskContactsTable[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('desk_contacts').values(part).execute();
}
export async function insertPhones(db: Queryable, rows: readonly DeskPhonesTable[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('desk_phones').values(part).execute();
}
export async function insertSchedules(db: Queryable, rows: readonly DeskSchedulesTable[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('desk_schedules').values(part).execute();
}
export async function insertServiceAtLocations(db: Queryable, rows: readonly DeskServiceAtLocationTable[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('desk_service_at_location').values(part).execute();
}

// For the other parts of the desk: organisations to choose from and to send mail to

export function selectPublishedOrganisationNames(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_organisations')
    .select(['id', 'name'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function selectOrganisationRef(db: Queryable, organisationId: string) {
  return db.selectFrom('desk_organisations').select(['id', 'name', 'region_slug', 'status']).where('id', '=', organisationId).executeTakeFirst();
}

export async function selectRepresentativeEmails(db: Queryable, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('desk_organisation_representatives as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.email')
    .where('r.organisation_id', '=', organisationId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.email')
    .execute();
  return rows.map((r) => r.email);
}

// For the region overview, the moderation queue and reports

const count = sql<string | number>`count(*)`;

export function countPublishedOrganisations(db: Queryable): Promise<Map<string, number>> {
  return countsByRegion(db.selectFrom('desk_organisations').select(['region_slug', count.as('n')]).where('status', '=', 'published').groupBy('region_slug').execute());
}

export function pendingOrganisations(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_organisations')
    .select(['id', 'name', 'kind', 'created_at'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countPendingOrganisations(db: Queryable, regionSlug: string): Promise<number> {
  const row = await db.selectFrom('desk_organisations').select(count.as('n')).where('region_slug', '=', regionSlug).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A published organisation of the region, for a visitor's report. */
export async function reportableOrganisation(db: Queryable, regionSlug: string, id: string): Promise<ReportableItem | undefined> {
  const row = await db
    .selectFrom('desk_organisations')
    .select('name')
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row && { title: row.name };
}

/** An active service of a published organisation of the region, for a visitor's report. */
export async function reportableService(db: Queryable, regionSlug: string, id: string): Promise<ReportableItem | undefined> {
  const row = await db
    .selectFrom('desk_services as s')
    .innerJoin('desk_organisations as o', 'o.id', 's.organisation_id')
    .select('s.name')
    .where('s.id', '=', id)
    .where('o.region_slug', '=', regionSlug)
    .where('o.status', '=', 'published')
    .where('s.status', '=', 'active')
    .executeTakeFirst();
  return row && { title: row.name };
}
