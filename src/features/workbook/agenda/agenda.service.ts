import type { Selectable } from 'kysely';
import type { AppDeps } from '../../../platform/app-deps.js';
import { newId } from '../../../platform/auth/tokens.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Tx } from '../../../platform/db/transaction.js';
import type { FieldProblem } from '../../../platform/http/forms.js';
import { getUsers } from '../../../platform/auth/users.js';
import { theBook } from '../../book/book.service.js';
import { ADOPTED_DREAM_KEY } from '../workbook.steps.js';
import {
  listWorkspaceMembers,
  listWorkspacesOfUser,
  loadAnswers,
  saveAnswers,
  touchWorkspace,
  type AnswerSubmission,
  type Workspace,
} from '../workbook.service.js';
import { dayNumber, toRoadmapMilestones, type Domain, type Horizon, type RoadmapMilestone } from '../shared/roadmap.js';
import {
  addDays,
  isActionStatus,
  isDomain,
  isHorizon,
  OPEN_ACTION_STATUSES,
  ownerProblem,
  TITLE_MAX_LENGTH,
  type ActionInput,
  type ActionStatus,
  type MilestoneInput,
  type SubjectKind,
} from './agenda.schemas.js';
import type { AgendaActionsTable, AgendaMilestonesTable } from './agenda.tables.js';
import * as repo from './agenda.repo.js';

export { dueDateProblem, ownerProblem, parseDay } from './agenda.schemas.js';

/** The answer keys the workbook shows as the dream's story and its statement. */
export const DREAM_STORY_KEY = '2.verhaal';
export const DREAM_STATEMENT_KEY = '3.statement';

export interface Milestone {
  readonly id: string;
  readonly workspaceId: string;
  readonly title: string;
  readonly description: string;
  readonly domain: Domain;
  readonly dueDate: string | null;
  readonly horizon: Horizon | null;
  readonly position: number;
  readonly celebrationPlan: string;
  readonly reachedAt: string | null;
  readonly celebrationNote: string | null;
  /** The number of the book's dream it was adopted from. */
  readonly sourceDream: number | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedByName: string | null;
  readonly updatedAt: string;
}

export interface Action {
  readonly id: string;
  readonly workspaceId: string;
  readonly milestoneId: string;
  readonly title: string;
  readonly description: string;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly dueDate: string | null;
  readonly status: ActionStatus;
  readonly support: string;
  readonly headwind: string;
  readonly position: number;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedByName: string | null;
  readonly updatedAt: string;
}

export interface MilestoneWithActions extends Milestone {
  readonly actions: readonly Action[];
}

export interface ActionWithMilestone extends Action {
  readonly milestoneTitle: string;
}

export interface Comment {
  readonly id: string;
  readonly authorId: string | null;
  readonly authorName: string | null;
  readonly body: string;
  readonly createdAt: string;
}

/** Today's calendar date for the rules (UTC), from the application's clock. */
export function todayOf(deps: Pick<AppDeps, 'clock'>): string {
  return deps.clock().toISOString().slice(0, 10);
}

// Pure rules

/**
 * The horizon of a milestone adopted from a book dream, from the book's free-text timeframe
 * ("1 jaar", "Na 15 jaar", "tot 2024", "Vanaf nu", "een voortdurend proces", "niet gespecificeerd").
 * A year is compared with the current one: passed or this year is 'nu', else the nearest horizon
 * that reaches it. Without anything to go on the milestone is ongoing.
 */
export function horizonFromTimeframe(text: string, currentYear: number): Horizon {
  const t = text.toLowerCase();
  if (/doorlopend|voortdurend|voortschrijdend|continu/.test(t)) return 'doorlopend';
  const year = /\b(1[89]\d\d|2\d\d\d)\b/.exec(t);
  if (year) return horizonForYears(Number(year[1]) - currentYear);
  const years = [...t.matchAll(/(\d+)\s*jaar/g)].map((m) => Number(m[1]));
  if (years.length > 0) return horizonForYears(Math.max(...years));
  if (/\bnu\b|direct|meteen/.test(t)) return 'nu';
  return 'doorlopend';
}

/** The nearest horizon at least `years` away. */
export function horizonForYears(years: number): Horizon {
  if (years <= 0) return 'nu';
  if (years <= 1) return '1-jaar';
  if (years <= 5) return '5-jaar';
  if (years <= 10) return '10-jaar';
  return '20-jaar';
}

/**
 * The book's dream domains onto the agenda's: both Zorg and Werk counts as Werk, the general ones are
 * about people, and so is a dream the book gives no domain (the team chooses in the form anyway).
 */
export function defaultDomainForDream(bookDomain: string | null): Domain {
  switch ((bookDomain ?? '').trim().toLowerCase()) {
    case 'zorg':
      return 'zorg';
    case 'werk':
    case 'zorg en werk':
      return 'werk';
    default:
      return 'mensen';
  }
}

/** A book text as a title of at most 200 characters, cut at a word; the whole text then goes in the description. */
export function titleFromText(text: string, max = TITLE_MAX_LENGTH): { title: string; rest: boolean } {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return { title: clean, rest: false };
  let cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  return { title: `${cut.trimEnd()}…`, rest: true };
}

