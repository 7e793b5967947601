import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUserId as userId } from '../../../platform/auth/principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { formValues, parseForm, translateErrors } from '../../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import type { FormState } from '../../../platform/views/components.js';
import {
  findReportableItem,
  handleReport,
  HIDEABLE_KINDS,
  loadQueue,
  moderate,
  reportedItemPath,
  createReport,
  selectReport,
  type ModerationResult,
  type QueueAction,
} from './queue.service.js';
import { HandleReportPage, QueuePage, ReportFormPage, ReportNotFoundPage, ReportThanksPage, ToolsPage, type ReportView } from './queue.views.js';
import { deskPath, deskRegion, REPORTABLE_KINDS, type Region, type ReportableKind } from '../shared/region.js';
import { handleReportSchema, HONEYPOT_FIELD, parseReportTarget, reportSchema } from './queue.schemas.js';

type RegionParams = { Params: { slug: string } };
type ReportParams = { Params: { slug: string; reportId: string } };

/** Reports are anonymous: a few per visitor is plenty, a flood is not a person. */
const REPORT_RATE_LIMIT = { max: 5, timeWindow: '10 minutes' };
const COORDINATOR = { permission: 'desk.coordinator' } as const;

export const deskModerationRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  // Reports by visitors

  const reportNotFound = (request: FastifyRequest, reply: FastifyReply, region: Region) =>
    sendPage(request, reply, (ctx) => ReportNotFoundPage({ ctx, region }), 404);

  app.get<RegionParams>('/loket/:slug/melden', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const query = (request.query ?? {}) as Record<string, unknown>;
    const target = parseReportTarget(query.soort, query.id);
    const item = target ? await findReportableItem(db, region.slug, target.kind, target.id, deps.clock()) : undefined;
    if (!target || !item) return reportNotFound(request, reply, region);
    return sendPage(request, reply, (ctx) => ReportFormPage({ ctx, region, target: { ...target, title: item.title } }));
  });

  app.post<RegionParams>('/loket/:slug/melden', { config: { permission: 'public', rateLimit: REPORT_RATE_LIMIT } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const thanks = deskPath(region.slug, '/melden/bedankt');
    // A filled-in hidden field: a robot. It gets the same answer as a person, and nothing is stored.
    if ((formValues(request.body)[HONEYPOT_FIELD] ?? '') !== '') return redirectAfterPost(reply, thanks);
    const form = parseForm(reportSchema, request.body);
    if (!form.ok) {
      const target = parseReportTarget(form.values.soort, form.values.id);
      const item = target ? await findReportableItem(db, region.slug, target.kind, target.id, deps.clock()) : undefined;
      if (!target || !item) return reportNotFound(request, reply, region);
      const state: FormState = { values: form.values, errors: translateErrors(request.t, form.errors) };
      return sendPage(request, reply, (ctx) => ReportFormPage({ ctx, region, target: { ...target, title: item.title }, state }), 422);
    }
    const stored = await inTransaction(deps, (tx) => createReport(tx, deps, region.slug, form.data));
    if (!stored) return reportNotFound(request, reply, region);
    return redirectAfterPost(reply, thanks);
  });

  app.get<RegionParams>('/loket/:slug/melden/bedankt', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    return sendPage(request, reply, (ctx) => ReportThanksPage({ ctx, region }));
  });

  // The queue

  const renderQueue = async (request: FastifyRequest, reply: FastifyReply, region: Region, problem?: MessageKey, status = 200) => {
    const queue = await loadQueue(db, region.slug, deps.clock());
    return sendPage(request, reply, (ctx) => QueuePage({ ctx, region, queue, problem: problem ? ctx.t(problem) : undefined }), status);
  };

  app.get<RegionParams>('/loket/:slug/beheer', { config: COORDINATOR }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    return renderQueue(request, reply, region);
  });

  app.get<RegionParams>('/loket/:slug/beheer/hulpmiddelen', { config: COORDINATOR }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    return sendPage(request, reply, (ctx) => ToolsPage({ ctx, region }));
  });

  const DONE: Record<QueueAction['action'], MessageKey> = {
    publish: 'desk.moderation.done.published',
    hide: 'desk.moderation.done.hidden',
    reviewed: 'desk.moderation.done.reviewed',
  };

  const afterAction = async (request: FastifyRequest, reply: FastifyReply, region: Region, result: ModerationResult, flash: MessageKey) => {
    if (result === 'notFound') return reply.callNotFound();
    if (result === 'stale') return renderQueue(request, reply, region, 'desk.moderation.queue.stale', 409);
    return redirectAfterPost(reply, deskPath(region.slug, '/beheer'), flash);
  };

  /** One POST route per queue action; the item must belong to the region in the address. */
  const queueAction = (path: string, param: 'organisationId' | 'vacancyId' | 'peerGroupId', what: QueueAction) => {
    app.post<{ Params: { slug: string } & Record<typeof param, string> }>(path, { config: COORDINATOR }, async (request, reply) => {
      const region = await deskRegion(db, request.params.slug);
      if (!region) return reply.callNotFound();
      const itemId = request.params[param];
      const result = await inTransaction(deps, (tx) => moderate(tx, deps, region.slug, itemId, what, userId(request), request.ip));
      return afterAction(request, reply, region, result, DONE[what.action]);
    });
  };

  queueAction('/loket/:slug/beheer/wachtrij/organisaties/:organisationId/publiceren', 'organisationId', { kind: 'organisation', action: 'publish' });
  queueAction('/loket/:slug/beheer/wachtrij/organisaties/:organisationId/verbergen', 'organisationId', { kind: 'organisation', action: 'hide' });
  queueAction('/loket/:slug/beheer/wachtrij/vacatures/:vacancyId/bekeken', 'vacancyId', { kind: 'vacancy', action: 'reviewed' });
  queueAction('/loket/:slug/beheer/wachtrij/vacatures/:vacancyId/verbergen', 'vacancyId', { kind: 'vacancy', action: 'hide' });
  queueAction('/loket/:slug/beheer/wachtrij/lotgenoten/:peerGroupId/publiceren', 'peerGroupId', { kind: 'group', action: 'publish' });
  queueAction('/loket/:slug/beheer/wachtrij/lotgenoten/:peerGroupId/verbergen', 'peerGroupId', { kind: 'group', action: 'hide' });

  // Handling one report

  const reportView = async (region: Region, reportId: string): Promise<ReportView | undefined> => {
    const report = await selectReport(db, region.slug, reportId);
    if (!report) return undefined;
    const kind = (REPORTABLE_KINDS as readonly string[]).includes(report.item_kind) ? (report.item_kind as ReportableKind) : undefined;
    const item = kind ? await findReportableItem(db, region.slug, kind, report.item_id, deps.clock()) : undefined;
    return {
      id: report.id,
      kind: report.item_kind,
      itemTitle: report.item_title,
      itemPath: kind && item ? reportedItemPath(region.slug, kind, report.item_id, item) : null,
      reason: report.reason,
      details: report.details,
      createdAt: report.created_at,
      handledAt: report.handled_at,
      outcome: report.outcome,
      canHide: kind !== undefined && item !== undefined && HIDEABLE_KINDS.includes(kind),
    };
  };

  app.get<ReportParams>('/loket/:slug/beheer/meldingen/:reportId', { config: COORDINATOR }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    const report = region ? await reportView(region, request.params.reportId) : undefined;
    if (!region || !report) return reply.callNotFound();
    return sendPage(request, reply, (ctx) => HandleReportPage({ ctx, region, report }));
  });

  app.post<ReportParams>('/loket/:slug/beheer/meldingen/:reportId', { config: COORDINATOR }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    const report = region ? await reportView(region, request.params.reportId) : undefined;
    if (!region || !report) return reply.callNotFound();
    const form = parseForm(handleReportSchema, request.body);
    if (!form.ok) {
      const state: FormState = { values: form.values, errors: translateErrors(request.t, form.errors) };
      return sendPage(request, reply, (ctx) => HandleReportPage({ ctx, region, report, state }), 422);
    }
    const result = await inTransaction(deps, (tx) => handleReport(tx, deps, region.slug, report.id, form.data, userId(request), request.ip));
    if (result === 'notFound') return reply.callNotFound();
    if (result === 'stale') {
      const current = (await reportView(region, report.id)) ?? report;
      return sendPage(request, reply, (ctx) => HandleReportPage({ ctx, region, report: current, state: { formError: ctx.t('desk.moderation.queue.stale') } }), 409);
    }
    return redirectAfterPost(reply, deskPath(region.slug, '/beheer'), 'desk.moderation.done.reportHandled');
  });
};
