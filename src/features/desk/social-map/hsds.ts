import { z } from 'zod';
import type { Translate } from '../../../platform/i18n/i18n.js';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../shared/region.js';
import type { DeskContactsTable, DeskLocationsTable, DeskPhonesTable, DeskSchedulesTable, DeskServiceAtLocationTable } from './social-map.tables.js';

// The social map in Open Referral's Human Services Data Specification (HSDS) 3.0: mapping between our
// tables and HSDS JSON objects, and validation of an uploaded file. Pure: no database, no I/O.
//
// What HSDS 3.0 requires (the JSON schemas in the openreferral/specification repository, schema/*.json,
// "required" lists; looked up for this module):
//   organization: id, name, description            service: id, name, status (tabular: organization_id)
//   location: id, location_type                      address: id, address_1, city, state_province,
//   phone: id, number                                         postal_code, country, address_type
//   contact: id      schedule: id      service_at_location: id (tabular: service_id, location_id)
// service.status is one of active, inactive, defunct, temporarily closed; location_type one of physical,
// postal, virtual; schedule.byday is iCal (RFC 5545) "MO,TU", opens_at/closes_at "HH:MM". The HSDS 3.0 API
// answers lists in a page envelope: total_items, total_pages, page_number, size, first_page, last_page,
// empty, contents.
//
// Choices of this desk (HSDS leaves them open):
// - Organisations have a kind (our filter); HSDS has none. It travels in the extension field
//   "x_organisation_kind" (one of ORGANISATION_KINDS); absent means 'overig'.
// - A location has at most one address; its id is the location's id, country is 'NL' and state_province
//   is empty (we do not keep provinces). address_2 and other fields we do not keep are ignored.
// - Times are local Dutch time, kept as 'HH:MM' (seconds and a time zone suffix are dropped on import).
// - Only the fields mapped below are kept; other HSDS fields (languages, attributes, taxonomies, ...) are
//   ignored on import and absent on export.
// - On import service.status may be absent (then 'active'); every id is required, as HSDS asks.

export const HSDS_VERSION = '3.0';
export const KIND_EXTENSION = 'x_organisation_kind';

/** HSDS 3.0's required fields per object type; the tests check every object we answer with against this. */
export const HSDS_REQUIRED_FIELDS = {
  organization: ['id', 'name', 'description'],
  service: ['id', 'name', 'status'],
  location: ['id', 'location_type'],
  address: ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
  phone: ['id', 'number'],
  contact: ['id'],
  schedule: ['id'],
  service_at_location: ['id'],
} as const satisfies Record<string, readonly string[]>;

/** The fields of the HSDS 3.0 API's paginated envelope. */
export const HSDS_PAGE_FIELDS = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'] as const;

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const LIMITS = {
  id: 100,
  name: 200,
  description: 5000,
  text: 2000,
  short: 200,
  email: 254,
  url: 500,
  phone: 40,
} as const;

// Rows (the shapes of our tables without the bookkeeping columns)

export interface OrganisationData {
  readonly id: string;
  readonly name: string;
  readonly alternate_name: string | null;
  readonly description: string;
  readonly email: string | null;
  readonly website: string | null;
  readonly kind: OrganisationKind;
}

export interface ServiceData {
  readonly id: string;
  readonly organisation_id: string;
  readonly name: string;
  readonly description: string;
  readonly for_whom: string;
  readonly how_to_apply: string;
  readonly cost: string;
  readonly email: string | null;
  readonly website: string | null;
  readonly status: ServiceStatus;
}

export type LocationRow = DeskLocationsTable;
export type ContactRow = DeskContactsTable;
export type PhoneRow = DeskPhonesTable;
export type ScheduleRow = DeskSchedulesTable;
export type ServiceAtLocationRow = DeskServiceAtLocationTable;

/** Everything of some organisations, as rows. */
export interface SocialMapRows {
  readonly organisations: readonly OrganisationData[];
  readonly services: readonly ServiceData[];
  readonly locations: readonly LocationRow[];
  readonly contacts: readonly ContactRow[];
  readonly phones: readonly PhoneRow[];
  readonly schedules: readonly ScheduleRow[];
  readonly serviceAtLocations: readonly ServiceAtLocationRow[];
}

export type ImportCounts = { readonly [K in keyof SocialMapRows]: number };

export function countRows(rows: SocialMapRows): ImportCounts {
  return {
    organisations: rows.organisations.length,
    services: rows.services.length,
    locations: rows.locations.length,
    contacts: rows.contacts.length,
    phones: rows.phones.length,
    schedules: rows.schedules.length,
    serviceAtLocations: rows.serviceAtLocations.length,
  };
}

// Small helpers shared with the forms

