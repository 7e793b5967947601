import {
  A,
  ActionButton,
  ErrorSummary,
  formatDateTime,
  Heading,
  Notice,
  P,
  Paragraphs,
  PostForm,
  SubmitButton,
  Table,
  TextAreaField,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';
import type { MessageKey } from '../../platform/i18n/message-keys.js';
import type { Team } from '../teams/teams.service.js';
import type { IdentifyingHit } from './case-consultation.identifying-data.js';
import { teamHomePath } from './case-consultation.permissions.js';
import {
  CASE_FIELD_MAX_LENGTH,
  CASE_FORM_FIELDS,
  CASE_TITLE_MAX_LENGTH,
  PERSONA_FIELDS,
  THEME_MAX_LENGTH,
  type CaseFormField,
} from './case-consultation.schemas.js';
import { caseLabel, type Case, type CaseAccess, type Consultation } from './case-consultation.service.js';

export function fieldLabel(field: CaseFormField): MessageKey {
  return `caseConsultation.field.${field}`;
}

export function casePath(teamId: string, caseId: string): string {
  return `${teamHomePath(teamId)}/casussen/${encodeURIComponent(caseId)}`;
}

export function consultationCrumbs(ctx: PageContext, team?: Pick<Team, 'id' | 'name'>): Crumb[] {
  const crumbs: Crumb[] = [
    { href: '/', label: ctx.t('nav.home') },
    { href: '/casusoverleg', label: ctx.t('caseConsultation.title') },
  ];
  if (team) crumbs.push({ href: teamHomePath(team.id), label: team.name });
  return crumbs;
}

// Overview of all teams

export interface TeamConsultationRow {
  readonly team: Pick<Team, 'id' | 'name'>;
  readonly enabled: boolean;
}

export function OverviewPage({ ctx, teams }: { ctx: PageContext; teams: readonly TeamConsultationRow[] | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('caseConsultation.overview.title')} breadcrumbs={[{ href: '/', label: t('nav.home') }]}>
      <Heading>{t('caseConsultation.overview.title')}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('caseConsultation.overview.intro')}</p>
      <P>
        <A href="/casusoverleg/voorbeeld">{t('caseConsultation.overview.example')}</A>
      </P>
      {teams === null ? null : (
        <>
          <h2 class="utrecht-heading-2">{t('caseConsultation.overview.teams')}</h2>
          {teams.length === 0 ? (
            <>
              <P>{t('caseConsultation.overview.noTeams')}</P>
              <P>
                <A href="/teams">{t('caseConsultation.overview.toTeams')}</A>
              </P>
            </>
          ) : (
            <ul class="utrecht-unordered-list mmm-case-teams">
              {teams.map(({ team, enabled }) => (
                <li key={team.id}>
                  <A href={teamHomePath(team.id)}>{t('caseConsultation.overview.open', { team: team.name })}</A>{' '}
                  <span class="mmm-muted">({t(enabled ? 'caseConsultation.overview.enabled' : 'caseConsultation.overview.notEnabled')})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Layout>
  );
}

// The consultation home of one team

export interface TeamHomeProps {
  readonly team: Team;
  readonly consultation: Consultation | undefined;
  readonly isFacilitator: boolean;
  readonly twoFactorEnabled: boolean;
  readonly cases: readonly Case[];
  readonly themeForm?: FormState;
}

function EnableForm({ ctx, team, state }: { ctx: PageContext; team: Team; state: FormState }) {
  const { t } = ctx;
  const values = state.values ?? { theme: team.purpose };
  return (
    <section aria-labelledby="aanzetten">
      <h2 class="utrecht-heading-2" id="aanzetten">
        {t('caseConsultation.team.enable.title')}
      </h2>
      <P>{t('caseConsultation.team.enable.intro')}</P>
      <PostForm ctx={ctx} action={`${teamHomePath(team.id)}/aanzetten`}>
        <TextField
          name="theme"
          label={t('caseConsultation.field.theme')}
          hint={t('caseConsultation.field.theme.hint')}
          values={values}
          errors={state.errors}
          maxLength={THEME_MAX_LENGTH}
          required
        />
        <SubmitButton>{t('caseConsultation.team.enable.submit')}</SubmitButton>
      </PostForm>
    </section>
  );
}

function TwoFactorNeeded({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Notice kind="warning">
      <h2 class="utrecht-heading-3">{t('caseConsultation.team.twoFactor.title')}</h2>
      <P>{t('caseConsultation.team.twoFactor.body')}</P>
      <P>
        <A href="/account/tweestapsverificatie">{t('caseConsultation.team.twoFactor.link')}</A>
      </P>
    </Notice>
  );
}

export function TeamHomePage({ ctx, props }: { ctx: PageContext; props: TeamHomeProps }) {
  const { t } = ctx;
  const { team, consultation, isFacilitator, twoFactorEnabled, cases } = props;
  const home = teamHomePath(team.id);
  const state = props.themeForm ?? {};
  const body = (() => {
    if (!consultation) {
      if (!isFacilitator) return <P>{t('caseConsultation.team.enable.onlyFacilitator')}</P>;
      return twoFactorEnabled ? <EnableForm ctx={ctx} team={team} state={state} /> : <TwoFactorNeeded ctx={ctx} />;
    }
    if (!twoFactorEnabled) return <TwoFactorNeeded ctx={ctx} />;
    return (
      <>
        <nav aria-label={t('caseConsultation.title')} class="mmm-case-sections">
          <ul class="utrecht-unordered-list">
            <li>
              <A href={`${home}/bijeenkomsten`}>{t('caseConsultation.team.meetings')}</A>
            </li>
            <li>
              <A href={`${home}/aanbevelingen`}>{t('caseConsultation.team.recommendations')}</A>
            </li>
            <li>
              <A href={`${home}/rangorde`}>{t('caseConsultation.team.ranking')}</A>
            </li>
            <li>
              <A href={`${home}/poster`}>{t('caseConsultation.team.outputs')}</A>
            </li>
            {isFacilitator ? (
              <li>
                <A href={`${home}/toegangslog`}>{t('caseConsultation.team.accessLog')}</A>
              </li>
            ) : null}
          </ul>
        </nav>
        <h2 class="utrecht-heading-2">{t('caseConsultation.team.cases')}</h2>
        {cases.length === 0 ? (
          <P>{t('caseConsultation.team.noCases')}</P>
        ) : (
          <ul class="utrecht-unordered-list">
            {cases.map((c) => (
              <li key={c.id}>
                <A href={casePath(team.id, c.id)}>{caseLabel(c)}</A>
              </li>
            ))}
          </ul>
        )}
        <P>
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`${home}/casussen/nieuw`}>
            {t('caseConsultation.team.newCase')}
          </a>
        </P>
        {isFacilitator ? (
          <details class="mmm-history" open={state.errors !== undefined}>
            <summary>{t('caseConsultation.team.editTheme')}</summary>
            <PostForm ctx={ctx} action={`${home}/thema`}>
              <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
              <TextField
                name="theme"
                label={t('caseConsultation.field.theme')}
                hint={t('caseConsultation.field.theme.hint')}
                values={state.values ?? { theme: consultation.theme }}
                errors={state.errors}
                maxLength={THEME_MAX_LENGTH}
                required
              />
              <SubmitButton secondary>{t('form.save')}</SubmitButton>
            </PostForm>
          </details>
        ) : null}
      </>
    );
  })();
  return (
    <Layout ctx={ctx} title={`${t('caseConsultation.title')}: ${team.name}`} breadcrumbs={consultationCrumbs(ctx)}>
      <Heading>
        {t('caseConsultation.title')}: {team.name}
      </Heading>
      {ctx.flash ? <Notice kind="ok">{ctx.flash}</Notice> : null}
      {consultation ? <p class="utrecht-paragraph mmm-intro">{t('caseConsultation.team.intro', { theme: consultation.theme })}</p> : null}
      {body}
    </Layout>
  );
}

// Case intake and editing

export interface CaseFormProps {
  readonly team: Pick<Team, 'id' | 'name'>;
  /** Absent for a new case. */
  readonly existing?: Pick<Case, 'id' | 'number' | 'version'>;
  readonly state: FormState;
  readonly hits: readonly IdentifyingHit[];
  readonly conflict?: boolean;
}

function hitsByField(hits: readonly IdentifyingHit[]): Map<string, IdentifyingHit[]> {
  const map = new Map<string, IdentifyingHit[]>();
  for (const hit of hits) map.set(hit.field, [...(map.get(hit.field) ?? []), hit]);
  return map;
}

export function CaseFormPage({ ctx, props }: { ctx: PageContext; props: CaseFormProps }) {
  const { t } = ctx;
  const { team, existing, state, hits } = props;
  const title = existing ? t('caseConsultation.case.edit.title', { number: existing.number }) : t('caseConsultation.case.new.title');
  const action = existing ? casePath(team.id, existing.id) : `${teamHomePath(team.id)}/casussen`;
  const warnings = hitsByField(hits);
  // A warning at a field joins the field's own error, so it is read out with the field.
  const errors: Record<string, string | undefined> = { ...state.errors };
  for (const [field, fieldHits] of warnings) {
    const kinds = [...new Set(fieldHits.map((h) => t(`caseConsultation.identifying.kind.${h.kind}`)))].join(', ');
    errors[field] = [errors[field], t('caseConsultation.identifying.atField', { kinds })].filter(Boolean).join(' ');
  }
  const field = (name: CaseFormField, rows = 3) => (
    <TextAreaField key={name} name={name} label={t(fieldLabel(name))} values={state.values} errors={errors} rows={rows} maxLength={CASE_FIELD_MAX_LENGTH} />
  );
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={consultationCrumbs(ctx, team)}>
      <Heading>{title}</Heading>
      {props.conflict ? <Notice kind="warning">{t('caseConsultation.case.conflict')}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      {hits.length > 0 ? (
        <div class="utrecht-alert utrecht-alert--warning mmm-notice" role="alert" aria-labelledby="herkenbaar-titel">
          <h2 class="utrecht-heading-2" id="herkenbaar-titel">
            {t('caseConsultation.identifying.title')}
          </h2>
          <P>{t('caseConsultation.identifying.intro')}</P>
          <ul class="utrecht-unordered-list">
            {hits.map((hit, i) => (
              <li key={i}>
                <a class="utrecht-link" href={`#veld-${hit.field}`}>
                  {t('caseConsultation.identifying.hit', {
                    field: t(fieldLabel(hit.field as CaseFormField)),
                    kind: t(`caseConsultation.identifying.kind.${hit.kind}`),
                    excerpt: hit.excerpt,
                  })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {existing ? null : <P>{t('caseConsultation.case.new.intro')}</P>}
      <PostForm ctx={ctx} action={action}>
        {existing ? <input type="hidden" name="version" value={String(existing.version)} /> : null}
        <TextField
          name="title"
          label={t('caseConsultation.field.title')}
          hint={t('caseConsultation.field.title.hint')}
          values={state.values}
          errors={errors}
          maxLength={CASE_TITLE_MAX_LENGTH}
          required
        />
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('caseConsultation.case.persona')}</legend>
          {PERSONA_FIELDS.map((name) => field(name, name === 'age' || name === 'gender' || name === 'nationality' ? 1 : 3))}
        </fieldset>
        <TextAreaField
          name="question"
          label={t('caseConsultation.field.question')}
          hint={t('caseConsultation.field.question.hint')}
          values={state.values}
          errors={errors}
          rows={3}
          maxLength={CASE_FIELD_MAX_LENGTH}
          required
        />
        {hits.length > 0 ? <input type="hidden" name="warned" value="ja" /> : null}
        {hits.length > 0 ? (
          <div class={`utrecht-form-field utrecht-form-field--checkbox${state.errors?.confirmIdentifying ? ' utrecht-form-field--invalid' : ''}`}>
            {state.errors?.confirmIdentifying ? (
              <div class="utrecht-form-field-error-message" id="veld-confirmIdentifying-fout">
                {state.errors.confirmIdentifying}
              </div>
            ) : null}
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id="veld-confirmIdentifying"
              name="confirmIdentifying"
              value="ja"
              aria-describedby={state.errors?.confirmIdentifying ? 'veld-confirmIdentifying-fout' : undefined}
            />{' '}
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="veld-confirmIdentifying">
              {t('caseConsultation.field.confirmIdentifying')}
            </label>
          </div>
        ) : null}
        <SubmitButton>{t('caseConsultation.case.save')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

/** The form fields of a stored case, to fill the edit form. */
export function caseFormValues(c: Case): Record<CaseFormField, string> {
  return Object.fromEntries(CASE_FORM_FIELDS.map((f) => [f, c[f]])) as Record<CaseFormField, string>;
}

// One case

export function PersonaList({ ctx, value }: { ctx: PageContext; value: Case }) {
  const { t } = ctx;
  return (
    <dl class="mmm-case-persona">
      {PERSONA_FIELDS.map((name) => (
        <div key={name} class="mmm-case-persona__item">
          <dt>{t(fieldLabel(name))}</dt>
          <dd>{value[name] ? <Paragraphs text={value[name]} /> : <span class="mmm-muted">{t('caseConsultation.case.notFilled')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CasePage({
  ctx,
  team,
  value,
  broughtByName,
  canChange,
}: {
  ctx: PageContext;
  team: Pick<Team, 'id' | 'name'>;
  value: Case;
  broughtByName: string | null;
  canChange: boolean;
}) {
  const { t } = ctx;
  const path = casePath(team.id, value.id);
  return (
    <Layout ctx={ctx} title={caseLabel(value)} breadcrumbs={consultationCrumbs(ctx, team)}>
      <Heading>{caseLabel(value)}</Heading>
      {ctx.flash ? <Notice kind="ok">{ctx.flash}</Notice> : null}
      <p class="utrecht-paragraph mmm-muted">
        {t('caseConsultation.case.broughtBy', { name: broughtByName ?? t('caseConsultation.someone'), moment: formatDateTime(value.createdAt, ctx.locale) })}
      </p>
      <h2 class="utrecht-heading-2">{t('caseConsultation.field.question')}</h2>
      <Paragraphs text={value.question} />
      <h2 class="utrecht-heading-2">{t('caseConsultation.case.persona')}</h2>
      <PersonaList ctx={ctx} value={value} />
      <P>
        <A href={`${teamHomePath(team.id)}/bijeenkomsten`}>{t('caseConsultation.case.meetings')}</A>
      </P>
      {canChange ? (
        <p class="utrecht-paragraph mmm-actions-row">
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`${path}/bewerken`}>
            {t('caseConsultation.case.edit')}
          </a>{' '}
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`${path}/verwijderen`}>
            {t('caseConsultation.case.delete')}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

export function DeleteCasePage({ ctx, team, value }: { ctx: PageContext; team: Pick<Team, 'id' | 'name'>; value: Case }) {
  const { t } = ctx;
  const path = casePath(team.id, value.id);
  const title = t('caseConsultation.case.delete.title', { number: value.number });
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={consultationCrumbs(ctx, team)}>
      <Heading>{title}</Heading>
      <P>{caseLabel(value)}</P>
      <P>{t('caseConsultation.case.delete.body')}</P>
      <p class="utrecht-paragraph mmm-actions-row">
        <ActionButton ctx={ctx} action={`${path}/verwijderen`} label={t('caseConsultation.case.delete.confirm')} secondary={false}>
          {t('caseConsultation.case.delete.confirm')}
        </ActionButton>{' '}
        <A href={path}>{t('caseConsultation.case.delete.cancel')}</A>
      </p>
    </Layout>
  );
}

// Access log

export function AccessLogPage({
  ctx,
  team,
  entries,
  page,
  pageCount,
}: {
  ctx: PageContext;
  team: Pick<Team, 'id' | 'name'>;
  entries: readonly CaseAccess[];
  page: number;
  pageCount: number;
}) {
  const { t } = ctx;
  const base = `${teamHomePath(team.id)}/toegangslog`;
  return (
    <Layout ctx={ctx} title={t('caseConsultation.log.title')} breadcrumbs={consultationCrumbs(ctx, team)}>
      <Heading>{t('caseConsultation.log.title')}</Heading>
      <P>{t('caseConsultation.log.intro')}</P>
      {entries.length === 0 ? (
        <P>{t('caseConsultation.log.empty')}</P>
      ) : (
        <Table head={[t('caseConsultation.log.when'), t('caseConsultation.log.who'), t('caseConsultation.log.case'), t('caseConsultation.log.action')]}>
          {entries.map((e, i) => (
            <tr key={i}>
              <td>{formatDateTime(e.at, ctx.locale)}</td>
              <td>{e.userName}</td>
              <td>{e.caseLabel}</td>
              <td>{t(`caseConsultation.log.action.${e.action}`)}</td>
            </tr>
          ))}
        </Table>
      )}
      {pageCount > 1 ? (
        <nav class="mmm-case-pager__list" aria-label={t('caseConsultation.log.title')}>
          {page > 1 ? <A href={`${base}?pagina=${page - 1}`}>{t('caseConsultation.log.previous')}</A> : null}{' '}
          {page < pageCount ? <A href={`${base}?pagina=${page + 1}`}>{t('caseConsultation.log.next')}</A> : null}
        </nav>
      ) : null}
    </Layout>
  );
}
