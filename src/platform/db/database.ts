import type { Kysely, Transaction } from 'kysely';
import type { LoginThrottleTable, RecoveryCodesTable, SessionsTable, UsersTable } from '../auth/auth.tables.js';
import type { AuditLogTable } from '../audit/audit.tables.js';
import type { SearchDocumentsTable, SearchSourcesTable, SearchTermsTable } from '../search/search.tables.js';

/**
 * The one database type. The platform declares its own tables here; each feature adds its tables from its
 * own *.tables.ts by declaration merging, so the platform names no feature and Kysely still checks every
 * query across the whole schema.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  search_sources: SearchSourcesTable;
  search_documents: SearchDocumentsTable;
  search_terms: SearchTermsTable;
}

/** What repo functions accept: the database itself or an open transaction. */
export type Queryable = Kysely<Database> | Transaction<Database>;
