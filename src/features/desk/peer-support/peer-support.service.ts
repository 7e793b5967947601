import { newId } from '../../../platform/auth/tokens.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Tx } from '../../../platform/db/transaction.js';
import type { Translate } from '../../../platform/i18n/i18n.js';
import type { FieldProblem } from '../../../platform/http/forms.js';
import { toICalendar, type TimedCalendarEntry } from '../../../platform/formats/icalendar.js';
import { isCoordinatorOf, isGroupOrganiser } from '../shared/access.repo.js';
import { touchDesk } from '../shared/changes.js';
import { deskPath } from '../shared/region.js';
import { organisationRef, publishedOrganisationNames } from '../social-map/social-map.service.js';
import * as repo from './peer-support.repo.js';
import type { GroupEditInput, GroupInput, MeetingInput } from './peer-support.schemas.js';

// Peer-support groups ("lotgenoten") of a region and their meetings. Being in such a group is sensitive:
// membership is only ever shown to the member themselves, organisers and the coordinator see a number.

export type GroupStatus = repo.GroupStatus;

export interface GroupSummary {
  readonly id: string;
  readonly name: string;
  readonly forWhom: string;
  readonly status: GroupStatus;
  readonly organisationName: string | null;
  /** UTC ISO start of the next meeting that has not ended yet. */
  readonly nextStartsAt: string | null;
}

export interface Group extends GroupSummary {
  readonly regionSlug: string;
  readonly organisationId: string | null;
  readonly description: string;
  readonly contactEmail: string;
  readonly version: number;
}

