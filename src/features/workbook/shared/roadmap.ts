/**
 * The routekaart (roadmap) of a change agenda: which milestone goes in which domain row and which
 * time column. Pure functions of data, so the picture, the table and the tests agree.
 */

export const DOMAINS = ['zorg', 'werk', 'mensen', 'professionals'] as const;
export type Domain = (typeof DOMAINS)[number];

export const HORIZONS = ['nu', '1-jaar', '5-jaar', '10-jaar', '20-jaar', 'doorlopend'] as const;
export type Horizon = (typeof HORIZONS)[number];

export const DOMAIN_LABELS: Readonly<Record<Domain, string>> = {
  zorg: 'Zorg',
  werk: 'Werk',
  mensen: 'Mensen met psychische kwetsbaarheid',
  professionals: 'Professionals',
};

export const HORIZON_LABELS: Readonly<Record<Horizon, string>> = {
  nu: 'Nu',
  '1-jaar': 'Binnen 1 jaar',
  '5-jaar': 'Binnen 5 jaar',
  '10-jaar': 'Binnen 10 jaar',
  '20-jaar': 'Binnen 20 jaar',
  doorlopend: 'Doorlopend',
};

export interface RoadmapMilestone {
  readonly id: string;
  readonly title: string;
  readonly domain: Domain;
  /** 'YYYY-MM-DD' or null. */
  readonly dueDate: string | null;
  /** Exactly one of dueDate / horizon is set. */
  readonly horizon: Horizon | null;
  /** Manual order. */
  readonly position: number;
  /** ISO timestamp when reached. */
  readonly reachedAt: string | null;
  readonly actions: { readonly total: number; readonly done: number; readonly stopped: number };
  /** Owners of its actions. */
  readonly ownerIds: readonly string[];
  /** Statuses of its actions: 'idee' | 'gepland' | 'bezig' | 'gedaan' | 'gestopt'. */
  readonly statuses: readonly string[];
}

export interface RoadmapFilter {
  readonly ownerId?: string;
  readonly status?: string;
}

export interface RoadmapCell {
  readonly horizon: Horizon;
  readonly milestones: RoadmapMilestone[];
}

export interface RoadmapRow {
  readonly domain: Domain;
  readonly cells: RoadmapCell[];
}

export interface Roadmap {
  readonly rows: RoadmapRow[];
  readonly columns: Horizon[];
  /** Milestones before filtering. */
  readonly total: number;
  /** Milestones after filtering. */
  readonly shown: number;
}

const DAY_MS = 86_400_000;

// Each limit is the longest span the period can have (leap days included), so a date on the same
// calendar day N years ahead always falls inside "within N years".
const NOW_DAYS = 92;
const YEAR_LIMITS: readonly (readonly [Horizon, number])[] = [
  ['1-jaar', 366],
  ['5-jaar', 5 * 365 + 2],
  ['10-jaar', 10 * 365 + 3],
];

/**
 * Days since the epoch of a calendar date 'YYYY-MM-DD', or null when it is not a real date.
 * UTC, so the server's time zone and summer time never shift a day.
 */
export function dayNumber(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2027-02-30 over into March; a rolled date was not a real one.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return Math.round(ms / DAY_MS);
}

/** Days from today to the due date, or null when either is not a real date. */
function daysUntilDue(m: RoadmapMilestone, today: string): number | null {
  if (m.dueDate === null) return null;
  const due = dayNumber(m.dueDate);
  const now = dayNumber(today);
  return due === null || now === null ? null : due - now;
}

export function columnOf(m: RoadmapMilestone, today: string): Horizon {
  // Typed, but a database row may still carry a retired horizon: then it is placed as if it had none.
  if (m.horizon !== null && HORIZONS.includes(m.horizon)) return m.horizon;
  // Breaks the "exactly one" rule, but an undated aim without a horizon is best read as ongoing.
  if (m.dueDate === null) return 'doorlopend';
  const days = daysUntilDue(m, today);
  // A bad date goes where people look first, so someone notices and fixes it.
  if (days === null || days <= NOW_DAYS) return 'nu';
  for (const [horizon, limit] of YEAR_LIMITS) if (days <= limit) return horizon;
  return '20-jaar';
}

export function isOverdue(m: RoadmapMilestone, today: string): boolean {
  if (m.reachedAt !== null) return false;
  const days = daysUntilDue(m, today);
  // A bad date is never called late: we cannot know.
  return days !== null && days < 0;
}