export interface MyAction {
  readonly id: string;
  readonly title: string;
  readonly status: ActionStatus;
  readonly dueDate: string | null;
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly milestoneId: string;
  readonly milestoneTitle: string;
}

export interface MyActionGroups {
  readonly overdue: readonly MyAction[];
  /** Due from today up to and including six days ahead. */
  readonly thisWeek: readonly MyAction[];
  readonly later: readonly MyAction[];
  readonly noDate: readonly MyAction[];
}

export function groupMyActions(actions: readonly MyAction[], today: string): MyActionGroups {
  const weekEnd = addDays(today, 6);
  const groups = { overdue: [] as MyAction[], thisWeek: [] as MyAction[], later: [] as MyAction[], noDate: [] as MyAction[] };
  for (const a of actions) {
    // A stored date that is no real date cannot be placed in time.
    if (a.dueDate === null || dayNumber(a.dueDate) === null) groups.noDate.push(a);
    else if (a.dueDate < today) groups.overdue.push(a);
    else if (a.dueDate <= weekEnd) groups.thisWeek.push(a);
    else groups.later.push(a);
  }
  const byDate = (x: MyAction, y: MyAction) => (x.dueDate ?? '').localeCompare(y.dueDate ?? '') || x.title.localeCompare(y.title, 'nl');
  for (const list of Object.values(groups)) list.sort(byDate);
  return groups;
}

// Snapshots and their differences

type Snapshot = Readonly<Record<string, string | number | null>>;

function milestoneSnapshot(row: Selectable<AgendaMilestonesTable>): Snapshot {
  return {
    title: row.title,
    description: row.description,
    domain: row.domain,
    dueDate: row.due_date,
    horizon: row.horizon,
    position: Number(row.position),
    celebrationPlan: row.celebration_plan,
    reachedAt: row.reached_at,
    celebrationNote: row.celebration_note,
    sourceDream: row.source_dream === null ? null : Number(row.source_dream),
  };
}

function actionSnapshot(row: Selectable<AgendaActionsTable>): Snapshot {
  return {
    title: row.title,
    description: row.description,
    milestoneId: row.milestone_id,
    ownerId: row.owner_id,
    dueDate: row.due_date,
    status: row.status,
    support: row.support,
    headwind: row.headwind,
    position: Number(row.position),
  };
}

/** A snapshot's fields as people see them: a milestone's date or horizon is one "timeframe". */
function comparable(kind: SubjectKind, s: Snapshot): Record<string, string | null> {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  if (kind === 'milestone') {
    return {
      title: text(s.title),
      description: text(s.description),
      domain: text(s.domain),
      timeframe: text(s.dueDate) ?? text(s.horizon),
      celebrationPlan: text(s.celebrationPlan),
      position: text(s.position),
      reachedAt: text(s.reachedAt),
      celebrationNote: text(s.celebrationNote),
    };
  }
  return {
    title: text(s.title),
    description: text(s.description),
    milestoneId: text(s.milestoneId),
    ownerId: text(s.ownerId),
    dueDate: text(s.dueDate),
    status: text(s.status),
    support: text(s.support),
    headwind: text(s.headwind),
    position: text(s.position),
  };
}

export interface FieldChange {
  readonly field: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** Which fields differ between two snapshots, in the order of the form. */
export function diffSnapshots(kind: SubjectKind, before: Snapshot, after: Snapshot): FieldChange[] {
  const a = comparable(kind, before);
  const b = comparable(kind, after);
  const changes: FieldChange[] = [];
  for (const field of Object.keys(b)) {
    const from = a[field] ?? null;
    const to = b[field] ?? null;
    if ((from ?? '') !== (to ?? '')) changes.push({ field, from, to });
  }
  return changes;
}

function parseSnapshot(json: string): Snapshot {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Snapshot) : {};
  } catch {
    return {};
  }
}

// Reading

async function namesOf(db: Queryable, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => id !== null))];
  return new Map((await getUsers(db, unique)).map((u) => [u.id, u.name]));
}

function toMilestone(row: Selectable<AgendaMilestonesTable>, names: ReadonlyMap<string, string>): Milestone {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    description: row.description,
    // Written only through the forms; an odd stored value is shown under "mensen" rather than lost.
    domain: isDomain(row.domain) ? row.domain : 'mensen',
    dueDate: row.due_date,
    horizon: row.horizon !== null && isHorizon(row.horizon) ? row.horizon : null,
    position: Number(row.position),
    celebrationPlan: row.celebration_plan,
    reachedAt: row.reached_at,
    celebrationNote: row.celebration_note,
    sourceDream: row.source_dream === null ? null : Number(row.source_dream),
    version: Number(row.version),
    createdAt: row.created_at,
    updatedByName: row.updated_by ? (names.get(row.updated_by) ?? null) : null,
    updatedAt: row.updated_at,
  };
}

function toAction(row: Selectable<AgendaActionsTable>, names: ReadonlyMap<string, string>): Action {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    milestoneId: row.milestone_id,
    title: row.title,
    description: row.description,
    ownerId: row.owner_id,
    ownerName: row.owner_id ? (names.get(row.owner_id) ?? null) : null,
    dueDate: row.due_date,
    status: isActionStatus(row.status) ? row.status : 'idee',
    support: row.support,
    headwind: row.headwind,
    position: Number(row.position),
    version: Number(row.version),
    createdAt: row.created_at,
    updatedByName: row.updated_by ? (names.get(row.updated_by) ?? null) : null,
    updatedAt: row.updated_at,
  };
}

