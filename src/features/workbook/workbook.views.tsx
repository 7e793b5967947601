import type { ComponentChildren } from 'preact';
import {
  A,
  ActionButton,
  ErrorSummary,
  formatDateTime,
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
  type FormState,
} from '../../platform/views/components.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';
import type { MessageKey } from '../../platform/i18n/message-keys.js';
import { answerFieldName, versionFieldName, WORKSPACE_KINDS, type WorkspaceKind } from './workbook.schemas.js';
import type { Answer, AnswerConflict, AnswerRevision, Workspace, WorkspaceInvitation, WorkspaceMember } from './workbook.service.js';
import { COLLABORATION_STEPS, MMM_STEPS, type StepField, type StepSection, type StepSlug, type WorkbookStep } from './workbook.steps.js';
import type { RoleCoverage } from './workbook.roles.js';

export type { FormState };

const KIND_LABEL: Record<WorkspaceKind, MessageKey> = { personal: 'workbook.kind.personal', together: 'workbook.kind.together', team: 'workbook.kind.team' };
const KIND_HINT: Record<WorkspaceKind, MessageKey> = { personal: 'workbook.kind.personal.hint', together: 'workbook.kind.together.hint', team: 'workbook.kind.team.hint' };

export function stepTitle(ctx: PageContext, slug: StepSlug): string {
  return ctx.t(`workbook.step.${slug}` as MessageKey);
}

function workbookCrumbs(ctx: PageContext, workspace?: Workspace): Crumb[] {
  const crumbs: Crumb[] = [{ href: '/werkboek', label: ctx.t('workbook.title') }];
  if (workspace) crumbs.push({ href: `/werkboek/${workspace.id}`, label: workspace.name });
  return crumbs;
}

// The overview of all workspaces

export interface DashboardRow {
  readonly workspace: Workspace;
  readonly teamName: string | null;
  readonly stepsStarted: number;
  readonly milestones: number;
  readonly reached: number;
  readonly myOverdue: number;
  readonly myDueThisWeek: number;
}

