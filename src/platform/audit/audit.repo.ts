import type { Queryable } from '../db/database.js';
import type { AuditLogTable } from './audit.tables.js';

export function insertAuditRow(db: Queryable, row: AuditLogTable) {
  return db.insertInto('audit_log').values(row).execute();
}

export interface AuditQuery {
  readonly event?: string;
  readonly actorId?: string;
  readonly limit: number;
  readonly before?: string;
}

export function selectAuditRows(db: Queryable, query: AuditQuery) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(query.limit);
  if (query.event) q = q.where('event', '=', query.event);
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.before) q = q.where('occurred_at', '<', query.before);
  return q.execute();
}

export function selectAuditEvents(db: Queryable) {
  return db.selectFrom('audit_log').select('event').distinct().orderBy('event').execute();
}
