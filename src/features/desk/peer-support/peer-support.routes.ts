import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUserId as userId } from '../../../platform/auth/principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { safeFileName, sendDownload } from '../../../platform/http/download.js';
import { parseForm, problemsToErrors, translateErrors, type FieldErrorKeys } from '../../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import { deskPath, deskRegion } from '../shared/region.js';
import { groupEditSchema, groupSchema, parseMeetingForm } from './peer-support.schemas.js';
import * as service from './peer-support.service.js';
import { DeleteMeetingPage, GroupFormPage, GroupListPage, GroupPage, MeetingFormPage, meetingFormValues, type FormState } from './peer-support.views.js';

type RegionParams = { Params: { slug: string } };
type GroupParams = { Params: { slug: string; peerGroupId: string } };
type MeetingParams = { Params: { slug: string; peerGroupId: string; peerMeetingId: string } };

/** Proposing a group is for signed-in people only; this keeps one account from flooding the coordinator's queue. */
const PROPOSAL_RATE_LIMIT = { max: 10, timeWindow: '1 hour' };

const ORGANISER = { permission: 'desk.group-organiser' } as const;

function groupFormValues(group: service.Group): Record<string, string> {
  return {
    name: group.name,
    description: group.description,
    forWhom: group.forWhom,
    contactEmail: group.contactEmail,
    organisationId: group.organisationId ?? '',
    version: String(group.version),
  };
}

