import type { Kysely, Transaction } from 'kysely';
import type { AuditLogTable } from '../audit/audit.tables.js';
import type { LoginThrottleTable, RecoveryCodesTable, SessionsTable, UsersTable } from '../auth/auth.tables.js';
import type { AccountTokensTable } from '../../features/accounts/accounts.tables.js';
import type { SearchDocumentsTable, SearchPostingsTable, SearchSourcesTable, SearchTermsTable } from '../search/search.tables.js';
import type { RegionCoordinatorsTable, RegionsTable } from '../../features/regions/regions.tables.js';
import type { WorkbookAnswerRevisionsTable, WorkbookAnswersTable, WorkspaceInvitationsTable, WorkspaceMembersTable, WorkspacesTable } from '../../features/workbook/workbook.tables.js';
import type {
  AgendaActionsTable,
  AgendaCommentsTable,
  AgendaMilestonesTable,
  AgendaReminderPreferencesTable,
  AgendaRemindersSentTable,
  AgendaRevisionsTable,
} from '../../features/agenda/agenda.tables.js';
import type {
  CaseAccessLogTable,
  CaseConsultationsTable,
  CaseContributionsTable,
  CaseMeetingsTable,
  CaseRankingEntriesTable,
  CaseRankingItemsTable,
  CaseRankingRoundsTable,
  CaseRankingsTable,
  CaseRecommendationGroupsTable,
  CaseRecommendationRevisionsTable,
  CaseRecommendationsTable,
  CasesTable,
} from '../../features/case-consultation/case-consultation.tables.js';
import type {
  DeskAnswersTable,
  DeskChangesTable,
  DeskContactsTable,
  DeskEmployerMembersTable,
  DeskEmployersTable,
  DeskFaqsTable,
  DeskGlossaryTable,
  DeskGroupMeetingsTable,
  DeskGroupMembersTable,
  DeskGroupOrganisersTable,
  DeskGroupsTable,
  DeskLocationsTable,
  DeskOrganisationRepresentativesTable,
  DeskOrganisationsTable,
  DeskPagesTable,
  DeskPhonesTable,
  DeskQuestionsTable,
  DeskReportsTable,
  DeskSchedulesTable,
  DeskServiceAtLocationTable,
  DeskServicesTable,
  DeskVacanciesTable,
} from '../../features/desk/desk.tables.js';
import type { TeamInvitationsTable, TeamMembersTable, TeamsTable } from '../../features/teams/teams.tables.js';

// The one place where every table type meets, so that Kysely can check queries across the schema.
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  login_throttle: LoginThrottleTable;
  account_tokens: AccountTokensTable;
  regions: RegionsTable;
  region_coordinators: RegionCoordinatorsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  team_invitations: TeamInvitationsTable;
  audit_log: AuditLogTable;
  search_sources: SearchSourcesTable;
  search_documents: SearchDocumentsTable;
  search_postings: SearchPostingsTable;
  search_terms: SearchTermsTable;
  workspaces: WorkspacesTable;
  workspace_members: WorkspaceMembersTable;
  workspace_invitations: WorkspaceInvitationsTable;
  workbook_answers: WorkbookAnswersTable;
  workbook_answer_revisions: WorkbookAnswerRevisionsTable;
  agenda_milestones: AgendaMilestonesTable;
  agenda_actions: AgendaActionsTable;
  agenda_revisions: AgendaRevisionsTable;
  agenda_comments: AgendaCommentsTable;
  agenda_reminder_preferences: AgendaReminderPreferencesTable;
  agenda_reminders_sent: AgendaRemindersSentTable;
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
  desk_organisations: DeskOrganisationsTable;
  desk_organisation_representatives: DeskOrganisationRepresentativesTable;
  desk_services: DeskServicesTable;
  desk_locations: DeskLocationsTable;
  desk_service_at_location: DeskServiceAtLocationTable;
  desk_contacts: DeskContactsTable;
  desk_phones: DeskPhonesTable;
  desk_schedules: DeskSchedulesTable;
  desk_employers: DeskEmployersTable;
  desk_employer_members: DeskEmployerMembersTable;
  desk_vacancies: DeskVacanciesTable;
  desk_questions: DeskQuestionsTable;
  desk_answers: DeskAnswersTable;
  desk_faqs: DeskFaqsTable;
  desk_pages: DeskPagesTable;
  desk_glossary: DeskGlossaryTable;
  desk_groups: DeskGroupsTable;
  desk_group_organisers: DeskGroupOrganisersTable;
  desk_group_members: DeskGroupMembersTable;
  desk_group_meetings: DeskGroupMeetingsTable;
  desk_reports: DeskReportsTable;
  desk_changes: DeskChangesTable;
}

/** What repo functions accept: the database itself or an open transaction. */
export type Queryable = Kysely<Database> | Transaction<Database>;
