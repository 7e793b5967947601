import type { Queryable } from '../db/database.js';
import { newId } from '../auth/tokens.js';
import * as repo from './audit.repo.js';

/** Security events that must be traceable; the table refuses updates and deletes. */
export type AuditEvent =
  | 'login.success'
  | 'login.failure'
  | 'login.second_factor_failure'
  | 'logout'
  | 'access.denied'
  | 'account.registered'
  | 'account.email_verified'
  | 'account.password_changed'
  | 'account.password_reset_requested'
  | 'account.password_reset'
  | 'account.email_changed'
  | 'account.deleted'
  | 'account.sessions_ended'
  | 'account.two_factor_enabled'
  | 'account.two_factor_disabled'
  | 'account.recovery_code_used'
  | 'admin.created'
  | 'admin.user_disabled'
  | 'admin.user_enabled'
  | 'admin.role_changed'
  | 'admin.coordinator_appointed'
  | 'admin.coordinator_removed'
  | 'team.created'
  | 'team.invitation_created'
  | 'team.invitation_accepted'
  | 'team.invitation_revoked'
  | 'team.member_removed'
  | 'team.member_left'
  | 'team.role_changed'
  | 'data.exported'
  | 'workbook.deleted'
  | 'workbook.invitation_created'
  | 'workbook.member_joined'
  | 'workbook.member_left'
  | 'workbook.member_removed'
  | 'workbook.exported'
  | 'desk.social_map_imported'
  | 'desk.representative_appointed'
  | 'desk.representative_removed'
  | 'desk.employer_verified'
  | 'desk.employer_rejected'
  | 'desk.employer_withdrawn'
  | 'desk.question_routed'
  | 'desk.question_answered'
  | 'desk.asker_email_used'
  | 'desk.asker_email_deleted'
  | 'desk.question_hidden'
  | 'desk.item_moderated'
  | 'desk.report_handled';

export interface AuditEntry {
  readonly actorId: string | null;
  readonly event: AuditEvent;
  readonly target?: string | null;
  readonly detail?: Record<string, unknown>;
  readonly ip?: string | null;
}

export async function recordAudit(db: Queryable, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  await repo.insertAuditRow(db, {
    id: newId(),
    occurred_at: now.toISOString(),
    actor_id: entry.actorId,
    event: entry.event,
    target: entry.target ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    ip: entry.ip ?? null,
  });
}

export interface AuditRecord {
  readonly id: string;
  readonly occurredAt: string;
  readonly actorId: string | null;
  readonly event: string;
  readonly target: string | null;
  readonly detail: string | null;
  readonly ip: string | null;
}

export async function listAudit(db: Queryable, query: repo.AuditQuery): Promise<AuditRecord[]> {
  const rows = await repo.selectAuditRows(db, query);
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    event: r.event,
    target: r.target,
    detail: r.detail,
    ip: r.ip,
  }));
}

export async function listAuditEventNames(db: Queryable): Promise<string[]> {
  return (await repo.selectAuditEvents(db)).map((r) => r.event);
}