/** All milestones of a workspace in their manual order, each with its actions and the names of their owners. */
export async function listMilestones(db: Queryable, workspaceId: string): Promise<MilestoneWithActions[]> {
  const milestoneRows = await repo.selectMilestones(db, workspaceId);
  const actionRows = milestoneRows.length > 0 ? await repo.selectActionsOfWorkspace(db, workspaceId) : [];
  const names = await namesOf(db, [...milestoneRows.map((r) => r.updated_by), ...actionRows.flatMap((r) => [r.owner_id, r.updated_by])]);
  const actionsOf = new Map<string, Action[]>();
  for (const row of actionRows) {
    const list = actionsOf.get(row.milestone_id) ?? [];
    list.push(toAction(row, names));
    actionsOf.set(row.milestone_id, list);
  }
  return milestoneRows.map((row) => ({ ...toMilestone(row, names), actions: actionsOf.get(row.id) ?? [] }));
}

export async function getMilestone(db: Queryable, workspaceId: string, milestoneId: string): Promise<MilestoneWithActions | undefined> {
  const row = await repo.selectMilestone(db, workspaceId, milestoneId);
  if (!row) return undefined;
  const actionRows = await repo.selectActionsOfMilestone(db, workspaceId, milestoneId);
  const names = await namesOf(db, [row.updated_by, ...actionRows.flatMap((r) => [r.owner_id, r.updated_by])]);
  return { ...toMilestone(row, names), actions: actionRows.map((r) => toAction(r, names)) };
}

export async function getAction(db: Queryable, workspaceId: string, actionId: string): Promise<ActionWithMilestone | undefined> {
  const row = await repo.selectAction(db, workspaceId, actionId);
  if (!row) return undefined;
  const milestone = await repo.selectMilestone(db, workspaceId, row.milestone_id);
  if (!milestone) return undefined;
  const names = await namesOf(db, [row.owner_id, row.updated_by]);
  return { ...toAction(row, names), milestoneTitle: milestone.title };
}

/** The roadmap's view of the milestones. */
export function roadmapMilestones(milestones: readonly MilestoneWithActions[]): RoadmapMilestone[] {
  return toRoadmapMilestones(milestones);
}

export async function listComments(db: Queryable, workspaceId: string, kind: SubjectKind, subjectId: string): Promise<Comment[]> {
  const rows = await repo.selectComments(db, workspaceId, kind, subjectId);
  const names = await namesOf(db, rows.map((r) => r.author_id));
  return rows.map((r) => ({ id: r.id, authorId: r.author_id, authorName: r.author_id ? (names.get(r.author_id) ?? null) : null, body: r.body, createdAt: r.created_at }));
}

export interface HistoryEntry {
  readonly version: number;
  readonly changedByName: string | null;
  readonly changedAt: string;
  /** The first version: made (or adopted from a dream). */
  readonly created: boolean;
  /** What changed since the version before; owners and milestones already as names and titles. */
  readonly changes: readonly FieldChange[];
}

/** Every version of a milestone or action, newest first, with what changed each time. */
export async function history(db: Queryable, workspaceId: string, kind: SubjectKind, subjectId: string): Promise<HistoryEntry[]> {
  const rows = await repo.selectRevisions(db, workspaceId, kind, subjectId);
  const snapshots = rows.map((r) => parseSnapshot(r.snapshot));
  const ownerIds = snapshots.map((s) => (typeof s.ownerId === 'string' ? s.ownerId : null));
  const names = await namesOf(db, [...rows.map((r) => r.changed_by), ...ownerIds]);
  const milestoneTitles = kind === 'action' ? new Map((await repo.selectMilestones(db, workspaceId)).map((m) => [m.id, m.title])) : new Map<string, string>();
  const label = (field: string, value: string | null) => {
    if (value === null) return null;
    if (field === 'ownerId') return names.get(value) ?? null;
    if (field === 'milestoneId') return milestoneTitles.get(value) ?? null;
    return value;
  };
  const entries = rows.map((r, i) => ({
    version: Number(r.version),
    changedByName: r.changed_by ? (names.get(r.changed_by) ?? null) : null,
    changedAt: r.changed_at,
    created: i === 0,
    changes: i === 0 ? [] : diffSnapshots(kind, snapshots[i - 1]!, snapshots[i]!).map((c) => ({ field: c.field, from: label(c.field, c.from), to: label(c.field, c.to) })),
  }));
  return entries.reverse();
}

// Writing: every change raises the version and keeps a snapshot, in the caller's transaction.

async function recordRevision(tx: Tx, workspaceId: string, kind: SubjectKind, subjectId: string, version: number, snapshot: Snapshot, userId: string, now: string) {
  await repo.insertRevision(tx.db, {
    id: newId(),
    workspace_id: workspaceId,
    subject_kind: kind,
    subject_id: subjectId,
    version,
    snapshot: JSON.stringify(snapshot),
    changed_by: userId,
    changed_at: now,
  });
}