/** 'HH:MM' (24 hours). */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const HSDS_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const BYDAY_PART = /^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const PHONE_PATTERN = /^[+0-9 ()./-]+$/;

export function isByday(value: string): boolean {
  return value.split(',').every((part) => BYDAY_PART.test(part));
}

/** The href of a tel: link: only digits and a leading plus. */
export function telHref(number: string): string {
  const trimmed = number.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

// HSDS objects (what we export, and what an import may contain)

export interface HsdsPhone {
  id: string;
  organization_id?: string | null;
  service_id?: string | null;
  location_id?: string | null;
  contact_id?: string | null;
  number: string;
  description: string | null;
}

export interface HsdsSchedule {
  id: string;
  service_id?: string | null;
  location_id?: string | null;
  service_at_location_id?: string | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  description: string | null;
}

export interface HsdsContact {
  id: string;
  organization_id: string;
  service_id: string | null;
  name: string | null;
  title: string | null;
  email: string | null;
  phones: HsdsPhone[];
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: string;
}

export interface HsdsLocation {
  id: string;
  organization_id: string;
  location_type: LocationType;
  name: string | null;
  description: string | null;
  url: string | null;
  latitude: number | null;
  longitude: number | null;
  addresses: HsdsAddress[];
  phones: HsdsPhone[];
  schedules: HsdsSchedule[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
  schedules: HsdsSchedule[];
  location?: HsdsLocation;
}

export interface HsdsOrganizationCore {
  id: string;
  name: string;
  alternate_name: string | null;
  description: string;
  email: string | null;
  website: string | null;
  [KIND_EXTENSION]: OrganisationKind;
}

export interface HsdsServiceCore {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  eligibility_description: string | null;
  application_process: string | null;
  fees_description: string | null;
  email: string | null;
  url: string | null;
  status: ServiceStatus;
}

export interface HsdsService extends HsdsServiceCore {
  phones: HsdsPhone[];
  schedules: HsdsSchedule[];
  contacts: HsdsContact[];
  service_at_locations: HsdsServiceAtLocation[];
  organization?: HsdsOrganizationCore;
}

export interface HsdsOrganization extends HsdsOrganizationCore {
  phones: HsdsPhone[];
  contacts: HsdsContact[];
  locations: HsdsLocation[];
  services: HsdsService[];
}

export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function hsdsPage<T>(contents: T[], totalItems: number, pageNumber: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(totalItems / perPage));
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

// Rows → HSDS (export and API)

const byNameThenId = <T extends { id: string }>(name: (item: T) => string | null) => (a: T, b: T) => {
  const an = name(a) ?? '';
  const bn = name(b) ?? '';
  return an < bn ? -1 : an > bn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function organisationCore(o: OrganisationData): HsdsOrganizationCore {
  return {
    id: o.id,
    name: o.name,
    alternate_name: o.alternate_name,
    description: o.description,
    email: o.email,
    website: o.website,
    [KIND_EXTENSION]: o.kind,
  };
}

export function serviceCore(s: ServiceData): HsdsServiceCore {
  return {
    id: s.id,
    organization_id: s.organisation_id,
    name: s.name,
    description: blankToNull(s.description),
    eligibility_description: blankToNull(s.for_whom),
    application_process: blankToNull(s.how_to_apply),
    fees_description: blankToNull(s.cost),
    email: s.email,
    url: s.website,
    status: s.status,
  };
}

/** Lookups of one set of rows by owner, built once. */
export class SocialMapIndex {
  readonly servicesByOrg: Map<string, ServiceData[]>;
  readonly locationsByOrg: Map<string, LocationRow[]>;
  readonly locationsById: Map<string, LocationRow>;
  readonly contactsByOrg: Map<string, ContactRow[]>;
  readonly phonesByOwner: Map<string, PhoneRow[]>;
  readonly schedulesByOwner: Map<string, ScheduleRow[]>;
  readonly salByService: Map<string, ServiceAtLocationRow[]>;

  constructor(readonly rows: SocialMapRows) {
    this.servicesByOrg = groupBy([...rows.services].sort(byNameThenId((s) => s.name)), (s) => s.organisation_id);
    this.locationsByOrg = groupBy([...rows.locations].sort(byNameThenId((l) => l.name)), (l) => l.organisation_id);
    this.locationsById = new Map(rows.locations.map((l) => [l.id, l]));
    this.contactsByOrg = groupBy([...rows.contacts].sort(byNameThenId((c) => c.name)), (c) => c.organisation_id);
    this.phonesByOwner = groupBy([...rows.phones].sort(byNameThenId(() => null)), (p) => `${p.owner_kind}:${p.owner_id}`);
    this.schedulesByOwner = groupBy([...rows.schedules].sort(scheduleOrder), (s) => `${s.owner_kind}:${s.owner_id}`);
    this.salByService = groupBy([...rows.serviceAtLocations].sort(byNameThenId(() => null)), (s) => s.service_id);
  }

  phones(kind: PhoneRow['owner_kind'], id: string): HsdsPhone[] {
    const field = kind === 'organisation' ? 'organization_id' : `${kind}_id`;
    return (this.phonesByOwner.get(`${kind}:${id}`) ?? []).map((p) => ({ id: p.id, [field]: id, number: p.number, description: p.description }));
  }

  schedules(kind: ScheduleRow['owner_kind'], id: string): HsdsSchedule[] {
    return (this.schedulesByOwner.get(`${kind}:${id}`) ?? []).map((s) => ({
      id: s.id,
      [`${kind}_id`]: id,
      byday: s.byday,
      opens_at: s.opens_at,
      closes_at: s.closes_at,
      description: s.description,
    }));
  }

  contact(c: ContactRow): HsdsContact {
    return {
      id: c.id,
      organization_id: c.organisation_id,
      service_id: c.service_id,
      name: c.name,
      title: c.title,
      email: c.email,
      phones: this.phones('contact', c.id),
    };
  }

  location(l: LocationRow): HsdsLocation {
    const hasAddress = l.address !== null || l.postal_code !== null || l.city !== null;
    return {
      id: l.id,
      organization_id: l.organisation_id,
      location_type: l.location_type,
      name: l.name,
      description: l.description,
      url: l.url,
      latitude: l.latitude === null ? null : Number(l.latitude),
      longitude: l.longitude === null ? null : Number(l.longitude),
      addresses: hasAddress
        ? [
            {
              id: l.id,
              location_id: l.id,
              address_1: l.address ?? '',
              city: l.city ?? '',
              state_province: '',
              postal_code: l.postal_code ?? '',
              country: 'NL',
              address_type: l.location_type === 'postal' ? 'postal' : 'physical',
            },
          ]
        : [],
      phones: this.phones('location', l.id),
      schedules: this.schedules('location', l.id),
    };
  }

  service(s: ServiceData, options: { withLocations?: boolean; organisation?: OrganisationData } = {}): HsdsService {
    const contacts = (this.contactsByOrg.get(s.organisation_id) ?? []).filter((c) => c.service_id === s.id);
    return {
      ...serviceCore(s),
      phones: this.phones('service', s.id),
      schedules: this.schedules('service', s.id),
      contacts: contacts.map((c) => this.contact(c)),
      service_at_locations: (this.salByService.get(s.id) ?? []).map((sal) => {
        const location = options.withLocations ? this.locationsById.get(sal.location_id) : undefined;
        return {
          id: sal.id,
          service_id: s.id,
          location_id: sal.location_id,
          description: sal.description,
          schedules: this.schedules('service_at_location', sal.id),
          ...(location ? { location: this.location(location) } : {}),
        };
      }),
      ...(options.organisation ? { organization: organisationCore(options.organisation) } : {}),
    };
  }

  organisation(o: OrganisationData): HsdsOrganization {
    return {
      ...organisationCore(o),
      phones: this.phones('organisation', o.id),
      contacts: (this.contactsByOrg.get(o.id) ?? []).filter((c) => c.service_id === null).map((c) => this.contact(c)),
      locations: (this.locationsByOrg.get(o.id) ?? []).map((l) => this.location(l)),
      services: (this.servicesByOrg.get(o.id) ?? []).map((s) => this.service(s)),
    };
  }
}

function scheduleOrder(a: ScheduleRow, b: ScheduleRow): number {
  const day = (s: ScheduleRow) => {
    const first = /MO|TU|WE|TH|FR|SA|SU/.exec(s.byday ?? '')?.[0] as Weekday | undefined;
    return first ? WEEKDAYS.indexOf(first) : 99;
  };
  return day(a) - day(b) || (a.opens_at ?? '').localeCompare(b.opens_at ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The export document: every organisation with everything it has, in HSDS 3.0 objects. */
export function toHsdsDocument(rows: SocialMapRows): { organizations: HsdsOrganization[] } {
  const index = new SocialMapIndex(rows);
  const organisations = [...rows.organisations].sort(byNameThenId((o) => o.name));
  return { organizations: organisations.map((o) => index.organisation(o)) };
}

// Import: validation with Zod, problems per record with line numbers

/** A problem in an uploaded file, in words a coordinator can act on (translated when shown). */
export interface ImportProblem {
  /** 1-based number of the organisation in the file; undefined for a problem with the whole file. */
  readonly record?: number;
  readonly line?: number;
  /** The nested object, e.g. "services[2]", with the line on which it starts. */
  readonly part?: string;
  readonly partLine?: number;
  readonly message: ImportProblemKey;
  readonly vars: Readonly<Record<string, string | number>>;
}

export const IMPORT_PROBLEM_KEYS = [
  'desk.socialMap.import.problem.empty',
  'desk.socialMap.import.problem.json',
  'desk.socialMap.import.problem.shape',
  'desk.socialMap.import.problem.noOrganisations',
  'desk.socialMap.import.problem.missing',
  'desk.socialMap.import.problem.blank',
  'desk.socialMap.import.problem.notText',
  'desk.socialMap.import.problem.notNumber',
  'desk.socialMap.import.problem.notList',
  'desk.socialMap.import.problem.notObject',
  'desk.socialMap.import.problem.tooLong',
  'desk.socialMap.import.problem.tooMany',
  'desk.socialMap.import.problem.outOfRange',
  'desk.socialMap.import.problem.notAllowed',
  'desk.socialMap.import.problem.email',
  'desk.socialMap.import.problem.url',
  'desk.socialMap.import.problem.id',
  'desk.socialMap.import.problem.time',
  'desk.socialMap.import.problem.byday',
  'desk.socialMap.import.problem.phone',
  'desk.socialMap.import.problem.invalid',
  'desk.socialMap.import.problem.duplicateId',
  'desk.socialMap.import.problem.wrongParent',
  'desk.socialMap.import.problem.unknownLocation',
  'desk.socialMap.import.problem.otherRegion',
  'desk.socialMap.import.problem.unknownRegion',
] as const satisfies readonly MessageKey[];
export type ImportProblemKey = (typeof IMPORT_PROBLEM_KEYS)[number];

const PROBLEM = (name: string) => `desk.socialMap.import.problem.${name}` as ImportProblemKey;
function isProblemKey(value: string): value is ImportProblemKey {
  return (IMPORT_PROBLEM_KEYS as readonly string[]).includes(value);
}

export function formatImportProblem(t: Translate, problem: ImportProblem): string {
  const detail = t(problem.message, problem.vars);
  if (problem.record === undefined) return problem.line === undefined ? detail : t('desk.socialMap.import.problem.atLine', { line: problem.line, detail });
  if (problem.part !== undefined) {
    return t('desk.socialMap.import.problem.inPart', {
      record: problem.record,
      line: problem.line ?? '?',
      part: problem.part,
      partLine: problem.partLine ?? '?',
      detail,
    });
  }
  return t('desk.socialMap.import.problem.inRecord', { record: problem.record, line: problem.line ?? '?', detail });
}

const trimmed = (max: number) => z.string().trim().max(max, PROBLEM('tooLong'));
const requiredText = (max: number) => z.string().trim().min(1, PROBLEM('blank')).max(max, PROBLEM('tooLong'));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, PROBLEM('tooLong'))
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));
const idField = z.string().trim().min(1, PROBLEM('blank')).max(LIMITS.id, PROBLEM('tooLong')).regex(ID_PATTERN, PROBLEM('id'));
const optionalId = idField.nullish().transform((v) => v ?? null);
const emailField = z
  .string()
  .trim()
  .max(LIMITS.email, PROBLEM('tooLong'))
  .pipe(z.union([z.literal(''), z.email(PROBLEM('email'))]))
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null));
const urlField = z
  .string()
  .trim()
  .max(LIMITS.url, PROBLEM('tooLong'))
  .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: PROBLEM('url') })]))
  .nullish()
  .transform((v) => (v ? v : null));
