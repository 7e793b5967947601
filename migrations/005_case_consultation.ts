import type { Kysely } from 'kysely';

// Case consultation (the Zeeland method): cases, meetings with their steps, recommendations, consolidation and ranking.
// Timestamps are ISO-8601 UTC text, calendar dates 'YYYY-MM-DD' text, flags 0/1 integers (docs/decisions/002).
export async function up(db: Kysely<unknown>): Promise<void> {
  // A team that runs case consultation; theme is what step 7 relates each case to.
  await db.schema
    .createTable('case_consultations')
    .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id').onDelete('cascade'))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('enabled_by', 'text')
    .addColumn('enabled_at', 'text', (c) => c.notNull())
    .execute();

  // A pseudonymised case with the report's persona fields. identifying_confirmed_at: the bringer saw the warnings and kept the text.
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('age', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('living_situation', 'text', (c) => c.notNull())
    .addColumn('income', 'text', (c) => c.notNull())
    .addColumn('diagnosis', 'text', (c) => c.notNull())
    .addColumn('work_history', 'text', (c) => c.notNull())
    .addColumn('distance_to_labour_market', 'text', (c) => c.notNull())
    .addColumn('organisations', 'text', (c) => c.notNull())
    .addColumn('treatment', 'text', (c) => c.notNull())
    .addColumn('particulars', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('brought_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('identifying_confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_team_number_idx').on('cases').columns(['team_id', 'number']).unique().execute();

  // Who opened which case when; kept when the case or the account goes (case_label and user_name are copies).
  await db.schema
    .createTable('case_access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('case_label', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_access_log_team_idx').on('case_access_log').columns(['team_id', 'at']).execute();

  // current_step: 0 = review of earlier recommendations, 1..8 = the persona discussion; status planned/running/finished.
  // step_started_at and step_extra_minutes drive the timer; version grows with every state change (live updates, stale commands).
  await db.schema
    .createTable('case_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('planned_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_step', 'integer', (c) => c.notNull())
    .addColumn('step_started_at', 'text')
    .addColumn('step_extra_minutes', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_meetings_team_number_idx').on('case_meetings').columns(['team_id', 'number']).unique().execute();
  await db.schema.createIndex('case_meetings_case_idx').on('case_meetings').column('case_id').execute();

  // What participants contribute per step: kind says what it is (question, perspective, coreProblem, idea, theme, nextStep).
  await db.schema
    .createTable('case_contributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('case_meetings.id').onDelete('cascade'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('addressee', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('consensus', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_contributions_meeting_idx').on('case_contributions').columns(['meeting_id', 'step']).execute();

  // Unique recommendations: every recommendation belongs to exactly one group; a merge puts several in one group.
  // text is null for a group of one (it shows its recommendation's own wording).
  await db.schema
    .createTable('case_recommendation_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('addressee', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('merged_by', 'text')
    .addColumn('merged_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_recommendation_groups_team_idx').on('case_recommendation_groups').column('team_id').execute();

  await db.schema
    .createTable('case_recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('case_meetings.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('case_recommendation_groups.id'))
    .addColumn('addressee', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_recommendations_team_idx').on('case_recommendations').column('team_id').execute();
  await db.schema.createIndex('case_recommendations_meeting_idx').on('case_recommendations').column('meeting_id').execute();
  await db.schema.createIndex('case_recommendations_group_idx').on('case_recommendations').column('group_id').execute();

  // Every wording a recommendation had; reviewed_in: the later meeting in which it was added to, sharpened or changed.
  await db.schema
    .createTable('case_recommendation_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recommendation_id', 'text', (c) => c.notNull().references('case_recommendations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('addressee', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('change_kind', 'text', (c) => c.notNull())
    .addColumn('reviewed_in', 'text')
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_recommendation_revisions_idx')
    .on('case_recommendation_revisions')
    .columns(['recommendation_id', 'version'])
    .unique()
    .execute();

  // A ranking round over the unique recommendations as they were when it opened (items are copies).
  // status open/closed/approved; missing_members: JSON list of names who had not ranked when it was closed.
  await db.schema
    .createTable('case_ranking_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('top_n', 'integer', (c) => c.notNull())
    .addColumn('opened_by', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('missing_members', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_order', 'text')
    .execute();
  await db.schema.createIndex('case_ranking_rounds_team_idx').on('case_ranking_rounds').column('team_id').execute();

  await db.schema
    .createTable('case_ranking_items')
    .addColumn('round_id', 'text', (c) => c.notNull().references('case_ranking_rounds.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('addressee', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_ranking_items_pk', ['round_id', 'group_id'])
    .execute();

  // One ranking per member per round; a new one replaces the old (entries deleted and written in one transaction).
  await db.schema
    .createTable('case_rankings')
    .addColumn('round_id', 'text', (c) => c.notNull().references('case_ranking_rounds.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_rankings_pk', ['round_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('case_ranking_entries')
    .addColumn('round_id', 'text', (c) => c.notNull().references('case_ranking_rounds.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_ranking_entries_pk', ['round_id', 'user_id', 'group_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'case_ranking_entries',
    'case_rankings',
    'case_ranking_items',
    'case_ranking_rounds',
    'case_recommendation_revisions',
    'case_recommendations',
    'case_recommendation_groups',
    'case_contributions',
    'case_meetings',
    'case_access_log',
    'cases',
    'case_consultations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
