import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { answerEventStreamHead, openEventStream } from '../../../platform/http/event-stream.js';
import { render } from 'preact-render-to-string';
import type { AppDeps } from '../../../platform/app-deps.js';
import { signedInPrincipal } from '../../../platform/auth/principal.js';
import { resolveSession, sessionCookieName } from '../../../platform/auth/sessions.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { parseForm, translateErrors, type FieldErrorKeys } from '../../../platform/http/forms.js';
import { sendError } from '../../../platform/http/platform.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import type { Translate } from '../../../platform/i18n/i18n.js';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import { RESYNC_EVENT, type LiveEvent } from '../../../platform/live/live-hub.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import { getTeam } from '../../teams/teams.service.js';
import {
  MEETING_COMMANDS,
  contributionSchema,
  contributionStepOf,
  meetingChannel,
  meetingStepPlan,
  planMeetingSchema,
  reviewSchema,
  timerOf,
  versionOf,
  type MeetingCommand,
  type RefusalReason,
} from './meetings.model.js';
import * as service from './meetings.service.js';
import type { Meeting } from './meetings.service.js';
import {
  COMMAND_SLUGS,
  LiveFragment,
  MeetingPage,
  MeetingsListPage,
  PlanMeetingPage,
  meetingPaths,
  minutesText,
  stepHeading,
  stepInstruction,
  type MeetingForm,
  type MeetingView,
  type TeamRef,
} from './meetings.views.js';
import { recommendationSchema } from '../case-consultation.schemas.js';
import { getCase, getConsultation, getRecommendation, isLeader, isParticipant, listCases, logCaseAccess, type Recommendation } from '../case-consultation.service.js';

type TeamParams = { Params: { teamId: string } };
type MeetingParams = { Params: { teamId: string; meetingId: string } };
type ContributionParams = { Params: { teamId: string; meetingId: string; contributionId: string } };
type ReviewParams = { Params: { teamId: string; meetingId: string; recommendationId: string } };

const PARTICIPANT = { config: { permission: 'case-consultation.participant' } } as const;
const FACILITATOR = { config: { permission: 'case-consultation.facilitator' } } as const;

const BASE = '/casusoverleg/teams/:teamId/bijeenkomsten';
const MEETING = `${BASE}/:meetingId`;

/** The browser waits this long before reconnecting a broken event stream. */
const RETRY_MS = 3000;
/** A comment line this often keeps proxies from closing a quiet stream, and re-checks access (tests shorten it). */
export const liveTiming = { heartbeatMs: 20_000 };
/** Live streams one person may hold open in one app instance (tabs, phones); more is a mistake or abuse. */
const MAX_STREAMS_PER_PERSON = 10;
/** A client that stops reading is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 256 * 1024;

const FLASH_AFTER_COMMAND: Readonly<Record<MeetingCommand, MessageKey>> = {
  start: 'caseMeetings.flash.started',
  next: 'caseMeetings.flash.next',
  previous: 'caseMeetings.flash.previous',
  extend: 'caseMeetings.flash.extended',
  finish: 'caseMeetings.flash.finished',
};

const FLASH_REFUSED: Readonly<Record<RefusalReason, MessageKey>> = {
  stale: 'caseMeetings.flash.stale',
  notStarted: 'caseMeetings.flash.notStarted',
  alreadyStarted: 'caseMeetings.flash.alreadyStarted',
  finished: 'caseMeetings.flash.alreadyFinished',
  firstStep: 'caseMeetings.flash.firstStep',
  lastStep: 'caseMeetings.flash.lastStep',
  extendLimit: 'caseMeetings.flash.extendLimit',
};

function principalOf(request: FastifyRequest): { userId: string; name: string } {
  const { userId, name } = signedInPrincipal(request);
  return { userId, name };
}

/** What a live event tells the page about the state; texts in the language of the page that listens. */
export interface LiveState {
  readonly version: number;
  readonly status: Meeting['status'];
  readonly step: number;
  readonly heading: string;
  readonly instruction: string;
  readonly minutes: string;
  readonly endsAt: string | null;
  readonly serverNow: string;
  readonly remainingSeconds: number | null;
  readonly overtimeSeconds: number | null;
}

