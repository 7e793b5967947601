import type { AppDeps } from '../../platform/app-deps.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/tokens.js';
import type { Queryable } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import { listRegions, type Region } from '../regions/regions.service.js';
import { touchDesk } from './desk.changes.js';
import { isCoordinatorOf } from './desk.access.js';
import * as repo from './desk.moderation-repo.js';
import type { ReportableKind } from './desk.region.js';
import type { HandleReportInput, ReportInput } from './desk.reports-schemas.js';
import { deskItemPath, deskToday } from './desk.search.js';

export type { QueueCounts } from './desk.moderation-repo.js';

// The region overview (/loket)

export interface RegionSummary extends Region {
  readonly organisations: number;
  readonly employers: number;
  readonly vacancies: number;
}

/** Every region A–Z with its numbers: one aggregate query per table, never one per region. */
export async function regionSummaries(db: Queryable, now: Date): Promise<RegionSummary[]> {
  const [regions, organisations, employers, vacancies] = await Promise.all([
    listRegions(db),
    repo.countPublishedOrganisations(db),
    repo.countVerifiedEmployers(db),
    repo.countLiveVacancies(db, deskToday(now)),
  ]);
  return regions
    .map((r) => ({ ...r, organisations: organisations.get(r.slug) ?? 0, employers: employers.get(r.slug) ?? 0, vacancies: vacancies.get(r.slug) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export const homeRegionOf = repo.homeRegionOf;

// The desk's home

export interface DeskHome {
  readonly vacancies: readonly { id: string; title: string; place: string; expiresOn: string; employerName: string }[];
  readonly faqs: readonly { id: string; question: string }[];
  readonly meetings: readonly { id: string; groupId: string; groupName: string; startsAt: string; place: string | null; online: boolean }[];
  readonly pages: readonly { slug: string; title: string }[];
  readonly coordinators: readonly string[];
  /** For a coordinator of this region: the number of items in the queue. */
  readonly queueWaiting: number | null;
  /** Whether the visitor represents an organisation of this region. */
  readonly representative: boolean;
}

const HOME_VACANCIES = 5;
const HOME_FAQS = 5;
const HOME_MEETINGS = 3;

export function totalWaiting(counts: repo.QueueCounts): number {
  return counts.organisations + counts.employers + counts.vacancies + counts.questions + counts.groups + counts.reports;
}

/** What the home shows; a handful of indexed queries, run side by side. */
export async function deskHome(db: Queryable, regionSlug: string, userId: string | null, now: Date): Promise<DeskHome> {
  const today = deskToday(now);
  const [vacancies, faqs, meetings, pages, coordinators, queueWaiting, representative] = await Promise.all([
    repo.latestVacancies(db, regionSlug, today, HOME_VACANCIES),
    repo.newestFaqs(db, regionSlug, HOME_FAQS),
    repo.upcomingMeetings(db, regionSlug, now.toISOString(), HOME_MEETINGS),
    repo.schemePages(db, regionSlug),
    repo.coordinatorNames(db, regionSlug),
    userId === null
      ? null
      : isCoordinatorOf(db, regionSlug, userId).then(async (yes) => (yes ? totalWaiting(await repo.queueCounts(db, regionSlug, today)) : null)),
    userId === null ? false : repo.representsInRegion(db, regionSlug, userId),
  ]);
  return {
    vacancies: vacancies.map((v) => ({ id: v.id, title: v.title, place: v.place, expiresOn: v.expires_on, employerName: v.employer_name })),
    faqs,
    meetings: meetings.map((m) => ({ id: m.id, groupId: m.group_id, groupName: m.group_name, startsAt: m.starts_at, place: m.place, online: !!m.online_url })),
    pages,
    coordinators,
    queueWaiting,
    representative,
  };
}

// Reports

/** The public address of a reportable item. */
export function reportedItemPath(regionSlug: string, kind: ReportableKind, id: string, item: repo.ReportableItem): string {
  switch (kind) {
    case 'page':
      return deskItemPath.page(regionSlug, item.slug ?? id);
    case 'term':
      return deskItemPath.term(regionSlug, item.slug ?? id);
    default:
      return deskItemPath[kind](regionSlug, id);
  }
}

const TITLE_MAX = 200;

export function findReportableItem(db: Queryable, regionSlug: string, kind: ReportableKind, id: string, now: Date) {
  return repo.reportableItem(db, regionSlug, kind, id, deskToday(now));
}

/** Stores a visitor's report; false when the item is not (or no longer) public in this region. */
export async function createReport(tx: Tx, deps: AppDeps, regionSlug: string, input: ReportInput): Promise<boolean> {
  const now = deps.clock();
  const item = await repo.reportableItem(tx.db, regionSlug, input.soort, input.id, deskToday(now));
  if (!item) return false;
  await repo.insertReport(tx.db, {
    id: newId(),
    regionSlug,
    kind: input.soort,
    itemId: input.id,
    itemTitle: item.title.length > TITLE_MAX ? `${item.title.slice(0, TITLE_MAX - 1)}…` : item.title,
    reason: input.reason,
    details: input.details,
    now: now.toISOString(),
  });
  return true;
}

// The queue

export interface Queue {
  readonly counts: repo.QueueCounts;
  readonly organisations: Awaited<ReturnType<typeof repo.pendingOrganisations>>;
  readonly employers: Awaited<ReturnType<typeof repo.pendingEmployers>>;
  readonly vacancies: Awaited<ReturnType<typeof repo.unreviewedVacancies>>;
  readonly questions: Awaited<ReturnType<typeof repo.newQuestions>>;
  readonly groups: Awaited<ReturnType<typeof repo.pendingGroups>>;
  readonly reports: Awaited<ReturnType<typeof repo.openReports>>;
}

export async function loadQueue(db: Queryable, regionSlug: string, now: Date): Promise<Queue> {
  const today = deskToday(now);
  const [organisations, employers, vacancies, questions, groups, reports] = await Promise.all([
    repo.pendingOrganisations(db, regionSlug),
    repo.pendingEmployers(db, regionSlug),
    repo.unreviewedVacancies(db, regionSlug, today),
    repo.newQuestions(db, regionSlug),
    repo.pendingGroups(db, regionSlug),
    repo.openReports(db, regionSlug),
  ]);
  const counts = {
    organisations: organisations.length,
    employers: employers.length,
    vacancies: vacancies.length,
    questions: questions.length,
    groups: groups.length,
    reports: reports.length,
  };
  return { counts, organisations, employers, vacancies, questions, groups, reports };
}

/** ok: done; stale: someone already handled it; notFound: no such item in this region. */
export type ModerationResult = 'ok' | 'stale' | 'notFound';

export type QueueAction =
  | { readonly kind: 'organisation'; readonly action: 'publish' | 'hide' }
  | { readonly kind: 'group'; readonly action: 'publish' | 'hide' }
  | { readonly kind: 'vacancy'; readonly action: 'reviewed' | 'hide' };

const TABLES = { organisation: 'desk_organisations', group: 'desk_groups', vacancy: 'desk_vacancies' } as const;

/** One action from the queue, with the desk's freshness and the audit trail in the same transaction. */
export async function moderate(tx: Tx, deps: AppDeps, regionSlug: string, itemId: string, what: QueueAction, actorId: string, ip: string | null): Promise<ModerationResult> {
  const now = deps.clock();
  const at = now.toISOString();
  let done: boolean;
  if (what.kind === 'vacancy') {
    done =
      what.action === 'reviewed'
        ? await repo.markVacancyReviewed(tx.db, regionSlug, itemId, actorId, at)
        : await repo.hideVacancy(tx.db, regionSlug, itemId, actorId, at, true);
  } else {
    const table = TABLES[what.kind];
    done = await repo.setEditedStatus(tx.db, table, regionSlug, itemId, 'pending', what.action === 'publish' ? 'published' : 'hidden', actorId, at);
  }
  if (!done) return (await repo.existsInRegion(tx.db, TABLES[what.kind], regionSlug, itemId)) ? 'stale' : 'notFound';
  // Marking a vacancy as looked at changes nothing the public sees.
  if (!(what.kind === 'vacancy' && what.action === 'reviewed')) await touchDesk(tx.db, regionSlug, now);
  await recordAudit(
    tx.db,
    { actorId, event: 'desk.item_moderated', target: `${what.kind}:${itemId}`, detail: { region: regionSlug, action: what.action }, ip },
    now,
  );
  return 'ok';
}

/** Kinds whose item the coordinator can hide while handling a report. */
export const HIDEABLE_KINDS: readonly ReportableKind[] = ['organisation', 'vacancy', 'faq', 'group'];

export function selectReport(db: Queryable, regionSlug: string, reportId: string) {
  return repo.selectReport(db, regionSlug, reportId);
}

/** Closes a report with the coordinator's note and, when asked, hides the reported item at once. */
export async function handleReport(
  tx: Tx,
  deps: AppDeps,
  regionSlug: string,
  reportId: string,
  input: HandleReportInput,
  actorId: string,
  ip: string | null,
): Promise<ModerationResult> {
  const now = deps.clock();
  const at = now.toISOString();
  const report = await repo.selectReport(tx.db, regionSlug, reportId);
  if (!report) return 'notFound';
  if (!(await repo.markReportHandled(tx.db, regionSlug, reportId, actorId, at, input.outcome))) return 'stale';
  let hidden = false;
  const kind = report.item_kind as ReportableKind;
  if (input.hideItem && HIDEABLE_KINDS.includes(kind)) {
    if (kind === 'vacancy') hidden = await repo.hideVacancy(tx.db, regionSlug, report.item_id, actorId, at, false);
    else {
      const table = kind === 'organisation' ? 'desk_organisations' : kind === 'group' ? 'desk_groups' : 'desk_faqs';
      hidden = await repo.setEditedStatus(tx.db, table, regionSlug, report.item_id, 'published', 'hidden', actorId, at);
    }
    if (hidden) await touchDesk(tx.db, regionSlug, now);
  }
  await recordAudit(
    tx.db,
    { actorId, event: 'desk.report_handled', target: `report:${reportId}`, detail: { region: regionSlug, item: `${kind}:${report.item_id}`, hidden }, ip },
    now,
  );
  return 'ok';
}