const timeField = z
  .string()
  .trim()
  .regex(HSDS_TIME_PATTERN, PROBLEM('time'))
  .nullish()
  .transform((v) => (v ? v.slice(0, 5) : null));
const bydayField = z
  .string()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine((v) => v === '' || isByday(v), PROBLEM('byday'))
  .nullish()
  .transform((v) => (v ? v : null));
const coordinate = (limit: number) =>
  z
    .number(PROBLEM('notNumber'))
    .min(-limit, PROBLEM('outOfRange'))
    .max(limit, PROBLEM('outOfRange'))
    .nullish()
    .transform((v) => v ?? null);
const list = <T extends z.ZodType>(item: T, max = 10_000) =>
  z
    .array(item)
    .max(max, PROBLEM('tooMany'))
    .nullish()
    .transform((v) => v ?? []);

const phoneSchema = z.object({
  id: idField,
  organization_id: optionalId,
  service_id: optionalId,
  location_id: optionalId,
  contact_id: optionalId,
  number: z.string().trim().min(1, PROBLEM('blank')).max(LIMITS.phone, PROBLEM('tooLong')).regex(PHONE_PATTERN, PROBLEM('phone')),
  description: optionalText(LIMITS.short),
});

const scheduleSchema = z.object({
  id: idField,
  service_id: optionalId,
  location_id: optionalId,
  service_at_location_id: optionalId,
  byday: bydayField,
  opens_at: timeField,
  closes_at: timeField,
  description: optionalText(LIMITS.text),
});

