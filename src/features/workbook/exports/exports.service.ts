import type { AppDeps } from '../../../platform/app-deps.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Tx } from '../../../platform/db/transaction.js';
import type { Translate } from '../../../platform/i18n/i18n.js';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import { getUsers } from '../../../platform/auth/users.js';
import { theBook } from '../../book/book.service.js';
import { getWorkspace, listWorkspaceMembers, loadAnswers, type Workspace, type WorkspaceMember } from '../workbook.service.js';
import { ADOPTED_DREAM_KEY, COLLABORATION_STEPS, MMM_STEPS, workbookStep, type StepField, type StepSlug } from '../workbook.steps.js';
import { toCsv } from '../../../platform/formats/csv.js';
import { toICalendar, type CalendarEntry } from '../../../platform/formats/icalendar.js';
import { safeFileName } from '../../../platform/http/download.js';
import { DOMAIN_LABELS, dayNumber, toRoadmapMilestones, type RoadmapMilestone } from '../shared/roadmap.js';
import * as repo from './exports.repo.js';

export const EXPORT_FORMAT = 'mmm-werkboek/1';
export type ExportFormat = 'csv' | 'ics' | 'json' | 'print';

/** Actions in these states need nothing more from anyone: no calendar entry, no reminder. */
export const FINISHED_STATUSES: readonly string[] = ['gedaan', 'gestopt'];
export const ACTION_STATUSES = ['idee', 'gepland', 'bezig', 'gedaan', 'gestopt'] as const;

export interface ExportComment {
  readonly id: string;
  readonly authorName: string | null;
  readonly body: string;
  readonly createdAt: string;
}

export interface ExportAction {
  readonly id: string;
  readonly milestoneId: string;
  readonly title: string;
  readonly description: string;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly dueDate: string | null;
  readonly status: string;
  readonly support: string;
  readonly headwind: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedByName: string | null;
  readonly comments: readonly ExportComment[];
}

export interface ExportMilestone {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly domain: string;
  readonly dueDate: string | null;
  readonly horizon: string | null;
  readonly position: number;
  readonly celebrationPlan: string;
  readonly reachedAt: string | null;
  readonly celebrationNote: string | null;
  readonly sourceDream: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly actions: readonly ExportAction[];
  readonly comments: readonly ExportComment[];
}

export interface ExportAnswer {
  readonly key: string;
  /** The question as the workbook asks it; null for a key no step knows (any more). */
  readonly label: string | null;
  readonly value: string;
  /** The value for people: option labels instead of stored codes. */
  readonly display: string;
  readonly step: StepSlug | null;
  readonly sectionTitle: string | null;
  readonly updatedByName: string | null;
  readonly updatedAt: string;
}

export interface WorkbookExport {
  readonly workspace: Workspace;
  readonly members: readonly WorkspaceMember[];
  /** In the order of the workbook's steps; unknown keys last. */
  readonly answers: readonly ExportAnswer[];
  readonly milestones: readonly ExportMilestone[];
}

// Labels of answers

interface FieldPlace {
  readonly step: StepSlug;
  readonly order: number;
  readonly sectionTitle: string;
  readonly field: StepField;
}

const ALL_STEPS: readonly StepSlug[] = [...MMM_STEPS, ...COLLABORATION_STEPS];

function fieldPlaces(members: readonly WorkspaceMember[], organisationsText: string): Map<string, FieldPlace> {
  const places = new Map<string, FieldPlace>();
  const input = { members: members.map((m) => ({ userId: m.userId, name: m.name })), organisationsText };
  for (const slug of ALL_STEPS) {
    for (const section of workbookStep(slug, input).sections) {
      for (const field of section.fields) {
        if (!places.has(field.key)) places.set(field.key, { step: slug, order: places.size, sectionTitle: section.title, field });
      }
    }
  }
  return places;
}

function displayValue(value: string, field: StepField | undefined): string {
  if (!field?.options) return value;
  const labels = new Map(field.options.map((o) => [o.value, o.label]));
  if (field.kind === 'multi') {
    return value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
      .map((v) => labels.get(v) ?? v)
      .join('; ');
  }
  return labels.get(value) ?? value;
}

function adoptedDreamText(value: string): string {
  const dream = theBook().pack.dreams.find((d) => String(d.number) === value.trim());
  return dream ? `Droom ${dream.number}: ${dream.title}` : value;
}

// Reading

