import type { Insertable, Kysely } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import { dialectOfKysely } from '../../platform/db/dialect-sql.js';
import type { TeamInvitationsTable, TeamMembersTable, TeamsTable } from './teams.tables.js';

export function insertTeam(db: Queryable, row: Insertable<TeamsTable>) {
  return db.insertInto('teams').values(row).execute();
}

export function selectTeam(db: Queryable, teamId: string) {
  return db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst();
}

/**
 * Serialises changes to one team's membership on PostgreSQL, so that two facilitators who
 * demote each other at the same moment cannot together leave the team without one.
 * SQLite runs one write transaction at a time, so it needs no lock.
 */
export async function lockTeam(db: Queryable, teamId: string): Promise<boolean> {
  const query = db.selectFrom('teams').select('id').where('id', '=', teamId);
  const row = dialectOfKysely(db as unknown as Kysely<unknown>) === 'postgres' ? await query.forUpdate().executeTakeFirst() : await query.executeTakeFirst();
  return row !== undefined;
}

/** The teams a person belongs to, with their own role and the number of members. */
export function selectTeamsOfUser(db: Queryable, userId: string) {
  return db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['t.id', 't.name', 't.region_slug', 't.purpose', 't.created_at', 'm.role'])
    .select((eb) =>
      eb
        .selectFrom('team_members as c')
        .select((sb) => sb.fn.countAll().as('n'))
        .whereRef('c.team_id', '=', 't.id')
        .as('member_count'),
    )
    .where('m.user_id', '=', userId)
    .orderBy('t.name')
    .orderBy('t.created_at')
    .execute();
}

export function insertMember(db: Queryable, row: TeamMembersTable) {
  return db
    .insertInto('team_members')
    .values(row)
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
    .execute();
}

export function selectMembers(db: Queryable, teamId: string) {
  return db.selectFrom('team_members').selectAll().where('team_id', '=', teamId).orderBy('joined_at').execute();
}

export function selectMember(db: Queryable, teamId: string, userId: string) {
  return db.selectFrom('team_members').selectAll().where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
}

export async function countFacilitators(db: Queryable, teamId: string): Promise<number> {
  const row = await db
    .selectFrom('team_members')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('team_id', '=', teamId)
    .where('role', '=', 'facilitator')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateMemberRole(db: Queryable, teamId: string, userId: string, role: string): Promise<boolean> {
  const result = await db.updateTable('team_members').set({ role }).where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteMember(db: Queryable, teamId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('team_members').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export function insertInvitation(db: Queryable, row: TeamInvitationsTable) {
  return db.insertInto('team_invitations').values(row).execute();
}

export function selectInvitationByTokenHash(db: Queryable, tokenHash: string) {
  return db.selectFrom('team_invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function selectInvitation(db: Queryable, teamId: string, invitationId: string) {
  return db.selectFrom('team_invitations').selectAll().where('team_id', '=', teamId).where('id', '=', invitationId).executeTakeFirst();
}

/** Invitations that can still be used: not revoked, not expired, and (for e-mail invitations) not yet accepted. */
export function selectOpenInvitations(db: Queryable, teamId: string, now: string) {
  return db
    .selectFrom('team_invitations')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('revoked_at', 'is', null)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .execute();
}

/** Revokes an invitation unless it was already revoked; the row count tells whether anything changed. */
export async function revokeInvitation(db: Queryable, teamId: string, invitationId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('team_invitations')
    .set({ revoked_at: at })
    .where('team_id', '=', teamId)
    .where('id', '=', invitationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends earlier, still open e-mail invitations to the same address, so only the newest link works. */
export function revokeOpenEmailInvitations(db: Queryable, teamId: string, email: string, at: string) {
  return db
    .updateTable('team_invitations')
    .set({ revoked_at: at })
    .where('team_id', '=', teamId)
    .where('email', '=', email)
    .where('revoked_at', 'is', null)
    .where('accepted_at', 'is', null)
    .execute();
}

/** Marks a single-use invitation accepted only if nobody did so before; the row count tells whether this call won. */
export async function claimInvitation(db: Queryable, invitationId: string, userId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('team_invitations')
    .set({ accepted_at: at, accepted_by: userId })
    .where('id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function deleteTeam(db: Queryable, teamId: string) {
  return db.deleteFrom('teams').where('id', '=', teamId).execute();
}
