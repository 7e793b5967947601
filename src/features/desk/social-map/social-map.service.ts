import type { Kysely } from 'kysely';
import type { AppDeps } from '../../../platform/app-deps.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { newId } from '../../../platform/auth/tokens.js';
import type { Database, Queryable } from '../../../platform/db/database.js';
import type { Tx } from '../../../platform/db/transaction.js';
import { isCoordinatorOf, isRepresentativeOf } from '../shared/access.repo.js';
import { touchDesk } from '../shared/changes.js';
import * as publication from '../shared/publication.js';
import {
  countRows,
  parseHsdsImport,
  placeKey,
  SocialMapIndex,
  toHsdsDocument,
  hsdsPage,
  organisationCore,
  serviceCore,
  type HsdsOrganization,
  type HsdsOrganizationCore,
  type HsdsPage,
  type HsdsService,
  type HsdsServiceCore,
  type IdKind,
  type ImportCounts,
  type ImportProblem,
  type OrganisationData,
  type ServiceData,
  type SocialMapRows,
} from './hsds.js';
import { deskRegion, type Region } from '../shared/region.js';
import type { ContactInput, EditOrganisationInput, LocationInput, OrganisationInput, PhoneInput, ScheduleInput, ServiceInput } from './social-map.schemas.js';
import { PAGE_SIZE } from './social-map.schemas.js';
import * as repo from './social-map.repo.js';
import type { DeskLocationsTable, DeskSchedulesTable } from './social-map.tables.js';

export type { OrganisationStatus } from './social-map.repo.js';
export type Organisation = OrganisationData & { readonly status: repo.OrganisationStatus; readonly version: number; readonly regionSlug: string };

// Who sees what

export interface Viewer {
  readonly userId: string | null;
}

export interface OrganisationAccess {
  readonly isCoordinator: boolean;
  readonly isRepresentative: boolean;
  readonly canEdit: boolean;
}

export async function accessTo(db: Queryable, regionSlug: string, organisationId: string, userId: string | null): Promise<OrganisationAccess> {
  if (!userId) return { isCoordinator: false, isRepresentative: false, canEdit: false };
  const [isCoordinator, isRepresentative] = await Promise.all([isCoordinatorOf(db, regionSlug, userId), isRepresentativeOf(db, organisationId, userId)]);
  return { isCoordinator, isRepresentative, canEdit: isCoordinator || isRepresentative };
}

function toOrganisation(row: NonNullable<Awaited<ReturnType<typeof repo.selectOrganisation>>>): Organisation {
  return {
    id: row.id,
    name: row.name,
    alternate_name: row.alternate_name,
    description: row.description,
    email: row.email,
    website: row.website,
    kind: row.kind as Organisation['kind'],
    status: row.status,
    version: Number(row.version),
    regionSlug: row.region_slug,
  };
}

/** The organisation when it belongs to the region; undefined otherwise (the route answers 404). */
export async function findOrganisation(db: Queryable, regionSlug: string, organisationId: string): Promise<Organisation | undefined> {
  const row = await repo.selectOrganisation(db, organisationId);
  return row && row.region_slug === regionSlug ? toOrganisation(row) : undefined;
}

// The public list

