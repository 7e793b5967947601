import { sql, type Insertable, type Kysely } from 'kysely';
import type { Queryable } from '../../../platform/db/database.js';
import type { ReportableItem } from '../shared/region.js';
import { dialectOfKysely } from '../../../platform/db/dialect-sql.js';
import type { DeskAnswersTable, DeskFaqsTable, DeskQuestionsTable } from './questions.tables.js';

type QuestionStatus = DeskQuestionsTable['status'];

// Questions

export function insertQuestion(db: Queryable, row: Insertable<DeskQuestionsTable>) {
  return db.insertInto('desk_questions').values(row).execute();
}

export function selectQuestion(db: Queryable, questionId: string) {
  return db.selectFrom('desk_questions').selectAll().where('id', '=', questionId).executeTakeFirst();
}

export function selectQuestionByTokenHash(db: Queryable, tokenHash: string) {
  return db.selectFrom('desk_questions').selectAll().where('access_token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Reads a question for a change, serialising changes to it on PostgreSQL (routing, answering, consent and
 * publishing may meet). SQLite runs one write transaction at a time, so it needs no lock.
 */
export async function lockQuestion(db: Queryable, questionId: string) {
  const query = db.selectFrom('desk_questions').selectAll().where('id', '=', questionId);
  return dialectOfKysely(db as unknown as Kysely<unknown>) === 'postgres' ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}

/** A region's questions with one of the statuses, oldest first (the queue order). */
export function selectQuestionsOfRegion(db: Queryable, regionSlug: string, statuses: readonly QuestionStatus[]) {
  return db
    .selectFrom('desk_questions as q')
    .leftJoin('desk_organisations as o', 'o.id', 'q.organisation_id')
    .select(['q.id', 'q.body', 'q.status', 'q.created_at', 'q.routed_at', 'q.looked_like_crisis', 'q.consent_to_publish', 'o.name as organisation_name'])
    .where('q.region_slug', '=', regionSlug)
    .where('q.status', 'in', [...statuses])
    .orderBy('q.created_at')
    .orderBy('q.id')
    .execute();
}

/** Answered questions whose asker agreed to publication and of which no FAQ was made yet. */
export function selectPublishableQuestions(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_questions as q')
    .leftJoin('desk_faqs as f', 'f.question_id', 'q.id')
    .select(['q.id', 'q.body', 'q.created_at'])
    .where('q.region_slug', '=', regionSlug)
    .where('q.status', '=', 'answered')
    .where('q.consent_to_publish', '=', 1)
    .where('f.id', 'is', null)
    .orderBy('q.created_at')
    .execute();
}

/** Questions routed to any of these organisations (open and answered), newest first. */
export function selectQuestionsOfOrganisations(db: Queryable, regionSlug: string, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('desk_questions as q')
    .innerJoin('desk_organisations as o', 'o.id', 'q.organisation_id')
    .select(['q.id', 'q.body', 'q.status', 'q.routed_at', 'q.created_at', 'o.name as organisation_name'])
    .where('q.region_slug', '=', regionSlug)
    .where('q.organisation_id', 'in', [...organisationIds])
    .where('q.status', 'in', ['routed', 'answered'])
    .orderBy('q.routed_at', 'desc')
    .orderBy('q.id')
    .execute();
}

export function updateRouting(db: Queryable, questionId: string, organisationId: string, routedBy: string, routedAt: string, note: string | null) {
  return db
    .updateTable('desk_questions')
    .set({ status: 'routed', organisation_id: organisationId, routed_by: routedBy, routed_at: routedAt, routing_note: note })
    .where('id', '=', questionId)
    .execute();
}

export function updateStatus(db: Queryable, questionId: string, status: QuestionStatus) {
  return db.updateTable('desk_questions').set({ status }).where('id', '=', questionId).execute();
}

export function updateConsent(db: Queryable, questionId: string, consent: boolean) {
  return db
    .updateTable('desk_questions')
    .set({ consent_to_publish: consent ? 1 : 0 })
    .where('id', '=', questionId)
    .execute();
}

/** Forgets the asker's e-mail address once the answer has been sent to it. */
export function clearAskerEmail(db: Queryable, questionId: string, now: string) {
  return db.updateTable('desk_questions').set({ asker_email: null, email_deleted_at: now }).where('id', '=', questionId).execute();
}

/** Removes a question entirely; its answer goes with it (foreign key cascade), an FAQ keeps its anonymised text. */
export function deleteQuestion(db: Queryable, questionId: string) {
  return db.deleteFrom('desk_questions').where('id', '=', questionId).execute();
}

// Organisations and their representatives

/** The addresses of an organisation's representatives whose accounts are in use. */
// Answers

export function insertAnswer(db: Queryable, row: Insertable<DeskAnswersTable>) {
  return db.insertInto('desk_answers').values(row).execute();
}

export function selectAnswer(db: Queryable, questionId: string) {
  return db.selectFrom('desk_answers').selectAll().where('question_id', '=', questionId).executeTakeFirst();
}

export function markAnswerSent(db: Queryable, answerId: string, now: string) {
  return db.updateTable('desk_answers').set({ sent_at: now }).where('id', '=', answerId).where('sent_at', 'is', null).execute();
}

/** Answers that still have to be mailed: not sent yet while the asker's address is still there. */
export async function selectUnsentAnswerQuestionIds(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectFrom('desk_answers as a')
    .innerJoin('desk_questions as q', 'q.id', 'a.question_id')
    .select('q.id')
    .where('a.sent_at', 'is', null)
    .where('q.asker_email', 'is not', null)
    .where('q.status', '=', 'answered')
    .orderBy('a.created_at')
    .limit(10)
    .execute();
  return rows.map((r) => r.id);
}

// The FAQ

export function insertFaq(db: Queryable, row: Insertable<DeskFaqsTable>) {
  return db.insertInto('desk_faqs').values(row).execute();
}

export function selectFaq(db: Queryable, faqId: string) {
  return db.selectFrom('desk_faqs').selectAll().where('id', '=', faqId).executeTakeFirst();
}

export function selectFaqOfQuestion(db: Queryable, questionId: string) {
  return db.selectFrom('desk_faqs').select(['id', 'status']).where('question_id', '=', questionId).executeTakeFirst();
}

export function selectPublishedFaqs(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_faqs')
    .select(['id', 'question', 'answer', 'answered_by', 'created_at'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

// For the desk's home, the moderation queue and reports

const count = sql<string | number>`count(*)`;

export function newestFaqs(db: Queryable, regionSlug: string, limit: number) {
  return db
    .selectFrom('desk_faqs')
    .select(['id', 'question'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function newQuestions(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_questions')
    .select(['id', 'body', 'looked_like_crisis', 'created_at'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'new')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countNewQuestions(db: Queryable, regionSlug: string): Promise<number> {
  const row = await db.selectFrom('desk_questions').select(count.as('n')).where('region_slug', '=', regionSlug).where('status', '=', 'new').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A published FAQ of the region, for a visitor's report. */
export async function reportableFaq(db: Queryable, regionSlug: string, id: string): Promise<ReportableItem | undefined> {
  const row = await db
    .selectFrom('desk_faqs')
    .select('question')
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row && { title: row.question };
}