function liveState(t: Translate, meeting: Meeting, now: Date): LiveState {
  const plan = meetingStepPlan();
  const timer = timerOf(meeting, now, plan);
  const texts = { t };
  return {
    version: meeting.version,
    status: meeting.status,
    step: meeting.currentStep,
    heading: stepHeading(texts, meeting, plan),
    instruction: stepInstruction(texts, meeting, plan),
    minutes: minutesText(texts, timer, meeting.stepExtraMinutes),
    endsAt: timer?.endsAt ?? null,
    serverNow: now.toISOString(),
    remainingSeconds: timer?.remainingSeconds ?? null,
    overtimeSeconds: timer?.overtimeSeconds ?? null,
  };
}

// Live streams: one room per meeting in this instance, one hub subscription per room

interface Stream {
  readonly userId: string;
  readonly sessionToken: string;
  readonly t: Translate;
  lastVersion: number;
  sendState(state: LiveState): void;
  send(event: string, data: unknown): void;
  comment(text: string): void;
  close(): void;
}

class MeetingRoom {
  readonly streams = new Set<Stream>();
  private readonly unsubscribe: () => void;
  private flushing = false;
  private stateDue = false;
  private contributionsDue = false;

  constructor(
    private readonly deps: AppDeps,
    private readonly teamId: string,
    private readonly meetingId: string,
  ) {
    this.unsubscribe = deps.live.subscribe(meetingChannel(meetingId), (event) => this.onEvent(event));
  }

  private onEvent(event: LiveEvent): void {
    if (event.type === 'state' || event.type === RESYNC_EVENT) this.stateDue = true;
    if (event.type === 'contributions' || event.type === RESYNC_EVENT) this.contributionsDue = true;
    void this.flush();
  }

