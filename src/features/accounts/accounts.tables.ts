export interface AccountTokensTable {
  token_hash: string;
  user_id: string;
  purpose: string;
  new_email: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
