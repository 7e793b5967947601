import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { dutchToday } from '../../../platform/time/dutch-calendar.js';
import { signedInUserId as userId } from '../../../platform/auth/principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { parseForm, translateErrors, type FieldErrorKeys } from '../../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import { isCoordinatorOf } from '../shared/access.repo.js';
import { neutralBadgeSvg, verifiedBadgeSvg } from './badge.js';
import { deskRegion, type Region } from '../shared/region.js';
import { EMPLOYER_FORM_FIELDS, employerSchema, filterText, parseEmployerForm, registerEmployerSchema, rejectEmployerSchema, repledgeSchema } from './employers.schemas.js';
import * as service from './employers.service.js';
import {
  dutchYear,
  EmployerCheckPage,
  EmployerFormPage,
  EmployerPage,
  EmployerReviewPage,
  EmployersListPage,
  RepledgePage,
  WithdrawPage,
  type CheckOutcome,
} from './employers.views.js';
import { listOpenVacanciesOfEmployer, listVacanciesOfEmployer } from './vacancies.service.js';

type SlugParams = { Params: { slug: string }; Querystring: Record<string, unknown> };
type EmployerParams = { Params: { slug: string; employerId: string } };

function employerValues(employer: service.Employer): Record<string, string> {
  return {
    name: employer.name,
    city: employer.city,
    description: employer.description,
    offersAdjustments: employer.offersAdjustments,
    offersGuidance: employer.offersGuidance,
    offersTrialPlacements: employer.offersTrialPlacements,
    contactName: employer.contactName,
    contactEmail: employer.contactEmail,
    contactPhone: employer.contactPhone ?? '',
    website: employer.website ?? '',
  };
}

/** Only the fields of the form, as typed (for a form that comes back after a conflict). */
function typedValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(EMPLOYER_FORM_FIELDS.map((f) => [f, values[f] ?? '']));
}

/** Badges are embedded on the employers' own sites: other origins may load them. */
function sendBadge(reply: FastifyReply, svg: string, status: 200 | 404): FastifyReply {
  return reply
    .code(status)
    .header('Cache-Control', status === 200 ? 'public, max-age=3600' : 'public, max-age=300')
    .header('Cross-Origin-Resource-Policy', 'cross-origin')
    .type('image/svg+xml; charset=utf-8')
    .send(svg);
}