const contactSchema = z.object({
  id: idField,
  organization_id: optionalId,
  service_id: optionalId,
  name: optionalText(LIMITS.short),
  title: optionalText(LIMITS.short),
  email: emailField,
  phones: list(phoneSchema, 50),
});

const addressSchema = z.object({
  address_1: optionalText(LIMITS.short),
  city: optionalText(LIMITS.short),
  postal_code: optionalText(20),
});

const locationSchema = z.object({
  id: idField,
  organization_id: optionalId,
  location_type: z.enum(LOCATION_TYPES, PROBLEM('notAllowed')).nullish().transform((v) => v ?? 'physical'),
  name: optionalText(LIMITS.short),
  description: optionalText(LIMITS.text),
  url: urlField,
  latitude: coordinate(90),
  longitude: coordinate(180),
  addresses: list(addressSchema, 1),
  phones: list(phoneSchema, 50),
  schedules: list(scheduleSchema, 100),
});

const serviceAtLocationSchema = z.object({
  id: idField,
  service_id: optionalId,
  location_id: idField,
  description: optionalText(LIMITS.text),
  schedules: list(scheduleSchema, 100),
});

const serviceSchema = z.object({
  id: idField,
  organization_id: optionalId,
  name: requiredText(LIMITS.name),
  description: optionalText(LIMITS.description),
  eligibility_description: optionalText(LIMITS.text),
  application_process: optionalText(LIMITS.text),
  fees_description: optionalText(LIMITS.text),
  email: emailField,
  url: urlField,
  status: z.enum(SERVICE_STATUSES, PROBLEM('notAllowed')).nullish().transform((v) => v ?? 'active'),
  phones: list(phoneSchema, 50),
  schedules: list(scheduleSchema, 100),
  contacts: list(contactSchema, 100),
  service_at_locations: list(serviceAtLocationSchema, 500),
});

