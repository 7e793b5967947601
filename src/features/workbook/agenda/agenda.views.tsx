import type { ComponentChildren } from 'preact';
import {
  CheckboxField,
  A,
  ActionButton,
  ErrorSummary,
  Heading,
  Notice,
  P,
  PostForm,
  RadioGroup,
  SelectField,
  SubmitButton,
  Table,
  TextAreaField,
  TextField,
  type FieldErrors,
  type FormState,
  type FormValues,
  Paragraphs,
} from '../../../platform/views/components.js';
import { Layout, type Crumb } from '../../../platform/views/layout.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import type { Workspace, WorkspaceMember } from '../workbook.service.js';
import { buildRoadmap, DOMAIN_LABELS, DOMAINS, HORIZON_LABELS, HORIZONS, isOverdue, type Domain } from '../shared/roadmap.js';
import { formatDay, RoadmapSvg, RoadmapTable, termText } from '../shared/roadmap.views.js';
import {
  ACTION_STATUSES,
  COMMENT_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  isHorizon,
  NOTE_MAX_LENGTH,
  parseDay,
  TITLE_MAX_LENGTH,
  type ActionStatus,
  type SubjectKind,
} from './agenda.schemas.js';
import {
  roadmapMilestones,
  type Action,
  type ActionWithMilestone,
  type Comment,
  type DreamChoice,
  type EditConflict,
  type HistoryEntry,
  type Milestone,
  type MilestoneWithActions,
  type MyAction,
  type MyActionGroups,
} from './agenda.service.js';

export type { FormState } from '../../../platform/views/components.js';

// Paths

export const paths = {
  workbook: (ws: string) => `/werkboek/${ws}`,
  agenda: (ws: string) => `/werkboek/${ws}/agenda`,
  newMilestone: (ws: string) => `/werkboek/${ws}/mijlpalen/nieuw`,
  milestone: (ws: string, id: string) => `/werkboek/${ws}/mijlpalen/${id}`,
  newAction: (ws: string, milestoneId: string) => `/werkboek/${ws}/mijlpalen/${milestoneId}/acties/nieuw`,
  newActionAnywhere: (ws: string) => `/werkboek/${ws}/acties/nieuw`,
  action: (ws: string, id: string) => `/werkboek/${ws}/acties/${id}`,
  adoptDream: (ws: string) => `/werkboek/${ws}/droom-kiezen`,
  deleteComment: (ws: string, id: string) => `/werkboek/${ws}/reacties/${id}/verwijderen`,
  myActions: () => '/werkboek/mijn-acties',
};

// Small helpers

const MOMENT_NL = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
const MOMENT_EN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/** A moment as people say it: "12 maart 2027 om 14:05". */
export function formatMoment(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (locale === 'en' ? MOMENT_EN : MOMENT_NL).format(date);
}

function workbookCrumbs(ctx: PageContext, workspace: Workspace): Crumb[] {
  return [
    { href: '/werkboek', label: ctx.t('agenda.crumb.workbook') },
    { href: paths.workbook(workspace.id), label: workspace.name },
  ];
}

function agendaCrumbs(ctx: PageContext, workspace: Workspace): Crumb[] {
  return [...workbookCrumbs(ctx, workspace), { href: paths.agenda(workspace.id), label: ctx.t('agenda.page.crumb') }];
}

function statusLabel(ctx: PageContext, status: ActionStatus): string {
  return ctx.t(`agenda.status.${status}`);
}


function LastChanged({ ctx, item }: { ctx: PageContext; item: { updatedByName: string | null; updatedAt: string } }) {
  return (
    <p class="utrecht-paragraph mmm-muted">
      {ctx.t('agenda.lastChanged', { name: item.updatedByName ?? ctx.t('agenda.someone'), moment: formatMoment(item.updatedAt, ctx.locale) })}
    </p>
  );
}

/** A date picker that falls back to a text box in old browsers; a typed value comes back as typed. */
function DateField(props: { name: string; label: string; hint?: string; values?: FormValues; errors?: FieldErrors }) {
  return <TextField {...props} type="date" inputClass="mmm-date-input" />;
}

function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

/** Shows a stored or submitted value of a field the way the form speaks about it. */
function valueText(ctx: PageContext, field: string, value: string | null): string {
  if (value === null || value === '') return field === 'ownerId' ? ctx.t('agenda.action.noOwner') : ctx.t('agenda.empty');
  switch (field) {
    case 'domain':
      return DOMAIN_LABELS[value as Domain] ?? value;
    case 'timeframe':
      return isHorizon(value) ? HORIZON_LABELS[value] : formatDay(value);
    case 'dueDate':
      return formatDay(value);
    case 'status':
      return (ACTION_STATUSES as readonly string[]).includes(value) ? statusLabel(ctx, value as ActionStatus) : value;
    case 'reachedAt':
      return formatMoment(value, ctx.locale);
    default:
      return value;
  }
}

function fieldName(ctx: PageContext, field: string): string {
  switch (field) {
    case 'title':
      return ctx.t('agenda.fieldName.title');
    case 'description':
      return ctx.t('agenda.fieldName.description');
    case 'domain':
      return ctx.t('agenda.fieldName.domain');
    case 'timeframe':
      return ctx.t('agenda.fieldName.timeframe');
    case 'celebrationPlan':
      return ctx.t('agenda.fieldName.celebrationPlan');
    case 'celebrationNote':
      return ctx.t('agenda.fieldName.celebrationNote');
    case 'position':
      return ctx.t('agenda.fieldName.position');
    case 'reachedAt':
      return ctx.t('agenda.fieldName.reachedAt');
    case 'milestoneId':
      return ctx.t('agenda.fieldName.milestone');
    case 'ownerId':
      return ctx.t('agenda.fieldName.owner');
    case 'dueDate':
      return ctx.t('agenda.fieldName.dueDate');
    case 'status':
      return ctx.t('agenda.fieldName.status');
    case 'support':
      return ctx.t('agenda.fieldName.support');
    case 'headwind':
      return ctx.t('agenda.fieldName.headwind');
    default:
      return field;
  }
}

