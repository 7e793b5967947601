import type { AppDeps } from '../../../platform/app-deps.js';
import { inTransaction, type Tx } from '../../../platform/db/transaction.js';
import type { Queryable } from '../../../platform/db/database.js';
import { translator } from '../../../platform/i18n/i18n.js';
import type { MailMessage } from '../../../platform/mail/mailer.js';
import { FINISHED_STATUSES, itemUrl } from '../exports/exports.service.js';
import { dayNumber } from '../shared/roadmap.js';
import { formatDay } from '../shared/roadmap.views.js';
import * as repo from './reminders.repo.js';

/** Actions due within this many days from today (and all overdue ones) are in the reminder. */
export const REMINDER_DAYS_AHEAD = 7;
/** The daily run starts at or after this hour (UTC): not in the middle of the night. */
export const REMINDER_HOUR_UTC = 7;
/** A very long list helps nobody; the rest is one click away. */
export const MAX_ACTIONS_IN_MAIL = 30;
export const REMINDER_SETTINGS_PATH = '/werkboek/herinneringen';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface ReminderRunResult {
  /** People who got a reminder in this run. */
  readonly users: number;
  /** Actions listed in those reminders. */
  readonly actions: number;
  /** People whose reminder could not be sent; they are tried again on the next run. */
  readonly failed: number;
}

export interface DueAction {
  readonly actionId: string;
  readonly title: string;
  readonly dueDate: string;
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly milestoneTitle: string;
}

export interface Recipient {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly actions: readonly DueAction[];
}

export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether the hourly check should run today's reminders now. */
export function isReminderTime(now: Date, lastCompletedDay: string | null): boolean {
  return now.getUTCHours() >= REMINDER_HOUR_UTC && lastCompletedDay !== utcDay(now);
}

/** The people to remind today with their actions, from the rows of the batch query. */
export async function findRecipients(db: Queryable, today: string): Promise<Recipient[]> {
  const rows = await repo.selectDueActions(db, today, addDays(today, REMINDER_DAYS_AHEAD), FINISHED_STATUSES);
  const byUser = new Map<string, { userId: string; name: string; email: string; actions: DueAction[] }>();
  for (const row of rows) {
    // The query compares text; only a real date can be overdue or due soon.
    if (row.due_date === null || dayNumber(row.due_date) === null) continue;
    let recipient = byUser.get(row.user_id);
    if (!recipient) byUser.set(row.user_id, (recipient = { userId: row.user_id, name: row.user_name, email: row.user_email, actions: [] }));
    recipient.actions.push({
      actionId: row.action_id,
      title: row.action_title,
      dueDate: row.due_date,
      workspaceId: row.workspace_id,
      workspaceName: row.workspace_name,
      milestoneTitle: row.milestone_title,
    });
  }
  return [...byUser.values()];
}

/** The reminder e-mail; in Dutch, as accounts have no language of their own. */
export function reminderMail(recipient: Recipient, today: string, baseUrl: string): MailMessage {
  const t = translator('nl');
  const todayNumber = dayNumber(today) ?? 0;
  const when = (dueDate: string): string => {
    const days = (dayNumber(dueDate) ?? todayNumber) - todayNumber;
    if (days === 0) return t('reminders.mail.today');
    if (days === 1) return t('reminders.mail.tomorrow');
    if (days === -1) return t('reminders.mail.yesterday');
    return days > 0 ? t('reminders.mail.inDays', { days }) : t('reminders.mail.daysAgo', { days: -days });
  };
  const shown = recipient.actions.slice(0, MAX_ACTIONS_IN_MAIL);
  const entry = (a: DueAction): string[] => [
    `- ${a.title}`,
    `  ${t('reminders.mail.workspace', { name: a.workspaceName })}`,
    `  ${t('reminders.mail.milestone', { title: a.milestoneTitle })}`,
    `  ${t('reminders.mail.due', { date: formatDay(a.dueDate), when: when(a.dueDate) })}`,
    `  ${itemUrl(baseUrl, a.workspaceId, 'action', a.actionId)}`,
    '',
  ];
  const overdue = shown.filter((a) => a.dueDate < today);
  const soon = shown.filter((a) => a.dueDate >= today);
  const count = recipient.actions.length;
  const lines = [t('reminders.mail.greeting', { name: recipient.name }), '', t('reminders.mail.intro'), ''];
  if (overdue.length > 0) lines.push(t('reminders.mail.overdue'), '', ...overdue.flatMap(entry));
  if (soon.length > 0) lines.push(t('reminders.mail.soon'), '', ...soon.flatMap(entry));
  if (count > shown.length) lines.push(t('reminders.mail.more', { count: count - shown.length, url: `${baseUrl}/werkboek` }), '');
  lines.push(t('reminders.mail.done'), '', t('reminders.mail.optOut', { url: `${baseUrl}${REMINDER_SETTINGS_PATH}` }));
  return {
    to: recipient.email,
    subject: count === 1 ? t('reminders.mail.subject.one') : t('reminders.mail.subject.many', { count }),
    text: lines.join('\n'),
  };
}