const organizationSchema = z.object({
  id: idField,
  name: requiredText(LIMITS.name),
  alternate_name: optionalText(LIMITS.name),
  description: trimmed(LIMITS.description),
  email: emailField,
  website: urlField,
  [KIND_EXTENSION]: z.enum(ORGANISATION_KINDS, PROBLEM('notAllowed')).nullish().transform((v): OrganisationKind => v ?? 'overig'),
  phones: list(phoneSchema, 50),
  contacts: list(contactSchema, 500),
  locations: list(locationSchema, 1000),
  services: list(serviceSchema, 10_000),
});
type ParsedOrganization = z.infer<typeof organizationSchema>;

/** Allowed values, for the "choose from" message. */
function optionsAt(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  if (last === 'status') return SERVICE_STATUSES.join(', ');
  if (last === 'location_type') return LOCATION_TYPES.join(', ');
  if (last === KIND_EXTENSION) return ORGANISATION_KINDS.join(', ');
  return '';
}

/**
 * The line (1-based) on which every object, array and array element of a JSON text starts, by path
 * ('' for the root, 'organizations/3/services/2'). One pass over the text; assumes it is valid JSON.
 */
export function jsonStartLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  type Frame = { array: boolean; path: string; index: number; key: string; expectKey: boolean; started: boolean };
  const stack: Frame[] = [];
  let line = 1;
  const childPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    return `${top.path === '' ? '' : `${top.path}/`}${top.array ? top.index : top.key}`;
  };
  const markElement = () => {
    const top = stack[stack.length - 1];
    if (top?.array && !top.started) {
      top.started = true;
      lines.set(childPath(), line);
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
    } else if (c === 34) {
      // A string: find its closing quote (one not escaped by an odd number of backslashes).
      let end = i + 1;
      for (;;) {
        end = text.indexOf('"', end);
        if (end === -1) return lines;
        let backslashes = 0;
        for (let j = end - 1; text.charCodeAt(j) === 92; j--) backslashes++;
        if (backslashes % 2 === 0) break;
        end++;
      }
      const top = stack[stack.length - 1];
      if (top && !top.array && top.expectKey) {
        const raw = text.slice(i + 1, end);
        top.key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        top.expectKey = false;
      } else {
        markElement();
      }
      i = end;
    } else if (c === 123 || c === 91) {
      markElement();
      const path = childPath();
      lines.set(path, line);
      stack.push({ array: c === 91, path, index: 0, key: '', expectKey: c === 123, started: false });
    } else if (c === 125 || c === 93) {
      stack.pop();
    } else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.array) {
        top.index++;
        top.started = false;
      } else if (top) {
        top.expectKey = true;
      }
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 58) {
      markElement();
    }
  }
  return lines;
}