/** Long texts are only said to have changed; the versions themselves would flood the list. */
const LONG_FIELDS = new Set(['description', 'celebrationPlan', 'celebrationNote', 'support', 'headwind', 'position']);

function changeText(ctx: PageContext, change: { field: string; from: string | null; to: string | null }): string {
  if (change.field === 'reachedAt') return ctx.t(change.to ? 'agenda.history.reached' : 'agenda.history.notReached');
  if (LONG_FIELDS.has(change.field)) return ctx.t('agenda.history.changed', { field: fieldName(ctx, change.field) });
  return `${fieldName(ctx, change.field)}: ${valueText(ctx, change.field, change.from)} → ${valueText(ctx, change.field, change.to)}`;
}

function History({ ctx, entries }: { ctx: PageContext; entries: readonly HistoryEntry[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="geschiedenis">
      <h2 class="utrecht-heading-2" id="geschiedenis">
        {t('agenda.history.title')}
      </h2>
      <details class="mmm-history">
        <summary>{t('agenda.history.summary', { count: entries.length })}</summary>
        <ol class="utrecht-ordered-list mmm-history__list">
          {entries.map((e) => (
            <li key={e.version}>
              <span class="mmm-history__who">
                {formatMoment(e.changedAt, ctx.locale)}, {e.changedByName ?? t('agenda.someone')}:
              </span>{' '}
              {e.created ? (
                t('agenda.history.created')
              ) : e.changes.length === 0 ? (
                t('agenda.history.nothing')
              ) : (
                <ul class="utrecht-unordered-list">
                  {e.changes.map((c) => (
                    <li key={c.field}>{changeText(ctx, c)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

function Comments({
  ctx,
  workspaceId,
  action,
  comments,
  viewerId,
  state,
}: {
  ctx: PageContext;
  workspaceId: string;
  action: string;
  comments: readonly Comment[];
  viewerId: string;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="reacties">
      <h2 class="utrecht-heading-2" id="reacties">
        {t('agenda.comments.title')}
      </h2>
      {comments.length === 0 ? (
        <P>{t('agenda.comments.none')}</P>
      ) : (
        <ol class="mmm-plain-list mmm-comments">
          {comments.map((c) => (
            <li class="mmm-comment" key={c.id}>
              <p class="utrecht-paragraph mmm-comment__meta">
                <strong>{c.authorName ?? t('agenda.someone')}</strong>, {formatMoment(c.createdAt, ctx.locale)}
              </p>
              <Paragraphs text={c.body} />
              {c.authorId === viewerId ? (
                <ActionButton ctx={ctx} action={paths.deleteComment(workspaceId, c.id)} label={t('agenda.comments.deleteLabel', { moment: formatMoment(c.createdAt, ctx.locale) })}>
                  {t('agenda.comments.delete')}
                </ActionButton>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <PostForm ctx={ctx} action={action}>
        <TextAreaField name="body" label={t('agenda.comments.field')} hint={t('agenda.comments.hint')} rows={3} maxLength={COMMENT_MAX_LENGTH} required values={state.values} errors={state.errors} />
        <div class="mmm-form-actions">
          <SubmitButton secondary>{t('agenda.comments.submit')}</SubmitButton>
        </div>
      </PostForm>
    </section>
  );
}

// Form fields

function domainOptions() {
  return DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }));
}

function horizonOptions() {
  return HORIZONS.map((h) => ({ value: h, label: HORIZON_LABELS[h] }));
}

export function milestoneValues(m: Milestone): Record<string, string> {
  return {
    title: m.title,
    description: m.description,
    domain: m.domain,
    timeframeKind: m.dueDate !== null ? 'datum' : 'termijn',
    dueDate: m.dueDate ?? '',
    horizon: m.horizon ?? '',
    celebrationPlan: m.celebrationPlan,
    version: String(m.version),
  };
}

export function actionValues(a: Action): Record<string, string> {
  return {
    title: a.title,
    description: a.description,
    ownerId: a.ownerId ?? '',
    dueDate: a.dueDate ?? '',
    status: a.status,
    support: a.support,
    headwind: a.headwind,
    milestoneId: a.milestoneId,
    version: String(a.version),
  };
}

/** A date typed as 31-12-2027 is shown to a date picker as 2027-12-31, which is what it understands. */
function forDatePicker(values: FormValues): FormValues {
  const raw = values.dueDate ?? '';
  const day = parseDay(raw);
  return day && day !== raw ? { ...values, dueDate: day } : values;
}

function MilestoneFields({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  const values = forDatePicker({ timeframeKind: 'termijn', ...state.values });
  const s = { values, errors: state.errors };
  return (
    <>
      <TextField name="title" label={t('agenda.milestone.field.title')} hint={t('agenda.milestone.field.title.hint')} maxLength={TITLE_MAX_LENGTH} required {...s} />
      <TextAreaField
        name="description"
        label={`${t('agenda.milestone.field.description')} ${t('form.optional')}`}
        hint={t('agenda.milestone.field.description.hint')}
        rows={5}
        maxLength={DESCRIPTION_MAX_LENGTH}
        {...s}
      />
      <SelectField name="domain" label={t('agenda.milestone.field.domain')} hint={t('agenda.milestone.field.domain.hint')} emptyLabel={t('agenda.milestone.field.domain.choose')} options={domainOptions()} required {...s} />
      <RadioGroup
        name="timeframeKind"
        label={t('agenda.milestone.field.timeframeKind')}
        hint={t('agenda.milestone.field.timeframeKind.hint')}
        options={[
          { value: 'datum', label: t('agenda.milestone.field.timeframeKind.date') },
          { value: 'termijn', label: t('agenda.milestone.field.timeframeKind.horizon') },
        ]}
        {...s}
      />
      <DateField name="dueDate" label={t('agenda.milestone.field.dueDate')} hint={t('agenda.milestone.field.dueDate.hint')} {...s} />
      <SelectField name="horizon" label={t('agenda.milestone.field.horizon')} hint={t('agenda.milestone.field.horizon.hint')} emptyLabel={t('agenda.milestone.field.horizon.choose')} options={horizonOptions()} {...s} />
      <TextAreaField
        name="celebrationPlan"
        label={`${t('agenda.milestone.field.celebrationPlan')} ${t('form.optional')}`}
        hint={t('agenda.milestone.field.celebrationPlan.hint')}
        rows={3}
        maxLength={NOTE_MAX_LENGTH}
        {...s}
      />
    </>
  );
}

export interface MilestoneOption {
  readonly id: string;
  readonly title: string;
}

function memberOptions(ctx: PageContext, members: readonly WorkspaceMember[], current: { id: string | null; name: string | null } | undefined) {
  const options = members.map((m) => ({ value: m.userId, label: m.name }));
  // Someone who left may stay the owner until the action is given to another.
  if (current?.id && !members.some((m) => m.userId === current.id)) {
    options.push({ value: current.id, label: ctx.t('agenda.action.formerMember', { name: current.name ?? ctx.t('agenda.someone') }) });
  }
  return options;
}

function ActionFields({
  ctx,
  state,
  members,
  currentOwner,
  milestones,
}: {
  ctx: PageContext;
  state: FormState;
  members: readonly WorkspaceMember[];
  currentOwner?: { id: string | null; name: string | null };
  /** Given where the action can be put under (another) milestone. */
  milestones?: readonly MilestoneOption[];
}) {
  const { t } = ctx;
  const s = { values: forDatePicker({ status: 'idee', ...state.values }), errors: state.errors };
  return (
    <>
      <TextField name="title" label={t('agenda.action.field.title')} hint={t('agenda.action.field.title.hint')} maxLength={TITLE_MAX_LENGTH} required {...s} />
      {milestones ? (
        <SelectField
          name="milestoneId"
          label={t('agenda.action.field.milestone')}
          emptyLabel={t('agenda.action.field.milestone.choose')}
          options={milestones.map((m) => ({ value: m.id, label: m.title }))}
          required
          {...s}
        />
      ) : null}
      <TextAreaField
        name="description"
        label={`${t('agenda.action.field.description')} ${t('form.optional')}`}
        hint={t('agenda.action.field.description.hint')}
        rows={4}
        maxLength={DESCRIPTION_MAX_LENGTH}
        {...s}
      />
      <SelectField
        name="ownerId"
        label={t('agenda.action.field.owner')}
        hint={t('agenda.action.field.owner.hint')}
        emptyLabel={t('agenda.action.noOwner')}
        options={memberOptions(ctx, members, currentOwner)}
        {...s}
      />
      <DateField name="dueDate" label={`${t('agenda.action.field.dueDate')} ${t('form.optional')}`} hint={t('agenda.action.field.dueDate.hint')} {...s} />
      <SelectField name="status" label={t('agenda.action.field.status')} options={ACTION_STATUSES.map((v) => ({ value: v, label: statusLabel(ctx, v) }))} {...s} />
      <TextAreaField name="support" label={`${t('agenda.action.field.support')} ${t('form.optional')}`} hint={t('agenda.action.field.support.hint')} rows={3} maxLength={NOTE_MAX_LENGTH} {...s} />
      <TextAreaField name="headwind" label={`${t('agenda.action.field.headwind')} ${t('form.optional')}`} hint={t('agenda.action.field.headwind.hint')} rows={3} maxLength={NOTE_MAX_LENGTH} {...s} />
    </>
  );
}

// The agenda page

export interface AgendaFilter {
  readonly ownerId: string;
  readonly status: string;
}

function actionMatches(a: Action, filter: AgendaFilter): boolean {
  return (!filter.ownerId || a.ownerId === filter.ownerId) && (!filter.status || a.status === filter.status);
}

function ActionsTable({ ctx, workspaceId, caption, actions, today }: { ctx: PageContext; workspaceId: string; caption: string; actions: readonly Action[]; today: string }) {
  const { t } = ctx;
  return (
    <Table caption={caption} head={[t('agenda.actions.col.action'), t('agenda.actions.col.owner'), t('agenda.actions.col.due'), t('agenda.actions.col.status')]}>
      {actions.map((a) => {
        const late = a.dueDate !== null && a.dueDate < today && a.status !== 'gedaan' && a.status !== 'gestopt';
        return (
          <tr key={a.id}>
            <th scope="row">
              <A href={paths.action(workspaceId, a.id)}>{a.title}</A>
            </th>
            <td>{a.ownerName ?? t('agenda.action.noOwner')}</td>
            <td>
              {a.dueDate ? formatDay(a.dueDate) : t('agenda.action.noDate')}
              {late ? <span class="mmm-badge mmm-badge--late"> {t('agenda.action.late')}</span> : null}
            </td>
            <td>{statusLabel(ctx, a.status)}</td>
          </tr>
        );
      })}
    </Table>
  );
}

function MilestoneTerm({ m }: { m: MilestoneWithActions }) {
  return <>{termText(roadmapMilestones([m])[0]!)}</>;
}

export interface AgendaPageProps {
  readonly ctx: PageContext;
  readonly workspace: Workspace;
  readonly milestones: readonly MilestoneWithActions[];
  readonly members: readonly WorkspaceMember[];
  readonly filter: AgendaFilter;
  readonly today: string;
}

export function AgendaPage({ ctx, workspace, milestones, members, filter, today }: AgendaPageProps) {
  const { t } = ctx;
  const ws = workspace.id;
  const roadmap = buildRoadmap(roadmapMilestones(milestones), today, { ownerId: filter.ownerId || undefined, status: filter.status || undefined });
  const shown = new Set(roadmap.rows.flatMap((r) => r.cells.flatMap((c) => c.milestones.map((m) => m.id))));
  const filtered = filter.ownerId !== '' || filter.status !== '';
  const title = t('agenda.page.title');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={workbookCrumbs(ctx, workspace)}>
      <Heading>{title}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('agenda.page.intro')}</p>
      <ul class="mmm-actions-row mmm-plain-list">
        <li>
          <A href={paths.newMilestone(ws)}>{t('agenda.page.newMilestone')}</A>
        </li>
        <li>
          <A href={paths.adoptDream(ws)}>{t('agenda.page.adoptDream')}</A>
        </li>
        <li>
          <A href={paths.myActions()}>{t('agenda.page.myActions')}</A>
        </li>
        <li>
          <A href={paths.workbook(ws)}>{t('agenda.page.backToWorkbook')}</A>
        </li>
      </ul>

      <h2 class="utrecht-heading-2">{t('agenda.roadmap.title')}</h2>
      {milestones.length === 0 ? <P>{t('agenda.page.empty')}</P> : null}
      <form method="get" action={paths.agenda(ws)} class="mmm-filters" role="search" aria-label={t('agenda.filter.label')}>
        <SelectField
          name="eigenaar"
          label={t('agenda.filter.owner')}
          emptyLabel={t('agenda.filter.everyone')}
          options={members.map((m) => ({ value: m.userId, label: m.name }))}
          values={{ eigenaar: filter.ownerId }}
        />
        <SelectField
          name="status"
          label={t('agenda.filter.status')}
          emptyLabel={t('agenda.filter.allStatuses')}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: statusLabel(ctx, s) }))}
          values={{ status: filter.status }}
        />
        <div class="mmm-form-actions">
          <SubmitButton secondary>{t('agenda.filter.submit')}</SubmitButton>
          {filtered ? <A href={paths.agenda(ws)}>{t('agenda.filter.clear')}</A> : null}
        </div>
      </form>
      <div class="mmm-roadmap">
        <RoadmapSvg roadmap={roadmap} today={today} />
      </div>
      <RoadmapTable roadmap={roadmap} today={today} milestoneHref={(id) => paths.milestone(ws, id)} caption={t('agenda.roadmap.caption')} />

      {DOMAINS.map((domain) => {
        const inDomain = milestones.filter((m) => m.domain === domain && shown.has(m.id));
        return (
          <section key={domain} aria-labelledby={`domein-${domain}`}>
            <h2 class="utrecht-heading-2" id={`domein-${domain}`}>
              {DOMAIN_LABELS[domain]}
            </h2>
            {inDomain.length === 0 ? (
              <P>{t(filtered ? 'agenda.domain.noneFiltered' : 'agenda.domain.none')}</P>
            ) : (
              <ol class="mmm-plain-list mmm-agenda-milestones">
                {inDomain.map((m, i) => {
                  const actions = m.actions.filter((a) => actionMatches(a, filter));
                  const hidden = m.actions.length - actions.length;
                  return (
                    <li class="mmm-card mmm-agenda-milestone" key={m.id}>
                      <h3 class="utrecht-heading-3">
                        <A href={paths.milestone(ws, m.id)}>{m.title}</A>
                      </h3>
                      <p class="utrecht-paragraph">
                        {t('agenda.milestone.term')}: <MilestoneTerm m={m} />
                        {m.reachedAt ? <span class="mmm-badge"> {t('agenda.milestone.reachedBadge')}</span> : null}
                        {isOverdue(roadmapMilestones([m])[0]!, today) ? (
                          <span class="mmm-badge mmm-badge--late"> {t('agenda.action.late')}</span>
                        ) : null}
                      </p>
                      {actions.length > 0 ? (
                        <ActionsTable ctx={ctx} workspaceId={ws} caption={t('agenda.actions.caption', { title: m.title })} actions={actions} today={today} />
                      ) : (
                        <P>{t(m.actions.length === 0 ? 'agenda.actions.none' : 'agenda.actions.noneFiltered')}</P>
                      )}
                      {hidden > 0 && actions.length > 0 ? <P>{t('agenda.actions.hidden', { count: hidden })}</P> : null}
                      <div class="mmm-actions-row">
                        <A href={paths.newAction(ws, m.id)}>{t('agenda.actions.add')}</A>
                        {i > 0 ? (
                          <ActionButton ctx={ctx} action={`${paths.milestone(ws, m.id)}/omhoog`} label={t('agenda.milestone.upLabel', { title: m.title })}>
                            {t('agenda.milestone.up')}
                          </ActionButton>
                        ) : null}
                        {i < inDomain.length - 1 ? (
                          <ActionButton ctx={ctx} action={`${paths.milestone(ws, m.id)}/omlaag`} label={t('agenda.milestone.downLabel', { title: m.title })}>
                            {t('agenda.milestone.down')}
                          </ActionButton>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        );
      })}
    </Layout>
  );
}

// Milestones

export function NewMilestonePage({ ctx, workspace, state }: { ctx: PageContext; workspace: Workspace; state: FormState }) {
  const { t } = ctx;
  const title = t('agenda.milestone.new.title');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={agendaCrumbs(ctx, workspace)}>
      <Heading>{title}</Heading>
      <P>{t('agenda.milestone.new.intro')}</P>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={paths.newMilestone(workspace.id)}>
        <MilestoneFields ctx={ctx} state={state} />
        <div class="mmm-form-actions">
          <SubmitButton>{t('agenda.milestone.new.submit')}</SubmitButton>
          <A href={paths.agenda(workspace.id)}>{t('form.cancel')}</A>
        </div>
      </PostForm>
    </Layout>
  );
}

/** Which form on the milestone page a failed submit belongs to. */
export type MilestonePageForm = 'edit' | 'reach' | 'comment' | 'delete';

export interface MilestonePageProps {
  readonly ctx: PageContext;
  readonly workspace: Workspace;
  readonly milestone: MilestoneWithActions;
  readonly comments: readonly Comment[];
  readonly history: readonly HistoryEntry[];
  readonly dream?: { number: number; title: string; href: string };
  readonly viewerId: string;
  readonly today: string;
  readonly form?: MilestonePageForm;
  readonly state?: FormState;
}

export function MilestonePage({ ctx, workspace, milestone: m, comments, history, dream, viewerId, today, form, state = {} }: MilestonePageProps) {
  const { t } = ctx;
  const ws = workspace.id;
  const stateFor = (f: MilestonePageForm): FormState => (form === f ? state : {});
  const edit = form === 'edit' ? state : { values: milestoneValues(m) };
  return (
    <Layout ctx={ctx} title={m.title} breadcrumbs={agendaCrumbs(ctx, workspace)}>
      <Heading>{m.title}</Heading>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <LastChanged ctx={ctx} item={m} />
      <dl class="mmm-facts">
        <dt>{t('agenda.fieldName.domain')}</dt>
        <dd>{DOMAIN_LABELS[m.domain]}</dd>
        <dt>{t('agenda.fieldName.timeframe')}</dt>
        <dd>
          <MilestoneTerm m={m} />
        </dd>
        <dt>{t('agenda.fieldName.reachedAt')}</dt>
        <dd>{m.reachedAt ? t('agenda.milestone.reachedOn', { moment: formatMoment(m.reachedAt, ctx.locale) }) : t('agenda.milestone.notYetReached')}</dd>
        {dream ? (
          <>
            <dt>{t('agenda.milestone.fromDream')}</dt>
            <dd>
              <A href={dream.href}>{t('agenda.milestone.dreamLink', { number: dream.number, title: dream.title })}</A>
            </dd>
          </>
        ) : null}
      </dl>
      {m.description ? <Paragraphs text={m.description} /> : null}
      {m.celebrationPlan ? (
        <>
          <h2 class="utrecht-heading-2">{t('agenda.milestone.celebrationPlan')}</h2>
          <Paragraphs text={m.celebrationPlan} />
        </>
      ) : null}

      <h2 class="utrecht-heading-2" id="acties">
        {t('agenda.actions.title')}
      </h2>
      {m.actions.length === 0 ? (
        <P>{t('agenda.actions.none')}</P>
      ) : (
        <ActionsTable ctx={ctx} workspaceId={ws} caption={t('agenda.actions.caption', { title: m.title })} actions={m.actions} today={today} />
      )}
      <P>
        <A href={paths.newAction(ws, m.id)}>{t('agenda.actions.add')}</A>
      </P>

      <h2 class="utrecht-heading-2" id="bereikt">
        {t('agenda.reach.title')}
      </h2>
      {m.reachedAt ? (
        <>
          <Notice kind="ok">{t('agenda.milestone.reachedOn', { moment: formatMoment(m.reachedAt, ctx.locale) })}</Notice>
          {m.celebrationNote ? (
            <>
              <h3 class="utrecht-heading-3">{t('agenda.reach.howCelebrated')}</h3>
              <Paragraphs text={m.celebrationNote} />
            </>
          ) : null}
          <PostForm ctx={ctx} action={`${paths.milestone(ws, m.id)}/niet-bereikt`}>
            <SubmitButton secondary>{t('agenda.reach.undo')}</SubmitButton>
          </PostForm>
        </>
      ) : (
        <>
          <P>{t('agenda.reach.intro')}</P>
          <PostForm ctx={ctx} action={`${paths.milestone(ws, m.id)}/bereikt`}>
            <TextAreaField
              name="celebrationNote"
              label={t('agenda.reach.field')}
              hint={t('agenda.reach.field.hint')}
              rows={3}
              maxLength={NOTE_MAX_LENGTH}
              required
              values={stateFor('reach').values}
              errors={stateFor('reach').errors}
            />
            <div class="mmm-form-actions">
              <SubmitButton>{t('agenda.reach.submit')}</SubmitButton>
            </div>
          </PostForm>
        </>
      )}

      <Comments ctx={ctx} workspaceId={ws} action={`${paths.milestone(ws, m.id)}/reacties`} comments={comments} viewerId={viewerId} state={stateFor('comment')} />

      <History ctx={ctx} entries={history} />

      <h2 class="utrecht-heading-2" id="aanpassen">
        {t('agenda.milestone.edit.title')}
      </h2>
      <PostForm ctx={ctx} action={paths.milestone(ws, m.id)}>
        <Hidden name="version" value={edit.values?.version ?? String(m.version)} />
        <MilestoneFields ctx={ctx} state={edit} />
        <div class="mmm-form-actions">
          <SubmitButton>{t('form.save')}</SubmitButton>
        </div>
      </PostForm>

      <h2 class="utrecht-heading-2" id="verwijderen">
        {t('agenda.milestone.delete.title')}
      </h2>
      <P>{t('agenda.milestone.delete.intro')}</P>
      <PostForm ctx={ctx} action={`${paths.milestone(ws, m.id)}/verwijderen`}>
        <CheckboxField name="confirm" value="ja" label={t('agenda.milestone.delete.confirm')} errors={stateFor('delete').errors} />
        <div class="mmm-form-actions">
          <SubmitButton secondary>{t('agenda.milestone.delete.submit')}</SubmitButton>
        </div>
      </PostForm>
    </Layout>
  );
}

// Actions

export function NewActionPage({
  ctx,
  workspace,
  milestone,
  members,
  state,
}: {
  ctx: PageContext;
  workspace: Workspace;
  milestone: MilestoneOption;
  members: readonly WorkspaceMember[];
  state: FormState;
}) {
  const { t } = ctx;
  const title = t('agenda.action.new.title');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[...agendaCrumbs(ctx, workspace), { href: paths.milestone(workspace.id, milestone.id), label: milestone.title }]}>
      <Heading>{title}</Heading>
      <P>{t('agenda.action.new.intro', { title: milestone.title })}</P>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={paths.newAction(workspace.id, milestone.id)}>
        <ActionFields ctx={ctx} state={state} members={members} />
        <div class="mmm-form-actions">
          <SubmitButton>{t('agenda.action.new.submit')}</SubmitButton>
          <A href={paths.milestone(workspace.id, milestone.id)}>{t('form.cancel')}</A>
        </div>
      </PostForm>
    </Layout>
  );
}

export type ActionPageForm = 'edit' | 'comment';

export interface ActionPageProps {
  readonly ctx: PageContext;
  readonly workspace: Workspace;
  readonly action: ActionWithMilestone;
  readonly members: readonly WorkspaceMember[];
  readonly milestones: readonly MilestoneOption[];
  readonly comments: readonly Comment[];
  readonly history: readonly HistoryEntry[];
  readonly viewerId: string;
  readonly today: string;
  readonly form?: ActionPageForm;
  readonly state?: FormState;
}

export function ActionPage({ ctx, workspace, action: a, members, milestones, comments, history, viewerId, today, form, state = {} }: ActionPageProps) {
  const { t } = ctx;
  const ws = workspace.id;
  const edit = form === 'edit' ? state : { values: actionValues(a) };
  const late = a.dueDate !== null && a.dueDate < today && a.status !== 'gedaan' && a.status !== 'gestopt';
  return (
    <Layout ctx={ctx} title={a.title} breadcrumbs={[...agendaCrumbs(ctx, workspace), { href: paths.milestone(ws, a.milestoneId), label: a.milestoneTitle }]}>
      <Heading>{a.title}</Heading>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <LastChanged ctx={ctx} item={a} />
      <dl class="mmm-facts">
        <dt>{t('agenda.fieldName.milestone')}</dt>
        <dd>
          <A href={paths.milestone(ws, a.milestoneId)}>{a.milestoneTitle}</A>
        </dd>
        <dt>{t('agenda.fieldName.owner')}</dt>
        <dd>{a.ownerName ?? t('agenda.action.noOwner')}</dd>
        <dt>{t('agenda.fieldName.dueDate')}</dt>
        <dd>
          {a.dueDate ? formatDay(a.dueDate) : t('agenda.action.noDate')}
          {late ? <span class="mmm-badge mmm-badge--late"> {t('agenda.action.late')}</span> : null}
        </dd>
        <dt>{t('agenda.fieldName.status')}</dt>
        <dd>{statusLabel(ctx, a.status)}</dd>
      </dl>
      {a.description ? <Paragraphs text={a.description} /> : null}
      {a.support ? (
        <>
          <h2 class="utrecht-heading-2">{t('agenda.fieldName.support')}</h2>
          <Paragraphs text={a.support} />
        </>
      ) : null}
      {a.headwind ? (
        <>
          <h2 class="utrecht-heading-2">{t('agenda.fieldName.headwind')}</h2>
          <Paragraphs text={a.headwind} />
        </>
      ) : null}

      <Comments ctx={ctx} workspaceId={ws} action={`${paths.action(ws, a.id)}/reacties`} comments={comments} viewerId={viewerId} state={form === 'comment' ? state : {}} />

      <History ctx={ctx} entries={history} />

      <h2 class="utrecht-heading-2" id="aanpassen">
        {t('agenda.action.edit.title')}
      </h2>
      <PostForm ctx={ctx} action={paths.action(ws, a.id)}>
        <Hidden name="version" value={edit.values?.version ?? String(a.version)} />
        <ActionFields ctx={ctx} state={edit} members={members} currentOwner={{ id: a.ownerId, name: a.ownerName }} milestones={milestones} />
        <div class="mmm-form-actions">
          <SubmitButton>{t('form.save')}</SubmitButton>
        </div>
      </PostForm>

      <h2 class="utrecht-heading-2" id="verwijderen">
        {t('agenda.action.delete.title')}
      </h2>
      <PostForm ctx={ctx} action={`${paths.action(ws, a.id)}/verwijderen`}>
        <SubmitButton secondary>{t('agenda.action.delete.submit')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

// When a save meets someone else's change, or the thing it was for is gone

export interface ConflictPageProps {
  readonly ctx: PageContext;
  readonly workspace: Workspace;
  readonly kind: SubjectKind;
  readonly subject: { id: string; title: string };
  readonly conflict: EditConflict;
  readonly members: readonly WorkspaceMember[];
  readonly milestones: readonly MilestoneOption[];
  readonly currentOwner?: { id: string | null; name: string | null };
}

function LongValue({ text }: { text: string }) {
  return <div class="mmm-conflict__text">{text}</div>;
}

export function ConflictPage({ ctx, workspace, kind, subject, conflict, members, milestones, currentOwner }: ConflictPageProps) {
  const { t } = ctx;
  const ws = workspace.id;
  const who = conflict.storedByName ?? t('agenda.someone');
  const when = formatMoment(conflict.storedAt, ctx.locale);
  const href = kind === 'milestone' ? paths.milestone(ws, subject.id) : paths.action(ws, subject.id);
  const title = t('agenda.conflict.title');
  const state: FormState = { values: conflict.values };
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[...agendaCrumbs(ctx, workspace), { href, label: subject.title }]}>
      <Heading>{title}</Heading>
      <Notice kind="warning">{t('agenda.conflict.intro', { name: who, moment: when })}</Notice>
      {conflict.fields.length > 0 ? (
        <Table caption={t('agenda.conflict.caption')} head={[t('agenda.conflict.field'), t('agenda.conflict.mine'), t('agenda.conflict.theirs', { name: who, moment: when })]}>
          {conflict.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{fieldName(ctx, f.field)}</th>
              <td>
                <LongValue text={valueText(ctx, f.field, f.mine)} />
              </td>
              <td>
                <LongValue text={valueText(ctx, f.field, f.theirs)} />
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <P>{t('agenda.conflict.noOverlap')}</P>
      )}
      {conflict.alsoChanged.length > 0 ? (
        <>
          <P>{t('agenda.conflict.alsoChanged', { name: who })}</P>
          <ul class="utrecht-unordered-list">
            {conflict.alsoChanged.map((f) => (
              <li key={f.field}>
                {fieldName(ctx, f.field)}: {LONG_FIELDS.has(f.field) ? t('agenda.conflict.seeForm') : valueText(ctx, f.field, f.theirs)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="utrecht-heading-2">{t('agenda.conflict.again')}</h2>
      <P>{t('agenda.conflict.againIntro')}</P>
      <PostForm ctx={ctx} action={href}>
        <Hidden name="version" value={String(conflict.storedVersion)} />
        {kind === 'milestone' ? (
          <MilestoneFields ctx={ctx} state={state} />
        ) : (
          <ActionFields ctx={ctx} state={state} members={members} currentOwner={currentOwner} milestones={milestones} />
        )}
        <div class="mmm-form-actions">
          <SubmitButton>{t('agenda.conflict.saveMine')}</SubmitButton>
        </div>
      </PostForm>
      <h2 class="utrecht-heading-2">{t('agenda.conflict.keepTitle')}</h2>
      <P>
        <A href={href}>{t('agenda.conflict.keep')}</A>
      </P>
    </Layout>
  );
}

/**
 * What a form was for no longer exists (or the action still needs a milestone): what was typed is
 * kept, with a way to save it elsewhere.
 */
export type GoneKind = 'milestoneForAction' | 'milestone' | 'action' | 'comment' | 'chooseMilestone';

const GONE_TEXT = {
  milestoneForAction: { title: 'agenda.gone.milestoneTitle', message: 'agenda.gone.milestoneForAction' },
  milestone: { title: 'agenda.gone.milestoneTitle', message: 'agenda.gone.milestone' },
  action: { title: 'agenda.gone.actionTitle', message: 'agenda.gone.action' },
  comment: { title: 'agenda.gone.commentTitle', message: 'agenda.gone.comment' },
  chooseMilestone: { title: 'agenda.action.new.title', message: null },
} as const;

export function GonePage({
  ctx,
  workspace,
  kind,
  state,
  members,
  milestones,
}: {
  ctx: PageContext;
  workspace: Workspace;
  kind: GoneKind;
  state: FormState;
  members: readonly WorkspaceMember[];
  milestones: readonly MilestoneOption[];
}) {
  const { t } = ctx;
  const ws = workspace.id;
  const text = GONE_TEXT[kind];
  const title = t(text.title);
  // A milestone that is gone cannot be chosen again.
  const chosen = milestones.some((m) => m.id === state.values?.milestoneId) ? (state.values?.milestoneId ?? '') : '';
  const formState: FormState = { values: { ...state.values, milestoneId: chosen }, errors: state.errors };
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={agendaCrumbs(ctx, workspace)}>
      <Heading>{title}</Heading>
      {text.message ? <Notice kind="warning">{t(text.message)}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      {kind === 'comment' ? (
        <div class="mmm-card mmm-kept-text">
          <Paragraphs text={state.values?.body ?? ''} />
        </div>
      ) : kind === 'milestone' ? (
        <PostForm ctx={ctx} action={paths.newMilestone(ws)}>
          <MilestoneFields ctx={ctx} state={formState} />
          <div class="mmm-form-actions">
            <SubmitButton>{t('agenda.gone.saveAsNewMilestone')}</SubmitButton>
          </div>
        </PostForm>
      ) : (
        <>
          {milestones.length === 0 ? (
            <P>
              {t('agenda.gone.noMilestones')} <A href={paths.newMilestone(ws)}>{t('agenda.page.newMilestone')}</A>
            </P>
          ) : null}
          <PostForm ctx={ctx} action={paths.newActionAnywhere(ws)}>
            <ActionFields ctx={ctx} state={formState} members={members} milestones={milestones} />
            <div class="mmm-form-actions">
              <SubmitButton>{t('agenda.gone.saveAction')}</SubmitButton>
            </div>
          </PostForm>
        </>
      )}
      <P>
        <A href={paths.agenda(ws)}>{t('agenda.gone.back')}</A>
      </P>
    </Layout>
  );
}

// Adopting a dream from the book

function DreamForm({ ctx, workspaceId, dream, errors }: { ctx: PageContext; workspaceId: string; dream: DreamChoice; errors?: FieldErrors }) {
  const { t } = ctx;
  const id = `veld-domain-${dream.number}`;
  const error = errors?.domain;
  return (
    <PostForm ctx={ctx} action={paths.adoptDream(workspaceId)}>
      <Hidden name="dream" value={String(dream.number)} />
      <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for={id}>
            {t('agenda.dreams.domainField')}
          </label>
        </div>
        {error ? (
          <div class="utrecht-form-field-error-message" id={`${id}-fout`}>
            {error}
          </div>
        ) : null}
        <div class="utrecht-form-field__input">
          <select class="utrecht-select utrecht-select--html-select" id={id} name="domain" aria-describedby={error ? `${id}-fout` : undefined}>
            {DOMAINS.map((d) => (
              <option key={d} value={d} selected={d === dream.defaultDomain}>
                {DOMAIN_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="mmm-form-actions">
        <button type="submit" class="utrecht-button utrecht-button--primary-action" aria-label={t('agenda.dreams.adoptLabel', { number: dream.number, title: dream.title })}>
          {t('agenda.dreams.adopt')}
        </button>
      </div>
    </PostForm>
  );
}

export function AdoptDreamPage({
  ctx,
  workspace,
  dreams,
  existingMilestones,
  problem,
}: {
  ctx: PageContext;
  workspace: Workspace;
  dreams: readonly DreamChoice[];
  existingMilestones: number;
  problem?: { dream: number; errors: FieldErrors };
}) {
  const { t } = ctx;
  const title = t('agenda.dreams.title');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={agendaCrumbs(ctx, workspace)}>
      <Heading>{title}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('agenda.dreams.intro')}</p>
      {existingMilestones > 0 ? <Notice kind="info">{t('agenda.dreams.adds', { count: existingMilestones })}</Notice> : null}
      {problem ? <Notice kind="error">{Object.values(problem.errors).filter(Boolean).join(' ')}</Notice> : null}
      <ol class="mmm-plain-list mmm-cards mmm-dreams">
        {dreams.map((d) => (
          <li class="mmm-card" key={d.number}>
            <h2 class="utrecht-heading-2">{t('agenda.dreams.dreamTitle', { number: d.number, title: d.title })}</h2>
            <dl class="mmm-facts">
              <dt>{t('agenda.dreams.region')}</dt>
              <dd>{d.region}</dd>
              <dt>{t('agenda.dreams.bookDomain')}</dt>
              <dd>{d.bookDomain ?? t('agenda.dreams.noBookDomain')}</dd>
              <dt>{t('agenda.dreams.size')}</dt>
              <dd>{t('agenda.dreams.counts', { milestones: d.milestones, actions: d.actions })}</dd>
            </dl>
            <P>{d.summary}</P>
            <P>
              <A href={d.href}>{t('agenda.dreams.read', { number: d.number })}</A>
            </P>
            <DreamForm ctx={ctx} workspaceId={workspace.id} dream={d} errors={problem?.dream === d.number ? problem.errors : undefined} />
          </li>
        ))}
      </ol>
    </Layout>
  );
}

// My actions across workspaces

function MyActionsTable({ ctx, caption, actions }: { ctx: PageContext; caption: string; actions: readonly MyAction[] }) {
  const { t } = ctx;
  return (
    <Table caption={caption} head={[t('agenda.actions.col.action'), t('agenda.mine.col.milestone'), t('agenda.mine.col.workbook'), t('agenda.actions.col.due'), t('agenda.actions.col.status')]}>
      {actions.map((a) => (
        <tr key={a.id}>
          <th scope="row">
            <A href={paths.action(a.workspaceId, a.id)}>{a.title}</A>
          </th>
          <td>
            <A href={paths.milestone(a.workspaceId, a.milestoneId)}>{a.milestoneTitle}</A>
          </td>
          <td>
            <A href={paths.agenda(a.workspaceId)}>{a.workspaceName}</A>
          </td>
          <td>{a.dueDate ? formatDay(a.dueDate) : t('agenda.action.noDate')}</td>
          <td>{statusLabel(ctx, a.status)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function MyActionsPage({ ctx, groups }: { ctx: PageContext; groups: MyActionGroups }) {
  const { t } = ctx;
  const title = t('agenda.mine.title');
  const sections: { key: keyof MyActionGroups; heading: string; caption: string; empty: string }[] = [
    { key: 'overdue', heading: t('agenda.mine.overdue'), caption: t('agenda.mine.overdue.caption'), empty: t('agenda.mine.overdue.none') },
    { key: 'thisWeek', heading: t('agenda.mine.thisWeek'), caption: t('agenda.mine.thisWeek.caption'), empty: t('agenda.mine.thisWeek.none') },
    { key: 'later', heading: t('agenda.mine.later'), caption: t('agenda.mine.later.caption'), empty: t('agenda.mine.later.none') },
    { key: 'noDate', heading: t('agenda.mine.noDate'), caption: t('agenda.mine.noDate.caption'), empty: t('agenda.mine.noDate.none') },
  ];
  const total = sections.reduce((n, s) => n + groups[s.key].length, 0);
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/werkboek', label: t('agenda.crumb.workbook') }]}>
      <Heading>{title}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('agenda.mine.intro')}</p>
      {total === 0 ? <P>{t('agenda.mine.none')}</P> : null}
      {sections.map((s) => (
        <Section key={s.key} heading={s.heading}>
          {groups[s.key].length === 0 ? <P>{s.empty}</P> : <MyActionsTable ctx={ctx} caption={s.caption} actions={groups[s.key]} />}
        </Section>
      ))}
    </Layout>
  );
}

function Section({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <section>
      <h2 class="utrecht-heading-2">{heading}</h2>
      {children}
    </section>
  );
}

