import { createHmac } from 'node:crypto';
import type { AppDeps } from '../../../platform/app-deps.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { hashToken, newId } from '../../../platform/auth/tokens.js';
import type { Queryable } from '../../../platform/db/database.js';
import { inTransaction, type Tx } from '../../../platform/db/transaction.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { representedOrganisations, isCoordinatorOf } from '../shared/access.repo.js';
import { anonymise } from './anonymise.js';
import * as publication from '../shared/publication.js';
import { organisationRef, publishedOrganisationNames, representativeEmails } from '../social-map/social-map.service.js';
import { deskPath, deskRegion, type Region } from '../shared/region.js';
import type { AskInput, FaqInput, RouteInput } from './questions.schemas.js';
import { looksLikeAccessToken } from './questions.schemas.js';
import * as repo from './questions.repo.js';

export type QuestionStatus = 'new' | 'routed' | 'answered' | 'hidden';

// The private link
//
// The asker's token is derived from the question's id with a key made from the server secret
// (HMAC-SHA256), and only its SHA-256 hash is stored. So the database alone never yields a working
// link, while the server can put the same link in the answer mail (and in a retry of that mail)
// without ever storing the token. Changing SESSION_SECRET makes old links stop working.

const LINK_KEY_PURPOSE = 'desk-question-private-link';

export function accessTokenFor(deps: AppDeps, questionId: string): string {
  const key = createHmac('sha256', deps.config.sessionSecret).update(LINK_KEY_PURPOSE).digest();
  return createHmac('sha256', key).update(questionId).digest('base64url');
}

export function privatePath(regionSlug: string, token: string): string {
  return deskPath(regionSlug, `/vraag/bekijken/${token}`);
}

function privateUrl(deps: AppDeps, regionSlug: string, questionId: string): string {
  return `${deps.config.baseUrl}${privatePath(regionSlug, accessTokenFor(deps, questionId))}`;
}

/** The name an answer carries when the coordinator answers for the desk itself. */
export function deskAnswererName(region: Region): string {
  return `Loket ${region.name}`;
}

/** The first characters of a question, on one line, for lists. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

// Asking

export interface AskedQuestion {
  readonly questionId: string;
  readonly token: string;
}

/** Stores a question (with the hash of its private link) and, when the asker gave an address, mails the link. */
export async function askQuestion(tx: Tx, deps: AppDeps, region: Region, input: AskInput, lookedLikeCrisis: boolean): Promise<AskedQuestion> {
  const now = deps.clock().toISOString();
  const questionId = newId();
  const token = accessTokenFor(deps, questionId);
  await repo.insertQuestion(tx.db, {
    id: questionId,
    region_slug: region.slug,
    body: input.vraag,
    asker_email: input.email,
    access_token_hash: hashToken(token),
    consent_to_publish: input.toestemming ? 1 : 0,
    looked_like_crisis: lookedLikeCrisis ? 1 : 0,
    status: 'new',
    organisation_id: null,
    routed_by: null,
    routed_at: null,
    routing_note: null,
    email_deleted_at: null,
    created_at: now,
  });
  const t = translator('nl');
  const email = input.email;
  if (email !== null) {
    const url = `${deps.config.baseUrl}${privatePath(region.slug, token)}`;
    tx.afterCommit(() =>
      deps.mailer.send({
        to: email,
        subject: t('desk.questions.mail.received.subject', { region: region.name }),
        text: t('desk.questions.mail.received.body', { region: region.name, link: url }),
      }),
    );
  }
  return { questionId, token };
}

// The asker's own page

export interface OwnQuestion {
  readonly id: string;
  readonly regionSlug: string;
  readonly body: string;
  readonly status: QuestionStatus;
  readonly organisationName: string | null;
  readonly consent: boolean;
  readonly hasEmail: boolean;
  /** The address was used for the answer and then wiped. */
  readonly emailDeleted: boolean;
  readonly createdAt: string;
  readonly answer: { readonly body: string; readonly organisationName: string; readonly createdAt: string } | null;
  /** An FAQ was made from it: the consent can no longer be changed. */
  readonly published: boolean;
}

async function questionByToken(db: Queryable, regionSlug: string, token: string) {
  if (!looksLikeAccessToken(token)) return undefined;
  const row = await repo.selectQuestionByTokenHash(db, hashToken(token));
  return row && row.region_slug === regionSlug ? row : undefined;
}

