import type { AppDeps } from '../../../platform/app-deps.js';
import { dutchToday } from '../../../platform/time/dutch-calendar.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { newId } from '../../../platform/auth/tokens.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Tx } from '../../../platform/db/transaction.js';
import { pendingEmployerCount, pendingEmployers, reportableEmployer } from '../employers/employers.service.js';
import { reportableVacancy, unreviewedVacancies, unreviewedVacancyCount } from '../employers/vacancies.service.js';
import { pendingGroupCount, pendingGroups, reportableGroup } from '../peer-support/peer-support.service.js';
import { newQuestionCount, newQuestions, reportableFaq } from '../questions/questions.service.js';
import { reportablePageOrTerm } from '../schemes/schemes.service.js';
import { pendingOrganisationCount, pendingOrganisations, reportableOrganisation, reportableService } from '../social-map/social-map.service.js';
import * as publication from '../shared/publication.js';
import type { PublicationResult, PublishableKind } from '../shared/publication.js';
import * as repo from './queue.repo.js';
import type { ReportableItem, ReportableKind } from '../shared/region.js';
import type { HandleReportInput, ReportInput } from './queue.schemas.js';
import { deskItemPath } from '../shared/paths.js';

export interface QueueCounts {
  readonly organisations: number;
  readonly employers: number;
  readonly vacancies: number;
  readonly questions: number;
  readonly groups: number;
  readonly reports: number;
}

/** How many items wait in a region's queue, all sections together (the desk's home shows it to the coordinator). */
export async function waitingInQueue(db: Queryable, regionSlug: string, now: Date): Promise<number> {
  const counts = await Promise.all([
    pendingOrganisationCount(db, regionSlug),
    pendingEmployerCount(db, regionSlug),
    unreviewedVacancyCount(db, regionSlug, dutchToday(now)),
    newQuestionCount(db, regionSlug),
    pendingGroupCount(db, regionSlug),
    repo.countOpenReports(db, regionSlug),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

// Reports

/** The public address of a reportable item. */
export function reportedItemPath(regionSlug: string, kind: ReportableKind, id: string, item: ReportableItem): string {
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

/** A public item of this region (or, for scheme pages and glossary words, the national list) by kind and id, asked of its part. */
export function findReportableItem(db: Queryable, regionSlug: string, kind: ReportableKind, id: string, now: Date): Promise<ReportableItem | undefined> {
  switch (kind) {
    case 'organisation':
      return reportableOrganisation(db, regionSlug, id);
    case 'service':
      return reportableService(db, regionSlug, id);
    case 'employer':
      return reportableEmployer(db, regionSlug, id);
    case 'vacancy':
      return reportableVacancy(db, regionSlug, id, dutchToday(now));
    case 'faq':
      return reportableFaq(db, regionSlug, id);
    case 'group':
      return reportableGroup(db, regionSlug, id);
    case 'page':
    case 'term':
      return reportablePageOrTerm(db, regionSlug, kind, id);
  }
}

/** Stores a visitor's report; false when the item is not (or no longer) public in this region. */
export async function createReport(tx: Tx, deps: AppDeps, regionSlug: string, input: ReportInput): Promise<boolean> {
  const now = deps.clock();
  const item = await findReportableItem(tx.db, regionSlug, input.soort, input.id, now);
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
  readonly counts: QueueCounts;
  readonly organisations: Awaited<ReturnType<typeof pendingOrganisations>>;
  readonly employers: Awaited<ReturnType<typeof pendingEmployers>>;
  readonly vacancies: Awaited<ReturnType<typeof unreviewedVacancies>>;
  readonly questions: Awaited<ReturnType<typeof newQuestions>>;
  readonly groups: Awaited<ReturnType<typeof pendingGroups>>;
  readonly reports: Awaited<ReturnType<typeof repo.openReports>>;
}

export async function loadQueue(db: Queryable, regionSlug: string, now: Date): Promise<Queue> {
  const today = dutchToday(now);
  const [organisations, employers, vacancies, questions, groups, reports] = await Promise.all([
    pendingOrganisations(db, regionSlug),
    pendingEmployers(db, regionSlug),
    unreviewedVacancies(db, regionSlug, today),
    newQuestions(db, regionSlug),
    pendingGroups(db, regionSlug),
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
export type ModerationResult = PublicationResult;

export type QueueAction =
  | { readonly kind: 'organisation'; readonly action: 'publish' | 'hide' }
  | { readonly kind: 'group'; readonly action: 'publish' | 'hide' }
  | { readonly kind: 'vacancy'; readonly action: 'reviewed' | 'hide' };

/** One action from the queue, with the desk's freshness and the audit trail in the same transaction. */
export async function moderate(tx: Tx, deps: AppDeps, regionSlug: string, itemId: string, what: QueueAction, actorId: string, ip: string | null): Promise<ModerationResult> {
  const now = deps.clock();
  const request = { regionSlug, id: itemId, actorId, ip };
  if (what.kind === 'vacancy') {
    return what.action === 'reviewed'
      ? publication.review(tx.db, { ...request, kind: 'vacancy' }, now)
      : publication.hide(tx.db, { ...request, kind: 'vacancy' }, now, { onlyUnreviewed: true });
  }
  // The queue shows proposed organisations and groups: both actions start from 'pending'.
  return what.action === 'publish'
    ? publication.publish(tx.db, { ...request, kind: what.kind }, now)
    : publication.hide(tx.db, { ...request, kind: what.kind }, now, { from: ['pending'] });
}

/** Kinds whose item the coordinator can hide while handling a report. */
export const HIDEABLE_KINDS: readonly ReportableKind[] = ['organisation', 'vacancy', 'faq', 'group'];

function isHideable(kind: ReportableKind): kind is ReportableKind & PublishableKind {
  return HIDEABLE_KINDS.includes(kind);
}

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
  const report = await repo.selectReport(tx.db, regionSlug, reportId);
  if (!report) return 'notFound';
  if (!(await repo.markReportHandled(tx.db, regionSlug, reportId, actorId, now.toISOString(), input.outcome))) return 'stale';
  let hidden = false;
  const kind = report.item_kind as ReportableKind;
  if (input.hideItem && isHideable(kind)) {
    const result = await publication.hide(tx.db, { regionSlug, kind, id: report.item_id, actorId, ip, detail: { report: reportId } }, now);
    hidden = result === 'ok';
  }
  await recordAudit(
    tx.db,
    { actorId, event: 'desk.report_handled', target: `report:${reportId}`, detail: { region: regionSlug, item: `${kind}:${report.item_id}`, hidden }, ip },
    now,
  );
  return 'ok';
}