/** Share of the actions done, 0..1. Stopped actions no longer count; a reached milestone is complete. */
export function progress(m: RoadmapMilestone): number {
  if (m.reachedAt !== null) return 1;
  const counted = m.actions.total - m.actions.stopped;
  if (counted <= 0) return 0;
  return Math.min(1, Math.max(0, m.actions.done / counted));
}

export const MILESTONE_STATES = ['reached', 'overdue', 'in-progress', 'not-started'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

export const MILESTONE_STATE_LABELS: Readonly<Record<MilestoneState, string>> = {
  reached: 'Bereikt',
  overdue: 'Te laat',
  'in-progress': 'Bezig',
  'not-started': 'Nog niet begonnen',
};

export function milestoneState(m: RoadmapMilestone, today: string): MilestoneState {
  if (m.reachedAt !== null) return 'reached';
  if (isOverdue(m, today)) return 'overdue';
  const started = m.actions.done > 0 || m.statuses.includes('bezig') || m.statuses.includes('gedaan');
  return started ? 'in-progress' : 'not-started';
}

function compareInCell(a: RoadmapMilestone, b: RoadmapMilestone): number {
  // Only real dates sort by date; a bad date waits behind them with the undated ones.
  const da = a.dueDate !== null && dayNumber(a.dueDate) !== null ? a.dueDate : null;
  const db = b.dueDate !== null && dayNumber(b.dueDate) !== null ? b.dueDate : null;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  if (a.position !== b.position) return a.position - b.position;
  // The id last, so equal titles still come out in the same order on every render.
  return a.title.localeCompare(b.title, 'nl') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function matches(m: RoadmapMilestone, filter: RoadmapFilter): boolean {
  // An empty value is what an unchosen <select> sends: no filter.
  if (filter.ownerId && !m.ownerIds.includes(filter.ownerId)) return false;
  if (filter.status && !m.statuses.includes(filter.status)) return false;
  return true;
}

export function buildRoadmap(milestones: readonly RoadmapMilestone[], today: string, filter: RoadmapFilter = {}): Roadmap {
  const kept = milestones.filter((m) => matches(m, filter));
  const rows: RoadmapRow[] = DOMAINS.map((domain) => ({
    domain,
    cells: HORIZONS.map((horizon) => ({ horizon, milestones: [] as RoadmapMilestone[] })),
  }));
  for (const m of kept) {
    const row = rows[DOMAINS.indexOf(m.domain)];
    // Typed, but a database row may still carry a retired domain: leave it out rather than crash.
    if (!row) continue;
    row.cells[HORIZONS.indexOf(columnOf(m, today))]!.milestones.push(m);
  }
  for (const row of rows) for (const cell of row.cells) cell.milestones.sort(compareInCell);
  const shown = rows.reduce((n, row) => n + row.cells.reduce((c, cell) => c + cell.milestones.length, 0), 0);
  return { rows, columns: [...HORIZONS], total: milestones.length, shown };
}

/** What the roadmap needs to know of a milestone and its actions, however they were loaded. */
export interface MilestoneSource {
  readonly id: string;
  readonly title: string;
  readonly domain: string;
  readonly dueDate: string | null;
  readonly horizon: string | null;
  readonly position: number;
  readonly reachedAt: string | null;
  readonly actions: readonly { readonly status: string; readonly ownerId: string | null }[];
}

/** The milestones in the shape the roadmap picture and table take. */
export function toRoadmapMilestones(milestones: readonly MilestoneSource[]): RoadmapMilestone[] {
  return milestones.map((m) => ({
    id: m.id,
    title: m.title,
    // Unknown values are left to buildRoadmap and columnOf, which place or skip them safely.
    domain: m.domain as Domain,
    dueDate: m.dueDate,
    horizon: m.horizon as Horizon | null,
    position: m.position,
    reachedAt: m.reachedAt,
    actions: {
      total: m.actions.length,
      done: m.actions.filter((a) => a.status === 'gedaan').length,
      stopped: m.actions.filter((a) => a.status === 'gestopt').length,
    },
    ownerIds: [...new Set(m.actions.flatMap((a) => (a.ownerId ? [a.ownerId] : [])))],
    statuses: [...new Set(m.actions.map((a) => a.status))],
  }));
}