async function afterMilestoneChange(tx: Tx, deps: AppDeps, workspaceId: string, milestoneId: string, userId: string, now: string) {
  const row = await repo.selectMilestone(tx.db, workspaceId, milestoneId);
  if (row) await recordRevision(tx, workspaceId, 'milestone', milestoneId, Number(row.version), milestoneSnapshot(row), userId, now);
  await touchWorkspace(tx.db, deps, workspaceId);
}

async function afterActionChange(tx: Tx, deps: AppDeps, workspaceId: string, actionId: string, userId: string, now: string) {
  const row = await repo.selectAction(tx.db, workspaceId, actionId);
  if (row) await recordRevision(tx, workspaceId, 'action', actionId, Number(row.version), actionSnapshot(row), userId, now);
  await touchWorkspace(tx.db, deps, workspaceId);
}

export interface ConflictField {
  readonly field: string;
  /** Owners and milestones as names and titles. */
  readonly mine: string | null;
  readonly theirs: string | null;
}

/** A save that came after someone else's: nothing was written. */
export interface EditConflict {
  readonly storedVersion: number;
  readonly storedByName: string | null;
  readonly storedAt: string;
  /** Fields both people changed, differently. */
  readonly fields: readonly ConflictField[];
  /** Fields only the other person changed: their text stays in the form. */
  readonly alsoChanged: readonly ConflictField[];
  /** The form to save again: this person's changes on top of the stored version. */
  readonly values: Readonly<Record<string, string>>;
}

export type EditResult =
  | { readonly ok: true; readonly changed: boolean }
  | { readonly ok: false; readonly reason: 'gone' }
  | { readonly ok: false; readonly reason: 'milestoneGone' }
  | { readonly ok: false; readonly reason: 'problems'; readonly problems: readonly FieldProblem[] }
  | { readonly ok: false; readonly reason: 'conflict'; readonly conflict: EditConflict };

/**
 * Compares this person's fields with the stored ones and the version their form showed: a field
 * changed by both is a conflict; a field only the other person changed keeps their text.
 */
async function buildConflict(
  db: Queryable,
  kind: SubjectKind,
  workspaceId: string,
  subjectId: string,
  mine: Record<string, string | null>,
  stored: { snapshot: Snapshot; version: number; updatedBy: string | null; updatedAt: string },
  baseVersion: number,
): Promise<EditConflict> {
  const baseRow = baseVersion > 0 ? await repo.selectRevision(db, workspaceId, kind, subjectId, baseVersion) : undefined;
  const base = baseRow ? comparable(kind, parseSnapshot(baseRow.snapshot)) : undefined;
  const theirs = comparable(kind, stored.snapshot);
  const merged: Record<string, string | null> = {};
  const fields: { field: string; mine: string | null; theirs: string | null }[] = [];
  const alsoChanged: typeof fields = [];
  for (const field of Object.keys(mine)) {
    const m = mine[field] ?? null;
    const t = theirs[field] ?? null;
    merged[field] = m;
    if ((m ?? '') === (t ?? '')) continue;
    if (base && (base[field] ?? '') === (m ?? '')) {
      merged[field] = t;
      alsoChanged.push({ field, mine: m, theirs: t });
    } else if (!base || (base[field] ?? '') !== (t ?? '')) {
      fields.push({ field, mine: m, theirs: t });
    }
  }
  const ids = [stored.updatedBy, ...[...fields, ...alsoChanged].filter((f) => f.field === 'ownerId').flatMap((f) => [f.mine, f.theirs])];
  const names = await namesOf(db, ids);
  const titles =
    kind === 'action' && [...fields, ...alsoChanged].some((f) => f.field === 'milestoneId')
      ? new Map((await repo.selectMilestones(db, workspaceId)).map((r) => [r.id, r.title]))
      : new Map<string, string>();
  const label = (f: { field: string; mine: string | null; theirs: string | null }): ConflictField => {
    const lookup = f.field === 'ownerId' ? names : f.field === 'milestoneId' ? titles : undefined;
    const show = (v: string | null) => (v === null || !lookup ? v : (lookup.get(v) ?? v));
    return { field: f.field, mine: show(f.mine), theirs: show(f.theirs) };
  };
  return {
    storedVersion: stored.version,
    storedByName: stored.updatedBy ? (names.get(stored.updatedBy) ?? null) : null,
    storedAt: stored.updatedAt,
    fields: fields.map(label),
    alsoChanged: alsoChanged.map(label),
    values: kind === 'milestone' ? milestoneFormValuesOf(merged) : actionFormValuesOf(merged),
  };
}

function milestoneFormValuesOf(f: Record<string, string | null>): Record<string, string> {
  const timeframe = f.timeframe ?? '';
  const isDate = isHorizon(timeframe) ? false : timeframe !== '';
  return {
    title: f.title ?? '',
    description: f.description ?? '',
    domain: f.domain ?? '',
    timeframeKind: isDate ? 'datum' : 'termijn',
    dueDate: isDate ? timeframe : '',
    horizon: isDate ? '' : timeframe,
    celebrationPlan: f.celebrationPlan ?? '',
  };
}

