import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { dutchToday } from '../../../platform/time/dutch-calendar.js';
import { signedInUserId as userId } from '../../../platform/auth/principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { parseForm, translateErrors, type FieldErrorKeys } from '../../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import { isCoordinatorOf, isEmployerMember } from '../shared/access.repo.js';
import { checkPlainLanguage, hasWarnings } from './plain-language.js';
import { deskRegion, type Region } from '../shared/region.js';
import { filterText, withAllFields } from './employers.schemas.js';
import { employerPath, getEmployer } from './employers.service.js';
import {
  addMonths,
  HOURS_FILTERS,
  PLAIN_LANGUAGE_FIELDS,
  VACANCY_FORM_FIELDS,
  VACANCY_MAX_MONTHS,
  vacancySchema,
  type HoursFilter,
  type VacancyInput,
} from './vacancies.schemas.js';
import * as service from './vacancies.service.js';
import {
  NotYetVerifiedPage,
  RemoveVacancyPage,
  VacanciesListPage,
  VacancyFormPage,
  VacancyPage,
  type PlainLanguageWarnings,
  type VacancyFormMode,
} from './vacancies.views.js';

type SlugParams = { Params: { slug: string }; Querystring: Record<string, unknown> };
type EmployerParams = { Params: { slug: string; employerId: string } };
type VacancyParams = { Params: { slug: string; vacancyId: string } };

function hoursFilter(value: unknown): HoursFilter | '' {
  return typeof value === 'string' && (HOURS_FILTERS as readonly string[]).includes(value) ? (value as HoursFilter) : '';
}

/** The plain-language check of each text a reader reads; only fields with something to reconsider. */
export function plainLanguageWarnings(values: Record<string, string>): PlainLanguageWarnings {
  const warnings: PlainLanguageWarnings = {};
  for (const field of PLAIN_LANGUAGE_FIELDS) {
    const report = checkPlainLanguage(values[field] ?? '');
    if (hasWarnings(report)) warnings[field] = report;
  }
  return warnings;
}

function vacancyValues(v: service.Vacancy): Record<string, string> {
  return {
    title: v.title,
    whatYouDo: v.whatYouDo,
    hours: v.hours,
    hoursPerWeek: v.hoursPerWeek === null ? '' : String(v.hoursPerWeek),
    place: v.place,
    helpAvailable: v.helpAvailable,
    whatWeAsk: v.whatWeAsk,
    contact: v.contact,
    contactEmail: v.contactEmail ?? '',
    contactPhone: v.contactPhone ?? '',
    expiresOn: v.expiresOn,
  };
}