export const deskPeerSupportRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  /** The region and group of the address (any status), or a 404 already sent. */
  const regionAndGroup = async (request: FastifyRequest<GroupParams>, reply: FastifyReply) => {
    const region = await deskRegion(db, request.params.slug);
    const group = region ? await service.getGroup(db, region.slug, request.params.peerGroupId) : undefined;
    if (!region || !group) {
      await reply.callNotFound();
      return undefined;
    }
    return { region, group };
  };

  // The overview and a group's page (public; hidden and pending groups only for organisers and the coordinator)

  app.get<RegionParams>('/loket/:slug/lotgenoten', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const now = deps.clock();
    const viewerId = request.principal?.userId ?? null;
    const [groups, notPublished, memberOf] = await Promise.all([
      service.listPublishedGroups(db, region.slug, now),
      viewerId ? service.listNotPublishedGroupsFor(db, region.slug, viewerId, now) : Promise.resolve([]),
      viewerId ? service.memberGroupIds(db, region.slug, viewerId) : Promise.resolve(new Set<string>()),
    ]);
    return sendPage(request, reply, (ctx) => GroupListPage({ ctx, region, groups, notPublished, memberOf }));
  });

  app.get<GroupParams>('/loket/:slug/lotgenoten/:peerGroupId', { config: { permission: 'public' } }, async (request, reply) => {
    const found = await regionAndGroup(request, reply);
    if (!found) return reply;
    const { region, group } = found;
    const viewer = await service.viewerOf(db, group, request.principal?.userId ?? null);
    if (!service.canSee(group, viewer)) return reply.callNotFound();
    const { upcoming, pastCount } = service.splitMeetings(await service.listMeetings(db, group.id), deps.clock());
    const memberCount = service.canManage(viewer) ? await service.countMembers(db, group.id) : null;
    return sendPage(request, reply, (ctx) => GroupPage({ ctx, region, group, viewer, upcoming, pastCount, memberCount }));
  });

  app.get<GroupParams>('/loket/:slug/lotgenoten/:peerGroupId/agenda.ics', { config: { permission: 'public' } }, async (request, reply) => {
    const found = await regionAndGroup(request, reply);
    if (!found) return reply;
    const { group } = found;
    if (group.status !== 'published') return reply.callNotFound();
    const meetings = await service.listMeetings(db, group.id);
    const body = service.groupCalendar({ group, meetings, now: deps.clock(), baseUrl: deps.config.baseUrl, t: request.t });
    return sendDownload(reply, 'text/calendar; charset=utf-8', safeFileName(group.name, 'ics', 'lotgenoten'), body, 'public, max-age=300');
  });

  // Joining and leaving

  app.post<GroupParams>('/loket/:slug/lotgenoten/:peerGroupId/aanmelden', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const { slug, peerGroupId } = request.params;
    const joined = await inTransaction(deps, (tx) => service.joinGroup(tx.db, slug, peerGroupId, userId(request), deps.clock()));
    if (!joined) return reply.callNotFound();
    return redirectAfterPost(reply, service.groupPath(slug, peerGroupId), 'desk.peerSupport.join.done');
  });

  app.post<GroupParams>('/loket/:slug/lotgenoten/:peerGroupId/afmelden', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const { slug, peerGroupId } = request.params;
    const group = await inTransaction(deps, (tx) => service.leaveGroup(tx.db, slug, peerGroupId, userId(request)));
    if (!group) return reply.callNotFound();
    const back = group.status === 'published' ? service.groupPath(slug, peerGroupId) : deskPath(slug, '/lotgenoten');
    return redirectAfterPost(reply, back, 'desk.peerSupport.leave.done');
  });

  // Proposing a group

  app.get<RegionParams>('/loket/:slug/lotgenoten/nieuw', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const organisations = await service.listOrganisations(db, region.slug);
    return sendPage(request, reply, (ctx) => GroupFormPage({ ctx, region, organisations, state: { values: {} } }));
  });

  app.post<RegionParams>('/loket/:slug/lotgenoten/nieuw', { config: { permission: 'authenticated', rateLimit: PROPOSAL_RATE_LIMIT } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const form = parseForm(groupSchema, request.body);
    const fail = async (errors: FieldErrorKeys) => {
      const organisations = await service.listOrganisations(db, region.slug);
      return sendPage(request, reply, (ctx) => GroupFormPage({ ctx, region, organisations, state: { values: form.values, errors: translateErrors(ctx.t, errors) } }), 422);
    };
    if (!form.ok) return fail(form.errors);
    const result = await inTransaction(deps, (tx) => service.proposeGroup(tx, { regionSlug: region.slug, userId: userId(request), group: form.data, now: deps.clock() }));
    if (!result.ok) return fail(problemsToErrors(result.problems));
    return redirectAfterPost(reply, service.groupPath(region.slug, result.groupId), 'desk.peerSupport.form.proposed');
  });

  // Editing a group (its organisers and the region's coordinator)

  const renderGroupForm = async (request: FastifyRequest<GroupParams>, reply: FastifyReply, group: service.Group, state: FormState, status = 200) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const organisations = await service.listOrganisations(db, region.slug);
    return sendPage(request, reply, (ctx) => GroupFormPage({ ctx, region, group, organisations, state }), status);
  };

  app.get<GroupParams>('/loket/:slug/lotgenoten/:peerGroupId/bewerken', { config: ORGANISER }, async (request, reply) => {
    const found = await regionAndGroup(request, reply);
    if (!found) return reply;
    return renderGroupForm(request, reply, found.group, { values: groupFormValues(found.group) });
  });

  app.post<GroupParams>('/loket/:slug/lotgenoten/:peerGroupId/bewerken', { config: ORGANISER }, async (request, reply) => {
    const found = await regionAndGroup(request, reply);
    if (!found) return reply;
    const { region, group } = found;
    const form = parseForm(groupEditSchema, request.body);
    if (!form.ok) return renderGroupForm(request, reply, group, { values: form.values, errors: translateErrors(request.t, form.errors) }, 422);
    const result = await inTransaction(deps, (tx) =>
      service.editGroup(tx, { regionSlug: region.slug, groupId: group.id, userId: userId(request), group: form.data, now: deps.clock() }),
    );
    if (result.ok) return redirectAfterPost(reply, service.groupPath(region.slug, group.id), 'desk.peerSupport.form.saved');
    if (result.reason === 'notFound') return reply.callNotFound();
    if (result.reason === 'problems') {
      return renderGroupForm(request, reply, group, { values: form.values, errors: translateErrors(request.t, problemsToErrors(result.problems)) }, 422);
    }
    // Someone else saved first: keep what was typed, with the newer version, so that saving again is a conscious choice.
    const values = { ...form.values, version: String(result.version ?? group.version) };
    return renderGroupForm(request, reply, group, { values, formError: request.t('desk.peerSupport.conflict') }, 409);
  });

  // Meetings

  const renderMeetingForm = async (
    request: FastifyRequest<GroupParams>,
    reply: FastifyReply,
    found: { region: NonNullable<Awaited<ReturnType<typeof deskRegion>>>; group: service.Group },
    meetingId: string | undefined,
    state: FormState,
    status = 200,
  ) => sendPage(request, reply, (ctx) => MeetingFormPage({ ctx, region: found.region, group: found.group, meetingId, state }), status);

  app.get<GroupParams>('/loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/nieuw', { config: ORGANISER }, async (request, reply) => {
    const found = await regionAndGroup(request, reply);
    if (!found) return reply;
    return renderMeetingForm(request, reply, found, undefined, { values: {} });
  });

  app.post<GroupParams>('/loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/nieuw', { config: ORGANISER }, async (request, reply) => {
    const found = await regionAndGroup(request, reply);
    if (!found) return reply;
    const now = deps.clock();
    const form = parseMeetingForm(request.body, { now, isNew: true, withSequence: false });
    if (!form.ok) return renderMeetingForm(request, reply, found, undefined, { values: form.values, errors: translateErrors(request.t, form.errors) }, 422);
    const { region, group } = found;
    await inTransaction(deps, (tx) => service.addMeeting(tx, { regionSlug: region.slug, groupId: group.id, userId: userId(request), meeting: form.data, now }));
    return redirectAfterPost(reply, service.groupPath(region.slug, group.id), 'desk.peerSupport.meeting.saved');
  });

  const meetingOf = async (request: FastifyRequest<MeetingParams>, reply: FastifyReply) => {
    const found = await regionAndGroup(request, reply);
    if (!found) return undefined;
    const meeting = await service.getMeeting(db, found.group.id, request.params.peerMeetingId);
    if (!meeting) {
      await reply.callNotFound();
      return undefined;
    }
    return { ...found, meeting };
  };

  app.get<MeetingParams>('/loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/:peerMeetingId/bewerken', { config: ORGANISER }, async (request, reply) => {
    const found = await meetingOf(request, reply);
    if (!found) return reply;
    return renderMeetingForm(request, reply, found, found.meeting.id, { values: meetingFormValues(found.meeting) });
  });

  app.post<MeetingParams>('/loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/:peerMeetingId/bewerken', { config: ORGANISER }, async (request, reply) => {
    const found = await meetingOf(request, reply);
    if (!found) return reply;
    const { region, group, meeting } = found;
    const now = deps.clock();
    // A meeting that already took place may still be corrected, so only new meetings are refused in the past.
    const form = parseMeetingForm(request.body, { now, isNew: false, withSequence: true });
    if (!form.ok) return renderMeetingForm(request, reply, found, meeting.id, { values: form.values, errors: translateErrors(request.t, form.errors) }, 422);
    const result = await inTransaction(deps, (tx) =>
      service.editMeeting(tx, { regionSlug: region.slug, groupId: group.id, meetingId: meeting.id, sequence: form.sequence, meeting: form.data, now }),
    );
    if (result.ok) return redirectAfterPost(reply, service.groupPath(region.slug, group.id), 'desk.peerSupport.meeting.saved');
    if (result.reason === 'notFound') return reply.callNotFound();
    const values = { ...form.values, sequence: String(result.sequence) };
    return renderMeetingForm(request, reply, found, meeting.id, { values, formError: request.t('desk.peerSupport.conflict') }, 409);
  });

  app.get<MeetingParams>('/loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/:peerMeetingId/verwijderen', { config: ORGANISER }, async (request, reply) => {
    const found = await meetingOf(request, reply);
    if (!found) return reply;
    return sendPage(request, reply, (ctx) => DeleteMeetingPage({ ctx, region: found.region, group: found.group, meeting: found.meeting }));
  });

  app.post<MeetingParams>('/loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/:peerMeetingId/verwijderen', { config: ORGANISER }, async (request, reply) => {
    const found = await regionAndGroup(request, reply);
    if (!found) return reply;
    const { region, group } = found;
    const removed = await inTransaction(deps, (tx) => service.removeMeeting(tx, { regionSlug: region.slug, groupId: group.id, meetingId: request.params.peerMeetingId, now: deps.clock() }));
    if (!removed) return reply.callNotFound();
    return redirectAfterPost(reply, service.groupPath(region.slug, group.id), 'desk.peerSupport.meeting.deleted');
  });
};