function actionFormValuesOf(f: Record<string, string | null>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of ['title', 'description', 'ownerId', 'dueDate', 'status', 'support', 'headwind', 'milestoneId']) values[key] = f[key] ?? '';
  return values;
}

/** The fields of a milestone that its edit form holds. */
function milestoneFormFields(input: MilestoneInput): Record<string, string | null> {
  return {
    title: input.title,
    description: input.description,
    domain: input.domain,
    timeframe: input.dueDate ?? input.horizon,
    celebrationPlan: input.celebrationPlan,
  };
}

function actionFormFields(input: ActionInput, milestoneId: string): Record<string, string | null> {
  return {
    title: input.title,
    description: input.description,
    milestoneId,
    ownerId: input.ownerId,
    dueDate: input.dueDate,
    status: input.status,
    support: input.support,
    headwind: input.headwind,
  };
}

function sameFields(mine: Record<string, string | null>, stored: Record<string, string | null>): boolean {
  return Object.keys(mine).every((k) => (mine[k] ?? '') === (stored[k] ?? ''));
}

export async function createMilestone(
  tx: Tx,
  deps: AppDeps,
  workspaceId: string,
  userId: string,
  input: MilestoneInput,
  sourceDream: number | null = null,
): Promise<string> {
  const now = deps.clock().toISOString();
  const id = newId();
  await repo.insertMilestone(tx.db, {
    id,
    workspace_id: workspaceId,
    title: input.title,
    description: input.description,
    domain: input.domain,
    due_date: input.dueDate,
    horizon: input.dueDate === null ? input.horizon : null,
    position: (await repo.selectMaxMilestonePosition(tx.db, workspaceId)) + 1,
    celebration_plan: input.celebrationPlan,
    reached_at: null,
    celebration_note: null,
    source_dream: sourceDream,
    version: 1,
    created_by: userId,
    created_at: now,
    updated_by: userId,
    updated_at: now,
  });
  await afterMilestoneChange(tx, deps, workspaceId, id, userId, now);
  return id;
}

export async function updateMilestone(
  tx: Tx,
  deps: AppDeps,
  workspaceId: string,
  userId: string,
  milestoneId: string,
  input: MilestoneInput,
  baseVersion: number,
): Promise<EditResult> {
  const mine = milestoneFormFields(input);
  for (let attempt = 0; attempt < 2; attempt++) {
    const row = await repo.selectMilestone(tx.db, workspaceId, milestoneId);
    if (!row) return { ok: false, reason: 'gone' };
    const snapshot = milestoneSnapshot(row);
    const storedFields = comparable('milestone', snapshot);
    if (sameFields(mine, storedFields)) return { ok: true, changed: false };
    const version = Number(row.version);
    if (version !== baseVersion) {
      const stored = { snapshot, version, updatedBy: row.updated_by, updatedAt: row.updated_at };
      return { ok: false, reason: 'conflict', conflict: await buildConflict(tx.db, 'milestone', workspaceId, milestoneId, mine, stored, baseVersion) };
    }
    const now = deps.clock().toISOString();
    const written = await repo.updateMilestoneIfVersion(tx.db, workspaceId, milestoneId, version, {
      title: input.title,
      description: input.description,
      domain: input.domain,
      due_date: input.dueDate,
      horizon: input.dueDate === null ? input.horizon : null,
      celebration_plan: input.celebrationPlan,
      updated_by: userId,
      updated_at: now,
    });
    // Lost to a save that committed between the read and the write: read again, which shows the conflict.
    if (!written) continue;
    await afterMilestoneChange(tx, deps, workspaceId, milestoneId, userId, now);
    return { ok: true, changed: true };
  }
  return { ok: false, reason: 'gone' };
}

/** Deletes a milestone with its actions, and the comments and history of both. */
export async function deleteMilestone(tx: Tx, deps: AppDeps, workspaceId: string, milestoneId: string): Promise<boolean> {
  if (!(await repo.selectMilestoneForDelete(tx.db, workspaceId, milestoneId))) return false;
  const actionIds = (await repo.selectActionIdsOfMilestone(tx.db, workspaceId, milestoneId)).map((r) => r.id);
  await repo.deleteCommentsOf(tx.db, workspaceId, 'action', actionIds);
  await repo.deleteRevisionsOf(tx.db, workspaceId, 'action', actionIds);
  await repo.deleteCommentsOf(tx.db, workspaceId, 'milestone', [milestoneId]);
  await repo.deleteRevisionsOf(tx.db, workspaceId, 'milestone', [milestoneId]);
  // The actions go with it (foreign key cascade).
  const deleted = await repo.deleteMilestone(tx.db, workspaceId, milestoneId);
  if (deleted) await touchWorkspace(tx.db, deps, workspaceId);
  return deleted;
}

export async function markReached(tx: Tx, deps: AppDeps, workspaceId: string, userId: string, milestoneId: string, celebrationNote: string): Promise<boolean> {
  const now = deps.clock().toISOString();
  const row = await repo.selectMilestone(tx.db, workspaceId, milestoneId);
  if (!row) return false;
  const changed = await repo.updateMilestoneBumping(tx.db, workspaceId, milestoneId, {
    // Correcting the note keeps the day it was reached.
    reached_at: row.reached_at ?? now,
    celebration_note: celebrationNote,
    updated_by: userId,
    updated_at: now,
  });
  if (changed) await afterMilestoneChange(tx, deps, workspaceId, milestoneId, userId, now);
  return changed;
}