export const deskVacancyRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  const today = () => dutchToday(deps.clock());

  const loadVacancy = async (request: FastifyRequest<VacancyParams>, reply: FastifyReply): Promise<{ region: Region; vacancy: service.Vacancy } | undefined> => {
    const region = await deskRegion(db, request.params.slug);
    const vacancy = region ? await service.getVacancy(db, region.slug, request.params.vacancyId) : undefined;
    if (!region || !vacancy) {
      await reply.callNotFound();
      return undefined;
    }
    return { region, vacancy };
  };

  /** Renders the form; the closing-date hint names the first and last allowed day. */
  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    region: Region,
    mode: VacancyFormMode,
    values: Record<string, string>,
    errors: FieldErrorKeys | undefined,
    warnings: PlainLanguageWarnings,
    status = 200,
  ) => {
    const first = today();
    const latest = addMonths(first, VACANCY_MAX_MONTHS);
    return sendPage(
      request,
      reply,
      (ctx) => VacancyFormPage({ ctx, region, mode, state: { values, errors: errors ? translateErrors(ctx.t, errors) : undefined }, warnings, today: first, latest }),
      status,
    );
  };

  /**
   * Validates the form and the plain-language check. Returns the input when it may be saved; otherwise sends the
   * form back with everything typed, the errors at their fields and the words and sentences to reconsider.
   */
  const checkForm = (request: FastifyRequest, reply: FastifyReply, region: Region, mode: VacancyFormMode): VacancyInput | undefined => {
    const form = parseForm(vacancySchema(today()), withAllFields(VACANCY_FORM_FIELDS, request.body));
    const warnings = plainLanguageWarnings(form.values);
    if (!form.ok) {
      renderForm(request, reply, region, mode, form.values, form.errors, warnings, 422);
      return undefined;
    }
    if (Object.keys(warnings).length > 0 && form.values.textChecked !== 'ja') {
      // The first time the warning is news, not an error; coming back with it unticked, it is.
      const errors: FieldErrorKeys | undefined = form.values.warned === 'ja' ? { textChecked: 'desk.vacancies.error.textChecked' } : undefined;
      renderForm(request, reply, region, mode, form.values, errors, warnings, 422);
      return undefined;
    }
    return form.data;
  };

  // Public

  app.get<SlugParams>('/loket/:slug/vacatures', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const filter = { text: filterText(request.query.q), place: filterText(request.query.plaats), hours: hoursFilter(request.query.uren) };
    const vacancies = await service.listOpenVacancies(db, region.slug, today(), {
      text: filter.text,
      place: filter.place,
      hours: filter.hours === '' ? undefined : filter.hours,
    });
    return sendPage(request, reply, (ctx) => VacanciesListPage({ ctx, region, vacancies, filter }));
  });

  app.get<VacancyParams>('/loket/:slug/vacatures/:vacancyId', { config: { permission: 'public' } }, async (request, reply) => {
    const loaded = await loadVacancy(request, reply);
    if (!loaded) return reply;
    const { region, vacancy } = loaded;
    const viewerId = request.principal?.userId;
    const [isCoordinator, isMember] = viewerId
      ? await Promise.all([isCoordinatorOf(db, region.slug, viewerId), isEmployerMember(db, vacancy.employerId, viewerId)])
      : [false, false];
    const published = service.isPublished(vacancy);
    if (!published && !isCoordinator && !isMember) return reply.callNotFound();
    // The same rule as the permission 'desk.vacancy-editor'.
    const canEdit = isCoordinator || (isMember && vacancy.employerStatus === 'verified');
    const closed = service.isExpired(vacancy, today());
    const jsonLd = published && !closed ? service.jobPostingJsonLd(vacancy, `${deps.config.baseUrl}${service.vacancyPath(region.slug, vacancy.id)}`) : null;
    return sendPage(request, reply, (ctx) => VacancyPage({ ctx, region, vacancy, canEdit, closed, jsonLd }), closed ? 410 : 200);
  });

  // Writing: a verified employer's members and the coordinator

  app.get<EmployerParams>('/loket/:slug/werkgevers/:employerId/vacatures/nieuw', { config: { permission: 'desk.employer-member' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    const employer = region ? await getEmployer(db, region.slug, request.params.employerId) : undefined;
    if (!region || !employer) return reply.callNotFound();
    if (employer.status !== 'verified' && !(await isCoordinatorOf(db, region.slug, userId(request)))) {
      return sendPage(request, reply, (ctx) => NotYetVerifiedPage({ ctx, region, employer }), 403);
    }
    return renderForm(request, reply, region, { kind: 'new', employer }, {}, undefined, {});
  });

  app.post<EmployerParams>('/loket/:slug/werkgevers/:employerId/vacatures/nieuw', { config: { permission: 'desk.employer-member' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    const employer = region ? await getEmployer(db, region.slug, request.params.employerId) : undefined;
    if (!region || !employer) return reply.callNotFound();
    const actorId = userId(request);
    const byCoordinator = await isCoordinatorOf(db, region.slug, actorId);
    if (employer.status !== 'verified' && !byCoordinator) return sendPage(request, reply, (ctx) => NotYetVerifiedPage({ ctx, region, employer }), 403);
    const input = checkForm(request, reply, region, { kind: 'new', employer });
    if (!input) return reply;
    const vacancyId = await inTransaction(deps, (tx) => service.createVacancy(tx, deps, { regionSlug: region.slug, employerId: employer.id, actorId, byCoordinator, input }));
    return redirectAfterPost(reply, service.vacancyPath(region.slug, vacancyId), 'desk.vacancies.new.done');
  });

  app.get<VacancyParams>('/loket/:slug/vacatures/:vacancyId/bewerken', { config: { permission: 'desk.vacancy-editor' } }, async (request, reply) => {
    const loaded = await loadVacancy(request, reply);
    if (!loaded) return reply;
    const { region, vacancy } = loaded;
    return renderForm(request, reply, region, { kind: 'edit', vacancy, version: vacancy.version, conflict: false }, vacancyValues(vacancy), undefined, {});
  });

  app.post<VacancyParams>('/loket/:slug/vacatures/:vacancyId/bewerken', { config: { permission: 'desk.vacancy-editor' } }, async (request, reply) => {
    const loaded = await loadVacancy(request, reply);
    if (!loaded) return reply;
    const { region, vacancy } = loaded;
    const sent = Number((request.body as Record<string, unknown> | undefined)?.version);
    const version = Number.isInteger(sent) ? sent : vacancy.version;
    const input = checkForm(request, reply, region, { kind: 'edit', vacancy, version, conflict: false });
    if (!input) return reply;
    const actorId = userId(request);
    const byCoordinator = await isCoordinatorOf(db, region.slug, actorId);
    const result = await inTransaction(deps, (tx) => service.updateVacancy(tx, deps, { regionSlug: region.slug, vacancyId: vacancy.id, version, actorId, byCoordinator, input }));
    if (result.ok) return redirectAfterPost(reply, service.vacancyPath(region.slug, vacancy.id), 'desk.vacancies.edit.done');
    // Someone else saved first: this person's text comes back with the newest version, to look at and save again.
    const typed = Object.fromEntries(VACANCY_FORM_FIELDS.map((f) => [f, String((request.body as Record<string, unknown>)[f] ?? '')]));
    return renderForm(request, reply, region, { kind: 'edit', vacancy, version: vacancy.version, conflict: true }, typed, undefined, {}, 409);
  });

  app.get<VacancyParams>('/loket/:slug/vacatures/:vacancyId/verwijderen', { config: { permission: 'desk.vacancy-editor' } }, async (request, reply) => {
    const loaded = await loadVacancy(request, reply);
    if (!loaded) return reply;
    return sendPage(request, reply, (ctx) => RemoveVacancyPage({ ctx, region: loaded.region, vacancy: loaded.vacancy }));
  });

  app.post<VacancyParams>('/loket/:slug/vacatures/:vacancyId/verwijderen', { config: { permission: 'desk.vacancy-editor' } }, async (request, reply) => {
    const loaded = await loadVacancy(request, reply);
    if (!loaded) return reply;
    const { region, vacancy } = loaded;
    // Only the confirmation form removes (it sends confirm=ja).
    if ((request.body as Record<string, unknown> | undefined)?.confirm !== 'ja') return sendPage(request, reply, (ctx) => RemoveVacancyPage({ ctx, region, vacancy }), 422);
    await inTransaction(deps, (tx) => service.removeVacancy(tx, deps, { regionSlug: region.slug, vacancyId: vacancy.id }));
    return redirectAfterPost(reply, employerPath(region.slug, vacancy.employerId), 'desk.vacancies.remove.done');
  });
};