  /**
   * Re-reads the meeting and who may still follow it once for all streams of the room, then tells each
   * stream what changed. Events that arrive meanwhile are gathered into the next round.
   */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.stateDue || this.contributionsDue) {
        const contributions = this.contributionsDue;
        this.stateDue = false;
        this.contributionsDue = false;
        const db = this.deps.db.kysely;
        const [meeting, participants] = await Promise.all([service.getMeeting(db, this.teamId, this.meetingId), service.participantIds(db, this.teamId)]);
        const now = this.deps.clock();
        const byLocale = new Map<Translate, LiveState>();
        for (const stream of [...this.streams]) {
          // A member removed mid-meeting, or a meeting that is gone, ends the stream at once.
          if (!meeting || !participants.has(stream.userId)) {
            stream.close();
            continue;
          }
          if (meeting.version !== stream.lastVersion) {
            let state = byLocale.get(stream.t);
            if (!state) {
              state = liveState(stream.t, meeting, now);
              byLocale.set(stream.t, state);
            }
            stream.sendState(state);
          }
          if (contributions) stream.send('contributions', { version: meeting.version });
        }
      }
    } catch (error) {
      this.deps.log.warn(`Live-update van bijeenkomst ${this.meetingId} mislukt: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.flushing = false;
    }
  }

  dispose(): void {
    this.unsubscribe();
  }
}

class LiveRooms {
  private readonly rooms = new Map<string, MeetingRoom>();
  private readonly perPerson = new Map<string, number>();

  constructor(private readonly deps: AppDeps) {}

  mayOpen(userId: string): boolean {
    return (this.perPerson.get(userId) ?? 0) < MAX_STREAMS_PER_PERSON;
  }

  join(teamId: string, meetingId: string, stream: Stream): () => void {
    let room = this.rooms.get(meetingId);
    if (!room) {
      room = new MeetingRoom(this.deps, teamId, meetingId);
      this.rooms.set(meetingId, room);
    }
    room.streams.add(stream);
    this.perPerson.set(stream.userId, (this.perPerson.get(stream.userId) ?? 0) + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const current = this.rooms.get(meetingId);
      current?.streams.delete(stream);
      if (current && current.streams.size === 0) {
        current.dispose();
        this.rooms.delete(meetingId);
      }
      const count = (this.perPerson.get(stream.userId) ?? 1) - 1;
      if (count <= 0) this.perPerson.delete(stream.userId);
      else this.perPerson.set(stream.userId, count);
    };
  }

  closeAll(): void {
    for (const room of [...this.rooms.values()]) for (const stream of [...room.streams]) stream.close();
  }

  /** Open streams, for tests. */
  count(): number {
    let n = 0;
    for (const room of this.rooms.values()) n += room.streams.size;
    return n;
  }
}

/** Open live streams per app, so tests can wait until a stream has really gone. */
export const openLiveStreams = new WeakMap<AppDeps, () => number>();

export const caseMeetingRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;
  const rooms = new LiveRooms(deps);
  openLiveStreams.set(deps, () => rooms.count());
  // Open event streams would keep the server from closing.
  app.addHook('preClose', async () => rooms.closeAll());

  async function teamOf(teamId: string): Promise<TeamRef | undefined> {
    const found = await getTeam(db, teamId);
    return found ? { id: found.id, name: found.name } : undefined;
  }

  /** Everything the meeting page and its live parts show. */
  async function meetingView(request: FastifyRequest, teamRef: TeamRef, meeting: Meeting): Promise<MeetingView> {
    const { userId } = principalOf(request);
    const [consultation, records, review, facilitator] = await Promise.all([
      getConsultation(db, teamRef.id),
      service.loadRecords(db, meeting),
      service.loadReview(db, meeting),
      isLeader(db, teamRef.id, userId),
    ]);
    const now = deps.clock();
    const plan = meetingStepPlan();
    return {
      team: teamRef,
      meeting,
      theme: consultation?.theme ?? '',
      plan,
      timer: timerOf(meeting, now, plan),
      now: now.toISOString(),
      viewerId: userId,
      isFacilitator: facilitator,
      records,
      review,
    };
  }

  /** The whole meeting page (with the case persona, so the opening is logged). */
  async function renderMeeting(request: FastifyRequest<MeetingParams>, reply: FastifyReply, form?: MeetingForm, status = 200) {
    const { teamId, meetingId } = request.params;
    const [teamRef, meeting] = await Promise.all([teamOf(teamId), service.getMeeting(db, teamId, meetingId)]);
    if (!teamRef || !meeting) return reply.callNotFound();
    const caseDetails = await getCase(db, teamId, meeting.caseId);
    if (!caseDetails) return reply.callNotFound();
    const view = await meetingView(request, teamRef, meeting);
    const { userId, name } = principalOf(request);
    await logCaseAccess(db, deps, { teamId, cases: [caseDetails], userId, userName: name, action: 'bijeenkomst' });
    return sendPage(request, reply, (ctx) => MeetingPage({ ctx, view, caseDetails, form }), status);
  }

  const closedForm = (meeting: Meeting, ...kept: (string | undefined)[]): MeetingForm => ({
    kind: 'closed',
    reason: meeting.status === 'finished' ? 'finished' : 'notStarted',
    kept: kept.filter((k): k is string => typeof k === 'string' && k.trim() !== ''),
  });

  const backToMeeting = (reply: FastifyReply, teamId: string, meetingId: string, flash: MessageKey) => redirectAfterPost(reply, meetingPaths.meeting(teamId, meetingId), flash);

  // The list and planning

  app.get<TeamParams>(BASE, PARTICIPANT, async (request, reply) => {
    const { teamId } = request.params;
    const teamRef = await teamOf(teamId);
    if (!teamRef) return reply.callNotFound();
    const [meetings, facilitator] = await Promise.all([service.listMeetings(db, teamId), isLeader(db, teamId, principalOf(request).userId)]);
    return sendPage(request, reply, (ctx) => MeetingsListPage({ ctx, team: teamRef, meetings, isFacilitator: facilitator }));
  });

  app.get<TeamParams>(`${BASE}/nieuw`, FACILITATOR, async (request, reply) => {
    const teamRef = await teamOf(request.params.teamId);
    if (!teamRef) return reply.callNotFound();
    const cases = await listCases(db, teamRef.id);
    return sendPage(request, reply, (ctx) => PlanMeetingPage({ ctx, team: teamRef, cases, state: {} }));
  });

  app.post<TeamParams>(BASE, FACILITATOR, async (request, reply) => {
    const teamRef = await teamOf(request.params.teamId);
    if (!teamRef) return reply.callNotFound();
    const form = parseForm(planMeetingSchema, request.body);
    const fail = async (errors: FieldErrorKeys) => {
      const cases = await listCases(db, teamRef.id);
      return sendPage(request, reply, (ctx) => PlanMeetingPage({ ctx, team: teamRef, cases, state: { values: form.values, errors: translateErrors(ctx.t, errors) } }), 422);
    };
    if (!form.ok) return fail(form.errors);
    const input = form.data;
    const actor = principalOf(request).userId;
    // Two facilitators planning at the same moment may draw the same number; the unique index decides and we try again.
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await inTransaction(deps, (tx) => service.planMeeting(tx, deps, teamRef.id, actor, input));
        if (!result.ok) return fail({ caseId: 'caseMeetings.error.caseRequired' });
        return redirectAfterPost(reply, meetingPaths.meeting(teamRef.id, result.meetingId), 'caseMeetings.flash.planned');
      } catch (error) {
        if (attempt >= 3 || !/unique|duplicate/i.test(error instanceof Error ? error.message : '')) throw error;
      }
    }
  });

  // The meeting page, its live parts and its event stream

  app.get<MeetingParams>(MEETING, PARTICIPANT, async (request, reply) => renderMeeting(request, reply));

  app.get<MeetingParams>(`${MEETING}/stand`, PARTICIPANT, async (request, reply) => {
    const { teamId, meetingId } = request.params;
    const [teamRef, meeting] = await Promise.all([teamOf(teamId), service.getMeeting(db, teamId, meetingId)]);
    if (!teamRef || !meeting) return reply.callNotFound();
    const view = await meetingView(request, teamRef, meeting);
    // A part of the page, not a page: no flash is taken, the case persona is not in it (nothing to log).
    const ctx: PageContext = {
      t: request.t,
      locale: request.locale,
      principal: request.principal,
      currentPath: meetingPaths.meeting(teamId, meetingId),
      csrfToken: reply.generateCsrf(),
      flash: null,
      siteName: 'Werkplaats Mensen met Mogelijkheden',
    };
    reply.header('Cache-Control', 'no-store');
    return reply.type('text/html; charset=utf-8').send(render(LiveFragment({ ctx, view })));
  });

  app.get<MeetingParams>(`${MEETING}/live`, PARTICIPANT, async (request, reply) => {
    const { teamId, meetingId } = request.params;
    const meeting = await service.getMeeting(db, teamId, meetingId);
    if (!meeting) return reply.callNotFound();
    const { userId } = principalOf(request);
    const sessionToken = request.cookies[sessionCookieName(deps.config.secure)] ?? '';
    if (!rooms.mayOpen(userId)) return sendError(request, reply, 429);
    if (request.method === 'HEAD') return answerEventStreamHead(reply);

    const events = openEventStream(request, reply, { retryMs: RETRY_MS, maxBufferedBytes: MAX_BUFFERED_BYTES });
    const timers: { heartbeat?: NodeJS.Timeout } = {};
    const stream: Stream = {
      userId,
      sessionToken,
      t: request.t,
      lastVersion: -1,
      sendState(state) {
        stream.lastVersion = state.version;
        events.send('state', state, state.version);
      },
      send(event, data) {
        events.send(event, data);
      },
      comment(text) {
        events.comment(text);
      },
      close() {
        events.close();
      },
    };
    const leave = rooms.join(teamId, meetingId, stream);
    events.onClose(() => {
      if (timers.heartbeat) clearInterval(timers.heartbeat);
      leave();
    });

    /** Still signed in (with two-factor authentication) and still a participant? Otherwise the stream ends. */
    const stillAllowed = async () => {
      const session = await resolveSession(db, sessionToken, deps.clock());
      if (!session || session.user_id !== userId || Number(session.second_factor_pending) === 1 || session.totp_enabled_at === null) return false;
      return isParticipant(db, teamId, userId);
    };
    const refresh = async (first: boolean) => {
      try {
        if (!first && !(await stillAllowed())) return stream.close();
        const current = await service.getMeeting(db, teamId, meetingId);
        if (!current) return stream.close();
        if (!first) stream.comment('ping');
        if (current.version !== stream.lastVersion) stream.sendState(liveState(stream.t, current, deps.clock()));
      } catch (error) {
        deps.log.warn(`Live-stroom van bijeenkomst ${meetingId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    // The first event is the state as it is now: a late joiner or a reconnecting page catches up at once.
    await refresh(true);
    if (events.closed) return;
    timers.heartbeat = setInterval(() => void refresh(false), liveTiming.heartbeatMs);
    timers.heartbeat.unref();
  });

  // The facilitator's commands

  for (const command of MEETING_COMMANDS) {
    app.post<MeetingParams>(`${MEETING}/${COMMAND_SLUGS[command]}`, FACILITATOR, async (request, reply) => {
      const { teamId, meetingId } = request.params;
      const version = versionOf((request.body as Record<string, unknown> | undefined)?.versie);
      if (version === undefined) return sendError(request, reply, 400);
      const result = await inTransaction(deps, (tx) => service.runCommand(tx, deps, teamId, meetingId, command, version));
      if (result.ok) return backToMeeting(reply, teamId, meetingId, FLASH_AFTER_COMMAND[command]);
      if (result.reason === 'notFound') return reply.callNotFound();
      return backToMeeting(reply, teamId, meetingId, FLASH_REFUSED[result.reason]);
    });
  }

  // Contributions

  app.post<MeetingParams>(`${MEETING}/bijdragen`, PARTICIPANT, async (request, reply) => {
    const { teamId, meetingId } = request.params;
    const meeting = await service.getMeeting(db, teamId, meetingId);
    if (!meeting) return reply.callNotFound();
    const body = request.body as Record<string, unknown> | undefined;
    const step = contributionStepOf(body?.stap);
    if (step === undefined) return sendError(request, reply, 400);
    const form = parseForm(contributionSchema(step), request.body);
    if (meeting.status !== 'running') return renderMeeting(request, reply, closedForm(meeting, form.values.tekst), 409);
    if (!form.ok) return renderMeeting(request, reply, { kind: 'contribution', step, values: form.values, errors: translateErrors(request.t, form.errors) }, 422);
    const contribution = form.data;
    const result = await inTransaction(deps, (tx) => service.addContribution(tx, deps, { teamId, meetingId, step, contribution, authorId: principalOf(request).userId }));
    if (!result.ok) {
      if (result.reason === 'notFound') return reply.callNotFound();
      const now = await service.getMeeting(db, teamId, meetingId);
      return renderMeeting(request, reply, closedForm(now ?? meeting, form.values.tekst), 409);
    }
    return backToMeeting(reply, teamId, meetingId, result.currentStep === step ? 'caseMeetings.flash.contributionAdded' : 'caseMeetings.flash.contributionKeptUnderStep');
  });

  app.post<ContributionParams>(`${MEETING}/bijdragen/:contributionId/consensus`, FACILITATOR, async (request, reply) => {
    const { teamId, meetingId, contributionId } = request.params;
    const value = (request.body as Record<string, unknown> | undefined)?.consensus;
    if (value !== '0' && value !== '1') return sendError(request, reply, 400);
    const result = await inTransaction(deps, (tx) => service.setConsensus(tx, deps, { teamId, meetingId, contributionId, consensus: value === '1' }));
    if (result.ok) return backToMeeting(reply, teamId, meetingId, value === '1' ? 'caseMeetings.flash.consensusSet' : 'caseMeetings.flash.consensusRemoved');
    switch (result.reason) {
      case 'finished':
        return backToMeeting(reply, teamId, meetingId, 'caseMeetings.flash.finishedReadOnly');
      case 'notCoreProblem':
        return sendError(request, reply, 400);
      default:
        return reply.callNotFound();
    }
  });

  app.post<ContributionParams>(`${MEETING}/bijdragen/:contributionId/verwijderen`, PARTICIPANT, async (request, reply) => {
    const { teamId, meetingId, contributionId } = request.params;
    const { userId } = principalOf(request);
    const facilitator = await isLeader(db, teamId, userId);
    const result = await inTransaction(deps, (tx) => service.removeContribution(tx, deps, { teamId, meetingId, contributionId, actorId: userId, actorIsFacilitator: facilitator }));
    if (result.ok) return backToMeeting(reply, teamId, meetingId, 'caseMeetings.flash.contributionDeleted');
    switch (result.reason) {
      case 'finished':
        return backToMeeting(reply, teamId, meetingId, 'caseMeetings.flash.finishedReadOnly');
      case 'notAllowed':
        return sendError(request, reply, 403);
      default:
        return reply.callNotFound();
    }
  });

  // Recommendations (step 6) and the review of the previous meeting's (step 0)

  app.post<MeetingParams>(`${MEETING}/aanbevelingen`, PARTICIPANT, async (request, reply) => {
    const { teamId, meetingId } = request.params;
    const meeting = await service.getMeeting(db, teamId, meetingId);
    if (!meeting) return reply.callNotFound();
    const form = parseForm(recommendationSchema, request.body);
    if (meeting.status !== 'running') return renderMeeting(request, reply, closedForm(meeting, form.values.text), 409);
    if (!form.ok) return renderMeeting(request, reply, { kind: 'recommendation', values: form.values, errors: translateErrors(request.t, form.errors) }, 422);
    const recommendation = form.data;
    const result = await inTransaction(deps, (tx) => service.addRecommendation(tx, deps, { teamId, meetingId, recommendation, authorId: principalOf(request).userId }));
    if (!result.ok) {
      if (result.reason === 'notFound') return reply.callNotFound();
      const now = await service.getMeeting(db, teamId, meetingId);
      return renderMeeting(request, reply, closedForm(now ?? meeting, form.values.text), 409);
    }
    return backToMeeting(reply, teamId, meetingId, 'caseMeetings.flash.recommendationAdded');
  });

  app.post<MeetingParams>(`${MEETING}/terugblik`, PARTICIPANT, async (request, reply) => {
    const { teamId, meetingId } = request.params;
    const meeting = await service.getMeeting(db, teamId, meetingId);
    if (!meeting) return reply.callNotFound();
    const form = parseForm(recommendationSchema, request.body);
    if (meeting.status !== 'running') return renderMeeting(request, reply, closedForm(meeting, form.values.text), 409);
    if (!form.ok) return renderMeeting(request, reply, { kind: 'reviewAdd', values: form.values, errors: translateErrors(request.t, form.errors) }, 422);
    const recommendation = form.data;
    const result = await inTransaction(deps, (tx) => service.addRecommendationToPrevious(tx, deps, { teamId, meetingId, recommendation, authorId: principalOf(request).userId }));
    if (result.ok) return backToMeeting(reply, teamId, meetingId, 'caseMeetings.flash.reviewAdded');
    if (result.reason === 'notFound') return reply.callNotFound();
    if (result.reason === 'noPrevious') return backToMeeting(reply, teamId, meetingId, 'caseMeetings.flash.noPrevious');
    const now = await service.getMeeting(db, teamId, meetingId);
    return renderMeeting(request, reply, closedForm(now ?? meeting, form.values.text), 409);
  });

  app.post<ReviewParams>(`${MEETING}/terugblik/:recommendationId`, PARTICIPANT, async (request, reply) => {
    const { teamId, meetingId, recommendationId } = request.params;
    const meeting = await service.getMeeting(db, teamId, meetingId);
    if (!meeting) return reply.callNotFound();
    // The recommendation must be one of this team's, and one this meeting reviews.
    const recommendation = await getRecommendation(db, teamId, recommendationId);
    if (!recommendation || !(await service.isUnderReview(db, meeting, recommendationId))) return reply.callNotFound();
    const version = versionOf((request.body as Record<string, unknown> | undefined)?.version);
    if (version === undefined) return sendError(request, reply, 400);
    const form = parseForm(reviewSchema, request.body);
    if (meeting.status !== 'running') return renderMeeting(request, reply, closedForm(meeting, form.values.text), 409);
    const again = (errors: FieldErrorKeys, conflict?: Recommendation) =>
      renderMeeting(request, reply, { kind: 'review', recommendationId, values: form.values, errors: translateErrors(request.t, errors), conflict }, 422);
    if (!form.ok) return again(form.errors);
    const input = form.data;
    const result = await inTransaction(deps, (tx) =>
      service.reviseInReview(tx, deps, {
        teamId,
        meetingId,
        recommendationId,
        version,
        addressee: input.addressee,
        text: input.text,
        changeKind: input.changeKind,
        actorId: principalOf(request).userId,
      }),
    );
    if (result.ok) return backToMeeting(reply, teamId, meetingId, 'caseMeetings.flash.reviewSaved');
    if (result.reason === 'conflict') return again({}, result.current);
    if (result.reason === 'notFound') return reply.callNotFound();
    const now = await service.getMeeting(db, teamId, meetingId);
    return renderMeeting(request, reply, closedForm(now ?? meeting, form.values.text), 409);
  });
};

