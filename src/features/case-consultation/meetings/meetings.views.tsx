import { Fragment, type ComponentChildren } from 'preact';
import {
  A,
  CsrfField,
  ErrorSummary,
  Heading,
  Notice,
  P,
  Paragraphs,
  PostForm,
  SelectField,
  SubmitButton,
  Table,
  TextAreaField,
  TextField,
  type FieldErrors,
  type FormState,
  type FormValues,
  type Option,
} from '../../../platform/views/components.js';
import { Layout, type Crumb } from '../../../platform/views/layout.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import {
  CONTRIBUTION_MAX_LENGTH,
  LAST_STEP,
  OWNER_MAX_LENGTH,
  RECOMMENDATION_STEP,
  REVIEW_STEP,
  THEME_STEP,
  clockText,
  kindsOfStep,
  type ContributionKind,
  type MeetingCommand,
  type PlanStep,
  type Timer,
} from './meetings.model.js';
import type { Contribution, Meeting, MeetingRecords, Review } from './meetings.service.js';
import { ADDRESSEES, ADDRESSEE_LABELS, CHANGE_KINDS, PERSONA_FIELDS, RECOMMENDATION_MAX_LENGTH, type ChangeKind } from '../case-consultation.schemas.js';
import { caseLabel, type Case, type Recommendation } from '../case-consultation.service.js';

// Paths

const team = (teamId: string) => `/casusoverleg/teams/${encodeURIComponent(teamId)}`;
const meeting = (teamId: string, meetingId: string) => `${team(teamId)}/bijeenkomsten/${encodeURIComponent(meetingId)}`;

/** The command words in the addresses, in Dutch like every address. */
export const COMMAND_SLUGS: Readonly<Record<MeetingCommand, string>> = {
  start: 'start',
  next: 'volgende',
  previous: 'vorige',
  extend: 'verlengen',
  finish: 'afsluiten',
};

export const meetingPaths = {
  consultation: () => '/casusoverleg',
  team,
  list: (teamId: string) => `${team(teamId)}/bijeenkomsten`,
  plan: (teamId: string) => `${team(teamId)}/bijeenkomsten/nieuw`,
  meeting,
  live: (teamId: string, meetingId: string) => `${meeting(teamId, meetingId)}/live`,
  stand: (teamId: string, meetingId: string) => `${meeting(teamId, meetingId)}/stand`,
  command: (teamId: string, meetingId: string, command: MeetingCommand) => `${meeting(teamId, meetingId)}/${COMMAND_SLUGS[command]}`,
  contributions: (teamId: string, meetingId: string) => `${meeting(teamId, meetingId)}/bijdragen`,
  consensus: (teamId: string, meetingId: string, contributionId: string) => `${meeting(teamId, meetingId)}/bijdragen/${encodeURIComponent(contributionId)}/consensus`,
  deleteContribution: (teamId: string, meetingId: string, contributionId: string) =>
    `${meeting(teamId, meetingId)}/bijdragen/${encodeURIComponent(contributionId)}/verwijderen`,
  recommendations: (teamId: string, meetingId: string) => `${meeting(teamId, meetingId)}/aanbevelingen`,
  review: (teamId: string, meetingId: string, recommendationId: string) => `${meeting(teamId, meetingId)}/terugblik/${encodeURIComponent(recommendationId)}`,
  reviewAdd: (teamId: string, meetingId: string) => `${meeting(teamId, meetingId)}/terugblik`,
  /** The history page of the recommendations part of case consultation. */
  history: (teamId: string, recommendationId: string) => `${team(teamId)}/aanbevelingen/${encodeURIComponent(recommendationId)}/geschiedenis`,
};

// Small helpers

export interface TeamRef {
  readonly id: string;
  readonly name: string;
}

function crumbs(ctx: PageContext, teamRef: TeamRef, withList: boolean): Crumb[] {
  const base: Crumb[] = [
    { href: meetingPaths.consultation(), label: ctx.t('caseMeetings.crumb.consultation') },
    { href: meetingPaths.team(teamRef.id), label: teamRef.name },
  ];
  return withList ? [...base, { href: meetingPaths.list(teamRef.id), label: ctx.t('caseMeetings.crumb.meetings') }] : base;
}

const DAY = { nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) };
const MOMENT = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
};
const TIME = {
  nl: new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
};

function formatDay(day: string, ctx: PageContext): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : DAY[ctx.locale].format(date);
}

function formatMoment(iso: string, ctx: PageContext): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : MOMENT[ctx.locale].format(date);
}

function formatTime(iso: string, ctx: PageContext): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME[ctx.locale].format(date);
}

/** The first words of a text, for button labels that say what they act on. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 60 ? flat : `${flat.slice(0, 59).trimEnd()}…`;
}

/** The helpers the live events share with the page need only the translator. */
type Texts = Pick<PageContext, 't'>;

export function statusText(ctx: Texts, m: Pick<Meeting, 'status' | 'currentStep'>): string {
  if (m.status === 'running') return ctx.t('caseMeetings.status.running', { step: m.currentStep });
  return m.status === 'finished' ? ctx.t('caseMeetings.status.finished') : ctx.t('caseMeetings.status.planned');
}