export interface Meeting {
  readonly id: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: string | null;
  readonly onlineUrl: string | null;
  readonly description: string;
  readonly sequence: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** How the person looking at a group relates to it. */
export interface Viewer {
  readonly signedIn: boolean;
  readonly isMember: boolean;
  readonly isOrganiser: boolean;
  readonly isCoordinator: boolean;
}

export function groupPath(regionSlug: string, groupId: string, rest = ''): string {
  return deskPath(regionSlug, `/lotgenoten/${encodeURIComponent(groupId)}${rest}`);
}

export function meetingPath(regionSlug: string, groupId: string, meetingId: string, rest = ''): string {
  return groupPath(regionSlug, groupId, `/bijeenkomsten/${encodeURIComponent(meetingId)}${rest}`);
}

/** Organisers and the coordinator manage a group; they also see it before it is public. */
export function canManage(viewer: Viewer): boolean {
  return viewer.isOrganiser || viewer.isCoordinator;
}

export function canSee(group: Pick<Group, 'status'>, viewer: Viewer): boolean {
  return group.status === 'published' || canManage(viewer);
}

/** Links to online meetings are for members (and those who run the group) only. */
export function canSeeOnlineLinks(viewer: Viewer): boolean {
  return viewer.isMember || canManage(viewer);
}

// Reading

type GroupRow = Awaited<ReturnType<typeof repo.selectGroup>> & object;

function toGroup(row: GroupRow, nextStartsAt: string | null): Group {
  return {
    id: row.id,
    regionSlug: row.region_slug,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name ?? null,
    name: row.name,
    description: row.description,
    forWhom: row.for_whom,
    contactEmail: row.contact_email,
    status: row.status,
    version: Number(row.version),
    nextStartsAt,
  };
}

function toSummary(row: Awaited<ReturnType<typeof repo.selectGroups>>[number]): GroupSummary {
  return {
    id: row.id,
    name: row.name,
    forWhom: row.for_whom,
    status: row.status,
    organisationName: row.organisation_name ?? null,
    nextStartsAt: typeof row.next_starts_at === 'string' ? row.next_starts_at : null,
  };
}

export async function listPublishedGroups(db: Queryable, regionSlug: string, now: Date): Promise<GroupSummary[]> {
  return (await repo.selectGroups(db, regionSlug, now.toISOString(), { status: 'published' })).map(toSummary);
}

/** The groups of a region that are not public yet and that this person may see: their own, or all of them for the coordinator. */
export async function listNotPublishedGroupsFor(db: Queryable, regionSlug: string, userId: string, now: Date): Promise<GroupSummary[]> {
  const ids = (await isCoordinatorOf(db, regionSlug, userId))
    ? (await repo.selectNotPublishedGroupIds(db, regionSlug)).map((r) => r.id)
    : await repo.selectOrganisedGroupIds(db, regionSlug, userId);
  const rows = await repo.selectGroups(db, regionSlug, now.toISOString(), { ids });
  return rows.filter((r) => r.status !== 'published').map(toSummary);
}

/** The groups of a region this person is a member of; shown only to that person. */
export async function memberGroupIds(db: Queryable, regionSlug: string, userId: string): Promise<ReadonlySet<string>> {
  return new Set(await repo.selectMemberGroupIds(db, regionSlug, userId));
}

/** A group of this region (any status), or undefined. */
export async function getGroup(db: Queryable, regionSlug: string, groupId: string): Promise<Group | undefined> {
  const row = await repo.selectGroup(db, groupId);
  if (!row || row.region_slug !== regionSlug) return undefined;
  return toGroup(row, null);
}

export async function viewerOf(db: Queryable, group: Pick<Group, 'id' | 'regionSlug'>, userId: string | null): Promise<Viewer> {
  if (userId === null) return { signedIn: false, isMember: false, isOrganiser: false, isCoordinator: false };
  const [isMember, isOrganiser, isCoordinator] = await Promise.all([
    repo.isMember(db, group.id, userId),
    isGroupOrganiser(db, group.id, userId),
    isCoordinatorOf(db, group.regionSlug, userId),
  ]);
  return { signedIn: true, isMember, isOrganiser, isCoordinator };
}

function toMeeting(row: Awaited<ReturnType<typeof repo.selectMeetings>>[number]): Meeting {
  return {
    id: row.id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    onlineUrl: row.online_url,
    description: row.description,
    sequence: Number(row.sequence),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listMeetings(db: Queryable, groupId: string): Promise<Meeting[]> {
  return (await repo.selectMeetings(db, groupId)).map(toMeeting);
}

/** Meetings that have not ended yet, and how many have. */
export function splitMeetings(meetings: readonly Meeting[], now: Date): { upcoming: Meeting[]; pastCount: number } {
  const nowIso = now.toISOString();
  const upcoming = meetings.filter((m) => m.endsAt > nowIso);
  return { upcoming, pastCount: meetings.length - upcoming.length };
}

export async function getMeeting(db: Queryable, groupId: string, meetingId: string): Promise<Meeting | undefined> {
  const row = await repo.selectMeeting(db, groupId, meetingId);
  return row ? toMeeting(row) : undefined;
}

export function countMembers(db: Queryable, groupId: string): Promise<number> {
  return repo.countMembers(db, groupId);
}

export function listOrganisations(db: Queryable, regionSlug: string): Promise<{ id: string; name: string }[]> {
  return publishedOrganisationNames(db, regionSlug);
}

// Proposing and editing a group

async function organisationProblem(db: Queryable, regionSlug: string, organisationId: string | null, current: string | null): Promise<FieldProblem[]> {
  if (organisationId === null || organisationId === current) return [];
  const organisation = await organisationRef(db, organisationId);
  if (organisation?.regionSlug === regionSlug && organisation.status === 'published') return [];
  return [{ field: 'organisationId', message: 'desk.peerSupport.error.organisationUnknown' }];
}

/** A signed-in person proposes a group: it waits for the coordinator, and the proposer becomes its organiser. */
export async function proposeGroup(
  tx: Tx,
  input: { regionSlug: string; userId: string; group: GroupInput; now: Date },
): Promise<{ ok: true; groupId: string } | { ok: false; problems: FieldProblem[] }> {
  const problems = await organisationProblem(tx.db, input.regionSlug, input.group.organisationId, null);
  if (problems.length > 0) return { ok: false, problems };
  const groupId = newId();
  const at = input.now.toISOString();
  await repo.insertGroup(tx.db, {
    id: groupId,
    region_slug: input.regionSlug,
    organisation_id: input.group.organisationId,
    name: input.group.name,
    description: input.group.description,
    for_whom: input.group.forWhom,
    contact_email: input.group.contactEmail,
    status: 'pending',
    created_by: input.userId,
    created_at: at,
    updated_by: input.userId,
    updated_at: at,
    version: 1,
  });
  await repo.insertOrganiser(tx.db, groupId, input.userId, at);
  await touchDesk(tx.db, input.regionSlug, input.now, [{ kind: 'group', id: groupId }]);
  return { ok: true, groupId };
}

export async function editGroup(
  tx: Tx,
  input: { regionSlug: string; groupId: string; userId: string; group: GroupEditInput; now: Date },
): Promise<{ ok: true } | { ok: false; reason: 'notFound' | 'conflict'; version?: number } | { ok: false; reason: 'problems'; problems: FieldProblem[] }> {
  const current = await repo.selectGroup(tx.db, input.groupId);
  if (!current || current.region_slug !== input.regionSlug) return { ok: false, reason: 'notFound' };
  if (Number(current.version) !== input.group.version) return { ok: false, reason: 'conflict', version: Number(current.version) };
  const problems = await organisationProblem(tx.db, input.regionSlug, input.group.organisationId, current.organisation_id);
  if (problems.length > 0) return { ok: false, reason: 'problems', problems };
  const updated = await repo.updateGroup(tx.db, input.groupId, input.group.version, {
    name: input.group.name,
    description: input.group.description,
    for_whom: input.group.forWhom,
    contact_email: input.group.contactEmail,
    organisation_id: input.group.organisationId,
    updated_by: input.userId,
    updated_at: input.now.toISOString(),
  });
  if (!updated) return { ok: false, reason: 'conflict', version: Number(current.version) + 1 };
  await touchDesk(tx.db, input.regionSlug, input.now, [{ kind: 'group', id: input.groupId }]);
  return { ok: true };
}

// Moderation by the coordinator (used by the desk's moderation queue)

export interface PendingGroup {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly forWhom: string;
  readonly contactEmail: string;
  readonly organisationId: string | null;
  readonly proposedBy: string | null;
  readonly proposedAt: string;
}

/** The proposed groups of a region that wait for the coordinator, oldest first. */
export async function listPendingGroups(db: Queryable, regionSlug: string): Promise<PendingGroup[]> {
  const rows = await repo.selectGroupsWithStatus(db, regionSlug, 'pending');
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    forWhom: r.for_whom,
    contactEmail: r.contact_email,
    organisationId: r.organisation_id,
    proposedBy: r.created_by,
    proposedAt: r.created_at,
  }));
}

