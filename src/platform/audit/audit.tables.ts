export interface AuditLogTable {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  event: string;
  target: string | null;
  detail: string | null;
  ip: string | null;
}