/** The heading of a step as the live region shows it ("Stap 3 van 8: Verplaatsing in de situatie"). */
export function stepHeading(ctx: Texts, m: Pick<Meeting, 'status' | 'currentStep'>, plan: readonly PlanStep[]): string {
  if (m.status === 'planned') return ctx.t('caseMeetings.step.notStarted');
  if (m.status === 'finished') return ctx.t('caseMeetings.step.finished');
  if (m.currentStep === REVIEW_STEP) return ctx.t('caseMeetings.step.reviewHeading');
  return ctx.t('caseMeetings.step.heading', { step: m.currentStep, title: plan[m.currentStep]?.title ?? '' });
}

/** The instruction under the heading: the book's words for the step, or what the state means. */
export function stepInstruction(ctx: Texts, m: Pick<Meeting, 'status' | 'currentStep'>, plan: readonly PlanStep[]): string {
  if (m.status === 'planned') return ctx.t('caseMeetings.step.notStarted.body');
  if (m.status === 'finished') return ctx.t('caseMeetings.step.finished.body');
  if (m.currentStep === REVIEW_STEP) return ctx.t('caseMeetings.step.reviewInstruction');
  return plan[m.currentStep]?.instruction ?? '';
}

export function minutesText(ctx: Texts, timer: Timer | null, extra: number): string {
  if (!timer) return '';
  return extra > 0 ? ctx.t('caseMeetings.step.minutesExtended', { minutes: timer.minutes, extra }) : ctx.t('caseMeetings.step.minutes', { minutes: timer.minutes });
}

function listStepHeading(ctx: PageContext, step: number, plan: readonly PlanStep[]): string {
  return step === REVIEW_STEP ? ctx.t('caseMeetings.step.listReview') : ctx.t('caseMeetings.step.listHeading', { step, title: plan[step]?.title ?? '' });
}

function addresseeOptions(ctx: PageContext): Option[] {
  return ADDRESSEES.map((a) => ({ value: a, label: ctx.t(ADDRESSEE_LABELS[a]) }));
}

function changeKindText(ctx: PageContext, kind: ChangeKind): string {
  return ctx.t(`caseMeetings.changeKind.${kind}`);
}

// The list of meetings