function lineOfPosition(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out;
}

interface RecordPlace {
  readonly record: number;
  readonly line: number | undefined;
  readonly basePath: string;
}

type Lines = { get(path: string): number | undefined };

function placeOf(place: RecordPlace, lines: Lines, path: readonly PropertyKey[]) {
  // The deepest element of a nested list names the part; the rest is the field within it.
  let split = -1;
  for (let i = path.length - 2; i >= 0; i--) {
    if (typeof path[i] === 'number') {
      split = i;
      break;
    }
  }
  const base = { record: place.record, line: place.line };
  if (split === -1) return { ...base, field: formatPath(path) };
  const partPath = path.slice(0, split + 1);
  return {
    ...base,
    part: formatPath(partPath),
    partLine: lines.get(`${place.basePath}/${partPath.map(String).join('/')}`),
    field: formatPath(path.slice(split + 1)),
  };
}

function problemFromIssue(issue: z.core.$ZodIssue, raw: unknown, place: RecordPlace, lines: Lines): ImportProblem {
  const { field, ...where } = placeOf(place, lines, issue.path);
  const value = valueAt(raw, issue.path);
  const vars = { field };
  const make = (message: ImportProblemKey, extra: Record<string, string | number> = {}): ImportProblem => ({ ...where, message, vars: { ...vars, ...extra } });
  if (value === undefined || (value === null && issue.code === 'invalid_type')) return make(PROBLEM('missing'));
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'number') return make(PROBLEM('notNumber'));
    if (issue.expected === 'array') return make(PROBLEM('notList'));
    if (issue.expected === 'object') return make(PROBLEM('notObject'));
    return make(PROBLEM('notText'));
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    return Array.isArray(value) ? make(PROBLEM('tooMany'), { max }) : make(PROBLEM('tooLong'), { max });
  }
  if (issue.code === 'invalid_value' || (issue.code === 'invalid_union' && optionsAt(issue.path) !== '')) {
    return make(PROBLEM('notAllowed'), { options: optionsAt(issue.path) });
  }
  if (issue.code === 'invalid_union') {
    // The e-mail and URL fields are a union of '' and a valid value: say what the valid value is.
    const last = issue.path[issue.path.length - 1];
    return make(last === 'email' ? PROBLEM('email') : last === 'url' || last === 'website' ? PROBLEM('url') : PROBLEM('invalid'));
  }
  if (isProblemKey(issue.message)) {
    if (issue.message === PROBLEM('notAllowed')) return make(issue.message, { options: optionsAt(issue.path) });
    return make(issue.message);
  }
  return make(PROBLEM('invalid'));
}

/** Where each id of the file was found, to report problems found later (e.g. in the database) at the right record. */
export interface IdPlace {
  readonly record: number;
  readonly line: number | undefined;
  readonly part?: string;
  readonly partLine?: number;
}

export type IdKind = 'organisation' | 'service' | 'location' | 'contact' | 'phone' | 'schedule' | 'serviceAtLocation';

export type ParseOutcome =
  | { readonly ok: true; readonly rows: SocialMapRows; readonly placeOf: (key: string) => IdPlace | undefined }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

export const placeKey = (kind: IdKind, id: string): string => `${kind}:${id}`;