export const deskEmployerRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  /** The region and employer an address names, or undefined after answering 404. */
  const load = async (request: FastifyRequest<EmployerParams>, reply: FastifyReply): Promise<{ region: Region; employer: service.Employer } | undefined> => {
    const region = await deskRegion(db, request.params.slug);
    const employer = region ? await service.getEmployer(db, region.slug, request.params.employerId) : undefined;
    if (!region || !employer) {
      await reply.callNotFound();
      return undefined;
    }
    return { region, employer };
  };

  // The public register

  app.get<SlugParams>('/loket/:slug/werkgevers', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const query = filterText(request.query.q);
    const [employers, mine] = await Promise.all([
      service.listVerifiedEmployers(db, region.slug, query),
      request.principal ? service.listEmployersOfMember(db, region.slug, request.principal.userId) : Promise.resolve([]),
    ]);
    return sendPage(request, reply, (ctx) => EmployersListPage({ ctx, region, employers, query, mine }));
  });

  // Registering and signing the pledge

  app.get<SlugParams>('/loket/:slug/werkgevers/aanmelden', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    return sendPage(request, reply, (ctx) => EmployerFormPage({ ctx, region, mode: { kind: 'register' }, state: {} }));
  });

  app.post<SlugParams>('/loket/:slug/werkgevers/aanmelden', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const form = parseEmployerForm(registerEmployerSchema, request.body);
    if (!form.ok) {
      return sendPage(request, reply, (ctx) => EmployerFormPage({ ctx, region, mode: { kind: 'register' }, state: { values: form.values, errors: translateErrors(ctx.t, form.errors) } }), 422);
    }
    const employerId = await inTransaction(deps, (tx) => service.registerEmployer(tx, deps, region.slug, userId(request), form.data));
    return redirectAfterPost(reply, service.employerPath(region.slug, employerId), 'desk.employers.register.done');
  });

  // One employer

  app.get<EmployerParams>('/loket/:slug/werkgevers/:employerId', { config: { permission: 'public' } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { region, employer } = loaded;
    const viewerId = request.principal?.userId;
    const [isMember, isCoordinator] = viewerId
      ? await Promise.all([service.isMemberOf(db, employer.id, viewerId), isCoordinatorOf(db, region.slug, viewerId)])
      : [false, false];
    // A pledge that is not (or no longer) verified is not part of the public register.
    if (employer.status !== 'verified' && !isMember && !isCoordinator) return reply.callNotFound();
    const today = dutchToday(deps.clock());
    const [openVacancies, allVacancies] = await Promise.all([
      employer.status === 'verified' ? listOpenVacanciesOfEmployer(db, region.slug, employer.id, today) : Promise.resolve([]),
      isMember || isCoordinator ? listVacanciesOfEmployer(db, region.slug, employer.id) : Promise.resolve([]),
    ]);
    return sendPage(request, reply, (ctx) =>
      EmployerPage({ ctx, region, employer, viewer: { isMember, isCoordinator }, openVacancies, allVacancies, baseUrl: deps.config.baseUrl }),
    );
  });

  app.get<EmployerParams>('/loket/:slug/werkgevers/:employerId/badge.svg', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    const employer = region ? await service.getEmployer(db, region.slug, request.params.employerId) : undefined;
    if (!region || !employer || employer.status !== 'verified' || !employer.verifiedAt) return sendBadge(reply, neutralBadgeSvg(), 404);
    return sendBadge(reply, verifiedBadgeSvg({ employerName: employer.name, regionName: region.name, verifiedYear: dutchYear(employer.verifiedAt) }), 200);
  });

  app.get<EmployerParams>('/loket/:slug/werkgevers/:employerId/controle', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const employer = await service.getEmployer(db, region.slug, request.params.employerId);
    let outcome: CheckOutcome;
    if (employer?.status === 'verified') outcome = { kind: 'genuine', employer };
    // Only an employer that was in the register is named; a pledge that was never verified stays unknown.
    else if (employer?.status === 'withdrawn' && employer.verifiedAt) outcome = { kind: 'withdrawn', employer };
    else outcome = { kind: 'unknown' };
    return sendPage(request, reply, (ctx) => EmployerCheckPage({ ctx, region, outcome }), outcome.kind === 'genuine' ? 200 : 404);
  });

  // The members: editing, withdrawing, pledging again

  app.get<EmployerParams>('/loket/:slug/werkgevers/:employerId/bewerken', { config: { permission: 'desk.employer-member' } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { region, employer } = loaded;
    return sendPage(request, reply, (ctx) =>
      EmployerFormPage({ ctx, region, mode: { kind: 'edit', employer, version: employer.version, conflict: false }, state: { values: employerValues(employer) } }),
    );
  });

  app.post<EmployerParams>('/loket/:slug/werkgevers/:employerId/bewerken', { config: { permission: 'desk.employer-member' } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { region, employer } = loaded;
    const form = parseEmployerForm(employerSchema, request.body);
    const version = Number(form.values.version);
    const sentVersion = Number.isInteger(version) ? version : employer.version;
    const fail = (errors: FieldErrorKeys) =>
      sendPage(
        request,
        reply,
        (ctx) => EmployerFormPage({ ctx, region, mode: { kind: 'edit', employer, version: sentVersion, conflict: false }, state: { values: form.values, errors: translateErrors(ctx.t, errors) } }),
        422,
      );
    if (!form.ok) return fail(form.errors);
    const result = await inTransaction(deps, (tx) =>
      service.updateEmployer(tx, deps, { regionSlug: region.slug, employerId: employer.id, version: sentVersion, actorId: userId(request), input: form.data }),
    );
    if (result.ok) return redirectAfterPost(reply, service.employerPath(region.slug, employer.id), 'desk.employers.edit.done');
    // Someone else saved first: the form comes back with this person's text and the newest version.
    return sendPage(
      request,
      reply,
      (ctx) => EmployerFormPage({ ctx, region, mode: { kind: 'edit', employer, version: employer.version, conflict: true }, state: { values: typedValues(form.values) } }),
      409,
    );
  });

  app.get<EmployerParams>('/loket/:slug/werkgevers/:employerId/intrekken', { config: { permission: 'desk.employer-member' } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { region, employer } = loaded;
    if (employer.status === 'withdrawn') return reply.code(303).redirect(service.employerPath(region.slug, employer.id));
    return sendPage(request, reply, (ctx) => WithdrawPage({ ctx, region, employer }));
  });

  app.post<EmployerParams>('/loket/:slug/werkgevers/:employerId/intrekken', { config: { permission: 'desk.employer-member' } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { region, employer } = loaded;
    // Only the confirmation form withdraws (it sends confirm=ja).
    if ((request.body as Record<string, unknown> | undefined)?.confirm !== 'ja') return sendPage(request, reply, (ctx) => WithdrawPage({ ctx, region, employer }), 422);
    const result = await inTransaction(deps, (tx) => service.withdrawEmployer(tx, deps, { regionSlug: region.slug, employerId: employer.id, actorId: userId(request), ip: request.ip }));
    if (!result.ok && result.reason === 'notFound') return reply.callNotFound();
    return redirectAfterPost(reply, service.employerPath(region.slug, employer.id), result.ok ? 'desk.employers.withdraw.done' : 'desk.employers.withdraw.already');
  });

  app.get<EmployerParams>('/loket/:slug/werkgevers/:employerId/opnieuw-aanmelden', { config: { permission: 'desk.employer-member' } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { region, employer } = loaded;
    if (employer.status !== 'withdrawn' && employer.status !== 'rejected') return reply.code(303).redirect(service.employerPath(region.slug, employer.id));
    return sendPage(request, reply, (ctx) => RepledgePage({ ctx, region, employer, state: {} }));
  });

  app.post<EmployerParams>('/loket/:slug/werkgevers/:employerId/opnieuw-aanmelden', { config: { permission: 'desk.employer-member' } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { region, employer } = loaded;
    const form = parseForm(repledgeSchema, request.body);
    if (!form.ok) {
      return sendPage(request, reply, (ctx) => RepledgePage({ ctx, region, employer, state: { values: form.values, errors: translateErrors(ctx.t, form.errors) } }), 422);
    }
    const result = await inTransaction(deps, (tx) => service.repledgeEmployer(tx, deps, { regionSlug: region.slug, employerId: employer.id, actorId: userId(request), ip: request.ip }));
    if (!result.ok && result.reason === 'notFound') return reply.callNotFound();
    return redirectAfterPost(reply, service.employerPath(region.slug, employer.id), result.ok ? 'desk.employers.repledge.done' : 'desk.employers.repledge.notNeeded');
  });

  // The coordinator's verification

  const renderReview = async (request: FastifyRequest<EmployerParams>, reply: FastifyReply, region: Region, employer: service.Employer, state = {}, problem?: string, status = 200) => {
    const members = await service.listEmployerMembers(db, employer.id);
    return sendPage(request, reply, (ctx) => EmployerReviewPage({ ctx, region, employer, members, state, problem }), status);
  };

  app.get<EmployerParams>('/loket/:slug/beheer/werkgevers/:employerId', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    return renderReview(request, reply, loaded.region, loaded.employer);
  });

  app.post<EmployerParams>('/loket/:slug/beheer/werkgevers/:employerId/verifieren', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { region, employer } = loaded;
    const result = await inTransaction(deps, (tx) => service.verifyEmployer(tx, deps, { regionSlug: region.slug, employerId: employer.id, actorId: userId(request), ip: request.ip }));
    if (result.ok) return redirectAfterPost(reply, service.employerReviewPath(region.slug, employer.id), 'desk.employers.review.verified');
    if (result.reason === 'notFound') return reply.callNotFound();
    return renderReview(request, reply, region, employer, {}, request.t('desk.employers.review.cannotVerify'), 409);
  });

  app.post<EmployerParams>('/loket/:slug/beheer/werkgevers/:employerId/afwijzen', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { region, employer } = loaded;
    const form = parseForm(rejectEmployerSchema, request.body);
    if (!form.ok) return renderReview(request, reply, region, employer, { values: form.values, errors: translateErrors(request.t, form.errors) }, undefined, 422);
    const result = await inTransaction(deps, (tx) =>
      service.rejectEmployer(tx, deps, { regionSlug: region.slug, employerId: employer.id, actorId: userId(request), ip: request.ip, reason: form.data.reason }),
    );
    if (result.ok) return redirectAfterPost(reply, service.employerReviewPath(region.slug, employer.id), 'desk.employers.review.rejected');
    if (result.reason === 'notFound') return reply.callNotFound();
    return renderReview(request, reply, region, employer, { values: form.values }, request.t('desk.employers.review.cannotReject'), 409);
  });
};
