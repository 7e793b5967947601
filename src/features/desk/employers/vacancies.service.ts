import type { Selectable } from 'kysely';
import type { AppDeps } from '../../../platform/app-deps.js';
import { newId } from '../../../platform/auth/tokens.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Tx } from '../../../platform/db/transaction.js';
import { touchDesk } from '../shared/changes.js';
import { deskPath } from '../shared/region.js';
import { foldText } from './employers.schemas.js';
import type { EmployerStatus } from './employers.service.js';
import { employmentType, matchesHours, type HoursFilter, type VacancyInput } from './vacancies.schemas.js';
import type { DeskVacanciesTable } from './vacancies.tables.js';
import * as repo from './vacancies.repo.js';

export interface Vacancy {
  readonly id: string;
  readonly regionSlug: string;
  readonly employerId: string;
  readonly employerName: string;
  readonly employerStatus: EmployerStatus;
  readonly employerWebsite: string | null;
  readonly title: string;
  readonly whatYouDo: string;
  readonly hours: string;
  readonly hoursPerWeek: number | null;
  readonly place: string;
  readonly helpAvailable: string;
  readonly whatWeAsk: string;
  readonly contact: string;
  readonly contactEmail: string | null;
  readonly contactPhone: string | null;
  readonly expiresOn: string;
  readonly status: DeskVacanciesTable['status'];
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

type Row = Selectable<DeskVacanciesTable> & { employer_name: string; employer_status: EmployerStatus; employer_website: string | null };

function toVacancy(row: Row): Vacancy {
  return {
    id: row.id,
    regionSlug: row.region_slug,
    employerId: row.employer_id,
    employerName: row.employer_name,
    employerStatus: row.employer_status,
    employerWebsite: row.employer_website,
    title: row.title,
    whatYouDo: row.what_you_do,
    hours: row.hours,
    hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
    place: row.place,
    helpAvailable: row.help_available,
    whatWeAsk: row.what_we_ask,
    contact: row.contact,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    expiresOn: row.expires_on,
    status: row.status,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

export function vacancyPath(regionSlug: string, vacancyId: string, rest = ''): string {
  return deskPath(regionSlug, `/vacatures/${encodeURIComponent(vacancyId)}${rest}`);
}

/** Closed when the closing date has passed (a vacancy closing today is still open today). */
export function isExpired(vacancy: Pick<Vacancy, 'expiresOn'>, today: string): boolean {
  return vacancy.expiresOn < today;
}

/** Whether a visitor may see the vacancy (closed ones are shown as closed). */
export function isPublished(vacancy: Pick<Vacancy, 'status' | 'employerStatus'>): boolean {
  return vacancy.status === 'published' && vacancy.employerStatus === 'verified';
}

// Reading

export async function getVacancy(db: Queryable, regionSlug: string, vacancyId: string): Promise<Vacancy | undefined> {
  const row = await repo.selectVacancy(db, regionSlug, vacancyId);
  return row ? toVacancy(row) : undefined;
}

export interface VacancyFilter {
  readonly text?: string;
  readonly place?: string;
  readonly hours?: HoursFilter;
}

/** The public list: published, open, of verified employers; filtered without regard to case or diacritics. */
export async function listOpenVacancies(db: Queryable, regionSlug: string, today: string, filter: VacancyFilter = {}): Promise<Vacancy[]> {
  const vacancies = (await repo.selectOpenVacancies(db, regionSlug, today)).map(toVacancy);
  const text = foldText(filter.text?.trim() ?? '');
  const place = foldText(filter.place?.trim() ?? '');
  return vacancies.filter(
    (v) =>
      (text === '' || foldText([v.title, v.whatYouDo, v.helpAvailable, v.whatWeAsk, v.employerName].join('\n')).includes(text)) &&
      (place === '' || foldText(v.place).includes(place)) &&
      (filter.hours === undefined || matchesHours(filter.hours, v.hoursPerWeek)),
  );
}

export async function listOpenVacanciesOfEmployer(db: Queryable, regionSlug: string, employerId: string, today: string): Promise<Vacancy[]> {
  return (await repo.selectOpenVacancies(db, regionSlug, today, employerId)).map(toVacancy);
}

/** All vacancies of an employer, also hidden and closed ones, for its members and the coordinator. */
export async function listVacanciesOfEmployer(db: Queryable, regionSlug: string, employerId: string): Promise<Vacancy[]> {
  return (await repo.selectVacanciesOfEmployer(db, regionSlug, employerId)).map(toVacancy);
}

/** Vacancies the coordinator has not reviewed yet, oldest first (for the moderation queue). */
export async function listUnreviewedVacancies(db: Queryable, regionSlug: string): Promise<Vacancy[]> {
  return (await repo.selectUnreviewedVacancies(db, regionSlug)).map(toVacancy);
}

// Writing

function vacancyColumns(input: VacancyInput) {
  return {
    title: input.title,
    what_you_do: input.whatYouDo,
    hours: input.hours,
    hours_per_week: input.hoursPerWeek,
    place: input.place,
    help_available: input.helpAvailable,
    what_we_ask: input.whatWeAsk,
    contact: input.contact,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
    expires_on: input.expiresOn,
  };
}

/** A coordinator's own writing counts as reviewed; anyone else's waits in the coordinator's queue. */
function review(actorId: string, byCoordinator: boolean, at: string) {
  return byCoordinator ? { reviewed_by: actorId, reviewed_at: at } : { reviewed_by: null, reviewed_at: null };
}

export async function createVacancy(
  tx: Tx,
  deps: AppDeps,
  args: { regionSlug: string; employerId: string; actorId: string; byCoordinator: boolean; input: VacancyInput },
): Promise<string> {
  const now = deps.clock();
  const at = now.toISOString();
  const id = newId();
  await repo.insertVacancy(tx.db, {
    id,
    region_slug: args.regionSlug,
    employer_id: args.employerId,
    ...vacancyColumns(args.input),
    status: 'published',
    ...review(args.actorId, args.byCoordinator, at),
    created_by: args.actorId,
    created_at: at,
    updated_by: args.actorId,
    updated_at: at,
    version: 1,
  });
  await touchDesk(tx.db, args.regionSlug, now, [{ kind: 'vacancy', id }]);
  return id;
}

export type UpdateVacancyResult = { ok: true } | { ok: false; reason: 'conflict' };

export async function updateVacancy(
  tx: Tx,
  deps: AppDeps,
  args: { regionSlug: string; vacancyId: string; version: number; actorId: string; byCoordinator: boolean; input: VacancyInput },
): Promise<UpdateVacancyResult> {
  const now = deps.clock();
  const at = now.toISOString();
  const written = await repo.updateVacancyIfVersion(tx.db, args.regionSlug, args.vacancyId, args.version, {
    ...vacancyColumns(args.input),
    ...review(args.actorId, args.byCoordinator, at),
    updated_by: args.actorId,
    updated_at: at,
  });
  if (!written) return { ok: false, reason: 'conflict' };
  await touchDesk(tx.db, args.regionSlug, now, [{ kind: 'vacancy', id: args.vacancyId }]);
  return { ok: true };
}

export async function removeVacancy(tx: Tx, deps: AppDeps, args: { regionSlug: string; vacancyId: string }): Promise<boolean> {
  const removed = await repo.deleteVacancy(tx.db, args.regionSlug, args.vacancyId);
  if (removed) await touchDesk(tx.db, args.regionSlug, deps.clock(), [{ kind: 'vacancy', id: args.vacancyId }]);
  return removed;
}

// schema.org

/**
 * The vacancy as a schema.org JobPosting, ready to put inside <script type="application/ld+json">:
 * '<', '>' and '&' are escaped so that no text can close the script element.
 */
export function jobPostingJsonLd(vacancy: Vacancy, url: string): string {
  const description = [
    `Wat ga je doen?\n${vacancy.whatYouDo}`,
    `Uren: ${vacancy.hours}`,
    `Welke hulp is er?\n${vacancy.helpAvailable}`,
    vacancy.whatWeAsk ? `Wat vragen we?\n${vacancy.whatWeAsk}` : '',
    `Contact: ${vacancy.contact}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const type = employmentType(vacancy.hoursPerWeek);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: vacancy.title,
    description,
    datePosted: vacancy.createdAt.slice(0, 10),
    validThrough: vacancy.expiresOn,
    ...(type ? { employmentType: type } : {}),
    hiringOrganization: {
      '@type': 'Organization',
      name: vacancy.employerName,
      ...(vacancy.employerWebsite ? { sameAs: vacancy.employerWebsite } : {}),
    },
    jobLocation: {
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressLocality: vacancy.place, addressCountry: 'NL' },
    },
    directApply: false,
    url,
  };
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// For the region overview, the desk's home, the moderation queue and reports

/** The number of live vacancies of verified employers per region. */
export const liveVacancyCounts = repo.countLiveVacancies;
/** The newest live vacancies of verified employers of a region. */
export const latestVacancies = repo.latestVacancies;
/** The live vacancies of a region nobody in the queue looked at yet, oldest first. */
export const unreviewedVacancies = repo.unreviewedVacancies;
export const unreviewedVacancyCount = repo.countUnreviewedVacancies;
export const reportableVacancy = repo.reportableVacancy;