export async function findOwnQuestion(db: Queryable, regionSlug: string, token: string): Promise<OwnQuestion | undefined> {
  const row = await questionByToken(db, regionSlug, token);
  if (!row) return undefined;
  const [organisation, answer, faq] = await Promise.all([
    row.organisation_id ? organisationRef(db, row.organisation_id) : undefined,
    repo.selectAnswer(db, row.id),
    repo.selectFaqOfQuestion(db, row.id),
  ]);
  return {
    id: row.id,
    regionSlug: row.region_slug,
    body: row.body,
    status: row.status,
    organisationName: organisation?.name ?? null,
    consent: row.consent_to_publish === 1,
    hasEmail: row.asker_email !== null,
    emailDeleted: row.email_deleted_at !== null,
    createdAt: row.created_at,
    answer: answer ? { body: answer.body, organisationName: answer.organisation_name, createdAt: answer.created_at } : null,
    published: faq !== undefined,
  };
}

export type ConsentResult = 'changed' | 'notFound' | 'published';

/** The asker changes the publication consent, as long as no FAQ was made from the question. */
export async function changeConsent(tx: Tx, regionSlug: string, token: string, consent: boolean): Promise<ConsentResult> {
  const found = await questionByToken(tx.db, regionSlug, token);
  if (!found || !(await repo.lockQuestion(tx.db, found.id))) return 'notFound';
  if (await repo.selectFaqOfQuestion(tx.db, found.id)) return 'published';
  await repo.updateConsent(tx.db, found.id, consent);
  return 'changed';
}

/** The asker removes the question and its answer entirely. */
export async function deleteOwnQuestion(tx: Tx, regionSlug: string, token: string): Promise<boolean> {
  const found = await questionByToken(tx.db, regionSlug, token);
  if (!found) return false;
  await repo.deleteQuestion(tx.db, found.id);
  return true;
}

// The coordinator's queue

export interface QueuedQuestion {
  readonly id: string;
  readonly excerpt: string;
  readonly status: QuestionStatus;
  readonly createdAt: string;
  readonly routedAt: string | null;
  readonly organisationName: string | null;
  readonly lookedLikeCrisis: boolean;
}

async function queue(db: Queryable, regionSlug: string, statuses: readonly QuestionStatus[]): Promise<QueuedQuestion[]> {
  const rows = await repo.selectQuestionsOfRegion(db, regionSlug, statuses);
  return rows.map((r) => ({
    id: r.id,
    excerpt: excerpt(r.body),
    status: r.status,
    createdAt: r.created_at,
    routedAt: r.routed_at,
    organisationName: r.organisation_name ?? null,
    lookedLikeCrisis: r.looked_like_crisis === 1,
  }));
}

/** New questions of a region, oldest first: for the coordinator's moderation queue. */
export function listNewQuestions(db: Queryable, regionSlug: string): Promise<QueuedQuestion[]> {
  return queue(db, regionSlug, ['new']);
}

export interface CoordinatorOverview {
  readonly fresh: QueuedQuestion[];
  readonly routed: QueuedQuestion[];
  readonly publishable: { readonly id: string; readonly excerpt: string; readonly createdAt: string }[];
  readonly faqs: PublicFaq[];
}

export async function coordinatorOverview(db: Queryable, regionSlug: string): Promise<CoordinatorOverview> {
  const [fresh, routed, publishable, faqs] = await Promise.all([
    listNewQuestions(db, regionSlug),
    queue(db, regionSlug, ['routed']),
    repo.selectPublishableQuestions(db, regionSlug),
    listPublishedFaqs(db, regionSlug),
  ]);
  return { fresh, routed, publishable: publishable.map((r) => ({ id: r.id, excerpt: excerpt(r.body), createdAt: r.created_at })), faqs };
}

/** A question as the coordinator and the answerer see it: never the asker's address, only whether there is one. */
export interface StaffQuestion {
  readonly id: string;
  readonly body: string;
  readonly status: QuestionStatus;
  readonly createdAt: string;
  readonly hasEmail: boolean;
  readonly emailDeletedAt: string | null;
  readonly consent: boolean;
  readonly lookedLikeCrisis: boolean;
  readonly organisationId: string | null;
  readonly organisationName: string | null;
  readonly routedAt: string | null;
  readonly routingNote: string | null;
  readonly answer: { readonly body: string; readonly organisationName: string; readonly createdAt: string; readonly sentAt: string | null } | null;
  readonly faqId: string | null;
}

