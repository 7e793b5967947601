import type { Queryable } from '../../../platform/db/database.js';

export interface DueActionRow {
  readonly action_id: string;
  readonly action_title: string;
  readonly due_date: string | null;
  readonly workspace_id: string;
  readonly workspace_name: string;
  readonly milestone_title: string;
  readonly user_id: string;
  readonly user_name: string;
  readonly user_email: string;
}

/**
 * Open actions due on or before `until`, with their owner, for every owner who should hear about
 * them today: an active account with a verified address, reminders not switched off, no reminder
 * sent on `today` yet, and still a member of the action's workspace.
 *
 * Membership is read here from team_members and workspace_members directly instead of through the
 * workbook and teams services: this is a batch job over all users, and one join replaces a check
 * per action. It mirrors isWorkspaceMember: a team workspace's members are its team's members.
 */
export function selectDueActions(db: Queryable, today: string, until: string, finishedStatuses: readonly string[]): Promise<DueActionRow[]> {
  return db
    .selectFrom('agenda_actions as a')
    .innerJoin('agenda_milestones as m', 'm.id', 'a.milestone_id')
    .innerJoin('workspaces as w', 'w.id', 'a.workspace_id')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .leftJoin('agenda_reminder_preferences as p', 'p.user_id', 'u.id')
    .leftJoin('agenda_reminders_sent as s', (join) => join.onRef('s.user_id', '=', 'u.id').on('s.sent_on', '=', today))
    .select([
      'a.id as action_id',
      'a.title as action_title',
      'a.due_date',
      'w.id as workspace_id',
      'w.name as workspace_name',
      'm.title as milestone_title',
      'u.id as user_id',
      'u.name as user_name',
      'u.email as user_email',
    ])
    .where('a.status', 'not in', [...finishedStatuses])
    .where('a.due_date', 'is not', null)
    .where('a.due_date', '<=', until)
    .where('u.disabled_at', 'is', null)
    .where('u.email_verified_at', 'is not', null)
    .where((eb) => eb.or([eb('p.reminders_enabled', 'is', null), eb('p.reminders_enabled', '<>', 0)]))
    .where('s.user_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('w.kind', '=', 'team'),
          eb.exists(eb.selectFrom('team_members as tm').select('tm.user_id').whereRef('tm.team_id', '=', 'w.team_id').whereRef('tm.user_id', '=', 'a.owner_id')),
        ]),
        eb.and([
          eb('w.kind', '<>', 'team'),
          eb.exists(
            eb.selectFrom('workspace_members as wm').select('wm.user_id').whereRef('wm.workspace_id', '=', 'w.id').whereRef('wm.user_id', '=', 'a.owner_id'),
          ),
        ]),
      ]),
    )
    .orderBy('u.id')
    .orderBy('a.due_date')
    .orderBy('w.name')
    .orderBy('a.title')
    .orderBy('a.id')
    .execute();
}

/**
 * Marks today's reminder for a person as sent, unless a row exists already. The primary key decides,
 * so two runs at once (two app instances, the script next to the server) cannot both win.
 */
export async function claimReminder(db: Queryable, userId: string, sentOn: string, actionCount: number): Promise<boolean> {
  const result = await db
    .insertInto('agenda_reminders_sent')
    .values({ user_id: userId, sent_on: sentOn, action_count: actionCount })
    .onConflict((oc) => oc.columns(['user_id', 'sent_on']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function releaseReminder(db: Queryable, userId: string, sentOn: string) {
  return db.deleteFrom('agenda_reminders_sent').where('user_id', '=', userId).where('sent_on', '=', sentOn).execute();
}

export function selectPreference(db: Queryable, userId: string) {
  return db.selectFrom('agenda_reminder_preferences').select(['reminders_enabled']).where('user_id', '=', userId).executeTakeFirst();
}

export function upsertPreference(db: Queryable, userId: string, enabled: boolean, at: string) {
  const value = enabled ? 1 : 0;
  return db
    .insertInto('agenda_reminder_preferences')
    .values({ user_id: userId, reminders_enabled: value, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ reminders_enabled: value, updated_at: at }))
    .execute();
}