export interface OrganisationList {
  readonly items: readonly Organisation[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

export async function listPublished(db: Queryable, regionSlug: string, query: { q: string; kind?: string; page: number }): Promise<OrganisationList> {
  const filter = { regionSlug, statuses: ['published'] as const, q: query.q || undefined, kind: query.kind };
  const total = await repo.countOrganisations(db, filter);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = await repo.selectOrganisations(db, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  return { items: rows.map(toOrganisation), total, page, pages };
}

/** Every organisation of the region with its status, for the coordinator. */
export async function listAll(db: Queryable, regionSlug: string): Promise<Organisation[]> {
  const filter = { regionSlug, statuses: ['pending', 'published', 'hidden'] as const };
  return (await repo.selectOrganisations(db, filter, 10_000, 0)).map(toOrganisation);
}

// One organisation, one service

export interface OrganisationDetail {
  readonly organisation: Organisation;
  readonly rows: SocialMapRows;
  readonly index: SocialMapIndex;
  readonly access: OrganisationAccess;
}

/**
 * An organisation with everything it has, when the viewer may see it: published ones for everyone,
 * pending and hidden ones only for the region's coordinators and the organisation's representatives.
 */
export async function organisationDetail(db: Queryable, regionSlug: string, organisationId: string, viewer: Viewer): Promise<OrganisationDetail | undefined> {
  const organisation = await findOrganisation(db, regionSlug, organisationId);
  if (!organisation) return undefined;
  const access = await accessTo(db, regionSlug, organisationId, viewer.userId);
  if (organisation.status !== 'published' && !access.canEdit) return undefined;
  const rows = await repo.selectRows(db, { organisationId });
  return { organisation, rows, index: new SocialMapIndex(rows), access };
}

export async function serviceDetail(
  db: Queryable,
  regionSlug: string,
  serviceId: string,
  viewer: Viewer,
): Promise<(OrganisationDetail & { service: ServiceData & { version: number } }) | undefined> {
  const row = await repo.selectService(db, serviceId);
  if (!row) return undefined;
  const detail = await organisationDetail(db, regionSlug, row.organisation_id, viewer);
  const service = detail?.rows.services.find((s) => s.id === serviceId);
  if (!detail || !service) return undefined;
  return { ...detail, service: { ...service, version: Number(row.version) } };
}

// Proposing, creating, publishing

export async function proposeOrganisation(tx: Tx, regionSlug: string, userId: string, input: OrganisationInput, now: Date): Promise<{ id: string; status: repo.OrganisationStatus }> {
  const isCoordinator = await isCoordinatorOf(tx.db, regionSlug, userId);
  const id = newId();
  const at = now.toISOString();
  const status = isCoordinator ? 'published' : 'pending';
  await repo.insertOrganisation(tx.db, {
    id,
    region_slug: regionSlug,
    name: input.name,
    alternate_name: input.alternateName,
    description: input.description,
    email: input.email,
    website: input.website,
    kind: input.kind,
    status,
    created_by: userId,
    created_at: at,
    updated_by: userId,
    updated_at: at,
    version: 1,
  });
  // Whoever proposes an organisation looks after it until the coordinator appoints others.
  if (!isCoordinator) await repo.insertRepresentative(tx.db, id, userId, null, at);
  await touchDesk(tx.db, regionSlug, now, [{ kind: 'organisation', id }]);
  return { id, status };
}

/**
 * Makes an organisation of the region public, from pending or hidden (the coordinator on its own page).
 * False when it is not of this region; true, changing nothing, when it is public already.
 */
export async function publishOrganisation(db: Queryable, regionSlug: string, organisationId: string, actorId: string | null, now: Date, ip: string | null = null): Promise<boolean> {
  const status = await publication.statusOf(db, 'organisation', regionSlug, organisationId);
  if (status === undefined) return false;
  if (status === 'published') return true;
  const request = { regionSlug, kind: 'organisation', id: organisationId, actorId, ip } as const;
  const result = status === 'hidden' ? await publication.restore(db, request, now) : await publication.publish(db, request, now);
  return result !== 'notFound';
}

/** Takes an organisation of the region off the public map; its representatives and the coordinator still see it. Same contract as publishOrganisation. */
export async function hideOrganisation(db: Queryable, regionSlug: string, organisationId: string, actorId: string | null, now: Date, ip: string | null = null): Promise<boolean> {
  const status = await publication.statusOf(db, 'organisation', regionSlug, organisationId);
  if (status === undefined) return false;
  if (status === 'hidden') return true;
  const result = await publication.hide(db, { regionSlug, kind: 'organisation', id: organisationId, actorId, ip }, now, { from: [status] });
  return result !== 'notFound';
}

// Editing the organisation

export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'notFound' } | { readonly ok: false; readonly reason: 'conflict'; readonly current: Organisation };

function phoneRows(organisationId: string, ownerKind: 'organisation' | 'contact', ownerId: string, phones: readonly PhoneInput[]) {
  return phones.map((p) => ({ id: newId(), organisation_id: organisationId, owner_kind: ownerKind, owner_id: ownerId, number: p.number, description: p.description }));
}

export async function saveOrganisation(
  tx: Tx,
  regionSlug: string,
  organisationId: string,
  userId: string,
  input: EditOrganisationInput,
  phones: readonly PhoneInput[],
  now: Date,
): Promise<SaveResult> {
  const current = await findOrganisation(tx.db, regionSlug, organisationId);
  if (!current) return { ok: false, reason: 'notFound' };
  const saved = await repo.updateOrganisation(tx.db, organisationId, input.version, {
    name: input.name,
    alternate_name: input.alternateName,
    description: input.description,
    email: input.email,
    website: input.website,
    kind: input.kind,
    updated_by: userId,
    updated_at: now.toISOString(),
  });
  if (!saved) return { ok: false, reason: 'conflict', current };
  await repo.replacePhones(tx.db, 'organisation', organisationId, phoneRows(organisationId, 'organisation', organisationId, phones));
  await touchDesk(tx.db, regionSlug, now, [{ kind: 'organisation', id: organisationId }]);
  return { ok: true };
}

// Opening hours from the form

function scheduleRows(organisationId: string, ownerKind: DeskSchedulesTable['owner_kind'], ownerId: string, input: ScheduleInput): DeskSchedulesTable[] {
  const rows: DeskSchedulesTable[] = input.rows.map((r) => ({
    id: newId(),
    organisation_id: organisationId,
    owner_kind: ownerKind,
    owner_id: ownerId,
    byday: r.byday,
    opens_at: r.opensAt,
    closes_at: r.closesAt,
    description: null,
  }));
  if (input.note) {
    rows.push({ id: newId(), organisation_id: organisationId, owner_kind: ownerKind, owner_id: ownerId, byday: null, opens_at: null, closes_at: null, description: input.note });
  }
  return rows;
}

// Services

export type ServiceSaveResult =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly reason: 'notFound' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: ServiceData & { version: number } };

async function serviceOf(db: Queryable, organisationId: string, serviceId: string) {
  const row = await repo.selectService(db, serviceId);
  return row && row.organisation_id === organisationId ? row : undefined;
}

async function locationIdsOf(db: Queryable, organisationId: string): Promise<Set<string>> {
  const rows = await repo.selectRows(db, { organisationId });
  return new Set(rows.locations.map((l) => l.id));
}

export async function saveService(
  tx: Tx,
  regionSlug: string,
  organisationId: string,
  serviceId: string | null,
  userId: string,
  input: ServiceInput & { version?: number },
  where: readonly string[],
  schedule: ScheduleInput,
  now: Date,
): Promise<ServiceSaveResult> {
  if (!(await findOrganisation(tx.db, regionSlug, organisationId))) return { ok: false, reason: 'notFound' };
  const at = now.toISOString();
  const values = {
    name: input.name,
    description: input.description,
    for_whom: input.forWhom,
    how_to_apply: input.howToApply,
    cost: input.cost,
    email: input.email,
    website: input.website,
    status: input.status,
  };
  let id: string;
  if (serviceId === null) {
    id = newId();
    await repo.insertService(tx.db, { id, organisation_id: organisationId, ...values, created_by: userId, created_at: at, updated_by: userId, updated_at: at, version: 1 });
  } else {
    const current = await serviceOf(tx.db, organisationId, serviceId);
    if (!current) return { ok: false, reason: 'notFound' };
    const saved = await repo.updateService(tx.db, serviceId, input.version ?? 0, { ...values, updated_by: userId, updated_at: at });
    if (!saved) {
      const { created_by: _a, created_at: _b, updated_by: _c, updated_at: _d, ...data } = current;
      return { ok: false, reason: 'conflict', current: { ...data, version: Number(current.version) } };
    }
    id = serviceId;
  }
  const allowed = await locationIdsOf(tx.db, organisationId);
  await repo.replaceServiceLocations(
    tx.db,
    id,
    where.filter((l) => allowed.has(l)),
    newId,
  );
  await repo.replaceSchedules(tx.db, 'service', id, scheduleRows(organisationId, 'service', id, schedule));
  await touchDesk(tx.db, regionSlug, now, [{ kind: 'service', id }]);
  return { ok: true, id };
}

export async function deleteService(tx: Tx, regionSlug: string, organisationId: string, serviceId: string, now: Date): Promise<boolean> {
  if (!(await findOrganisation(tx.db, regionSlug, organisationId)) || !(await serviceOf(tx.db, organisationId, serviceId))) return false;
  await repo.deleteService(tx.db, serviceId);
  await touchDesk(tx.db, regionSlug, now, [{ kind: 'service', id: serviceId }]);
  return true;
}

// Locations

export async function findLocation(db: Queryable, organisationId: string, locationId: string): Promise<DeskLocationsTable | undefined> {
  const row = await repo.selectLocation(db, locationId);
  return row && row.organisation_id === organisationId ? row : undefined;
}

export async function saveLocation(
  tx: Tx,
  regionSlug: string,
  organisationId: string,
  locationId: string | null,
  input: LocationInput,
  schedule: ScheduleInput,
  now: Date,
): Promise<{ ok: true; id: string } | { ok: false }> {
  if (!(await findOrganisation(tx.db, regionSlug, organisationId))) return { ok: false };
  const values = {
    location_type: input.locationType,
    name: input.name,
    description: input.description,
    address: input.locationType === 'virtual' ? null : input.address,
    postal_code: input.locationType === 'virtual' ? null : input.postalCode,
    city: input.locationType === 'virtual' ? null : input.city,
    url: input.url,
  };
  let id: string;
  if (locationId === null) {
    id = newId();
    await repo.insertLocation(tx.db, { id, organisation_id: organisationId, ...values, latitude: null, longitude: null });
  } else {
    const current = await findLocation(tx.db, organisationId, locationId);
    if (!current) return { ok: false };
    await repo.updateLocation(tx.db, locationId, { ...values, latitude: current.latitude, longitude: current.longitude });
    id = locationId;
  }
  await repo.replaceSchedules(tx.db, 'location', id, scheduleRows(organisationId, 'location', id, schedule));
  await touchDesk(tx.db, regionSlug, now);
  return { ok: true, id };
}

export async function deleteLocation(tx: Tx, regionSlug: string, organisationId: string, locationId: string, now: Date): Promise<boolean> {
  if (!(await findOrganisation(tx.db, regionSlug, organisationId)) || !(await findLocation(tx.db, organisationId, locationId))) return false;
  await repo.deleteLocation(tx.db, locationId);
  await touchDesk(tx.db, regionSlug, now);
  return true;
}

// Contacts

export async function findContact(db: Queryable, organisationId: string, contactId: string) {
  const row = await repo.selectContact(db, contactId);
  return row && row.organisation_id === organisationId ? row : undefined;
}

export async function saveContact(
  tx: Tx,
  regionSlug: string,
  organisationId: string,
  contactId: string | null,
  input: ContactInput,
  phones: readonly PhoneInput[],
  now: Date,
): Promise<{ ok: true; id: string } | { ok: false; reason: 'notFound' | 'service' }> {
  if (!(await findOrganisation(tx.db, regionSlug, organisationId))) return { ok: false, reason: 'notFound' };
  if (input.serviceId !== null && !(await serviceOf(tx.db, organisationId, input.serviceId))) return { ok: false, reason: 'service' };
  const values = { service_id: input.serviceId, name: input.name, title: input.title, email: input.email };
  let id: string;
  if (contactId === null) {
    id = newId();
    await repo.insertContact(tx.db, { id, organisation_id: organisationId, ...values });
  } else {
    if (!(await findContact(tx.db, organisationId, contactId))) return { ok: false, reason: 'notFound' };
    await repo.updateContact(tx.db, contactId, values);
    id = contactId;
  }
  await repo.replacePhones(tx.db, 'contact', id, phoneRows(organisationId, 'contact', id, phones));
  await touchDesk(tx.db, regionSlug, now);
  return { ok: true, id };
}

export async function deleteContact(tx: Tx, regionSlug: string, organisationId: string, contactId: string, now: Date): Promise<boolean> {
  if (!(await findOrganisation(tx.db, regionSlug, organisationId)) || !(await findContact(tx.db, organisationId, contactId))) return false;
  await repo.deleteContact(tx.db, contactId);
  await touchDesk(tx.db, regionSlug, now);
  return true;
}

// Representatives (appointed by the coordinator, audited)

export function listRepresentatives(db: Queryable, organisationId: string) {
  return repo.selectRepresentatives(db, organisationId);
}

export type AppointResult = { ok: true } | { ok: false; reason: 'unknownEmail' | 'already' };

export async function appointRepresentative(
  tx: Tx,
  deps: Pick<AppDeps, 'mailer' | 'config'>,
  region: Region,
  organisation: Organisation,
  email: string,
  actorId: string,
  ip: string | null,
  now: Date,
  mail: { subject: string; text: string },
): Promise<AppointResult> {
  const user = await repo.selectUserByEmail(tx.db, email);
  if (!user || user.disabled_at !== null) return { ok: false, reason: 'unknownEmail' };
  if (!(await repo.insertRepresentative(tx.db, organisation.id, user.id, actorId, now.toISOString()))) return { ok: false, reason: 'already' };
  await recordAudit(tx.db, { actorId, event: 'desk.representative_appointed', target: organisation.id, detail: { region: region.slug, userId: user.id }, ip }, now);
  tx.afterCommit(() => deps.mailer.send({ to: user.email, subject: mail.subject, text: mail.text }));
  return { ok: true };
}

export async function removeRepresentative(tx: Tx, region: Region, organisationId: string, userId: string, actorId: string, ip: string | null, now: Date): Promise<boolean> {
  if (!(await repo.deleteRepresentative(tx.db, organisationId, userId))) return false;
  await recordAudit(tx.db, { actorId, event: 'desk.representative_removed', target: organisationId, detail: { region: region.slug, userId }, ip }, now);
  return true;
}

// HSDS import and export

export type ImportOutcome =
  | { readonly ok: true; readonly counts: ImportCounts; readonly created: number; readonly updated: number }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

const TABLE_OF: Record<IdKind, repo.ImportTable> = {
  organisation: 'desk_organisations',
  service: 'desk_services',
  location: 'desk_locations',
  contact: 'desk_contacts',
  phone: 'desk_phones',
  schedule: 'desk_schedules',
  serviceAtLocation: 'desk_service_at_location',
};

/**
 * Imports an HSDS 3.0 document (see hsds.ts) into a region's social map, all or nothing. Each
 * organisation in the file replaces what the map had for it (same ids: the same records are updated);
 * new organisations are published at once, existing ones keep their status. An id that belongs to
 * another region is a problem for its record. Also used by scripts/desk-import.ts and benchmarks.
 */
export async function importSocialMap(db: Kysely<Database>, regionSlug: string, text: string, actorId: string | null, now: Date): Promise<ImportOutcome> {
  if (!(await deskRegion(db, regionSlug))) return { ok: false, problems: [{ message: 'desk.socialMap.import.problem.unknownRegion', vars: { region: regionSlug } }] };
  const parsed = parseHsdsImport(text);
  if (!parsed.ok) return parsed;
  const { rows, placeOf } = parsed;
  const ids = {
    desk_organisations: rows.organisations.map((r) => r.id),
    desk_services: rows.services.map((r) => r.id),
    desk_locations: rows.locations.map((r) => r.id),
    desk_contacts: rows.contacts.map((r) => r.id),
    desk_phones: rows.phones.map((r) => r.id),
    desk_schedules: rows.schedules.map((r) => r.id),
    desk_service_at_location: rows.serviceAtLocations.map((r) => r.id),
  };
  const at = now.toISOString();
  return db.transaction().execute(async (trx): Promise<ImportOutcome> => {
    const problems: ImportProblem[] = [];
    for (const [kind, table] of Object.entries(TABLE_OF) as [IdKind, repo.ImportTable][]) {
      for (const id of await repo.idsInOtherRegions(trx, table, ids[table], regionSlug)) {
        const place = placeOf(placeKey(kind, id));
        problems.push({ ...place, message: 'desk.socialMap.import.problem.otherRegion', vars: { field: 'id', id } });
      }
    }
    if (problems.length > 0) {
      problems.sort((a, b) => (a.record ?? 0) - (b.record ?? 0) || (a.partLine ?? a.line ?? 0) - (b.partLine ?? b.line ?? 0));
      return { ok: false, problems };
    }
    const existing = await repo.selectExistingOrganisationIds(trx, ids.desk_organisations);
    await repo.upsertOrganisations(
      trx,
      rows.organisations.map((o) => ({
        ...o,
        region_slug: regionSlug,
        status: 'published' as const,
        created_by: actorId,
        created_at: at,
        updated_by: actorId,
        updated_at: at,
        version: 1,
      })),
    );
    await repo.deletePartsOf(trx, ids.desk_organisations, ids);
    const keep = new Set(ids.desk_services);
    await repo.deleteServicesByIds(
      trx,
      (await repo.selectServiceIdsOf(trx, ids.desk_organisations)).filter((id) => !keep.has(id)),
    );
    await repo.upsertServices(
      trx,
      rows.services.map((s) => ({ ...s, created_by: actorId, created_at: at, updated_by: actorId, updated_at: at, version: 1 })),
    );
    await repo.insertLocations(trx, rows.locations);
    await repo.insertContacts(trx, rows.contacts);
    await repo.insertServiceAtLocations(trx, rows.serviceAtLocations);
    await repo.insertPhones(trx, rows.phones);
    await repo.insertSchedules(trx, rows.schedules);
    // An import can touch thousands of items: the region's documents are written again as a whole.
    await touchDesk(trx, regionSlug, now, [{ kind: 'all' }]);
    const counts = countRows(rows);
    const created = rows.organisations.filter((o) => !existing.has(o.id)).length;
    const updated = rows.organisations.length - created;
    await recordAudit(trx, { actorId, event: 'desk.social_map_imported', target: regionSlug, detail: { ...counts, created, updated } }, now);
    return { ok: true, counts, created, updated };
  });
}

/** The last import of a region, as the audit log recorded it. */
export async function lastImport(db: Queryable, regionSlug: string): Promise<{ at: string; counts: ImportCounts; created: number; updated: number } | undefined> {
  const row = await repo.selectLastImport(db, regionSlug);
  if (!row?.detail) return undefined;
  try {
    const detail = JSON.parse(row.detail) as ImportCounts & { created: number; updated: number };
    const { created, updated, ...counts } = detail;
    return { at: row.occurred_at, counts, created: Number(created), updated: Number(updated) };
  } catch {
    return undefined;
  }
}

/** The region's published social map as an HSDS 3.0 document; importing it gives the same map. */
export async function exportSocialMap(db: Queryable, regionSlug: string): Promise<{ organizations: HsdsOrganization[] }> {
  return toHsdsDocument(await repo.selectRows(db, { regionSlug, statuses: ['published'] }));
}

// The public API (HSDS 3.0 API: /services, /services/{id}, /organizations, /organizations/{id})

export const API_MAX_PER_PAGE = 100;
export const API_DEFAULT_PER_PAGE = 50;

export interface ApiQuery {
  readonly search: string;
  readonly page: number;
  readonly perPage: number;
}

export async function apiServices(db: Queryable, regionSlug: string, query: ApiQuery): Promise<HsdsPage<HsdsServiceCore & { organization: HsdsOrganizationCore }>> {
  const filter = { regionSlug, search: query.search || undefined };
  const total = await repo.countServices(db, filter);
  const services = await repo.selectServicesPage(db, filter, query.perPage, (query.page - 1) * query.perPage);
  const organisations = new Map((await repo.selectOrganisationsByIds(db, services.map((s) => s.organisation_id))).map((o) => [o.id, o]));
  const contents = services.flatMap((s) => {
    const organisation = organisations.get(s.organisation_id);
    return organisation ? [{ ...serviceCore(s), organization: organisationCore(organisation) }] : [];
  });
  return hsdsPage(contents, total, query.page, query.perPage);
}

export async function apiService(db: Queryable, regionSlug: string, serviceId: string): Promise<HsdsService | undefined> {
  const detail = await serviceDetail(db, regionSlug, serviceId, { userId: null });
  if (!detail) return undefined;
  return detail.index.service(detail.service, { withLocations: true, organisation: detail.organisation });
}

export async function apiOrganizations(db: Queryable, regionSlug: string, query: ApiQuery): Promise<HsdsPage<HsdsOrganizationCore>> {
  const filter = { regionSlug, statuses: ['published'] as const, q: query.search || undefined };
  const total = await repo.countOrganisations(db, filter);
  const rows = await repo.selectOrganisations(db, filter, query.perPage, (query.page - 1) * query.perPage);
  return hsdsPage(rows.map((r) => organisationCore(toOrganisation(r))), total, query.page, query.perPage);
}

export async function apiOrganization(db: Queryable, regionSlug: string, organisationId: string): Promise<HsdsOrganization | undefined> {
  const detail = await organisationDetail(db, regionSlug, organisationId, { userId: null });
  return detail ? detail.index.organisation(detail.organisation) : undefined;
}

// For the other parts of the desk

export interface OrganisationRef {
  readonly id: string;
  readonly name: string;
  readonly regionSlug: string;
  readonly status: repo.OrganisationStatus;
}

/** The published organisations of a region A–Z, to choose from (routing a question, a group's organisation). */
export function publishedOrganisationNames(db: Queryable, regionSlug: string): Promise<{ id: string; name: string }[]> {
  return repo.selectPublishedOrganisationNames(db, regionSlug);
}

/** An organisation's name, region and status, whatever its status; undefined when there is none. */
export async function organisationRef(db: Queryable, organisationId: string): Promise<OrganisationRef | undefined> {
  const row = await repo.selectOrganisationRef(db, organisationId);
  return row && { id: row.id, name: row.name, regionSlug: row.region_slug, status: row.status };
}

/** The e-mail addresses of an organisation's representatives whose account is not disabled. */
export const representativeEmails = repo.selectRepresentativeEmails;

// For the region overview, the moderation queue and reports

/** The number of published organisations per region. */
export const publishedOrganisationCounts = repo.countPublishedOrganisations;
/** The proposed organisations of a region that wait for the coordinator, oldest first. */
export const pendingOrganisations = repo.pendingOrganisations;
export const pendingOrganisationCount = repo.countPendingOrganisations;
export const reportableOrganisation = repo.reportableOrganisation;
export const reportableService = repo.reportableService;