export async function findStaffQuestion(db: Queryable, regionSlug: string, questionId: string): Promise<StaffQuestion | undefined> {
  const row = await repo.selectQuestion(db, questionId);
  if (!row || row.region_slug !== regionSlug) return undefined;
  const [organisation, answer, faq] = await Promise.all([
    row.organisation_id ? organisationRef(db, row.organisation_id) : undefined,
    repo.selectAnswer(db, row.id),
    repo.selectFaqOfQuestion(db, row.id),
  ]);
  return {
    id: row.id,
    body: row.body,
    status: row.status,
    createdAt: row.created_at,
    hasEmail: row.asker_email !== null,
    emailDeletedAt: row.email_deleted_at,
    consent: row.consent_to_publish === 1,
    lookedLikeCrisis: row.looked_like_crisis === 1,
    organisationId: row.organisation_id,
    organisationName: organisation?.name ?? null,
    routedAt: row.routed_at,
    routingNote: row.routing_note,
    answer: answer ? { body: answer.body, organisationName: answer.organisation_name, createdAt: answer.created_at, sentAt: answer.sent_at } : null,
    faqId: faq?.id ?? null,
  };
}

export function publishedOrganisations(db: Queryable, regionSlug: string) {
  return publishedOrganisationNames(db, regionSlug);
}

/** A first, anonymised version of question and answer, for the coordinator to edit before publishing. */
export function faqDraft(question: StaffQuestion): { faqVraag: string; faqAntwoord: string } {
  return { faqVraag: anonymise(question.body), faqAntwoord: anonymise(question.answer?.body ?? '') };
}

// Routing and hiding

export type RouteResult = { ok: true; representatives: number } | { ok: false; reason: 'notFound' | 'closed' | 'organisation' };

/**
 * Sends a question on to one of the region's published organisations. Its representatives get a mail
 * with a link to the answer page, never the question itself (a mail can end up anywhere).
 */
export async function routeQuestion(tx: Tx, deps: AppDeps, region: Region, questionId: string, actorId: string, input: RouteInput, ip: string | null): Promise<RouteResult> {
  const question = await repo.lockQuestion(tx.db, questionId);
  if (!question || question.region_slug !== region.slug) return { ok: false, reason: 'notFound' };
  if (question.status !== 'new' && question.status !== 'routed') return { ok: false, reason: 'closed' };
  const organisation = await organisationRef(tx.db, input.organisationId);
  if (!organisation || organisation.regionSlug !== region.slug || organisation.status !== 'published') return { ok: false, reason: 'organisation' };
  const now = deps.clock();
  await repo.updateRouting(tx.db, questionId, organisation.id, actorId, now.toISOString(), input.note === '' ? null : input.note);
  await recordAudit(tx.db, { actorId, event: 'desk.question_routed', target: publication.auditTarget('question', questionId), detail: { organisationId: organisation.id }, ip }, now);
  const t = translator('nl');
  const recipients = await representativeEmails(tx.db, organisation.id);
  const url = `${deps.config.baseUrl}${deskPath(region.slug, `/vragen/${questionId}/beantwoorden`)}`;
  for (const to of recipients) {
    tx.afterCommit(() =>
      deps.mailer.send({
        to,
        subject: t('desk.questions.mail.routed.subject', { organisation: organisation.name, region: region.name }),
        text: t('desk.questions.mail.routed.body', { organisation: organisation.name, region: region.name, link: url }),
      }),
    );
  }
  return { ok: true, representatives: recipients.length };
}

export async function hideQuestion(tx: Tx, deps: AppDeps, regionSlug: string, questionId: string, actorId: string, ip: string | null): Promise<boolean> {
  const question = await repo.lockQuestion(tx.db, questionId);
  if (!question || question.region_slug !== regionSlug) return false;
  if (question.status === 'hidden') return true;
  await repo.updateStatus(tx.db, questionId, 'hidden');
  await recordAudit(tx.db, { actorId, event: 'desk.question_hidden', target: publication.auditTarget('question', questionId), detail: { previousStatus: question.status }, ip }, deps.clock());
  return true;
}

// Answering