/** Checks an uploaded HSDS document and turns it into rows; nothing is returned when anything is wrong. */
export function parseHsdsImport(input: string): ParseOutcome {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') return { ok: false, problems: [{ message: PROBLEM('empty'), vars: {} }] };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const lineMatch = /line (\d+)/.exec(message);
    const positionMatch = /position (\d+)/.exec(message);
    const line = lineMatch ? Number(lineMatch[1]) : positionMatch ? lineOfPosition(text, Number(positionMatch[1])) : undefined;
    return { ok: false, problems: [{ line, message: PROBLEM('json'), vars: {} }] };
  }
  let organizations: unknown[];
  let basePath: string;
  if (Array.isArray(document)) {
    organizations = document;
    basePath = '';
  } else if (document && typeof document === 'object' && Array.isArray((document as Record<string, unknown>).organizations)) {
    organizations = (document as { organizations: unknown[] }).organizations;
    basePath = 'organizations';
  } else {
    return { ok: false, problems: [{ line: 1, message: PROBLEM('shape'), vars: {} }] };
  }
  if (organizations.length === 0) return { ok: false, problems: [{ line: 1, message: PROBLEM('noOrganisations'), vars: {} }] };

  // Line numbers are only needed to report problems: the text is scanned for them at the first one.
  let scanned: Map<string, number> | undefined;
  const lines: Lines = { get: (path) => (scanned ??= jsonStartLines(text)).get(path) };
  const problems: ImportProblem[] = [];
  const parsed: { org: ParsedOrganization; place: RecordPlace }[] = [];
  organizations.forEach((raw, index) => {
    const recordPath = basePath === '' ? String(index) : `${basePath}/${index}`;
    const place: RecordPlace = {
      record: index + 1,
      get line() {
        return lines.get(recordPath);
      },
      basePath: recordPath,
    };
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ record: place.record, line: place.line, message: PROBLEM('notObject'), vars: { field: 'organization' } });
      return;
    }
    const result = organizationSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(problemFromIssue(issue, raw, place, lines));
      return;
    }
    parsed.push({ org: result.data, place });
  });

  const rows = {
    organisations: [] as OrganisationData[],
    services: [] as ServiceData[],
    locations: [] as LocationRow[],
    contacts: [] as ContactRow[],
    phones: [] as PhoneRow[],
    schedules: [] as ScheduleRow[],
    serviceAtLocations: [] as ServiceAtLocationRow[],
  };
  const places = new Map<string, { place: RecordPlace; path: readonly PropertyKey[] }>();
  const placeOfId = (key: string): IdPlace | undefined => {
    const found = places.get(key);
    if (!found) return undefined;
    const { field: _field, ...where } = placeOf(found.place, lines, [...found.path, 'id']);
    return where;
  };

  for (const { org, place } of parsed) {
    const problem = (path: readonly PropertyKey[], message: ImportProblemKey, vars: Record<string, string | number> = {}) => {
      const { field, ...where } = placeOf(place, lines, path);
      problems.push({ ...where, message, vars: { field, ...vars } });
    };
    const claim = (kind: IdKind, id: string, path: readonly PropertyKey[]): boolean => {
      const key = placeKey(kind, id);
      const earlier = places.get(key);
      if (earlier) {
        problem([...path, 'id'], PROBLEM('duplicateId'), { id, record: earlier.place.record });
        return false;
      }
      places.set(key, { place, path });
      return true;
    };
    const expectParent = (value: string | null, expected: string, path: readonly PropertyKey[]) => {
      if (value !== null && value !== expected) problem(path, PROBLEM('wrongParent'), { expected });
    };
    const organisationId = org.id;
    const addPhones = (phones: ParsedOrganization['phones'], ownerKind: PhoneRow['owner_kind'], ownerId: string, path: readonly PropertyKey[]) => {
      const ownerField = ownerKind === 'organisation' ? 'organization_id' : (`${ownerKind}_id` as const);
      phones.forEach((p, i) => {
        const phonePath = [...path, 'phones', i];
        expectParent(p[ownerField], ownerId, [...phonePath, ownerField]);
        if (!claim('phone', p.id, phonePath)) return;
        rows.phones.push({ id: p.id, organisation_id: organisationId, owner_kind: ownerKind, owner_id: ownerId, number: p.number, description: p.description });
      });
    };
    const addSchedules = (
      schedules: ParsedOrganization['locations'][number]['schedules'],
      ownerKind: ScheduleRow['owner_kind'],
      ownerId: string,
      path: readonly PropertyKey[],
    ) => {
      const ownerField = `${ownerKind}_id` as const;
      schedules.forEach((s, i) => {
        const schedulePath = [...path, 'schedules', i];
        expectParent(s[ownerField], ownerId, [...schedulePath, ownerField]);
        if (!claim('schedule', s.id, schedulePath)) return;
        rows.schedules.push({
          id: s.id,
          organisation_id: organisationId,
          owner_kind: ownerKind,
          owner_id: ownerId,
          byday: s.byday,
          opens_at: s.opens_at,
          closes_at: s.closes_at,
          description: s.description,
        });
      });
    };
    const addContacts = (contacts: ParsedOrganization['contacts'], serviceId: string | null, path: readonly PropertyKey[]) => {
      contacts.forEach((c, i) => {
        const contactPath = [...path, 'contacts', i];
        expectParent(c.organization_id, organisationId, [...contactPath, 'organization_id']);
        if (serviceId !== null) expectParent(c.service_id, serviceId, [...contactPath, 'service_id']);
        else if (c.service_id !== null) problem([...contactPath, 'service_id'], PROBLEM('wrongParent'), { expected: 'null' });
        if (!claim('contact', c.id, contactPath)) return;
        rows.contacts.push({ id: c.id, organisation_id: organisationId, service_id: serviceId, name: c.name, title: c.title, email: c.email });
        addPhones(c.phones, 'contact', c.id, contactPath);
      });
    };

    if (!claim('organisation', org.id, [])) continue;
    rows.organisations.push({
      id: org.id,
      name: org.name,
      alternate_name: org.alternate_name,
      description: org.description,
      email: org.email,
      website: org.website,
      kind: org[KIND_EXTENSION],
    });
    addPhones(org.phones, 'organisation', org.id, []);
    addContacts(org.contacts, null, []);
    const locationIds = new Set<string>();
    org.locations.forEach((l, i) => {
      const path = ['locations', i];
      expectParent(l.organization_id, org.id, [...path, 'organization_id']);
      locationIds.add(l.id);
      if (!claim('location', l.id, path)) return;
      const address = l.addresses[0];
      rows.locations.push({
        id: l.id,
        organisation_id: org.id,
        location_type: l.location_type,
        name: l.name,
        description: l.description,
        address: address?.address_1 ?? null,
        postal_code: address?.postal_code ?? null,
        city: address?.city ?? null,
        url: l.url,
        latitude: l.latitude,
        longitude: l.longitude,
      });
      addPhones(l.phones, 'location', l.id, path);
      addSchedules(l.schedules, 'location', l.id, path);
    });
    org.services.forEach((s, i) => {
      const path = ['services', i];
      expectParent(s.organization_id, org.id, [...path, 'organization_id']);
      if (!claim('service', s.id, path)) return;
      rows.services.push({
        id: s.id,
        organisation_id: org.id,
        name: s.name,
        description: s.description ?? '',
        for_whom: s.eligibility_description ?? '',
        how_to_apply: s.application_process ?? '',
        cost: s.fees_description ?? '',
        email: s.email,
        website: s.url,
        status: s.status,
      });
      addPhones(s.phones, 'service', s.id, path);
      addSchedules(s.schedules, 'service', s.id, path);
      addContacts(s.contacts, s.id, path);
      s.service_at_locations.forEach((sal, j) => {
        const salPath = [...path, 'service_at_locations', j];
        expectParent(sal.service_id, s.id, [...salPath, 'service_id']);
        if (!locationIds.has(sal.location_id)) problem([...salPath, 'location_id'], PROBLEM('unknownLocation'), { id: sal.location_id });
        if (!claim('serviceAtLocation', sal.id, salPath)) return;
        rows.serviceAtLocations.push({ id: sal.id, service_id: s.id, location_id: sal.location_id, description: sal.description });
        addSchedules(sal.schedules, 'service_at_location', sal.id, salPath);
      });
    });
  }

  if (problems.length > 0) {
    const order = (p: ImportProblem) => [p.record ?? 0, p.partLine ?? p.line ?? 0] as const;
    problems.sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
    return { ok: false, problems };
  }
  return { ok: true, rows, placeOf: placeOfId };
}

