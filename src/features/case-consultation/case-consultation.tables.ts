export interface CaseConsultationsTable {
  team_id: string;
  theme: string;
  enabled_by: string | null;
  enabled_at: string;
}

export interface CasesTable {
  id: string;
  team_id: string;
  number: number;
  title: string;
  age: string;
  gender: string;
  nationality: string;
  living_situation: string;
  income: string;
  diagnosis: string;
  work_history: string;
  distance_to_labour_market: string;
  organisations: string;
  treatment: string;
  particulars: string;
  question: string;
  brought_by: string | null;
  identifying_confirmed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CaseAccessLogTable {
  id: string;
  team_id: string;
  case_id: string;
  case_label: string;
  user_id: string | null;
  user_name: string;
  action: string;
  at: string;
}

export interface CaseMeetingsTable {
  id: string;
  team_id: string;
  case_id: string;
  number: number;
  planned_on: string | null;
  status: string;
  current_step: number;
  step_started_at: string | null;
  step_extra_minutes: number;
  started_at: string | null;
  finished_at: string | null;
  created_by: string | null;
  created_at: string;
  version: number;
}

export interface CaseContributionsTable {
  id: string;
  meeting_id: string;
  step: number;
  kind: string;
  addressee: string | null;
  text: string;
  owner: string | null;
  consensus: number;
  author_id: string | null;
  created_at: string;
}

export interface CaseRecommendationGroupsTable {
  id: string;
  team_id: string;
  addressee: string;
  text: string | null;
  merged_by: string | null;
  merged_at: string | null;
  created_at: string;
}

export interface CaseRecommendationsTable {
  id: string;
  team_id: string;
  meeting_id: string;
  case_id: string;
  group_id: string;
  addressee: string;
  text: string;
  author_id: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  version: number;
}

export interface CaseRecommendationRevisionsTable {
  id: string;
  recommendation_id: string;
  version: number;
  addressee: string;
  text: string;
  change_kind: string;
  reviewed_in: string | null;
  changed_by: string | null;
  changed_at: string;
}

export interface CaseRankingRoundsTable {
  id: string;
  team_id: string;
  status: string;
  top_n: number;
  opened_by: string | null;
  opened_at: string;
  closed_by: string | null;
  closed_at: string | null;
  missing_members: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: string | null;
  approved_order: string | null;
}

export interface CaseRankingItemsTable {
  round_id: string;
  group_id: string;
  position: number;
  addressee: string;
  text: string;
}

export interface CaseRankingsTable {
  round_id: string;
  user_id: string;
  submitted_at: string;
}

export interface CaseRankingEntriesTable {
  round_id: string;
  user_id: string;
  group_id: string;
  rank: number;
}

// Adds this feature's tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../platform/db/database.js' {
  interface Database {
    case_consultations: CaseConsultationsTable;
    cases: CasesTable;
    case_access_log: CaseAccessLogTable;
    case_meetings: CaseMeetingsTable;
    case_contributions: CaseContributionsTable;
    case_recommendation_groups: CaseRecommendationGroupsTable;
    case_recommendations: CaseRecommendationsTable;
    case_recommendation_revisions: CaseRecommendationRevisionsTable;
    case_ranking_rounds: CaseRankingRoundsTable;
    case_ranking_items: CaseRankingItemsTable;
    case_rankings: CaseRankingsTable;
    case_ranking_entries: CaseRankingEntriesTable;
  }
}