export function MeetingsListPage({ ctx, team: teamRef, meetings, isFacilitator }: { ctx: PageContext; team: TeamRef; meetings: readonly Meeting[]; isFacilitator: boolean }) {
  const title = ctx.t('caseMeetings.list.title');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs(ctx, teamRef, false)}>
      <Heading>{title}</Heading>
      <P>{ctx.t('caseMeetings.list.intro')}</P>
      {isFacilitator ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={meetingPaths.plan(teamRef.id)}>
            {ctx.t('caseMeetings.list.plan')}
          </a>
        </p>
      ) : null}
      {meetings.length === 0 ? (
        <P>{ctx.t('caseMeetings.list.empty')}</P>
      ) : (
        <Table head={[ctx.t('caseMeetings.list.number'), ctx.t('caseMeetings.list.case'), ctx.t('caseMeetings.list.date'), ctx.t('caseMeetings.list.status')]}>
          {meetings.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <A href={meetingPaths.meeting(teamRef.id, m.id)}>{ctx.t('caseMeetings.list.open', { number: m.number })}</A>
              </th>
              <td>{caseLabel({ number: m.caseNumber, title: m.caseTitle })}</td>
              <td>{m.plannedOn ? formatDay(m.plannedOn, ctx) : <span class="mmm-muted">{ctx.t('caseMeetings.list.noDate')}</span>}</td>
              <td>{statusText(ctx, m)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Layout>
  );
}

// Planning a meeting

export function PlanMeetingPage({ ctx, team: teamRef, cases, state }: { ctx: PageContext; team: TeamRef; cases: readonly Case[]; state: FormState }) {
  const title = ctx.t('caseMeetings.new.title');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs(ctx, teamRef, true)}>
      <Heading>{title}</Heading>
      {cases.length === 0 ? (
        <>
          <P>{ctx.t('caseMeetings.new.noCases')}</P>
          <P>
            <A href={meetingPaths.team(teamRef.id)}>{ctx.t('caseMeetings.new.toTeam')}</A>
          </P>
        </>
      ) : (
        <>
          <P>{ctx.t('caseMeetings.new.intro')}</P>
          {state.errors ? <ErrorSummary ctx={ctx} errors={state.errors} /> : null}
          <PostForm ctx={ctx} action={meetingPaths.list(teamRef.id)}>
            <SelectField
              name="caseId"
              label={ctx.t('caseMeetings.field.case')}
              options={cases.map((c) => ({ value: c.id, label: caseLabel(c) }))}
              emptyLabel={ctx.t('form.choose')}
              values={state.values}
              errors={state.errors}
            />
            <TextField
              name="plannedOn"
              type="date"
              inputClass="mmm-date-input"
              label={ctx.t('caseMeetings.field.plannedOn')}
              hint={ctx.t('caseMeetings.field.plannedOn.hint')}
              values={state.values}
              errors={state.errors}
            />
            <div class="mmm-form-actions">
              <SubmitButton>{ctx.t('caseMeetings.new.submit')}</SubmitButton>
            </div>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

// The meeting page

export interface MeetingView {
  readonly team: TeamRef;
  readonly meeting: Meeting;
  readonly theme: string;
  readonly plan: readonly PlanStep[];
  readonly timer: Timer | null;
  /** The server's time when the page was made, for the script's clock offset. */
  readonly now: string;
  readonly viewerId: string;
  readonly isFacilitator: boolean;
  readonly records: MeetingRecords;
  readonly review: Review;
}

/** A form of the meeting page that came back: what was typed stays, with the messages at its fields. */
export type MeetingForm =
  | { readonly kind: 'contribution'; readonly step: number; readonly values: FormValues; readonly errors: FieldErrors }
  | { readonly kind: 'recommendation'; readonly values: FormValues; readonly errors: FieldErrors }
  | { readonly kind: 'reviewAdd'; readonly values: FormValues; readonly errors: FieldErrors }
  | { readonly kind: 'review'; readonly recommendationId: string; readonly values: FormValues; readonly errors: FieldErrors; readonly conflict?: Recommendation }
  | { readonly kind: 'closed'; readonly reason: 'finished' | 'notStarted'; readonly kept: readonly string[] };

/** Error summary entries point at fields; the review forms prefix their ids so that several fit on one page. */
export function reviewFieldId(recommendationId: string, field: string): string {
  return `herzien-${recommendationId}-${field}`;
}

export function MeetingPage({ ctx, view, caseDetails, form }: { ctx: PageContext; view: MeetingView; caseDetails: Case; form?: MeetingForm }) {
  const m = view.meeting;
  const title = ctx.t('caseMeetings.page.title', { number: m.number, case: caseLabel(caseDetails) });
  const errors = form && form.kind !== 'closed' ? summaryErrors(form) : undefined;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs(ctx, view.team, true)}>
      <Heading>{title}</Heading>
      <p class="utrecht-paragraph mmm-muted">
        {m.plannedOn ? `${ctx.t('caseMeetings.page.plannedOn', { date: formatDay(m.plannedOn, ctx) })} ` : ''}
        {m.startedAt ? `${ctx.t('caseMeetings.page.startedAt', { moment: formatMoment(m.startedAt, ctx) })} ` : ''}
        {m.finishedAt ? ctx.t('caseMeetings.page.finishedAt', { moment: formatMoment(m.finishedAt, ctx) }) : ''}
      </p>
      {errors ? <ErrorSummary ctx={ctx} errors={errors} /> : null}
      {form?.kind === 'closed' ? <ClosedNotice ctx={ctx} form={form} /> : null}
      <CasePersona ctx={ctx} caseDetails={caseDetails} open={m.status !== 'running' || m.currentStep <= 1} />
      <section
        class="mmm-meeting"
        aria-label={ctx.t('caseMeetings.page.liveRegion')}
        data-live-meeting=""
        data-live-url={meetingPaths.live(view.team.id, m.id)}
        data-stand-url={meetingPaths.stand(view.team.id, m.id)}
        data-version={String(m.version)}
        data-step={String(m.currentStep)}
        data-status={m.status}
        data-text-connection-lost={ctx.t('caseMeetings.live.connectionLost')}
        data-text-step-changed={ctx.t('caseMeetings.live.stepChanged')}
        data-text-left={ctx.t('caseMeetings.timer.left')}
        data-text-over={ctx.t('caseMeetings.timer.over')}
      >
        <p class="mmm-meeting__connection" data-live-connection="" role="status" hidden>
          {ctx.t('caseMeetings.live.connectionLost')}
        </p>
        <p class="mmm-visually-hidden" data-live-announce="" aria-live="polite" />
        <LiveParts ctx={ctx} view={view} form={form} />
      </section>
    </Layout>
  );
}

function summaryErrors(form: Exclude<MeetingForm, { kind: 'closed' }>): FieldErrors | undefined {
  const entries = Object.entries(form.errors).filter(([, v]) => typeof v === 'string');
  if (entries.length === 0) return undefined;
  if (form.kind !== 'review') return form.errors;
  return Object.fromEntries(entries.map(([field, message]) => [reviewFieldId(form.recommendationId, field), message]));
}

function ClosedNotice({ ctx, form }: { ctx: PageContext; form: Extract<MeetingForm, { kind: 'closed' }> }) {
  return (
    <Notice kind="warning">
      <p class="utrecht-paragraph">{form.reason === 'finished' ? ctx.t('caseMeetings.closed.finished') : ctx.t('caseMeetings.closed.notStarted')}</p>
      {form.kept.length > 0 ? (
        <>
          <p class="utrecht-paragraph">{ctx.t('caseMeetings.closed.kept')}</p>
          {form.kept.map((text, i) => (
            <div class="mmm-kept-text" key={i}>
              <Paragraphs text={text} />
            </div>
          ))}
        </>
      ) : null}
    </Notice>
  );
}

function CasePersona({ ctx, caseDetails, open }: { ctx: PageContext; caseDetails: Case; open: boolean }) {
  return (
    <>
      <div class="mmm-meeting__question">
        <p class="utrecht-paragraph">
          <strong>{ctx.t('caseMeetings.page.question')}:</strong>
        </p>
        <Paragraphs text={caseDetails.question} />
      </div>
      <details class="mmm-persona" open={open}>
        <summary class="mmm-persona__summary">{ctx.t('caseMeetings.page.persona')}</summary>
        <dl class="mmm-facts">
          {PERSONA_FIELDS.map((field) => (
            <Fragment key={field}>
              <dt>{ctx.t(`caseConsultation.field.${field}`)}</dt>
              <dd>{caseDetails[field] ? <Paragraphs text={caseDetails[field]} /> : <span class="mmm-muted">{ctx.t('caseConsultation.case.notFilled')}</span>}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
    </>
  );
}

/**
 * The parts of the page that follow the meeting live. The page renders them inside the live region; the
 * "stand" address sends them alone (LiveFragment) so the script can swap them without a reload.
 */
function LiveParts({ ctx, view, form }: { ctx: PageContext; view: MeetingView; form?: MeetingForm }) {
  return (
    <>
      <div class="mmm-meeting__state" data-live-part="state">
        <StatePart ctx={ctx} view={view} />
      </div>
      <div class="mmm-meeting__form" data-live-part="form" data-live-keep={form && form.kind !== 'closed' ? '' : undefined}>
        <FormPart ctx={ctx} view={view} form={form} />
      </div>
      <div class="mmm-meeting__records" data-live-part="records">
        <RecordsPart ctx={ctx} view={view} />
      </div>
    </>
  );
}

/** What GET …/stand returns: the live parts with the state they show, for the script. */
export function LiveFragment({ ctx, view }: { ctx: PageContext; view: MeetingView }) {
  const m = view.meeting;
  return (
    <div data-live-fragment="" data-version={String(m.version)} data-step={String(m.currentStep)} data-status={m.status}>
      <LiveParts ctx={ctx} view={view} />
    </div>
  );
}

function StatePart({ ctx, view }: { ctx: PageContext; view: MeetingView }) {
  const m = view.meeting;
  const instruction = stepInstruction(ctx, m, view.plan);
  const timer = view.timer;
  const over = timer !== null && timer.overtimeSeconds > 0;
  return (
    <>
      <h2 class="utrecht-heading-2" id="huidige-stap" data-live-heading="" tabIndex={-1}>
        {stepHeading(ctx, m, view.plan)}
      </h2>
      <div class="mmm-meeting__instruction" data-live-instruction="">
        {instruction ? <Paragraphs text={instruction} /> : null}
      </div>
      {m.status === 'running' && m.currentStep === THEME_STEP ? <P>{ctx.t('caseMeetings.step.theme', { theme: view.theme })}</P> : null}
      {timer ? (
        <>
          <p class="utrecht-paragraph" data-live-minutes="">
            {minutesText(ctx, timer, m.stepExtraMinutes)}
          </p>
          <p class={`mmm-meeting-timer${over ? ' mmm-meeting-timer--over' : ''}`} data-live-timer="" data-ends-at={timer.endsAt} data-server-now={view.now}>
            <span class="mmm-meeting-timer__label" data-live-timer-label="">
              {over ? ctx.t('caseMeetings.timer.over') : ctx.t('caseMeetings.timer.left')}
            </span>{' '}
            <span class="mmm-meeting-timer__clock" data-live-clock="">
              {clockText(over ? timer.overtimeSeconds : timer.remainingSeconds)}
            </span>
          </p>
        </>
      ) : null}
      <p class="utrecht-paragraph mmm-meeting__refresh">
        {/* A link to the very same address would only scroll; the moment in it makes the browser load the page again. */}
        <a class="utrecht-link" href={`${meetingPaths.meeting(view.team.id, m.id)}?bijgewerkt=${Date.parse(view.now)}#huidige-stap`} data-live-refresh="">
          {ctx.t('caseMeetings.page.refresh')}
        </a>{' '}
        <span class="mmm-muted" data-live-refresh-hint="">
          {ctx.t('caseMeetings.page.refreshHint')}
        </span>
      </p>
      {view.isFacilitator && m.status !== 'finished' ? <Controls ctx={ctx} view={view} /> : null}
    </>
  );
}

function CommandForm({ ctx, view, command, primary, children }: { ctx: PageContext; view: MeetingView; command: MeetingCommand; primary?: boolean; children: ComponentChildren }) {
  return (
    <form method="post" action={meetingPaths.command(view.team.id, view.meeting.id, command)} class="mmm-inline-form" data-live-command={command}>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="versie" value={String(view.meeting.version)} />
      <button type="submit" class={`utrecht-button ${primary ? 'utrecht-button--primary-action' : 'utrecht-button--secondary-action'}`}>
        {children}
      </button>
    </form>
  );
}

function Controls({ ctx, view }: { ctx: PageContext; view: MeetingView }) {
  const m = view.meeting;
  return (
    <div class="mmm-actions-row mmm-meeting__controls" role="group" aria-label={ctx.t('caseMeetings.control.label')} data-live-controls="">
      {m.status === 'planned' ? (
        <CommandForm ctx={ctx} view={view} command="start" primary>
          {ctx.t('caseMeetings.control.start')}
        </CommandForm>
      ) : (
        <>
          {m.currentStep > REVIEW_STEP ? (
            <CommandForm ctx={ctx} view={view} command="previous">
              {ctx.t('caseMeetings.control.previous')}
            </CommandForm>
          ) : null}
          {m.currentStep < LAST_STEP ? (
            <CommandForm ctx={ctx} view={view} command="next" primary>
              {ctx.t('caseMeetings.control.next')}
            </CommandForm>
          ) : null}
          <CommandForm ctx={ctx} view={view} command="extend">
            {ctx.t('caseMeetings.control.extend')}
          </CommandForm>
          <CommandForm ctx={ctx} view={view} command="finish" primary={m.currentStep === LAST_STEP}>
            {ctx.t('caseMeetings.control.finish')}
          </CommandForm>
        </>
      )}
    </div>
  );
}

// The form part: what a participant can add in the current step

function FormPart({ ctx, view, form }: { ctx: PageContext; view: MeetingView; form?: MeetingForm }) {
  const m = view.meeting;
  if (form && form.kind === 'contribution') return <ContributionForm ctx={ctx} view={view} step={form.step} values={form.values} errors={form.errors} />;
  if (form && form.kind === 'recommendation') return <RecommendationForm ctx={ctx} view={view} values={form.values} errors={form.errors} />;
  if (form && (form.kind === 'review' || form.kind === 'reviewAdd')) return <ReviewPart ctx={ctx} view={view} form={form} />;
  if (m.status !== 'running') return null;
  if (m.currentStep === REVIEW_STEP) return <ReviewPart ctx={ctx} view={view} />;
  if (m.currentStep === RECOMMENDATION_STEP) return <RecommendationForm ctx={ctx} view={view} values={{}} errors={{}} />;
  return <ContributionForm ctx={ctx} view={view} step={m.currentStep} values={{}} errors={{}} />;
}

function FormKeptNote({ ctx }: { ctx: PageContext }) {
  return (
    <p class="utrecht-paragraph mmm-meeting__form-note" data-live-form-note="" hidden>
      {ctx.t('caseMeetings.live.formKept')}
    </p>
  );
}

function textLabel(ctx: PageContext, kinds: readonly ContributionKind[]): string {
  const kind = kinds.length === 1 ? kinds[0] : undefined;
  switch (kind) {
    case 'note':
      return ctx.t('caseMeetings.form.text.note');
    case 'question':
      return ctx.t('caseMeetings.form.text.question');
    case 'perspective':
      return ctx.t('caseMeetings.form.text.perspective');
    case 'coreProblem':
      return ctx.t('caseMeetings.form.text.coreProblem');
    case 'idea':
      return ctx.t('caseMeetings.form.text.idea');
    case 'theme':
      return ctx.t('caseMeetings.form.text.theme');
    default:
      return ctx.t('caseMeetings.form.text.closing');
  }
}

function textHint(ctx: PageContext, kinds: readonly ContributionKind[], theme: string): string | undefined {
  const kind = kinds.length === 1 ? kinds[0] : undefined;
  switch (kind) {
    case 'note':
      return ctx.t('caseMeetings.form.hint.note');
    case 'question':
      return ctx.t('caseMeetings.form.hint.question');
    case 'perspective':
      return ctx.t('caseMeetings.form.hint.perspective');
    case 'coreProblem':
      return ctx.t('caseMeetings.form.hint.coreProblem');
    case 'idea':
      return ctx.t('caseMeetings.form.hint.idea');
    case 'theme':
      return ctx.t('caseMeetings.form.hint.theme', { theme });
    default:
      return undefined;
  }
}

function ContributionForm({ ctx, view, step, values, errors }: { ctx: PageContext; view: MeetingView; step: number; values: FormValues; errors: FieldErrors }) {
  const kinds = kindsOfStep(step);
  return (
    <>
      <h3 class="utrecht-heading-3">{ctx.t('caseMeetings.form.heading')}</h3>
      <FormKeptNote ctx={ctx} />
      <PostForm ctx={ctx} action={meetingPaths.contributions(view.team.id, view.meeting.id)} id="bijdrage-formulier">
        <input type="hidden" name="stap" value={String(step)} data-live-step-field="" />
        {kinds.length > 1 ? (
          <KindChoice ctx={ctx} kinds={kinds} values={values} errors={errors} />
        ) : null}
        <TextAreaField name="tekst" label={textLabel(ctx, kinds)} hint={textHint(ctx, kinds, view.theme)} values={values} errors={errors} rows={3} maxLength={CONTRIBUTION_MAX_LENGTH} />
        {kinds.includes('idea') ? (
          <SelectField name="geadresseerde" label={ctx.t('caseMeetings.form.addressee.idea')} options={addresseeOptions(ctx)} emptyLabel={ctx.t('form.choose')} values={values} errors={errors} />
        ) : null}
        {kinds.includes('nextStep') ? (
          <TextField name="eigenaar" label={ctx.t('caseMeetings.form.owner')} hint={ctx.t('caseMeetings.form.owner.hint')} values={values} errors={errors} maxLength={OWNER_MAX_LENGTH} />
        ) : null}
        <div class="mmm-form-actions">
          <SubmitButton>{ctx.t('caseMeetings.form.submit')}</SubmitButton>
        </div>
      </PostForm>
    </>
  );
}

function KindChoice({ ctx, kinds, values, errors }: { ctx: PageContext; kinds: readonly ContributionKind[]; values: FormValues; errors: FieldErrors }) {
  const error = errors.soort;
  const selected = values.soort ?? '';
  return (
    <fieldset class={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`} id="veld-soort" aria-describedby={error ? 'veld-soort-fout' : undefined}>
      <legend class="utrecht-form-fieldset__legend">{ctx.t('caseMeetings.form.kind')}</legend>
      {error ? (
        <div class="utrecht-form-field-error-message" id="veld-soort-fout">
          {error}
        </div>
      ) : null}
      {kinds.map((kind) => (
        <div class="utrecht-form-field utrecht-form-field--radio" key={kind}>
          <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={`veld-soort-${kind}`} name="soort" value={kind} checked={selected === kind} />
          <label class="utrecht-form-label utrecht-form-label--radio" for={`veld-soort-${kind}`}>
            {kind === 'evaluation' ? ctx.t('caseMeetings.form.kind.evaluation') : ctx.t('caseMeetings.form.kind.nextStep')}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function RecommendationForm({ ctx, view, values, errors }: { ctx: PageContext; view: MeetingView; values: FormValues; errors: FieldErrors }) {
  return (
    <>
      <h3 class="utrecht-heading-3">{ctx.t('caseMeetings.form.recommendation.heading')}</h3>
      <FormKeptNote ctx={ctx} />
      <PostForm ctx={ctx} action={meetingPaths.recommendations(view.team.id, view.meeting.id)} id="aanbeveling-formulier">
        <SelectField name="addressee" label={ctx.t('caseMeetings.form.recommendation.addressee')} options={addresseeOptions(ctx)} emptyLabel={ctx.t('form.choose')} values={values} errors={errors} />
        <TextAreaField
          name="text"
          label={ctx.t('caseMeetings.form.recommendation.text')}
          hint={ctx.t('caseMeetings.form.recommendation.hint')}
          values={values}
          errors={errors}
          rows={4}
          maxLength={RECOMMENDATION_MAX_LENGTH}
        />
        <div class="mmm-form-actions">
          <SubmitButton>{ctx.t('caseMeetings.form.recommendation.submit')}</SubmitButton>
        </div>
      </PostForm>
    </>
  );
}

// Step 0: the review of the previous meeting's recommendations

function ReviewPart({ ctx, view, form }: { ctx: PageContext; view: MeetingView; form?: Extract<MeetingForm, { kind: 'review' | 'reviewAdd' }> }) {
  const { previous, recommendations } = view.review;
  if (!previous) return <P>{ctx.t('caseMeetings.review.none')}</P>;
  const addState = form?.kind === 'reviewAdd' ? form : undefined;
  return (
    <>
      <h3 class="utrecht-heading-3">{ctx.t('caseMeetings.review.of', { number: previous.number, case: caseLabel({ number: previous.caseNumber, title: previous.caseTitle }) })}</h3>
      <FormKeptNote ctx={ctx} />
      {recommendations.length === 0 ? <P>{ctx.t('caseMeetings.review.empty')}</P> : null}
      <ol class="mmm-review">
        {recommendations.map((r) => (
          <ReviewItem
            key={r.id}
            ctx={ctx}
            view={view}
            recommendation={r}
            form={form?.kind === 'review' && form.recommendationId === r.id ? form : undefined}
          />
        ))}
      </ol>
      <h3 class="utrecht-heading-3">{ctx.t('caseMeetings.review.add')}</h3>
      <PostForm ctx={ctx} action={meetingPaths.reviewAdd(view.team.id, view.meeting.id)} id="terugblik-toevoegen">
        <SelectField
          name="addressee"
          label={ctx.t('caseMeetings.form.recommendation.addressee')}
          options={addresseeOptions(ctx)}
          emptyLabel={ctx.t('form.choose')}
          values={addState?.values}
          errors={addState?.errors}
        />
        <TextAreaField name="text" label={ctx.t('caseMeetings.form.recommendation.text')} values={addState?.values} errors={addState?.errors} rows={3} maxLength={RECOMMENDATION_MAX_LENGTH} />
        <div class="mmm-form-actions">
          <SubmitButton>{ctx.t('caseMeetings.review.addSubmit')}</SubmitButton>
        </div>
      </PostForm>
    </>
  );
}

function ReviewItem({
  ctx,
  view,
  recommendation: r,
  form,
}: {
  ctx: PageContext;
  view: MeetingView;
  recommendation: Recommendation;
  form?: Extract<MeetingForm, { kind: 'review' }>;
}) {
  const values: FormValues = form?.values ?? { addressee: r.addressee, text: r.text, changeKind: '' };
  const errors: FieldErrors = form?.errors ?? {};
  // After a conflict the form carries the newest version, so saving again is a deliberate choice.
  const version = form?.conflict ? form.conflict.version : r.version;
  const id = (field: string) => `veld-${reviewFieldId(r.id, field)}`;
  return (
    <li class="mmm-review__item">
      <p class="utrecht-paragraph mmm-review__addressee">
        <span class="mmm-badge">{ctx.t(ADDRESSEE_LABELS[r.addressee])}</span>
      </p>
      <div class="mmm-review__text">
        <Paragraphs text={r.text} />
      </div>
      <details class="mmm-review__edit" open={form !== undefined}>
        <summary aria-label={ctx.t('caseMeetings.review.editFor', { text: excerpt(r.text) })}>{ctx.t('caseMeetings.review.edit')}</summary>
        {form?.conflict ? (
          <Notice kind="warning">
            <p class="utrecht-paragraph">{ctx.t('caseMeetings.review.conflict')}</p>
            <p class="utrecht-paragraph">
              <strong>{ctx.t('caseMeetings.review.currentText')}</strong> ({ctx.t(ADDRESSEE_LABELS[form.conflict.addressee])}):
            </p>
            <div class="mmm-kept-text">
              <Paragraphs text={form.conflict.text} />
            </div>
          </Notice>
        ) : null}
        <form method="post" action={meetingPaths.review(view.team.id, view.meeting.id, r.id)} class="mmm-form" noValidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(version)} />
          <fieldset class={`utrecht-form-fieldset${errors.changeKind ? ' utrecht-form-fieldset--invalid' : ''}`} id={id('changeKind')} aria-describedby={errors.changeKind ? `${id('changeKind')}-fout` : undefined}>
            <legend class="utrecht-form-fieldset__legend">{ctx.t('caseMeetings.review.changeKind')}</legend>
            {errors.changeKind ? (
              <div class="utrecht-form-field-error-message" id={`${id('changeKind')}-fout`}>
                {errors.changeKind}
              </div>
            ) : null}
            {CHANGE_KINDS.map((kind) => (
              <div class="utrecht-form-field utrecht-form-field--radio" key={kind}>
                <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={`${id('changeKind')}-${kind}`} name="changeKind" value={kind} checked={values.changeKind === kind} />
                <label class="utrecht-form-label utrecht-form-label--radio" for={`${id('changeKind')}-${kind}`}>
                  {ctx.t(`caseMeetings.review.changeKind.${kind}`)}
                </label>
              </div>
            ))}
          </fieldset>
          <OwnField id={id('addressee')} label={ctx.t('caseMeetings.form.recommendation.addressee')} error={errors.addressee}>
            <select
              class={`utrecht-select utrecht-select--html-select${errors.addressee ? ' utrecht-select--invalid' : ''}`}
              id={id('addressee')}
              name="addressee"
              aria-invalid={errors.addressee ? 'true' : undefined}
              aria-describedby={errors.addressee ? `${id('addressee')}-fout` : undefined}
            >
              {addresseeOptions(ctx).map((o) => (
                <option key={o.value} value={o.value} selected={o.value === values.addressee}>
                  {o.label}
                </option>
              ))}
            </select>
          </OwnField>
          <OwnField id={id('text')} label={ctx.t('caseMeetings.form.recommendation.text')} error={errors.text}>
            <textarea
              class={`utrecht-textarea utrecht-textarea--html-textarea${errors.text ? ' utrecht-textarea--invalid' : ''}`}
              id={id('text')}
              name="text"
              rows={4}
              maxLength={RECOMMENDATION_MAX_LENGTH}
              aria-invalid={errors.text ? 'true' : undefined}
              aria-describedby={errors.text ? `${id('text')}-fout` : undefined}
            >
              {values.text ?? ''}
            </textarea>
          </OwnField>
          <div class="mmm-form-actions">
            <SubmitButton>{ctx.t('caseMeetings.review.save')}</SubmitButton>
          </div>
        </form>
      </details>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={meetingPaths.history(view.team.id, r.id)} aria-label={ctx.t('caseMeetings.review.historyFor', { text: excerpt(r.text) })}>
          {ctx.t('caseMeetings.review.history')}
        </a>
      </p>
    </li>
  );
}

function OwnField({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: ComponentChildren }) {
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      {error ? (
        <div class="utrecht-form-field-error-message" id={`${id}-fout`}>
          {error}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">{children}</div>
    </div>
  );
}

// What the meeting produced so far

function RecordsPart({ ctx, view }: { ctx: PageContext; view: MeetingView }) {
  const m = view.meeting;
  if (m.status === 'planned') return null;
  const { contributions, recommendations, addedInReview, reviewed } = view.records;
  const highest = Math.max(m.status === 'finished' ? LAST_STEP : m.currentStep, ...contributions.map((c) => c.step), recommendations.length > 0 ? RECOMMENDATION_STEP : 0);
  const steps = Array.from({ length: highest + 1 }, (_, i) => i);
  const open = m.status !== 'finished';
  return (
    <>
      <h2 class="utrecht-heading-2">{ctx.t('caseMeetings.records.heading')}</h2>
      {steps.map((step) => (
        <div class="mmm-meeting__step" key={step}>
          <h3 class="utrecht-heading-3" id={`stap-${step}`}>
            {listStepHeading(ctx, step, view.plan)}
          </h3>
          {step === REVIEW_STEP ? (
            <ReviewRecords ctx={ctx} reviewed={reviewed} added={addedInReview} />
          ) : step === RECOMMENDATION_STEP ? (
            <RecommendationRecords ctx={ctx} recommendations={recommendations} />
          ) : (
            <ContributionList ctx={ctx} view={view} items={contributions.filter((c) => c.step === step)} open={open} />
          )}
        </div>
      ))}
    </>
  );
}

function Meta({ ctx, name, at }: { ctx: PageContext; name: string | null; at: string }) {
  return <span class="mmm-contribution__meta mmm-muted">{ctx.t('caseMeetings.records.by', { name: name ?? ctx.t('caseConsultation.someone'), time: formatTime(at, ctx) })}</span>;
}

function ContributionList({ ctx, view, items, open }: { ctx: PageContext; view: MeetingView; items: readonly Contribution[]; open: boolean }) {
  if (items.length === 0) return <p class="utrecht-paragraph mmm-muted">{ctx.t('caseMeetings.records.empty')}</p>;
  return (
    <ul class="mmm-contributions">
      {items.map((c) => (
        <li class={`mmm-contribution${c.consensus ? ' mmm-contribution--consensus' : ''}`} key={c.id}>
          <div class="mmm-contribution__text">
            {c.kind === 'evaluation' || c.kind === 'nextStep' ? (
              <p class="utrecht-paragraph mmm-contribution__kind">
                <strong>{c.kind === 'evaluation' ? ctx.t('caseMeetings.records.evaluation') : ctx.t('caseMeetings.records.nextStep')}</strong>
              </p>
            ) : null}
            <Paragraphs text={c.text} />
          </div>
          <p class="utrecht-paragraph mmm-contribution__details">
            {c.addressee ? <span class="mmm-badge">{ctx.t('caseMeetings.records.for', { addressee: ctx.t(ADDRESSEE_LABELS[c.addressee]) })}</span> : null}
            {c.owner ? <span class="mmm-badge">{ctx.t('caseMeetings.records.owner', { owner: c.owner })}</span> : null}
            {c.consensus ? <span class="mmm-badge mmm-badge--consensus">{ctx.t('caseMeetings.records.consensus')}</span> : null}{' '}
            <Meta ctx={ctx} name={c.authorName} at={c.createdAt} />
          </p>
          {open && (view.isFacilitator || c.authorId === view.viewerId) ? (
            <div class="mmm-actions-row mmm-contribution__actions">
              {view.isFacilitator && c.kind === 'coreProblem' ? (
                <PostForm ctx={ctx} action={meetingPaths.consensus(view.team.id, view.meeting.id, c.id)} class="mmm-inline-form">
                  <input type="hidden" name="consensus" value={c.consensus ? '0' : '1'} />
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--secondary-action"
                    aria-label={c.consensus ? ctx.t('caseMeetings.records.unmarkConsensusFor', { text: excerpt(c.text) }) : ctx.t('caseMeetings.records.markConsensusFor', { text: excerpt(c.text) })}
                  >
                    {c.consensus ? ctx.t('caseMeetings.records.unmarkConsensus') : ctx.t('caseMeetings.records.markConsensus')}
                  </button>
                </PostForm>
              ) : null}
              <PostForm ctx={ctx} action={meetingPaths.deleteContribution(view.team.id, view.meeting.id, c.id)} class="mmm-inline-form">
                <button type="submit" class="utrecht-button utrecht-button--secondary-action" aria-label={ctx.t('caseMeetings.records.deleteFor', { text: excerpt(c.text) })}>
                  {ctx.t('caseMeetings.records.delete')}
                </button>
              </PostForm>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function RecommendationRecords({ ctx, recommendations }: { ctx: PageContext; recommendations: readonly Recommendation[] }) {
  if (recommendations.length === 0) return <p class="utrecht-paragraph mmm-muted">{ctx.t('caseMeetings.records.empty')}</p>;
  return (
    <>
      {ADDRESSEES.filter((a) => recommendations.some((r) => r.addressee === a)).map((a) => (
        <div key={a}>
          <h4 class="utrecht-heading-4">{ctx.t(ADDRESSEE_LABELS[a])}</h4>
          <ul class="mmm-contributions">
            {recommendations
              .filter((r) => r.addressee === a)
              .map((r) => (
                <li class="mmm-contribution" key={r.id}>
                  <div class="mmm-contribution__text">
                    <Paragraphs text={r.text} />
                  </div>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function ReviewRecords({ ctx, reviewed, added }: { ctx: PageContext; reviewed: MeetingRecords['reviewed']; added: readonly Recommendation[] }) {
  if (reviewed.length === 0 && added.length === 0) return <p class="utrecht-paragraph mmm-muted">{ctx.t('caseMeetings.records.empty')}</p>;
  return (
    <ul class="mmm-contributions">
      {reviewed.map((v) => (
        <li class="mmm-contribution" key={`${v.recommendationId}-${v.version}`}>
          <p class="utrecht-paragraph mmm-contribution__kind">
            <strong>{ctx.t('caseMeetings.records.reviewed', { kind: changeKindText(ctx, v.changeKind) })}</strong>
          </p>
          <div class="mmm-contribution__text">
            <Paragraphs text={v.text} />
          </div>
          <p class="utrecht-paragraph mmm-contribution__details">
            <span class="mmm-badge">{ctx.t('caseMeetings.records.for', { addressee: ctx.t(ADDRESSEE_LABELS[v.addressee]) })}</span> <Meta ctx={ctx} name={v.changedByName} at={v.changedAt} />
          </p>
        </li>
      ))}
      {added.map((r) => (
        <li class="mmm-contribution" key={r.id}>
          <p class="utrecht-paragraph mmm-contribution__kind">
            <strong>{ctx.t('caseMeetings.records.addedInReview')}</strong>
          </p>
          <div class="mmm-contribution__text">
            <Paragraphs text={r.text} />
          </div>
          <p class="utrecht-paragraph mmm-contribution__details">
            <span class="mmm-badge">{ctx.t('caseMeetings.records.for', { addressee: ctx.t(ADDRESSEE_LABELS[r.addressee]) })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