// Checking our own answers against HSDS 3.0's required fields

type HsdsObjectType = keyof typeof HSDS_REQUIRED_FIELDS;

/** Which HSDS object a nested key holds. */
const NESTED_TYPES: Record<string, HsdsObjectType> = {
  organizations: 'organization',
  organization: 'organization',
  services: 'service',
  service: 'service',
  locations: 'location',
  location: 'location',
  addresses: 'address',
  phones: 'phone',
  contacts: 'contact',
  schedules: 'schedule',
  service_at_locations: 'service_at_location',
};

/**
 * Every required field that is absent (undefined or null) in an HSDS value: an object of the given type,
 * a list of them, or a page envelope. Returns "path: field" entries; empty when all is well.
 */
export function findMissingRequired(value: unknown, type: HsdsObjectType | 'page', contentType?: HsdsObjectType): string[] {
  const missing: string[] = [];
  const visit = (node: unknown, nodeType: HsdsObjectType, path: string) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, nodeType, `${path}[${i}]`));
      return;
    }
    if (node === null || typeof node !== 'object') {
      missing.push(`${path}: (geen object)`);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const field of HSDS_REQUIRED_FIELDS[nodeType]) if (record[field] === undefined || record[field] === null) missing.push(`${path}: ${field}`);
    for (const [key, child] of Object.entries(record)) {
      const childType = NESTED_TYPES[key];
      if (childType && child !== undefined && child !== null) visit(child, childType, `${path}.${key}`);
    }
  };
  if (type === 'page') {
    const page = value as Record<string, unknown>;
    for (const field of HSDS_PAGE_FIELDS) if (page?.[field] === undefined) missing.push(`page: ${field}`);
    if (contentType && Array.isArray(page?.contents)) visit(page.contents, contentType, 'contents');
    return missing;
  }
  visit(value, type, type);
  return missing;
}