/**
 * Sends today's reminders: one e-mail per person with open actions that are overdue or due within
 * REMINDER_DAYS_AHEAD days. Running it again on the same day sends nothing new.
 *
 * Each person's "sent" row is committed before the mail goes out, so a crash after sending can never
 * lead to a second mail. The send itself stays outside the transaction: on SQLite an open write
 * transaction would hold up every other write of the app for as long as the mail server takes. When
 * sending fails the row is removed again, so the next run tries once more; the others go on.
 */
export async function runDailyReminders(deps: AppDeps, now: Date = deps.clock()): Promise<ReminderRunResult> {
  const today = utcDay(now);
  const recipients = await findRecipients(deps.db.kysely, today);
  let users = 0;
  let actions = 0;
  let failed = 0;
  for (const recipient of recipients) {
    let claimed = false;
    try {
      const message = reminderMail(recipient, today, deps.config.baseUrl);
      claimed = await inTransaction(deps, (tx) => repo.claimReminder(tx.db, recipient.userId, today, recipient.actions.length));
      if (!claimed) continue;
      await deps.mailer.send(message);
      users += 1;
      actions += recipient.actions.length;
    } catch (error) {
      failed += 1;
      deps.log.warn(`Herinnering voor gebruiker ${recipient.userId} niet verstuurd: ${error instanceof Error ? error.message : String(error)}`);
      if (claimed) {
        await repo
          .releaseReminder(deps.db.kysely, recipient.userId, today)
          .catch((e: unknown) => deps.log.warn(`Herinnering voor gebruiker ${recipient.userId} blijft gemarkeerd als verstuurd: ${String(e)}`));
      }
    }
  }
  return { users, actions, failed };
}

export interface ReminderScheduleOptions {
  /** How often to check whether today's run is due; an hour unless a test says otherwise. */
  readonly intervalMs?: number;
  /** The first check, shortly after start, so a restart in the morning does not wait an hour. */
  readonly firstCheckMs?: number;
}

/**
 * Checks every hour whether today's reminders have gone out (after REMINDER_HOUR_UTC) and sends them
 * if not. A day counts as done only when every mail went out, so failures are retried an hour later.
 * Returns a function that stops the schedule; call it before closing the database.
 */
export function startReminderSchedule(deps: AppDeps, options: ReminderScheduleOptions = {}): () => void {
  let lastCompletedDay: string | null = null;
  let running = false;
  let stopped = false;
  const check = async () => {
    const now = deps.clock();
    if (stopped || running || !isReminderTime(now, lastCompletedDay)) return;
    running = true;
    try {
      const result = await runDailyReminders(deps, now);
      if (result.failed === 0) lastCompletedDay = utcDay(now);
      if (result.users > 0 || result.failed > 0) {
        deps.log.info(`Herinneringen: ${result.users} e-mails met ${result.actions} acties verstuurd, ${result.failed} mislukt`);
      }
    } catch (error) {
      deps.log.warn(`Herinneringen versturen mislukt: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  // unref: the schedule alone never keeps the process alive.
  const first = setTimeout(() => void check(), options.firstCheckMs ?? 60_000);
  first.unref();
  const timer = setInterval(() => void check(), options.intervalMs ?? HOUR_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}

// Preferences

/** Reminders are on until a person switches them off. */
export async function remindersEnabled(db: Queryable, userId: string): Promise<boolean> {
  const row = await repo.selectPreference(db, userId);
  return row === undefined || Number(row.reminders_enabled) !== 0;
}

export async function setRemindersEnabled(tx: Tx, deps: AppDeps, userId: string, enabled: boolean): Promise<void> {
  await repo.upsertPreference(tx.db, userId, enabled, deps.clock().toISOString());
}