// Membership

/** Joins a published group of the region; false when there is no such group. */
export async function joinGroup(db: Queryable, regionSlug: string, groupId: string, userId: string, now: Date): Promise<boolean> {
  const group = await repo.selectGroup(db, groupId);
  if (!group || group.region_slug !== regionSlug || group.status !== 'published') return false;
  await repo.insertMember(db, groupId, userId, now.toISOString());
  return true;
}

/** Leaves a group of the region, whatever its status (someone can always leave); false when there is no such group. */
export async function leaveGroup(db: Queryable, regionSlug: string, groupId: string, userId: string): Promise<Group | undefined> {
  const group = await getGroup(db, regionSlug, groupId);
  if (!group) return undefined;
  await repo.deleteMember(db, groupId, userId);
  return group;
}

// Meetings

export async function addMeeting(tx: Tx, input: { regionSlug: string; groupId: string; userId: string; meeting: MeetingInput; now: Date }): Promise<string> {
  const id = newId();
  const at = input.now.toISOString();
  await repo.insertMeeting(tx.db, {
    id,
    group_id: input.groupId,
    starts_at: input.meeting.startsAt,
    ends_at: input.meeting.endsAt,
    place: input.meeting.place,
    online_url: input.meeting.onlineUrl,
    description: input.meeting.description,
    created_by: input.userId,
    created_at: at,
    updated_at: at,
    sequence: 0,
  });
  await touchDesk(tx.db, input.regionSlug, input.now);
  return id;
}