/** The questions routed to the organisations this person represents in the region. */
export async function questionsForRepresentative(db: Queryable, regionSlug: string, userId: string) {
  const organisations = await representedOrganisations(db, regionSlug, userId);
  const rows = await repo.selectQuestionsOfOrganisations(
    db,
    regionSlug,
    organisations.map((o) => o.id),
  );
  const questions = rows.map((r) => ({
    id: r.id,
    excerpt: excerpt(r.body),
    status: r.status,
    routedAt: r.routed_at ?? r.created_at,
    organisationName: r.organisation_name,
  }));
  return { organisations, open: questions.filter((q) => q.status === 'routed'), answered: questions.filter((q) => q.status === 'answered') };
}

export type MailOutcome = 'sent' | 'failed' | 'noEmail';
export type AnswerResult = { ok: true; mail: MailOutcome } | { ok: false; reason: 'notFound' | 'alreadyAnswered' };

/**
 * Stores the answer (in one transaction with the status change and its audit entry), then mails it
 * when the asker left an address. Only once that mail went out is the address wiped; when sending
 * fails the address stays, so that retryUnsentAnswers can try again.
 */
export async function answerQuestion(deps: AppDeps, region: Region, questionId: string, actorId: string, body: string, ip: string | null): Promise<AnswerResult> {
  const stored = await inTransaction(deps, async (tx) => {
    const question = await repo.lockQuestion(tx.db, questionId);
    if (!question || question.region_slug !== region.slug || question.status === 'hidden') return { ok: false as const, reason: 'notFound' as const };
    if (question.status === 'answered' || (await repo.selectAnswer(tx.db, questionId))) return { ok: false as const, reason: 'alreadyAnswered' as const };
    // A representative answers in the name of the organisation; the coordinator in the name of the desk.
    const organisation = question.organisation_id ? await organisationRef(tx.db, question.organisation_id) : undefined;
    const asRepresentative = organisation !== undefined && (await representedOrganisations(tx.db, region.slug, actorId)).some((o) => o.id === organisation.id);
    const now = deps.clock();
    await repo.insertAnswer(tx.db, {
      id: newId(),
      question_id: questionId,
      organisation_id: asRepresentative ? organisation.id : null,
      organisation_name: asRepresentative ? organisation.name : deskAnswererName(region),
      author_id: actorId,
      body,
      created_at: now.toISOString(),
      sent_at: null,
    });
    await repo.updateStatus(tx.db, questionId, 'answered');
    await recordAudit(tx.db, { actorId, event: 'desk.question_answered', target: publication.auditTarget('question', questionId), detail: { asRepresentative }, ip }, now);
    return { ok: true as const, hasEmail: question.asker_email !== null };
  });
  if (!stored.ok) return stored;
  if (!stored.hasEmail) return { ok: true, mail: 'noEmail' };
  return { ok: true, mail: await deliverAnswer(deps, region, questionId, actorId) };
}

/** Mails one answer to its asker and then forgets the address. Never throws: a failed mail is retried later. */
async function deliverAnswer(deps: AppDeps, region: Region, questionId: string, actorId: string | null): Promise<MailOutcome> {
  const db = deps.db.kysely;
  const [question, answer] = await Promise.all([repo.selectQuestion(db, questionId), repo.selectAnswer(db, questionId)]);
  if (!question?.asker_email || !answer || answer.sent_at !== null) return 'noEmail';
  const t = translator('nl');
  try {
    await deps.mailer.send({
      to: question.asker_email,
      subject: t('desk.questions.mail.answer.subject', { region: region.name }),
      text: t('desk.questions.mail.answer.body', {
        region: region.name,
        organisation: answer.organisation_name,
        link: privateUrl(deps, region.slug, questionId),
        answer: answer.body,
      }),
    });
  } catch (error) {
    deps.log.warn(`Antwoord op vraag ${questionId} niet verstuurd: ${error instanceof Error ? error.message : String(error)}`);
    return 'failed';
  }
  await inTransaction(deps, async (tx) => {
    const now = deps.clock();
    await repo.markAnswerSent(tx.db, answer.id, now.toISOString());
    await recordAudit(tx.db, { actorId, event: 'desk.asker_email_used', target: publication.auditTarget('question', questionId), detail: { answerId: answer.id } }, now);
    await repo.clearAskerEmail(tx.db, questionId, now.toISOString());
    await recordAudit(tx.db, { actorId, event: 'desk.asker_email_deleted', target: publication.auditTarget('question', questionId) }, now);
  });
  return 'sent';
}