/** Everything of a workspace that its exports show, with names instead of account ids; undefined when it does not exist. */
export async function loadWorkbookExport(db: Queryable, workspaceId: string): Promise<WorkbookExport | undefined> {
  const workspace = await getWorkspace(db, workspaceId);
  if (!workspace) return undefined;
  const [members, answers, milestoneRows, actionRows, commentRows] = await Promise.all([
    listWorkspaceMembers(db, workspace),
    loadAnswers(db, workspaceId),
    repo.selectMilestones(db, workspaceId),
    repo.selectActions(db, workspaceId),
    repo.selectComments(db, workspaceId),
  ]);
  const userIds = new Set<string>();
  for (const a of actionRows) {
    if (a.owner_id) userIds.add(a.owner_id);
    if (a.updated_by) userIds.add(a.updated_by);
  }
  for (const c of commentRows) if (c.author_id) userIds.add(c.author_id);
  const names = new Map((await getUsers(db, [...userIds])).map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);

  // Comments hang on a milestone or an action by id; ids are unique across both tables.
  const commentsBySubject = new Map<string, ExportComment[]>();
  for (const c of commentRows) {
    const list = commentsBySubject.get(c.subject_id) ?? [];
    list.push({ id: c.id, authorName: nameOf(c.author_id), body: c.body, createdAt: c.created_at });
    commentsBySubject.set(c.subject_id, list);
  }

  const actionsByMilestone = new Map<string, ExportAction[]>();
  for (const a of actionRows) {
    const list = actionsByMilestone.get(a.milestone_id) ?? [];
    list.push({
      id: a.id,
      milestoneId: a.milestone_id,
      title: a.title,
      description: a.description,
      ownerId: a.owner_id,
      ownerName: nameOf(a.owner_id),
      dueDate: a.due_date,
      status: a.status,
      support: a.support,
      headwind: a.headwind,
      createdAt: a.created_at,
      updatedAt: a.updated_at,
      updatedByName: nameOf(a.updated_by),
      comments: commentsBySubject.get(a.id) ?? [],
    });
    actionsByMilestone.set(a.milestone_id, list);
  }

  const milestones: ExportMilestone[] = milestoneRows.map((m) => ({
    id: m.id,
    title: m.title,
    description: m.description,
    domain: m.domain,
    dueDate: m.due_date,
    horizon: m.horizon,
    position: Number(m.position),
    celebrationPlan: m.celebration_plan,
    reachedAt: m.reached_at,
    celebrationNote: m.celebration_note,
    sourceDream: m.source_dream === null ? null : Number(m.source_dream),
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    actions: actionsByMilestone.get(m.id) ?? [],
    comments: commentsBySubject.get(m.id) ?? [],
  }));

  const places = fieldPlaces(members, answers.get('9.2.organisaties')?.value ?? '');
  const exported: ExportAnswer[] = [...answers.values()].map((a) => {
    const place = places.get(a.key);
    const adopted = a.key === ADOPTED_DREAM_KEY;
    return {
      key: a.key,
      label: place?.field.label ?? (adopted ? 'Gekozen droom uit het boek' : null),
      value: a.value,
      display: adopted ? adoptedDreamText(a.value) : displayValue(a.value, place?.field),
      step: place?.step ?? (adopted ? 'verbeelden' : null),
      sectionTitle: place?.sectionTitle ?? null,
      updatedByName: a.updatedByName,
      updatedAt: a.updatedAt,
    };
  });
  const orderOf = (a: ExportAnswer) => places.get(a.key)?.order ?? Number.MAX_SAFE_INTEGER;
  exported.sort((a, b) => orderOf(a) - orderOf(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  return { workspace, members, answers: exported, milestones };
}

// Helpers for the formats

export function actionStatusLabel(t: Translate, status: string): string {
  return (ACTION_STATUSES as readonly string[]).includes(status) ? t(`reminders.status.${status}` as MessageKey) : status;
}

export function domainLabel(domain: string): string {
  return (DOMAIN_LABELS as Readonly<Record<string, string>>)[domain] ?? domain;
}

// 'sv-SE' writes "2026-11-23 14:45": sortable in a spreadsheet and read the same way everywhere.
const SORTABLE_MOMENT = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' });

/** An ISO moment as Dutch local time "YYYY-MM-DD HH:MM"; anything unreadable stays as it is. */
export function sortableMoment(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : SORTABLE_MOMENT.format(date);
}

/** "team-zeeland-acties.csv": the workspace's name, then what the file holds. */
export function exportFileName(workspaceName: string, what: string, extension: string): string {
  return `${safeFileName(workspaceName, '', 'veranderagenda')}-${what}.${extension}`;
}

export function actionsCsv(data: WorkbookExport, t: Translate): string {
  const header = (
    ['milestone', 'domain', 'action', 'description', 'owner', 'due', 'status', 'support', 'headwind', 'updated'] as const
  ).map((k) => t(`reminders.csv.${k}`));
  const rows = data.milestones.flatMap((m) =>
    m.actions.map((a) => [
      m.title,
      domainLabel(m.domain),
      a.title,
      a.description,
      a.ownerName,
      a.dueDate,
      actionStatusLabel(t, a.status),
      a.support,
      a.headwind,
      sortableMoment(a.updatedAt),
    ]),
  );
  return toCsv(header, rows);
}

/** The link in a calendar entry: the item's page in the workspace. */
export function itemUrl(baseUrl: string, workspaceId: string, kind: 'action' | 'milestone', id: string): string {
  return `${baseUrl}/werkboek/${workspaceId}/${kind === 'action' ? 'acties' : 'mijlpalen'}/${id}`;
}

function isRealDate(value: string | null): value is string {
  return value !== null && dayNumber(value) !== null;
}

/** Due dates of open actions and the dates of milestones, as all-day events. */
export function agendaCalendar(data: WorkbookExport, t: Translate, baseUrl: string, now: Date): string {
  const wid = data.workspace.id;
  const entries: CalendarEntry[] = [];
  for (const m of data.milestones) {
    // A date that is not a real one (typed by hand, an old row) is left out rather than breaking the file.
    if (isRealDate(m.dueDate)) {
      entries.push({
        uid: `milestone-${m.id}`,
        date: m.dueDate,
        summary: t(m.reachedAt ? 'reminders.ics.milestoneReached' : 'reminders.ics.milestone', { title: m.title }),
        description: [`${t('reminders.csv.domain')}: ${domainLabel(m.domain)}`, m.description].filter(Boolean).join('\n'),
        url: itemUrl(baseUrl, wid, 'milestone', m.id),
      });
    }
    for (const a of m.actions) {
      if (!isRealDate(a.dueDate) || FINISHED_STATUSES.includes(a.status)) continue;
      entries.push({
        uid: `action-${a.id}`,
        date: a.dueDate,
        summary: t('reminders.ics.action', { title: a.title }),
        description: [
          `${t('reminders.csv.milestone')}: ${m.title}`,
          `${t('reminders.csv.owner')}: ${a.ownerName ?? t('reminders.noOwner')}`,
          `${t('reminders.csv.status')}: ${actionStatusLabel(t, a.status)}`,
          a.description,
        ]
          .filter(Boolean)
          .join('\n'),
        url: itemUrl(baseUrl, wid, 'action', a.id),
      });
    }
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return toICalendar({ name: t('reminders.print.title', { name: data.workspace.name }), entries, now });
}

/**
 * The whole workspace as JSON, for someone who wants to keep or move it. Members appear by name and
 * profession only: e-mail addresses stay on the platform. (Per-member answer keys, such as
 * '6.2.toezegging.<id>', keep the account id the workbook stores them under.)
 */
export function workbookJson(data: WorkbookExport, now: Date): string {
  const comment = (c: ExportComment) => ({ author: c.authorName, body: c.body, createdAt: c.createdAt });
  const document = {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    workspace: { name: data.workspace.name, kind: data.workspace.kind, createdAt: data.workspace.createdAt, updatedAt: data.workspace.updatedAt },
    members: data.members.map((m) => ({ name: m.name, profession: m.professionName })),
    answers: data.answers.map((a) => ({
      key: a.key,
      label: a.label,
      value: a.value,
      ...(a.display !== a.value ? { display: a.display } : {}),
      updatedBy: a.updatedByName,
      updatedAt: a.updatedAt,
    })),
    milestones: data.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      domain: m.domain,
      dueDate: m.dueDate,
      horizon: m.horizon,
      position: m.position,
      celebrationPlan: m.celebrationPlan,
      reachedAt: m.reachedAt,
      celebrationNote: m.celebrationNote,
      sourceDream: m.sourceDream,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      comments: m.comments.map(comment),
      actions: m.actions.map((a) => ({
        id: a.id,
        title: a.title,
        description: a.description,
        owner: a.ownerName,
        dueDate: a.dueDate,
        status: a.status,
        support: a.support,
        headwind: a.headwind,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        updatedBy: a.updatedByName,
        comments: a.comments.map(comment),
      })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The milestones in the shape the roadmap picture and table take. */
export function roadmapMilestones(data: WorkbookExport): RoadmapMilestone[] {
  return toRoadmapMilestones(data.milestones);
}

export interface AnswerSection {
  readonly title: string;
  readonly answers: readonly ExportAnswer[];
}

export interface AnswerStep {
  readonly step: StepSlug;
  readonly part: 'zelf' | 'samen';
  readonly sections: readonly AnswerSection[];
}

/** The answers with text, per step and section in the workbook's order, for reading on paper. */
export function answersByStep(data: WorkbookExport): { steps: AnswerStep[]; other: ExportAnswer[] } {
  const filled = data.answers.filter((a) => a.display.trim() !== '');
  const steps: AnswerStep[] = [];
  for (const slug of ALL_STEPS) {
    const inStep = filled.filter((a) => a.step === slug);
    if (inStep.length === 0) continue;
    const sections: { title: string; answers: ExportAnswer[] }[] = [];
    for (const answer of inStep) {
      const title = answer.sectionTitle ?? '';
      const last = sections[sections.length - 1];
      if (last && last.title === title) last.answers.push(answer);
      else sections.push({ title, answers: [answer] });
    }
    steps.push({ step: slug, part: (MMM_STEPS as readonly string[]).includes(slug) ? 'zelf' : 'samen', sections });
  }
  return { steps, other: filled.filter((a) => a.step === null) };
}

/** Personal data leaving the platform is traceable: who took which workspace in which format. */
export async function recordWorkbookExport(
  tx: Tx,
  deps: AppDeps,
  entry: { actorId: string; workspaceId: string; format: ExportFormat; ip: string | null },
): Promise<void> {
  await recordAudit(
    tx.db,
    { actorId: entry.actorId, event: 'workbook.exported', target: `workspace:${entry.workspaceId}`, detail: { format: entry.format }, ip: entry.ip },
    deps.clock(),
  );
}