export async function editMeeting(
  tx: Tx,
  input: { regionSlug: string; groupId: string; meetingId: string; sequence: number | null; meeting: MeetingInput; now: Date },
): Promise<{ ok: true } | { ok: false; reason: 'notFound' } | { ok: false; reason: 'conflict'; sequence: number }> {
  const current = await repo.selectMeeting(tx.db, input.groupId, input.meetingId);
  if (!current) return { ok: false, reason: 'notFound' };
  const sequence = Number(current.sequence);
  if (input.sequence !== sequence) return { ok: false, reason: 'conflict', sequence };
  const updated = await repo.updateMeeting(tx.db, input.groupId, input.meetingId, sequence, {
    starts_at: input.meeting.startsAt,
    ends_at: input.meeting.endsAt,
    place: input.meeting.place,
    online_url: input.meeting.onlineUrl,
    description: input.meeting.description,
    updated_at: input.now.toISOString(),
  });
  if (!updated) return { ok: false, reason: 'conflict', sequence: sequence + 1 };
  await touchDesk(tx.db, input.regionSlug, input.now);
  return { ok: true };
}

/** Deletes a meeting: it disappears from the page and from the calendar feed. */
export async function removeMeeting(tx: Tx, input: { regionSlug: string; groupId: string; meetingId: string; now: Date }): Promise<boolean> {
  const removed = await repo.deleteMeeting(tx.db, input.groupId, input.meetingId);
  if (removed) await touchDesk(tx.db, input.regionSlug, input.now);
  return removed;
}

// iCalendar feed

export const PEER_SUPPORT_PRODUCT_ID = '-//Werkplaats Mensen met Mogelijkheden//Lotgenoten//NL';

/** What the public feed says about where a meeting is: never the online link itself. */
export function publicLocation(t: Translate, meeting: Pick<Meeting, 'place' | 'onlineUrl'>): string {
  if (meeting.place && meeting.onlineUrl) return t('desk.peerSupport.ics.placeAndOnline', { place: meeting.place });
  if (meeting.place) return meeting.place;
  return t('desk.peerSupport.ics.online');
}

export function groupCalendar(input: {
  group: Pick<Group, 'id' | 'name' | 'regionSlug'>;
  meetings: readonly Meeting[];
  now: Date;
  baseUrl: string;
  t: Translate;
}): string {
  const host = new URL(input.baseUrl).hostname;
  const pageUrl = `${input.baseUrl}${groupPath(input.group.regionSlug, input.group.id)}`;
  const moreInfo = input.t('desk.peerSupport.ics.moreInfo', { url: pageUrl });
  const entries = input.meetings.map((meeting): TimedCalendarEntry => ({
    uid: `${meeting.id}@${host}`,
    start: meeting.startsAt,
    end: meeting.endsAt,
    created: meeting.createdAt,
    lastModified: meeting.updatedAt,
    sequence: meeting.sequence,
    status: 'CONFIRMED',
    summary: input.group.name,
    location: publicLocation(input.t, meeting),
    description: meeting.description.trim() === '' ? moreInfo : `${meeting.description.trim()}\n\n${moreInfo}`,
    url: pageUrl,
  }));
  return toICalendar({ name: input.group.name, entries, now: input.now, productId: PEER_SUPPORT_PRODUCT_ID, refreshInterval: 'PT6H' });
}

// For the desk's home, the moderation queue and reports

/** The next meetings of published groups of a region. */
export const upcomingMeetings = repo.upcomingMeetings;
/** The proposed groups of a region that wait for the coordinator, oldest first (the queue's columns). */
export const pendingGroups = repo.pendingGroups;
export const pendingGroupCount = repo.countPendingGroups;
export const reportableGroup = repo.reportableGroup;
