export interface AccountTokensTable {
  token_hash: string;
  user_id: string;
  purpose: string;
  new_email: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

// Adds this feature's tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../platform/db/database.js' {
  interface Database {
    account_tokens: AccountTokensTable;
  }
}