export async function markNotReached(tx: Tx, deps: AppDeps, workspaceId: string, userId: string, milestoneId: string): Promise<boolean> {
  const row = await repo.selectMilestone(tx.db, workspaceId, milestoneId);
  if (!row) return false;
  if (row.reached_at === null) return true;
  const now = deps.clock().toISOString();
  // The note goes too; the history keeps it.
  const changed = await repo.updateMilestoneBumping(tx.db, workspaceId, milestoneId, { reached_at: null, celebration_note: null, updated_by: userId, updated_at: now });
  if (changed) await afterMilestoneChange(tx, deps, workspaceId, milestoneId, userId, now);
  return changed;
}

/** Swaps a milestone with its neighbour in the same domain; false when the milestone does not exist. */
export async function moveMilestone(tx: Tx, deps: AppDeps, workspaceId: string, userId: string, milestoneId: string, direction: 'up' | 'down'): Promise<boolean> {
  const rows = await repo.selectMilestones(tx.db, workspaceId);
  const target = rows.find((r) => r.id === milestoneId);
  if (!target) return false;
  const domain = isDomain(target.domain) ? target.domain : 'mensen';
  const sameDomain = rows.filter((r) => (isDomain(r.domain) ? r.domain : 'mensen') === domain);
  const index = sameDomain.indexOf(target);
  const neighbour = sameDomain[direction === 'up' ? index - 1 : index + 1];
  if (!neighbour) return true;
  const now = deps.clock().toISOString();
  const [a, b] = [Number(target.position), Number(neighbour.position)];
  // Equal positions (two milestones made at the same moment) still have to come apart.
  const targetPosition = a === b ? (direction === 'up' ? b - 1 : b + 1) : b;
  await repo.updateMilestoneBumping(tx.db, workspaceId, target.id, { position: targetPosition, updated_by: userId, updated_at: now });
  await repo.updateMilestoneBumping(tx.db, workspaceId, neighbour.id, { position: a, updated_by: userId, updated_at: now });
  await afterMilestoneChange(tx, deps, workspaceId, target.id, userId, now);
  await afterMilestoneChange(tx, deps, workspaceId, neighbour.id, userId, now);
  return true;
}

async function memberIdsOf(db: Queryable, workspace: Workspace): Promise<string[]> {
  return (await listWorkspaceMembers(db, workspace)).map((m) => m.userId);
}

export type CreateActionResult =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly reason: 'milestoneGone' }
  | { readonly ok: false; readonly reason: 'problems'; readonly problems: readonly FieldProblem[] };

export async function createAction(tx: Tx, deps: AppDeps, workspace: Workspace, userId: string, milestoneId: string, input: ActionInput): Promise<CreateActionResult> {
  // Locks the milestone (PostgreSQL), so it cannot be deleted under the new action.
  if (!(await repo.selectMilestoneForChildren(tx.db, workspace.id, milestoneId))) return { ok: false, reason: 'milestoneGone' };
  const owner = ownerProblem(input.ownerId, await memberIdsOf(tx.db, workspace));
  if (owner) return { ok: false, reason: 'problems', problems: [{ field: 'ownerId', message: owner }] };
  const now = deps.clock().toISOString();
  const id = newId();
  await repo.insertAction(tx.db, {
    id,
    workspace_id: workspace.id,
    milestone_id: milestoneId,
    title: input.title,
    description: input.description,
    owner_id: input.ownerId,
    due_date: input.dueDate,
    status: input.status,
    support: input.support,
    headwind: input.headwind,
    position: (await repo.selectMaxActionPosition(tx.db, workspace.id, milestoneId)) + 1,
    version: 1,
    created_by: userId,
    created_at: now,
    updated_by: userId,
    updated_at: now,
  });
  await afterActionChange(tx, deps, workspace.id, id, userId, now);
  return { ok: true, id };
}

