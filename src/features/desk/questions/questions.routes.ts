import type { FastifyPluginAsync, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { signedInUserId as userId } from '../../../platform/auth/principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { formValues, parseForm, translateErrors, type FieldErrorKeys } from '../../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import type { FormState } from '../../../platform/views/components.js';
import { isRepresentativeOf } from '../shared/access.repo.js';
import { looksLikeCrisis } from './crisis.js';
import { deskPath, deskRegion, type Region } from '../shared/region.js';
import { answerSchema, askSchema, consentSchema, deleteSchema, faqSchema, FAQ_FILTER_MAX_LENGTH, routeSchema } from './questions.schemas.js';
import * as service from './questions.service.js';
import {
  AnswerPage,
  AskPage,
  askPath,
  answerPath,
  FaqListPage,
  FaqPage,
  ManageQuestionPage,
  ManageQuestionsPage,
  manageQuestionPath,
  manageQuestionsPath,
  MyQuestionsPage,
  myQuestionsPath,
  OwnQuestionNotFoundPage,
  OwnQuestionPage,
  SentPage,
} from './questions.views.js';

/** Questions without an account: enough for a person who corrects a typo or reads the crisis help, too few for a flood. */
const ASK_RATE_LIMIT = { max: 5, timeWindow: '10 minutes' };
/** The asker's own changes (consent, deleting) on the private page. */
const PRIVATE_FORM_RATE_LIMIT = { max: 20, timeWindow: '10 minutes' };
/** How many published questions the question form shows below it. */
const FAQS_ON_FORM = 5;

/**
 * After sending, the thanks page shows the private link once. The POST never puts the token in a URL:
 * it sets this short-lived signed cookie holding the question's id (not the token), limited to the thanks
 * page's path; the thanks page derives the link, shows it and clears the cookie. So the token appears
 * nowhere but in the private page's own URL (and in the asker's mail when they gave an address).
 */
const SENT_COOKIE = 'mmm-vraag-verstuurd';
const SENT_COOKIE_SECONDS = 10 * 60;

type SlugParams = { Params: { slug: string } };
type TokenParams = { Params: { slug: string; accessToken: string } };
type QuestionParams = { Params: { slug: string; questionId: string } };
type FaqParams = { Params: { slug: string; faqId: string } };

function sentPath(regionSlug: string): string {
  return deskPath(regionSlug, '/vraag/verstuurd');
}

/** Pages that show or act on the private link: not stored, not indexed, and the link never leaks as a referrer. */
const privateHeaders: onSendHookHandler = async (_request, reply, payload) => {
  reply.header('Cache-Control', 'no-store');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('X-Robots-Tag', 'noindex');
  return payload;
};

/** The form's values to send back, without the honeypot. */
function typedValues(values: Record<string, string>): Record<string, string> {
  const { website: _honeypot, ...rest } = values;
  return rest;
}

export const deskQuestionRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  const regionOr404 = async (request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply): Promise<Region | undefined> => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) reply.callNotFound();
    return region;
  };

  // Asking

  const sendAskPage = async (request: FastifyRequest, reply: FastifyReply, region: Region, state: FormState, crisis: boolean, status: number) => {
    const faqs = (await service.listPublishedFaqs(db, region.slug)).slice(0, FAQS_ON_FORM);
    return sendPage(request, reply, (ctx) => AskPage({ ctx, region, state, crisis, faqs }), status);
  };

  app.get<SlugParams>('/loket/:slug/vraag', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    return sendAskPage(request, reply, region, {}, false, 200);
  });

  app.post<SlugParams>('/loket/:slug/vraag', { config: { permission: 'public', rateLimit: ASK_RATE_LIMIT } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    // A filled-in honeypot: a program sent this. It is told all went well, and nothing is stored.
    if ((formValues(request.body).website ?? '').trim() !== '') return redirectAfterPost(reply, sentPath(region.slug));
    const form = parseForm(askSchema, request.body);
    const values = typedValues(form.values);
    if (!form.ok) return sendAskPage(request, reply, region, { values, errors: translateErrors(request.t, form.errors) }, false, 422);
    const crisis = looksLikeCrisis(form.data.vraag);
    if (crisis && !form.data.crisisGezien) return sendAskPage(request, reply, region, { values }, true, 200);
    const asked = await inTransaction(deps, (tx) => service.askQuestion(tx, deps, region, form.data, crisis));
    reply.setCookie(SENT_COOKIE, asked.questionId, {
      path: sentPath(region.slug),
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.secure,
      signed: true,
      maxAge: SENT_COOKIE_SECONDS,
    });
    return redirectAfterPost(reply, sentPath(region.slug));
  });

  app.get<SlugParams>('/loket/:slug/vraag/verstuurd', { config: { permission: 'public' }, onSend: privateHeaders }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    let link: string | null = null;
    const raw = request.cookies[SENT_COOKIE];
    if (raw) {
      reply.clearCookie(SENT_COOKIE, { path: sentPath(region.slug) });
      const unsigned = request.unsignCookie(raw);
      const question = unsigned.valid && unsigned.value ? await service.findStaffQuestion(db, region.slug, unsigned.value) : undefined;
      if (question) link = `${deps.config.baseUrl}${service.privatePath(region.slug, service.accessTokenFor(deps, question.id))}`;
    }
    return sendPage(request, reply, (ctx) => SentPage({ ctx, region, link }));
  });

  // The asker's private page

  const sendOwnPage = async (request: FastifyRequest<TokenParams>, reply: FastifyReply, region: Region, extra: { errors?: FieldErrorKeys; problem?: 'desk.questions.own.consentTooLate' } = {}, status = 200) => {
    const { accessToken } = request.params;
    const question = await service.findOwnQuestion(db, region.slug, accessToken);
    if (!question) return sendPage(request, reply, (ctx) => OwnQuestionNotFoundPage({ ctx, region }), 404);
    return sendPage(
      request,
      reply,
      (ctx) =>
        OwnQuestionPage({
          ctx,
          region,
          question,
          token: accessToken,
          errors: extra.errors ? translateErrors(ctx.t, extra.errors) : undefined,
          problem: extra.problem ? ctx.t(extra.problem) : undefined,
        }),
      status,
    );
  };

  app.get<TokenParams>('/loket/:slug/vraag/bekijken/:accessToken', { config: { permission: 'public' }, onSend: privateHeaders }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    return sendOwnPage(request, reply, region);
  });

  app.post<TokenParams>(
    '/loket/:slug/vraag/bekijken/:accessToken/toestemming',
    { config: { permission: 'public', rateLimit: PRIVATE_FORM_RATE_LIMIT }, onSend: privateHeaders },
    async (request, reply) => {
      const region = await regionOr404(request, reply);
      if (!region) return reply;
      const form = parseForm(consentSchema, request.body);
      if (!form.ok) return sendOwnPage(request, reply, region, {}, 400);
      const { accessToken } = request.params;
      const result = await inTransaction(deps, (tx) => service.changeConsent(tx, region.slug, accessToken, form.data.toestemming));
      if (result === 'notFound') return sendPage(request, reply, (ctx) => OwnQuestionNotFoundPage({ ctx, region }), 404);
      if (result === 'published') return sendOwnPage(request, reply, region, { problem: 'desk.questions.own.consentTooLate' }, 409);
      return redirectAfterPost(reply, service.privatePath(region.slug, accessToken), 'desk.questions.flash.consentChanged');
    },
  );

  app.post<TokenParams>(
    '/loket/:slug/vraag/bekijken/:accessToken/verwijderen',
    { config: { permission: 'public', rateLimit: PRIVATE_FORM_RATE_LIMIT }, onSend: privateHeaders },
    async (request, reply) => {
      const region = await regionOr404(request, reply);
      if (!region) return reply;
      const form = parseForm(deleteSchema, request.body);
      if (!form.ok) return sendOwnPage(request, reply, region, { errors: form.errors }, 422);
      const deleted = await inTransaction(deps, (tx) => service.deleteOwnQuestion(tx, region.slug, request.params.accessToken));
      if (!deleted) return sendPage(request, reply, (ctx) => OwnQuestionNotFoundPage({ ctx, region }), 404);
      return redirectAfterPost(reply, askPath(region.slug), 'desk.questions.flash.deleted');
    },
  );

  // The public FAQ

  app.get<SlugParams & { Querystring: { q?: unknown } }>('/loket/:slug/vragen', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    const raw = request.query.q;
    const filter = (typeof raw === 'string' ? raw : '').trim().slice(0, FAQ_FILTER_MAX_LENGTH);
    const all = await service.listPublishedFaqs(db, region.slug);
    const faqs = filter === '' ? all : await service.listPublishedFaqs(db, region.slug, filter);
    return sendPage(request, reply, (ctx) => FaqListPage({ ctx, region, faqs, filter, total: all.length }));
  });

  app.get<FaqParams>('/loket/:slug/vragen/:faqId', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    const faq = await service.findPublishedFaq(db, region.slug, request.params.faqId);
    if (!faq) return reply.callNotFound();
    return sendPage(request, reply, (ctx) => FaqPage({ ctx, region, faq }));
  });

  // The coordinator

  app.get<SlugParams>('/loket/:slug/beheer/vragen', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    const overview = await service.coordinatorOverview(db, region.slug);
    return sendPage(request, reply, (ctx) => ManageQuestionsPage({ ctx, region, overview }));
  });

  interface ManageExtras {
    routeState?: { values: Record<string, string>; errors?: FieldErrorKeys };
    faqState?: { values: Record<string, string>; errors?: FieldErrorKeys };
    keepFaqForm?: boolean;
    problem?: 'desk.questions.problem.noConsent' | 'desk.questions.problem.notAnswered' | 'desk.questions.problem.faqExists' | 'desk.questions.problem.closed';
  }

  const sendManagePage = async (request: FastifyRequest<QuestionParams>, reply: FastifyReply, region: Region, extras: ManageExtras = {}, status = 200) => {
    const question = await service.findStaffQuestion(db, region.slug, request.params.questionId);
    if (!question) return reply.callNotFound();
    const organisations = await service.publishedOrganisations(db, region.slug);
    const faqValues = extras.faqState?.values ?? (question.status === 'answered' && question.consent ? service.faqDraft(question) : {});
    return sendPage(
      request,
      reply,
      (ctx) =>
        ManageQuestionPage({
          ctx,
          region,
          question,
          organisations,
          routeState: extras.routeState ? { values: extras.routeState.values, errors: extras.routeState.errors ? translateErrors(ctx.t, extras.routeState.errors) : undefined } : {},
          faqState: { values: faqValues, errors: extras.faqState?.errors ? translateErrors(ctx.t, extras.faqState.errors) : undefined },
          keepFaqForm: extras.keepFaqForm,
          problem: extras.problem ? ctx.t(extras.problem) : undefined,
        }),
      status,
    );
  };

  app.get<QuestionParams>('/loket/:slug/beheer/vragen/:questionId', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    return sendManagePage(request, reply, region);
  });

  app.post<QuestionParams>('/loket/:slug/beheer/vragen/:questionId/doorsturen', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    const form = parseForm(routeSchema, request.body);
    if (!form.ok) return sendManagePage(request, reply, region, { routeState: { values: form.values, errors: form.errors } }, 422);
    const { questionId } = request.params;
    const result = await inTransaction(deps, (tx) => service.routeQuestion(tx, deps, region, questionId, userId(request), form.data, request.ip));
    if (!result.ok) {
      if (result.reason === 'notFound') return reply.callNotFound();
      if (result.reason === 'closed') return sendManagePage(request, reply, region, { problem: 'desk.questions.problem.closed' }, 409);
      return sendManagePage(request, reply, region, { routeState: { values: form.values, errors: { organisationId: 'desk.questions.error.organisationUnknown' } } }, 422);
    }
    return redirectAfterPost(reply, manageQuestionPath(region.slug, questionId), result.representatives > 0 ? 'desk.questions.flash.routed' : 'desk.questions.flash.routedNobody');
  });

  app.post<QuestionParams>('/loket/:slug/beheer/vragen/:questionId/verbergen', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    const { questionId } = request.params;
    const found = await inTransaction(deps, (tx) => service.hideQuestion(tx, deps, region.slug, questionId, userId(request), request.ip));
    if (!found) return reply.callNotFound();
    return redirectAfterPost(reply, manageQuestionsPath(region.slug), 'desk.questions.flash.hidden');
  });

  app.post<QuestionParams>('/loket/:slug/beheer/vragen/:questionId/publiceren', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    const { questionId } = request.params;
    const question = await service.findStaffQuestion(db, region.slug, questionId);
    if (!question) return reply.callNotFound();
    // Without the asker's consent no FAQ is made, whatever the form says.
    if (!question.consent) return sendManagePage(request, reply, region, { problem: 'desk.questions.problem.noConsent' }, 422);
    const form = parseForm(faqSchema, request.body);
    if (!form.ok) return sendManagePage(request, reply, region, { faqState: { values: form.values, errors: form.errors } }, 422);
    const result = await inTransaction(deps, (tx) => service.publishFaq(tx, deps, region.slug, questionId, userId(request), form.data, request.ip));
    if (!result.ok) {
      if (result.reason === 'notFound') return reply.callNotFound();
      if (result.reason === 'noConsent') return sendManagePage(request, reply, region, { problem: 'desk.questions.problem.noConsent' }, 422);
      if (result.reason === 'notAnswered') return sendManagePage(request, reply, region, { problem: 'desk.questions.problem.notAnswered' }, 409);
      return sendManagePage(request, reply, region, { faqState: { values: form.values }, keepFaqForm: true, problem: 'desk.questions.problem.faqExists' }, 409);
    }
    return redirectAfterPost(reply, manageQuestionPath(region.slug, questionId), 'desk.questions.flash.faqPublished');
  });

  app.post<FaqParams>('/loket/:slug/beheer/veelgestelde-vragen/:faqId/verbergen', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    const { faqId } = request.params;
    const actorId = userId(request);
    const hidden = await inTransaction(deps, (tx) => service.hideFaq(tx.db, region.slug, faqId, actorId, deps.clock(), request.ip));
    if (!hidden) return reply.callNotFound();
    return redirectAfterPost(reply, manageQuestionsPath(region.slug), 'desk.questions.flash.faqHidden');
  });

  // Representatives (and the coordinator) answering

  app.get<SlugParams>('/loket/:slug/mijn-vragen', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    const me = userId(request);
    const [mine, coordinator] = await Promise.all([service.questionsForRepresentative(db, region.slug, me), service.isCoordinator(db, region.slug, me)]);
    return sendPage(request, reply, (ctx) => MyQuestionsPage({ ctx, region, ...mine, isCoordinator: coordinator }));
  });

  const sendAnswerPage = async (
    request: FastifyRequest<QuestionParams>,
    reply: FastifyReply,
    region: Region,
    extras: { values?: Record<string, string>; errors?: FieldErrorKeys; problem?: 'desk.questions.answer.already' } = {},
    status = 200,
  ) => {
    const question = await service.findStaffQuestion(db, region.slug, request.params.questionId);
    if (!question || question.status === 'hidden') return reply.callNotFound();
    const me = userId(request);
    const asRepresentative = question.organisationId !== null && question.organisationName !== null && (await isRepresentativeOf(db, question.organisationId, me));
    const answererName = asRepresentative && question.organisationName ? question.organisationName : service.deskAnswererName(region);
    const backPath = (await service.isCoordinator(db, region.slug, me)) ? manageQuestionPath(region.slug, question.id) : myQuestionsPath(region.slug);
    return sendPage(
      request,
      reply,
      (ctx) =>
        AnswerPage({
          ctx,
          region,
          question,
          answererName,
          backPath,
          state: { values: extras.values, errors: extras.errors ? translateErrors(ctx.t, extras.errors) : undefined },
          problem: extras.problem ? ctx.t(extras.problem) : undefined,
        }),
      status,
    );
  };

  app.get<QuestionParams>('/loket/:slug/vragen/:questionId/beantwoorden', { config: { permission: 'desk.question-answerer' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    return sendAnswerPage(request, reply, region);
  });

  app.post<QuestionParams>('/loket/:slug/vragen/:questionId/beantwoorden', { config: { permission: 'desk.question-answerer' } }, async (request, reply) => {
    const region = await regionOr404(request, reply);
    if (!region) return reply;
    // Answers whose mail failed earlier go out now, before this one (see retryUnsentAnswers).
    await service.retryUnsentAnswers(deps);
    const form = parseForm(answerSchema, request.body);
    if (!form.ok) return sendAnswerPage(request, reply, region, { values: form.values, errors: form.errors }, 422);
    const { questionId } = request.params;
    const result = await service.answerQuestion(deps, region, questionId, userId(request), form.data.antwoord, request.ip);
    if (!result.ok) {
      if (result.reason === 'notFound') return reply.callNotFound();
      return sendAnswerPage(request, reply, region, { problem: 'desk.questions.answer.already' }, 409);
    }
    const flash =
      result.mail === 'sent' ? 'desk.questions.flash.answered' : result.mail === 'failed' ? 'desk.questions.flash.answeredMailFailed' : 'desk.questions.flash.answeredNoEmail';
    return redirectAfterPost(reply, answerPath(region.slug, questionId), flash);
  });
};