/**
 * Tries again to mail answers that could not be sent before (the address is still there and sent_at is
 * empty). Called at the start of every answer that is saved, so a failed mail goes out with the next
 * answer anywhere; there is no background timer to keep running. Returns how many went out.
 */
export async function retryUnsentAnswers(deps: AppDeps): Promise<number> {
  const db = deps.db.kysely;
  let sent = 0;
  for (const questionId of await repo.selectUnsentAnswerQuestionIds(db)) {
    const question = await repo.selectQuestion(db, questionId);
    const region = question ? await deskRegion(db, question.region_slug) : undefined;
    if (!region) continue;
    if ((await deliverAnswer(deps, region, questionId, null)) === 'sent') sent += 1;
  }
  return sent;
}

// The public FAQ

export interface PublicFaq {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly answeredBy: string;
  readonly createdAt: string;
}

function toFaq(row: { id: string; question: string; answer: string; answered_by: string; created_at: string }): PublicFaq {
  return { id: row.id, question: row.question, answer: row.answer, answeredBy: row.answered_by, createdAt: row.created_at };
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The region's published FAQ, newest first; with a filter only those whose question or answer contain every word. */
export async function listPublishedFaqs(db: Queryable, regionSlug: string, filter = ''): Promise<PublicFaq[]> {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const faqs = (await repo.selectPublishedFaqs(db, regionSlug)).map(toFaq);
  if (words.length === 0) return faqs;
  return faqs.filter((f) => {
    const haystack = fold(`${f.question} ${f.answer} ${f.answeredBy}`);
    return words.every((w) => haystack.includes(w));
  });
}

export async function findPublishedFaq(db: Queryable, regionSlug: string, faqId: string): Promise<PublicFaq | undefined> {
  const row = await repo.selectFaq(db, faqId);
  return row && row.region_slug === regionSlug && row.status === 'published' ? toFaq(row) : undefined;
}

export type PublishResult = { ok: true; faqId: string } | { ok: false; reason: 'notFound' | 'noConsent' | 'notAnswered' | 'exists' };

/** Publishes the coordinator's edited, anonymised version of an answered question whose asker agreed. */
export async function publishFaq(tx: Tx, deps: AppDeps, regionSlug: string, questionId: string, actorId: string, input: FaqInput, ip: string | null): Promise<PublishResult> {
  const question = await repo.lockQuestion(tx.db, questionId);
  if (!question || question.region_slug !== regionSlug) return { ok: false, reason: 'notFound' };
  if (question.consent_to_publish !== 1) return { ok: false, reason: 'noConsent' };
  const answer = await repo.selectAnswer(tx.db, questionId);
  if (question.status !== 'answered' || !answer) return { ok: false, reason: 'notAnswered' };
  if (await repo.selectFaqOfQuestion(tx.db, questionId)) return { ok: false, reason: 'exists' };
  const now = deps.clock();
  const faqId = newId();
  await repo.insertFaq(tx.db, {
    id: faqId,
    region_slug: regionSlug,
    question_id: questionId,
    question: input.faqVraag,
    answer: input.faqAntwoord,
    answered_by: answer.organisation_name,
    status: 'published',
    created_by: actorId,
    created_at: now.toISOString(),
    updated_by: actorId,
    updated_at: now.toISOString(),
    version: 1,
  });
  await publication.published(tx.db, { regionSlug, kind: 'faq', id: faqId, actorId, ip, detail: { questionId } }, now);
  return { ok: true, faqId };
}

/**
 * Hides a published FAQ of the region (inside the caller's transaction), marks the desk as changed and
 * writes the audit row. False when there is no such published FAQ in the region.
 */
export async function hideFaq(db: Queryable, regionSlug: string, faqId: string, actorId: string, now: Date, ip: string | null = null): Promise<boolean> {
  return (await publication.hide(db, { regionSlug, kind: 'faq', id: faqId, actorId, ip }, now)) === 'ok';
}

/** Whether this person is the region's coordinator (to show links to the coordinator's pages). */
export function isCoordinator(db: Queryable, regionSlug: string, userId: string): Promise<boolean> {
  return isCoordinatorOf(db, regionSlug, userId);
}

// For the desk's home, the moderation queue and reports

/** The newest published FAQs of a region. */
export const newestFaqs = repo.newestFaqs;
/** The questions of a region that wait to be routed, oldest first. */
export const newQuestions = repo.newQuestions;
export const newQuestionCount = repo.countNewQuestions;
export const reportableFaq = repo.reportableFaq;