/** Saves an action's form; `milestoneId` moves it to another milestone of the same workspace. */
export async function updateAction(
  tx: Tx,
  deps: AppDeps,
  workspace: Workspace,
  userId: string,
  actionId: string,
  input: ActionInput,
  baseVersion: number,
  milestoneId: string | null,
): Promise<EditResult> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const row = await repo.selectAction(tx.db, workspace.id, actionId);
    if (!row) return { ok: false, reason: 'gone' };
    const target = milestoneId ?? row.milestone_id;
    // Also the current milestone: a deletion then waits for this save and removes its revision too.
    if (!(await repo.selectMilestoneForChildren(tx.db, workspace.id, target))) return { ok: false, reason: target === row.milestone_id ? 'gone' : 'milestoneGone' };
    const owner = ownerProblem(input.ownerId, await memberIdsOf(tx.db, workspace), row.owner_id);
    if (owner) return { ok: false, reason: 'problems', problems: [{ field: 'ownerId', message: owner }] };
    const mine = actionFormFields(input, target);
    const snapshot = actionSnapshot(row);
    if (sameFields(mine, comparable('action', snapshot))) return { ok: true, changed: false };
    const version = Number(row.version);
    if (version !== baseVersion) {
      const stored = { snapshot, version, updatedBy: row.updated_by, updatedAt: row.updated_at };
      return { ok: false, reason: 'conflict', conflict: await buildConflict(tx.db, 'action', workspace.id, actionId, mine, stored, baseVersion) };
    }
    const now = deps.clock().toISOString();
    const moved = target !== row.milestone_id;
    const written = await repo.updateActionIfVersion(tx.db, workspace.id, actionId, version, {
      milestone_id: target,
      ...(moved ? { position: (await repo.selectMaxActionPosition(tx.db, workspace.id, target)) + 1 } : {}),
      title: input.title,
      description: input.description,
      owner_id: input.ownerId,
      due_date: input.dueDate,
      status: input.status,
      support: input.support,
      headwind: input.headwind,
      updated_by: userId,
      updated_at: now,
    });
    if (!written) continue;
    await afterActionChange(tx, deps, workspace.id, actionId, userId, now);
    return { ok: true, changed: true };
  }
  return { ok: false, reason: 'gone' };
}

export async function deleteAction(tx: Tx, deps: AppDeps, workspaceId: string, actionId: string): Promise<{ milestoneId: string } | undefined> {
  const row = await repo.selectActionLocked(tx.db, workspaceId, actionId, 'delete');
  if (!row) return undefined;
  await repo.deleteCommentsOf(tx.db, workspaceId, 'action', [actionId]);
  await repo.deleteRevisionsOf(tx.db, workspaceId, 'action', [actionId]);
  await repo.deleteAction(tx.db, workspaceId, actionId);
  await touchWorkspace(tx.db, deps, workspaceId);
  return { milestoneId: row.milestone_id };
}

// Comments

export async function addComment(tx: Tx, deps: AppDeps, workspaceId: string, userId: string, kind: SubjectKind, subjectId: string, body: string): Promise<boolean> {
  if (kind === 'action') {
    // The milestone first: deleting it removes the action's comments, so it has to wait for this one.
    const action = await repo.selectAction(tx.db, workspaceId, subjectId);
    if (!action || !(await repo.selectMilestoneForChildren(tx.db, workspaceId, action.milestone_id))) return false;
    if (!(await repo.selectActionLocked(tx.db, workspaceId, subjectId, 'children'))) return false;
  } else if (!(await repo.selectMilestoneForChildren(tx.db, workspaceId, subjectId))) {
    return false;
  }
  await repo.insertComment(tx.db, {
    id: newId(),
    workspace_id: workspaceId,
    subject_kind: kind,
    subject_id: subjectId,
    author_id: userId,
    body,
    created_at: deps.clock().toISOString(),
  });
  return true;
}

export type DeleteCommentResult =
  | { readonly ok: true; readonly kind: SubjectKind; readonly subjectId: string }
  | { readonly ok: false; readonly reason: 'notFound' | 'notOwn' };

/** Only the author deletes a comment. */
export async function deleteComment(tx: Tx, workspaceId: string, userId: string, commentId: string): Promise<DeleteCommentResult> {
  const row = await repo.selectComment(tx.db, workspaceId, commentId);
  if (!row) return { ok: false, reason: 'notFound' };
  if (row.author_id !== userId) return { ok: false, reason: 'notOwn' };
  if (!(await repo.deleteOwnComment(tx.db, workspaceId, commentId, userId))) return { ok: false, reason: 'notFound' };
  return { ok: true, kind: row.subject_kind === 'action' ? 'action' : 'milestone', subjectId: row.subject_id };
}

// Dreams from the book

export interface DreamChoice {
  readonly number: number;
  readonly slug: string;
  readonly title: string;
  readonly region: string;
  /** As the book names it: Zorg, Werk, Algemeen, Zorg en Werk. */
  /** null where the book names no domain for the dream. */
  readonly bookDomain: string | null;
  readonly summary: string;
  readonly href: string;
  readonly milestones: number;
  readonly actions: number;
  readonly defaultDomain: Domain;
}

function dreamRef(number: number): string {
  return `droom:${number}`;
}

export function dreamChoices(): DreamChoice[] {
  const book = theBook();
  return book.pack.dreams.map((d) => ({
    number: d.number,
    slug: d.slug,
    title: book.plainTextOf(dreamRef(d.number), d.title),
    region: d.region,
    bookDomain: d.domain,
    summary: book.plainTextOf(dreamRef(d.number), d.summary),
    href: `/boek/dromen/${d.slug}`,
    milestones: d.milestones.length,
    actions: d.milestones.reduce((n, m) => n + m.actions.length, 0),
    defaultDomain: defaultDomainForDream(d.domain),
  }));
}

export function dreamLink(number: number | null): { number: number; title: string; href: string } | undefined {
  if (number === null) return undefined;
  const d = theBook().pack.dreams.find((x) => x.number === number);
  return d ? { number: d.number, title: theBook().plainTextOf(dreamRef(d.number), d.title), href: `/boek/dromen/${d.slug}` } : undefined;
}

/**
 * Adds a book dream's milestones and their actions to the agenda (added to what is there), records
 * the dream as the workbook's chosen one, and fills the story and statement when they are still empty.
 */