export function DashboardPage({ ctx, rows, invitations }: { ctx: PageContext; rows: readonly DashboardRow[]; invitations: readonly WorkspaceInvitation[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('workbook.title')} breadcrumbs={[]}>
      <Heading>{t('workbook.title')}</Heading>
      <P>{t('workbook.dashboard.intro')}</P>
      {invitations.length > 0 ? (
        <section aria-labelledby="uitnodigingen">
          <h2 class="utrecht-heading-2" id="uitnodigingen">
            {t('workbook.dashboard.invitations')}
          </h2>
          <ul class="utrecht-unordered-list">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.invitedByName
                  ? t('workbook.dashboard.invitedBy', { name: invitation.invitedByName, workspace: invitation.workspaceName })
                  : t('workbook.dashboard.invitedAnonymous', { workspace: invitation.workspaceName })}{' '}
                <ActionButton ctx={ctx} action={`/werkboek/uitnodigingen/${invitation.id}`} name="antwoord" value="ja" secondary={false} label={`${t('workbook.invitation.accept')}: ${invitation.workspaceName}`}>
                  {t('workbook.invitation.accept')}
                </ActionButton>{' '}
                <ActionButton ctx={ctx} action={`/werkboek/uitnodigingen/${invitation.id}`} name="antwoord" value="nee" label={`${t('workbook.invitation.decline')}: ${invitation.workspaceName}`}>
                  {t('workbook.invitation.decline')}
                </ActionButton>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <P>
        <A href="/werkboek/nieuw">{t('workbook.dashboard.create')}</A>
      </P>
      {rows.length === 0 ? (
        <P>{t('workbook.dashboard.empty')}</P>
      ) : (
        <Table caption={t('workbook.dashboard.caption')} head={[t('workbook.dashboard.name'), t('workbook.dashboard.kind'), t('workbook.dashboard.progress'), t('workbook.dashboard.due')]}>
          {rows.map((row) => (
            <tr key={row.workspace.id}>
              <td>
                <A href={`/werkboek/${row.workspace.id}`}>{row.workspace.name}</A>
              </td>
              <td>
                {t(KIND_LABEL[row.workspace.kind])}
                {row.teamName ? ` (${row.teamName})` : ''}
              </td>
              <td>
                {t('workbook.dashboard.stepsDone', { done: row.stepsStarted })}
                <br />
                {t('workbook.dashboard.milestones', { reached: row.reached, total: row.milestones })}
              </td>
              <td>
                {row.myOverdue === 0 && row.myDueThisWeek === 0 ? t('workbook.dashboard.nothingDue') : null}
                {row.myOverdue > 0 ? <strong>{t('workbook.dashboard.myOverdue', { count: row.myOverdue })}</strong> : null}
                {row.myOverdue > 0 && row.myDueThisWeek > 0 ? <br /> : null}
                {row.myDueThisWeek > 0 ? t('workbook.dashboard.myThisWeek', { count: row.myDueThisWeek }) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ul class="utrecht-unordered-list">
        <li>
          <A href="/werkboek/mijn-acties">{t('workbook.dashboard.myActions')}</A>
        </li>
        <li>
          <A href="/werkboek/herinneringen">{t('workbook.dashboard.reminders')}</A>
        </li>
      </ul>
    </Layout>
  );
}

// Starting a workspace

export function NewWorkspacePage({ ctx, state, teams }: { ctx: PageContext; state: FormState; teams: readonly { id: string; name: string }[] }) {
  const { t } = ctx;
  const values = { kind: 'personal', ...state.values };
  const errors = state.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('workbook.create.title')} breadcrumbs={workbookCrumbs(ctx)}>
      <Heading>{t('workbook.create.title')}</Heading>
      <P>{t('workbook.create.intro')}</P>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/werkboek/nieuw">
        <RadioGroup
          name="kind"
          label={t('workbook.field.kind')}
          values={values}
          errors={errors}
          options={WORKSPACE_KINDS.map((kind) => ({ value: kind, label: `${t(KIND_LABEL[kind])}: ${t(KIND_HINT[kind])}` }))}
        />
        <TextField name="name" label={t('workbook.field.name')} hint={t('workbook.field.name.hint')} values={values} errors={errors} required maxLength={200} />
        {teams.length > 0 ? (
          <SelectField
            name="teamId"
            label={t('workbook.field.team')}
            hint={t('workbook.field.team.hint')}
            values={values}
            errors={errors}
            emptyLabel={t('workbook.field.team.empty')}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        ) : (
          <P>
            {t('workbook.field.team.none')} <A href="/teams/nieuw">{t('teams.list.create')}</A>
          </P>
        )}
        <SubmitButton>{t('workbook.create.submit')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

// One workspace

export interface StepProgress {
  readonly slug: StepSlug;
  readonly answered: number;
  readonly total: number;
}

export interface OverviewData {
  readonly workspace: Workspace;
  readonly teamName: string | null;
  readonly members: readonly WorkspaceMember[];
  readonly viewerId: string;
  readonly progress: readonly StepProgress[];
  readonly openInvitations: readonly { id: string; email: string; createdAt: string }[];
  readonly stories: readonly { href: string; title: string }[];
  readonly dream: { href: string; title: string } | null;
  readonly canDelete: boolean;
}

function StepList({ ctx, workspace, progress, slugs }: { ctx: PageContext; workspace: Workspace; progress: readonly StepProgress[]; slugs: readonly StepSlug[] }) {
  return (
    <ol class="utrecht-ordered-list">
      {slugs.map((slug) => {
        const p = progress.find((x) => x.slug === slug);
        return (
          <li key={slug}>
            <A href={`/werkboek/${workspace.id}/stap/${slug}`}>{stepTitle(ctx, slug)}</A>
            {p ? ` · ${ctx.t('workbook.overview.answered', { answered: p.answered, total: p.total })}` : null}
          </li>
        );
      })}
    </ol>
  );
}

export function OverviewPage({ ctx, data, state }: { ctx: PageContext; data: OverviewData; state: FormState & { problem?: string } }) {
  const { t } = ctx;
  const { workspace } = data;
  const base = `/werkboek/${workspace.id}`;
  const errors = state.errors ?? {};
  return (
    <Layout ctx={ctx} title={workspace.name} breadcrumbs={workbookCrumbs(ctx)}>
      <Heading>{workspace.name}</Heading>
      <P>
        {t(KIND_LABEL[workspace.kind])}
        {data.teamName ? ` · ${t('workbook.overview.team', { name: data.teamName })}` : ''}
      </P>
      {state.problem ? <Notice kind="error">{state.problem}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={errors} />

      <h2 class="utrecht-heading-2">{t('workbook.overview.steps')}</h2>
      <P>{t('workbook.overview.stepsIntro')}</P>
      <StepList ctx={ctx} workspace={workspace} progress={data.progress} slugs={MMM_STEPS} />
      {data.dream ? (
        <P>
          {t('workbook.overview.dream')}{' '}
          <A href={data.dream.href}>{data.dream.title}</A>
        </P>
      ) : null}
      {data.stories.length > 0 ? (
        <>
          <h3 class="utrecht-heading-3">{t('workbook.overview.stories')}</h3>
          <ul class="utrecht-unordered-list">
            {data.stories.map((s) => (
              <li key={s.href}>
                <A href={s.href}>{s.title}</A>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {workspace.kind === 'team' ? (
        <>
          <h2 class="utrecht-heading-2">{t('workbook.overview.together')}</h2>
          <P>{t('workbook.overview.togetherIntro')}</P>
          <StepList ctx={ctx} workspace={workspace} progress={data.progress} slugs={COLLABORATION_STEPS} />
        </>
      ) : null}

      <h2 class="utrecht-heading-2">{t('workbook.overview.agenda')}</h2>
      <P>
        <A href={`${base}/agenda`}>{t('workbook.overview.agendaLink')}</A>
      </P>

      <h2 class="utrecht-heading-2">{t('workbook.overview.export')}</h2>
      <ul class="utrecht-unordered-list">
        <li>
          <A href={`${base}/afdrukken`}>{t('workbook.overview.exportPrint')}</A>
        </li>
        <li>
          <A href={`${base}/export/acties.csv`}>{t('workbook.overview.exportCsv')}</A>
        </li>
        <li>
          <A href={`${base}/export/agenda.ics`}>{t('workbook.overview.exportIcs')}</A>
        </li>
        <li>
          <A href={`${base}/export/werkboek.json`}>{t('workbook.overview.exportJson')}</A>
        </li>
      </ul>

      <h2 class="utrecht-heading-2">{t('workbook.overview.members')}</h2>
      <ul class="utrecht-unordered-list">
        {data.members.map((m) => (
          <li key={m.userId}>
            {m.name}
            {m.professionName ? ` (${m.professionName})` : ''} {m.userId === data.viewerId ? t('workbook.members.you') : null}
            {workspace.kind !== 'team' && data.members.length > 1 ? (
              <>
                {' '}
                <ActionButton
                  ctx={ctx}
                  action={`${base}/leden/${m.userId}/verwijderen`}
                  label={m.userId === data.viewerId ? t('workbook.members.leave') : t('workbook.members.remove', { name: m.name })}
                >
                  {m.userId === data.viewerId ? t('workbook.members.leave') : t('workbook.members.remove', { name: m.name })}
                </ActionButton>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {workspace.kind === 'team' ? (
        <P>
          {t('workbook.overview.teamMembers')} {workspace.teamId ? <A href={`/teams/${workspace.teamId}`}>{t('workbook.overview.teamPage')}</A> : null}
        </P>
      ) : null}
      {workspace.kind === 'together' ? (
        <>
          <h3 class="utrecht-heading-3">{t('workbook.members.invite')}</h3>
          <PostForm ctx={ctx} action={`${base}/uitnodigen`}>
            <TextField name="email" type="email" autocomplete="off" label={t('workbook.field.email')} hint={t('workbook.field.email.hint')} values={state.values} errors={errors} required />
            <SubmitButton secondary>{t('workbook.members.inviteSubmit')}</SubmitButton>
          </PostForm>
          {data.openInvitations.length > 0 ? (
            <>
              <h3 class="utrecht-heading-3">{t('workbook.members.openInvitations')}</h3>
              <ul class="utrecht-unordered-list">
                {data.openInvitations.map((i) => (
                  <li key={i.id}>
                    {i.email} · {formatDateTime(i.createdAt, ctx.locale)}{' '}
                    <ActionButton ctx={ctx} action={`${base}/uitnodigingen/${i.id}/intrekken`} label={t('workbook.members.withdraw', { email: i.email })}>
                      {t('workbook.members.withdraw', { email: i.email })}
                    </ActionButton>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}

      {data.canDelete ? (
        <>
          <h2 class="utrecht-heading-2">{t('workbook.delete.title')}</h2>
          <P>{t('workbook.delete.explain')}</P>
          <PostForm ctx={ctx} action={`${base}/verwijderen`}>
            <div class={`utrecht-form-field utrecht-form-field--checkbox${errors.bevestigen ? ' utrecht-form-field--invalid' : ''}`}>
              {errors.bevestigen ? (
                <div class="utrecht-form-field-error-message" id="veld-bevestigen-fout">
                  {errors.bevestigen}
                </div>
              ) : null}
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id="veld-bevestigen"
                name="bevestigen"
                value="ja"
                aria-invalid={errors.bevestigen ? 'true' : undefined}
                aria-describedby={errors.bevestigen ? 'veld-bevestigen-fout' : undefined}
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="veld-bevestigen">
                {t('workbook.delete.confirm')}
              </label>
            </div>
            <SubmitButton secondary>{t('workbook.delete.submit')}</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </Layout>
  );
}

// A step with its questions

export interface StepExtras {
  readonly dreams?: { readonly adopted: { number: number; title: string; href: string } | null };
  readonly milestoneCount?: number;
  readonly coverage?: { readonly members: readonly WorkspaceMember[]; readonly result: RoleCoverage | null };
  readonly feedbackRules?: readonly ComponentChildren[];
  readonly organisations?: readonly { key: string; name: string }[];
  readonly contextItems?: readonly { key: string; label: string }[];
}

function AnswerMeta({ ctx, answer, label, historyHref }: { ctx: PageContext; answer: Answer | undefined; label: string; historyHref: string }) {
  if (!answer) return null;
  const when = formatDateTime(answer.updatedAt, ctx.locale);
  return (
    <p class="mmm-answer__meta">
      {answer.updatedByName ? ctx.t('workbook.step.lastChanged', { name: answer.updatedByName, when }) : ctx.t('workbook.step.lastChangedUnknown', { when })}{' '}
      <a class="utrecht-link" href={historyHref}>
        {ctx.t('workbook.step.history')}
        <span class="mmm-visually-hidden">: {label}</span>
      </a>
    </p>
  );
}

function AnswerField({
  ctx,
  field,
  answer,
  values,
  errors,
  historyHref,
}: {
  ctx: PageContext;
  field: StepField;
  answer: Answer | undefined;
  values: Readonly<Record<string, string | undefined>>;
  errors: Readonly<Record<string, string | undefined>>;
  historyHref: string;
}) {
  const name = answerFieldName(field.key);
  const version = values[versionFieldName(field.key)] ?? String(answer?.version ?? 0);
  const hidden = <input type="hidden" name={versionFieldName(field.key)} value={version} />;
  if (field.kind === 'multi') {
    const chosen = new Set((values[name] ?? '').split(',').filter(Boolean));
    return (
      <div class="mmm-answer">
        {hidden}
        <fieldset class="utrecht-form-fieldset" id={`veld-${name}`}>
          <legend class="utrecht-form-fieldset__legend">{field.label}</legend>
          {field.hint ? <div class="utrecht-form-field-description">{field.hint}</div> : null}
          <ul class="mmm-checkbox-list">
            {(field.options ?? []).map((o) => (
              <li key={o.value}>
                <input
                  class="utrecht-checkbox utrecht-checkbox--html-input"
                  type="checkbox"
                  id={`veld-${name}-${o.value}`}
                  name={name}
                  value={o.value}
                  checked={chosen.has(o.value)}
                />{' '}
                <label class="utrecht-form-label utrecht-form-label--checkbox" for={`veld-${name}-${o.value}`}>
                  {o.label}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <AnswerMeta ctx={ctx} answer={answer} label={field.label} historyHref={historyHref} />
      </div>
    );
  }
  return (
    <div class="mmm-answer">
      {hidden}
      {field.kind === 'choice' ? (
        <SelectField name={name} label={field.label} hint={field.hint} values={values} errors={errors} options={field.options ?? []} />
      ) : (
        <TextAreaField name={name} label={field.label} hint={field.hint} values={values} errors={errors} rows={field.key.endsWith('verhaal') ? 10 : 4} />
      )}
      <AnswerMeta ctx={ctx} answer={answer} label={field.label} historyHref={historyHref} />
    </div>
  );
}

function SectionExtraView({ ctx, section, workspace, extras }: { ctx: PageContext; section: StepSection; workspace: Workspace; extras: StepExtras }) {
  const { t } = ctx;
  const base = `/werkboek/${workspace.id}`;
  switch (section.extra) {
    case 'adoptDream':
      return (
        <>
          {extras.dreams?.adopted ? (
            <P>
              {t('workbook.step.adoptedDream')}{' '}
              <A href={extras.dreams.adopted.href}>{extras.dreams.adopted.title}</A>
            </P>
          ) : null}
          <P>
            <A href={`${base}/droom-kiezen`}>{t('workbook.step.adoptDream')}</A>
          </P>
        </>
      );
    case 'milestones':
      return (
        <P>
          {t('workbook.step.milestonesCount', { count: extras.milestoneCount ?? 0 })} <A href={`${base}/agenda`}>{t('workbook.step.milestonesLink')}</A>
        </P>
      );
    case 'actions':
      return (
        <ul class="utrecht-unordered-list">
          <li>
            <A href={`${base}/agenda`}>{t('workbook.step.actionsLink')}</A>
          </li>
          <li>
            <A href="/werkboek/mijn-acties">{t('workbook.step.myActionsLink')}</A>
          </li>
        </ul>
      );
    case 'feedbackRules':
      return (
        <>
          <h3 class="utrecht-heading-3">{t('workbook.step.feedbackRules')}</h3>
          <ul class="utrecht-unordered-list">
            {(extras.feedbackRules ?? []).map((rule, i) => (
              <li key={i}>{rule}</li>
            ))}
          </ul>
          <P>
            <A href="/boek/feedbackregels">{t('workbook.step.feedbackRulesLink')}</A>
          </P>
        </>
      );
    case 'roleCoverage': {
      const coverage = extras.coverage;
      if (!coverage) return null;
      return (
        <>
          <h3 class="utrecht-heading-3">{t('workbook.coverage.members')}</h3>
          <ul class="utrecht-unordered-list">
            {coverage.members.map((m) => (
              <li key={m.userId}>
                {m.name}: {m.professionName ?? t('workbook.coverage.noProfession')}
              </li>
            ))}
          </ul>
          <h3 class="utrecht-heading-3">{t('workbook.coverage.title')}</h3>
          {coverage.result ? (
            <>
              <P>{t('workbook.coverage.phase', { title: coverage.result.phase.title })}</P>
              <h4 class="utrecht-heading-4">{t('workbook.coverage.missing')}</h4>
              {coverage.result.missing.length === 0 ? (
                <P>{t('workbook.coverage.none')}</P>
              ) : (
                <ul class="utrecht-unordered-list">
                  {coverage.result.missing.map((p) => (
                    <li key={p.name}>{p.profession ? <A href={`/boek/beroepen/${p.profession}`}>{p.name}</A> : p.name}</li>
                  ))}
                </ul>
              )}
              <h4 class="utrecht-heading-4">{t('workbook.coverage.present')}</h4>
              {coverage.result.present.length === 0 ? (
                <P>{t('workbook.coverage.none')}</P>
              ) : (
                <ul class="utrecht-unordered-list">
                  {coverage.result.present.map((p) => (
                    <li key={p.name}>
                      {p.name}: {p.members.join(', ')}
                    </li>
                  ))}
                </ul>
              )}
              {coverage.result.beyondTable.length > 0 ? (
                <>
                  <h4 class="utrecht-heading-4">{t('workbook.coverage.beyond')}</h4>
                  <ul class="utrecht-unordered-list">
                    {coverage.result.beyondTable.map((m) => (
                      <li key={m.name}>{m.name}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : (
            <P>{t('workbook.coverage.choosePhase')}</P>
          )}
          <P>
            <A href="/boek/werkproces-in-keten">{t('workbook.coverage.table')}</A>
          </P>
        </>
      );
    }
    case 'contextChecklist':
      return (extras.organisations ?? []).length === 0 ? <P>{t('workbook.context.noOrganisations')}</P> : null;
    default:
      return null;
  }
}

export interface StepPageData {
  readonly workspace: Workspace;
  readonly step: WorkbookStep;
  readonly answers: ReadonlyMap<string, Answer>;
  readonly extras: StepExtras;
  readonly bookLinks: ReadonlyMap<string, { href: string; title: string }>;
  readonly next: StepSlug | null;
}

export function StepPage({ ctx, data, state }: { ctx: PageContext; data: StepPageData; state: FormState }) {
  const { t } = ctx;
  const { workspace, step, answers } = data;
  const base = `/werkboek/${workspace.id}`;
  const values: Record<string, string | undefined> = {};
  for (const section of step.sections) {
    for (const field of section.fields) {
      values[answerFieldName(field.key)] = answers.get(field.key)?.value ?? '';
      values[versionFieldName(field.key)] = String(answers.get(field.key)?.version ?? 0);
    }
  }
  Object.assign(values, state.values ?? {});
  const errors = state.errors ?? {};
  const title = stepTitle(ctx, step.slug);
  const historyHref = (key: string) => `${base}/stap/${step.slug}/geschiedenis/${encodeURIComponent(key)}`;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={workbookCrumbs(ctx, workspace)}>
      <p class="utrecht-paragraph">{t('workbook.step.label', { number: step.number })}</p>
      <Heading>{title}</Heading>
      <P>{t(`workbook.step.${step.slug}.lead` as MessageKey)}</P>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${base}/stap/${step.slug}`} class="mmm-form" noValidate
        data-autosave=""
        data-autosave-saving={t('workbook.autosave.saving')}
        data-autosave-saved={t('workbook.autosave.saved')}
        data-autosave-conflict={t('workbook.conflict.autosave')}
        data-autosave-failed={t('workbook.autosave.failed')}
      >
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <P>{t('workbook.step.autosaveHint')}</P>
        {step.sections.map((section) => {
          const instruction = section.instructionRef ? data.bookLinks.get(section.instructionRef) : undefined;
          const chapter = section.chapterRef ? data.bookLinks.get(section.chapterRef) : undefined;
          const choiceFields = section.extra === 'contextChecklist' ? section.fields.filter((f) => f.kind === 'choice') : [];
          const plainFields = section.fields.filter((f) => !choiceFields.includes(f));
          return (
            <section class="mmm-step-section" key={section.id} aria-labelledby={`sectie-${section.id}`}>
              <h2 class="utrecht-heading-2" id={`sectie-${section.id}`}>
                {section.title}
              </h2>
              {section.optional ? <P>{t('workbook.step.optional')}</P> : null}
              {section.intro ? <P>{section.intro}</P> : null}
              {instruction || chapter ? (
                <ul class="mmm-step-nav">
                  {instruction ? (
                    <li>
                      <A href={instruction.href}>
                        {t('workbook.step.readInstruction')}
                        <span class="mmm-visually-hidden">: {instruction.title}</span>
                      </A>
                    </li>
                  ) : null}
                  {chapter ? (
                    <li>
                      <A href={chapter.href}>
                        {t('workbook.step.readChapter')}
                        <span class="mmm-visually-hidden">: {chapter.title}</span>
                      </A>
                    </li>
                  ) : null}
                </ul>
              ) : null}
              {plainFields.map((field) => (
                <AnswerField key={field.key} ctx={ctx} field={field} answer={answers.get(field.key)} values={values} errors={errors} historyHref={historyHref(field.key)} />
              ))}
              {choiceFields.length > 0 ? <ContextChecklist ctx={ctx} fields={choiceFields} extras={data.extras} values={values} /> : null}
              <SectionExtraView ctx={ctx} section={section} workspace={workspace} extras={data.extras} />
            </section>
          );
        })}
        <p class="mmm-autosave-status" data-autosave-status="" aria-live="polite" />
        <SubmitButton>{t('workbook.step.save')}</SubmitButton>
      </form>
      {data.next ? (
        <P>
          <A href={`${base}/stap/${data.next}`}>{t('workbook.step.next', { title: stepTitle(ctx, data.next) })}</A>
        </P>
      ) : null}
    </Layout>
  );
}

/** The 9.2 checklist as a table: items down, organisations across, a status per cell. */
function ContextChecklist({ ctx, fields, extras, values }: { ctx: PageContext; fields: readonly StepField[]; extras: StepExtras; values: Readonly<Record<string, string | undefined>> }) {
  const organisations = extras.organisations ?? [];
  const items = extras.contextItems ?? [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  return (
    <div class="mmm-table-wrap">
      <table class="utrecht-table mmm-table">
        <caption class="utrecht-table__caption">{ctx.t('workbook.context.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('workbook.context.item')}</th>
            {organisations.map((o) => (
              <th scope="col" key={o.key}>
                {o.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.key}>
              <th scope="row">{item.label}</th>
              {organisations.map((o) => {
                const field = byKey.get(`9.2.${item.key}.${o.key}`);
                if (!field) return <td key={o.key} />;
                const name = answerFieldName(field.key);
                return (
                  <td key={o.key}>
                    <input type="hidden" name={versionFieldName(field.key)} value={values[versionFieldName(field.key)] ?? '0'} />
                    <label class="mmm-visually-hidden" for={`veld-${name}`}>
                      {field.label}
                    </label>
                    <select class="utrecht-select utrecht-select--html-select" id={`veld-${name}`} name={name}>
                      {(field.options ?? []).map((option) => (
                        <option key={option.value} value={option.value} selected={option.value === (values[name] ?? '')}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Conflicts and history

export function ConflictPage({ ctx, workspace, step, conflicts }: { ctx: PageContext; workspace: Workspace; step: WorkbookStep; conflicts: readonly AnswerConflict[] }) {
  const { t } = ctx;
  const labels = new Map(step.sections.flatMap((s) => s.fields.map((f) => [f.key, f.label] as const)));
  const base = `/werkboek/${workspace.id}`;
  return (
    <Layout ctx={ctx} title={t('workbook.conflict.title')} breadcrumbs={workbookCrumbs(ctx, workspace)}>
      <Heading>{t('workbook.conflict.title')}</Heading>
      <Notice kind="warning">{t('workbook.conflict.intro')}</Notice>
      <PostForm ctx={ctx} action={`${base}/stap/${step.slug}`}>
        {conflicts.map((conflict) => {
          const name = answerFieldName(conflict.key);
          return (
            <section class="mmm-step-section" key={conflict.key}>
              <h2 class="utrecht-heading-2">{labels.get(conflict.key) ?? conflict.key}</h2>
              <div class="mmm-conflict">
                <div>
                  <h3 class="utrecht-heading-3">
                    {t('workbook.conflict.theirs', { name: conflict.theirs.updatedByName ?? '?', when: formatDateTime(conflict.theirs.updatedAt, ctx.locale) })}
                  </h3>
                  <div class="mmm-conflict__theirs">{conflict.theirs.value}</div>
                </div>
                <div>
                  <input type="hidden" name={versionFieldName(conflict.key)} value={String(conflict.theirs.version)} />
                  <TextAreaField name={name} label={t('workbook.conflict.mine')} values={{ [name]: conflict.mine }} rows={8} />
                </div>
              </div>
            </section>
          );
        })}
        <SubmitButton>{t('workbook.conflict.keep')}</SubmitButton>
      </PostForm>
      <P>
        <A href={`${base}/stap/${step.slug}`}>{t('workbook.conflict.keepTheirs')}</A>
      </P>
    </Layout>
  );
}

export function HistoryPage({ ctx, workspace, step, label, revisions }: { ctx: PageContext; workspace: Workspace; step: WorkbookStep; label: string; revisions: readonly AnswerRevision[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('workbook.history.title')} breadcrumbs={[...workbookCrumbs(ctx, workspace), { href: `/werkboek/${workspace.id}/stap/${step.slug}`, label: stepTitle(ctx, step.slug) }]}>
      <Heading>{t('workbook.history.title')}</Heading>
      <P>{label}</P>
      {revisions.length === 0 ? (
        <P>{t('workbook.history.none')}</P>
      ) : (
        <Table caption={t('workbook.history.caption')} head={[t('workbook.history.version'), t('workbook.history.by'), t('workbook.history.when'), t('workbook.history.text')]}>
          {revisions.map((r) => (
            <tr key={r.version}>
              <td>{r.version}</td>
              <td>{r.changedByName ?? '?'}</td>
              <td>{formatDateTime(r.changedAt, ctx.locale)}</td>
              <td class="mmm-history-text">{r.value === '' ? t('workbook.history.empty') : r.value}</td>
            </tr>
          ))}
        </Table>
      )}
      <P>
        <A href={`/werkboek/${workspace.id}/stap/${step.slug}`}>{t('workbook.history.back')}</A>
      </P>
    </Layout>
  );
}