export async function adoptDream(
  tx: Tx,
  deps: AppDeps,
  workspaceId: string,
  userId: string,
  dreamNumber: number,
  domain: Domain,
): Promise<{ ok: true; milestones: number } | { ok: false }> {
  const book = theBook();
  const dream = book.pack.dreams.find((d) => d.number === dreamNumber);
  if (!dream) return { ok: false };
  const ref = dreamRef(dream.number);
  const currentYear = deps.clock().getUTCFullYear();
  for (const m of dream.milestones) {
    const text = titleFromText(book.plainTextOf(ref, m.title));
    const milestoneId = await createMilestone(
      tx,
      deps,
      workspaceId,
      userId,
      {
        title: text.title,
        description: text.rest ? book.plainTextOf(ref, m.title) : '',
        domain,
        dueDate: null,
        horizon: horizonFromTimeframe(m.timeframe, currentYear),
        celebrationPlan: '',
      },
      dream.number,
    );
    const now = deps.clock().toISOString();
    let position = 0;
    for (const actionText of m.actions) {
      const action = titleFromText(book.plainTextOf(ref, actionText));
      const id = newId();
      position += 1;
      await repo.insertAction(tx.db, {
        id,
        workspace_id: workspaceId,
        milestone_id: milestoneId,
        title: action.title,
        description: action.rest ? book.plainTextOf(ref, actionText) : '',
        owner_id: null,
        due_date: null,
        status: 'idee',
        support: '',
        headwind: '',
        position,
        version: 1,
        created_by: userId,
        created_at: now,
        updated_by: userId,
        updated_at: now,
      });
      const row = await repo.selectAction(tx.db, workspaceId, id);
      if (row) await recordRevision(tx, workspaceId, 'action', id, 1, actionSnapshot(row), userId, now);
    }
  }
  const answers = await loadAnswers(tx.db, workspaceId, [ADOPTED_DREAM_KEY, DREAM_STORY_KEY, DREAM_STATEMENT_KEY]);
  const submissions: AnswerSubmission[] = [{ key: ADOPTED_DREAM_KEY, value: String(dream.number), baseVersion: answers.get(ADOPTED_DREAM_KEY)?.version ?? 0 }];
  const fillIfEmpty = (key: string, value: string | undefined) => {
    const current = answers.get(key);
    if (value && (!current || current.value.trim() === '')) submissions.push({ key, value, baseVersion: current?.version ?? 0 });
  };
  fillIfEmpty(DREAM_STORY_KEY, book.plainTextOf(ref, dream.summary));
  fillIfEmpty(DREAM_STATEMENT_KEY, dream.statements[0] === undefined ? undefined : book.plainTextOf(ref, dream.statements[0]));
  await saveAnswers(tx, deps, workspaceId, userId, submissions);
  return { ok: true, milestones: dream.milestones.length };
}

// Across workspaces

/** The open actions this person owns in the workspaces they still take part in, grouped by when they are due. */
export async function myActions(db: Queryable, userId: string, today: string): Promise<MyActionGroups> {
  const workspaces = await listWorkspacesOfUser(db, userId);
  const names = new Map(workspaces.map((w) => [w.id, w.name]));
  const rows = await repo.selectOpenActionsOwnedBy(db, userId, [...names.keys()], OPEN_ACTION_STATUSES);
  return groupMyActions(
    rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: isActionStatus(r.status) ? r.status : 'idee',
      dueDate: r.due_date,
      workspaceId: r.workspace_id,
      workspaceName: names.get(r.workspace_id) ?? '',
      milestoneId: r.milestone_id,
      milestoneTitle: r.milestone_title,
    })),
    today,
  );
}

export interface AgendaSummary {
  readonly milestones: number;
  readonly reached: number;
  readonly actions: number;
  readonly done: number;
  readonly myOverdue: number;
  readonly myDueThisWeek: number;
}

const count = (value: unknown): number => {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
};

/** Counts per workspace for overviews: two aggregate queries whatever the number of workspaces. */
export async function agendaSummaries(db: Queryable, workspaceIds: readonly string[], userId: string, today: string): Promise<Map<string, AgendaSummary>> {
  const out = new Map<string, AgendaSummary>();
  const ids = [...new Set(workspaceIds)];
  for (const id of ids) out.set(id, { milestones: 0, reached: 0, actions: 0, done: 0, myOverdue: 0, myDueThisWeek: 0 });
  if (ids.length === 0) return out;
  const milestoneRows = await repo.countMilestonesPerWorkspace(db, ids);
  const actionRows = await repo.countActionsPerWorkspace(db, ids, userId, today, addDays(today, 6), OPEN_ACTION_STATUSES);
  for (const r of milestoneRows) {
    const s = out.get(r.workspace_id);
    if (s) out.set(r.workspace_id, { ...s, milestones: count(r.milestones), reached: count(r.reached) });
  }
  for (const r of actionRows) {
    const s = out.get(r.workspace_id);
    if (s) out.set(r.workspace_id, { ...s, actions: count(r.actions), done: count(r.done), myOverdue: count(r.my_overdue), myDueThisWeek: count(r.my_week) });
  }
  return out;
}

