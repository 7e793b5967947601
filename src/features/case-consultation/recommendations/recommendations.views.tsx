import type { ComponentChildren } from 'preact';
import {
  A,
  CsrfField,
  ErrorSummary,
  Heading,
  Notice,
  P,
  PostForm,
  SelectField,
  SubmitButton,
  Table,
  TextAreaField,
  TextField,
  type FieldErrors,
  type FormValues,
} from '../../../platform/views/components.js';
import { Layout, type Crumb } from '../../../platform/views/layout.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import type { Team } from '../../teams/teams.service.js';
import { teamHomePath } from '../case-consultation.permissions.js';
import type {
  DuplicateGroup,
  MemberRanking,
  RankingProgress,
  ResultItem,
  Round,
  RoundItem,
  RoundResults,
  RoundSummary,
  UniqueRecommendation,
} from './recommendations.service.js';
import { ADDRESSEE_LABELS, ADDRESSEES, RECOMMENDATION_MAX_LENGTH, type Addressee, type ChangeKind } from '../case-consultation.schemas.js';
import type { Recommendation, RecommendationRevision } from '../case-consultation.service.js';

// Paths

const enc = encodeURIComponent;

export const recommendationPaths = {
  overview: () => '/casusoverleg',
  team: (teamId: string) => teamHomePath(teamId),
  recommendations: (teamId: string) => `${teamHomePath(teamId)}/aanbevelingen`,
  history: (teamId: string, recommendationId: string) => `${teamHomePath(teamId)}/aanbevelingen/${enc(recommendationId)}/geschiedenis`,
  merge: (teamId: string) => `${teamHomePath(teamId)}/aanbevelingen/samenvoegen`,
  group: (teamId: string, groupId: string) => `${teamHomePath(teamId)}/aanbevelingen/groepen/${enc(groupId)}`,
  split: (teamId: string, groupId: string) => `${teamHomePath(teamId)}/aanbevelingen/groepen/${enc(groupId)}/splitsen`,
  rounds: (teamId: string) => `${teamHomePath(teamId)}/rangorde`,
  round: (teamId: string, roundId: string) => `${teamHomePath(teamId)}/rangorde/${enc(roundId)}`,
  myRanking: (teamId: string, roundId: string) => `${teamHomePath(teamId)}/rangorde/${enc(roundId)}/mijn-rangorde`,
  close: (teamId: string, roundId: string) => `${teamHomePath(teamId)}/rangorde/${enc(roundId)}/sluiten`,
  results: (teamId: string, roundId: string) => `${teamHomePath(teamId)}/rangorde/${enc(roundId)}/uitslag`,
  approve: (teamId: string, roundId: string) => `${teamHomePath(teamId)}/rangorde/${enc(roundId)}/vaststellen`,
};

/** Form field names of the rank numbers: one per item, named after the unique recommendation. */
export const rankField = (groupId: string) => `rank_${groupId}`;
export const topField = (groupId: string) => `top_${groupId}`;

// Small helpers

const MOMENT = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
};

export function formatMoment(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (locale === 'en' ? MOMENT.en : MOMENT.nl).format(date);
}

const ONE_DECIMAL = {
  nl: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** An average or spread with one decimal, as the language writes it ("2,5" in Dutch). */
export function formatDecimal(value: number, locale: string): string {
  return (locale === 'en' ? ONE_DECIMAL.en : ONE_DECIMAL.nl).format(value);
}

/** An item's name in labels and announcements: its first words, without a closing full stop (the sentence around it has one). */
function itemLabel(text: string): string {
  return shortText(text).replace(/[.!?;:]+$/, '');
}

/** The first words of a text on one line, for labels and announcements. */
export function shortText(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

function nameList(ctx: PageContext, names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${ctx.t('caseRanking.list.and')} ${names[names.length - 1]}`;
}

function addresseeLabel(ctx: PageContext, addressee: Addressee): string {
  return ctx.t(ADDRESSEE_LABELS[addressee]);
}

function changeKindLabel(ctx: PageContext, kind: ChangeKind): string {
  switch (kind) {
    case 'aangevuld':
      return ctx.t('caseRanking.changeKind.aangevuld');
    case 'aangescherpt':
      return ctx.t('caseRanking.changeKind.aangescherpt');
    case 'gewijzigd':
      return ctx.t('caseRanking.changeKind.gewijzigd');
    default:
      return ctx.t('caseRanking.changeKind.opgesteld');
  }
}

function teamCrumbs(ctx: PageContext, team: Team): Crumb[] {
  return [
    { href: recommendationPaths.overview(), label: ctx.t('caseRanking.crumb.overview') },
    { href: recommendationPaths.team(team.id), label: team.name },
  ];
}

function recommendationCrumbs(ctx: PageContext, team: Team): Crumb[] {
  return [...teamCrumbs(ctx, team), { href: recommendationPaths.recommendations(team.id), label: ctx.t('caseRanking.recs.title') }];
}

function roundCrumbs(ctx: PageContext, team: Team): Crumb[] {
  return [...teamCrumbs(ctx, team), { href: recommendationPaths.rounds(team.id), label: ctx.t('caseRanking.rounds.title') }];
}

/** A label, hint and error around one control whose id is given (several forms on one page need their own ids). */
function Field(props: { id: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${props.error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={props.id}>
          {props.label}
        </label>
      </div>
      {props.hint ? (
        <div class="utrecht-form-field-description" id={`${props.id}-uitleg`}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <div class="utrecht-form-field-error-message" id={`${props.id}-fout`}>
          {props.error}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}

function Checkbox(props: { id: string; name: string; value: string; checked: boolean; children: ComponentChildren; describedBy?: string }) {
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <input
        class="utrecht-checkbox utrecht-checkbox--html-input"
        type="checkbox"
        id={props.id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        aria-describedby={props.describedBy}
      />
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={props.id}>
        {props.children}
      </label>
    </div>
  );
}

function AddresseeSelect(props: { ctx: PageContext; id: string; value: string; error?: string }) {
  return (
    <select
      class={`utrecht-select utrecht-select--html-select${props.error ? ' utrecht-select--invalid' : ''}`}
      id={props.id}
      name="addressee"
      aria-invalid={props.error ? 'true' : undefined}
      aria-describedby={props.error ? `${props.id}-fout` : undefined}
    >
      {ADDRESSEES.map((a) => (
        <option key={a} value={a} selected={a === props.value}>
          {addresseeLabel(props.ctx, a)}
        </option>
      ))}
    </select>
  );
}

function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

// Unique recommendations

function Provenance({ ctx, team, rec }: { ctx: PageContext; team: Team; rec: UniqueRecommendation }) {
  const { t } = ctx;
  return (
    <ul class="mmm-plain-list mmm-provenance">
      {rec.members.map((m) => (
        <li key={m.recommendationId}>
          {t('caseRanking.recs.from', { caseNumber: m.caseNumber, caseTitle: m.caseTitle, meetingNumber: m.meetingNumber })}
          {' · '}
          <a
            class="utrecht-link"
            href={recommendationPaths.history(team.id, m.recommendationId)}
            aria-label={t('caseRanking.recs.historyOf', { caseNumber: m.caseNumber, meetingNumber: m.meetingNumber })}
          >
            {t('caseRanking.recs.history')}
          </a>
        </li>
      ))}
    </ul>
  );
}

function OriginalWordings({ ctx, team, rec }: { ctx: PageContext; team: Team; rec: UniqueRecommendation }) {
  const { t } = ctx;
  return (
    <details class="mmm-history mmm-unique-rec__originals">
      <summary>{t('caseRanking.recs.originals', { count: rec.members.length })}</summary>
      <ol class="mmm-history__list">
        {rec.members.map((m) => (
          <li key={m.recommendationId}>
            <div class="mmm-kept-text">{m.originalText}</div>
            {m.text !== m.originalText ? <p class="utrecht-paragraph mmm-muted mmm-kept-text">{t('caseRanking.recs.changedSince', { text: m.text })}</p> : null}
            <p class="utrecht-paragraph mmm-provenance">
              {t('caseRanking.recs.caseLabel', { caseNumber: m.caseNumber, caseTitle: m.caseTitle })}, {t('caseRanking.recs.meetingLabel', { meetingNumber: m.meetingNumber })}
              {' · '}
              <a
                class="utrecht-link"
                href={recommendationPaths.history(team.id, m.recommendationId)}
                aria-label={t('caseRanking.recs.historyOf', { caseNumber: m.caseNumber, meetingNumber: m.meetingNumber })}
              >
                {t('caseRanking.recs.history')}
              </a>
            </p>
          </li>
        ))}
      </ol>
    </details>
  );
}

function UniqueRecommendationItem(props: { ctx: PageContext; team: Team; rec: UniqueRecommendation; names: ReadonlyMap<string, string>; canEdit: boolean }) {
  const { ctx, team, rec, names, canEdit } = props;
  const { t } = ctx;
  return (
    <li class="mmm-unique-rec" id={`aanbeveling-${rec.groupId}`}>
      <div class="mmm-unique-rec__text mmm-kept-text">{rec.text}</div>
      {rec.merged ? (
        <>
          <p class="utrecht-paragraph mmm-unique-rec__meta">
            <strong>{t('caseRanking.recs.mergedFrom', { count: rec.members.length })}</strong>
            {rec.mergedAt ? (
              <>
                {'. '}
                {t('caseRanking.recs.mergedBy', {
                  name: (rec.mergedById && names.get(rec.mergedById)) || t('caseRanking.someone'),
                  moment: formatMoment(rec.mergedAt, ctx.locale),
                })}
                .
              </>
            ) : null}
          </p>
          <Provenance ctx={ctx} team={team} rec={rec} />
          <OriginalWordings ctx={ctx} team={team} rec={rec} />
          {canEdit ? (
            <p class="utrecht-paragraph">
              <A href={recommendationPaths.group(team.id, rec.groupId)}>{t('caseRanking.recs.editGroup')}</A>
            </p>
          ) : null}
        </>
      ) : (
        <Provenance ctx={ctx} team={team} rec={rec} />
      )}
    </li>
  );
}

function DuplicateSuggestions({ ctx, team, suggestions }: { ctx: PageContext; team: Team; suggestions: readonly DuplicateGroup[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="mogelijk-dubbel">
      <h2 class="utrecht-heading-2" id="mogelijk-dubbel">
        {t('caseRanking.duplicates.title')}
      </h2>
      <P>{t('caseRanking.duplicates.intro')}</P>
      {suggestions.length === 0 ? <P>{t('caseRanking.duplicates.none')}</P> : null}
      <ol class="mmm-plain-list mmm-duplicates">
        {suggestions.map((s, index) => {
          const prefix = `voorstel${index + 1}`;
          const more = `${recommendationPaths.recommendations(team.id)}?${s.recommendations.map((r) => `kies=${enc(r.groupId)}`).join('&')}#samenvoegen`;
          return (
            <li class="mmm-duplicate" key={s.recommendations.map((r) => r.groupId).join('-')}>
              <h3 class="utrecht-heading-3">{t('caseRanking.duplicates.item', { number: index + 1, percent: Math.round(s.score * 100) })}</h3>
              <PostForm ctx={ctx} action={recommendationPaths.merge(team.id)} class="mmm-form mmm-duplicate__form">
                <div class="mmm-duplicate__texts">
                  {s.recommendations.map((r) => (
                    <div class="mmm-duplicate__text" key={r.groupId}>
                      <p class="utrecht-paragraph mmm-kept-text">{r.text}</p>
                      <Provenance ctx={ctx} team={team} rec={r} />
                      <Checkbox id={`veld-${prefix}-groupIds-${r.groupId}`} name="groupIds" value={r.groupId} checked>
                        {t('caseRanking.duplicates.include')}
                        <span class="mmm-visually-hidden">: {shortText(r.text)}</span>
                      </Checkbox>
                    </div>
                  ))}
                </div>
                <Field id={`veld-${prefix}-text`} label={t('caseRanking.merge.text')} hint={t('caseRanking.merge.text.hint')}>
                  <textarea
                    class="utrecht-textarea utrecht-textarea--html-textarea"
                    id={`veld-${prefix}-text`}
                    name="text"
                    rows={4}
                    maxLength={RECOMMENDATION_MAX_LENGTH}
                    aria-describedby={`veld-${prefix}-text-uitleg`}
                  >
                    {s.longestText}
                  </textarea>
                </Field>
                <Field id={`veld-${prefix}-addressee`} label={t('caseRanking.merge.addressee')}>
                  <AddresseeSelect ctx={ctx} id={`veld-${prefix}-addressee`} value={s.addressee} />
                </Field>
                <div class="mmm-form-actions">
                  <SubmitButton>{t('caseRanking.merge.submit')}</SubmitButton>
                  <A href={more}>{t('caseRanking.duplicates.more')}</A>
                </div>
              </PostForm>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export interface MergeFormState {
  readonly values?: FormValues;
  readonly selected: readonly string[];
  readonly errors?: FieldErrors;
}

function MergeForm({ ctx, team, unique, state }: { ctx: PageContext; team: Team; unique: readonly UniqueRecommendation[]; state: MergeFormState }) {
  const { t } = ctx;
  const selected = new Set(state.selected);
  const error = state.errors?.groupIds;
  return (
    <section aria-labelledby="samenvoegen">
      <h2 class="utrecht-heading-2" id="samenvoegen">
        {t('caseRanking.merge.title')}
      </h2>
      <P>{t('caseRanking.merge.intro')}</P>
      <PostForm ctx={ctx} action={recommendationPaths.merge(team.id)} class="mmm-form mmm-merge-form">
        <fieldset
          class={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
          id="veld-groupIds"
          aria-describedby={error ? 'veld-groupIds-fout' : undefined}
        >
          <legend class="utrecht-form-fieldset__legend">{t('caseRanking.merge.choose')}</legend>
          {error ? (
            <div class="utrecht-form-field-error-message" id="veld-groupIds-fout">
              {error}
            </div>
          ) : null}
          {ADDRESSEES.map((addressee) => {
            const own = unique.filter((u) => u.addressee === addressee);
            if (own.length === 0) return null;
            return (
              <fieldset class="utrecht-form-fieldset mmm-merge-form__group" key={addressee}>
                <legend class="utrecht-form-fieldset__legend">{addresseeLabel(ctx, addressee)}</legend>
                {own.map((u) => (
                  <Checkbox key={u.groupId} id={`veld-groupIds-${u.groupId}`} name="groupIds" value={u.groupId} checked={selected.has(u.groupId)}>
                    {shortText(u.text, 160)}
                    {u.merged ? <span class="mmm-muted"> ({t('caseRanking.recs.mergedFrom', { count: u.members.length })})</span> : null}
                  </Checkbox>
                ))}
              </fieldset>
            );
          })}
        </fieldset>
        <TextAreaField
          name="text"
          label={t('caseRanking.merge.text')}
          hint={t('caseRanking.merge.text.hint')}
          values={state.values}
          errors={state.errors}
          rows={5}
          maxLength={RECOMMENDATION_MAX_LENGTH}
        />
        <SelectField
          name="addressee"
          label={t('caseRanking.merge.addressee')}
          emptyLabel={t('caseRanking.merge.chooseAddressee')}
          options={ADDRESSEES.map((a) => ({ value: a, label: addresseeLabel(ctx, a) }))}
          values={state.values}
          errors={state.errors}
        />
        <div class="mmm-form-actions">
          <SubmitButton>{t('caseRanking.merge.submit')}</SubmitButton>
        </div>
      </PostForm>
    </section>
  );
}

export interface RecommendationsPageProps {
  readonly ctx: PageContext;
  readonly team: Team;
  readonly unique: readonly UniqueRecommendation[];
  readonly totalRecommendations: number;
  readonly isFacilitator: boolean;
  readonly openRound: Round | undefined;
  readonly suggestions: readonly DuplicateGroup[];
  readonly names: ReadonlyMap<string, string>;
  readonly merge: MergeFormState;
  /** A refusal about the whole form (a round is open, a choice is gone). */
  readonly formError?: string;
}

export function RecommendationsPage(props: RecommendationsPageProps) {
  const { ctx, team, unique, isFacilitator, openRound, merge } = props;
  const { t } = ctx;
  const title = t('caseRanking.recs.title');
  const canConsolidate = isFacilitator && !openRound;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={teamCrumbs(ctx, team)}>
      <Heading>{title}</Heading>
      {props.formError ? <Notice kind="error">{props.formError}</Notice> : null}
      {merge.errors ? <ErrorSummary ctx={ctx} errors={merge.errors} /> : null}
      <p class="utrecht-paragraph mmm-intro">{t('caseRanking.recs.intro')}</p>
      {unique.length > 0 ? <P>{t('caseRanking.recs.count', { count: unique.length, total: props.totalRecommendations })}</P> : null}
      <ul class="mmm-actions-row mmm-plain-list">
        <li>
          <A href={recommendationPaths.rounds(team.id)}>{t('caseRanking.recs.toRanking')}</A>
        </li>
      </ul>
      {openRound ? (
        <Notice kind="info">
          {t('caseRanking.recs.roundOpen')} <A href={recommendationPaths.round(team.id, openRound.id)}>{t('caseRanking.recs.toRound')}</A>
        </Notice>
      ) : null}
      {unique.length === 0 ? <P>{t('caseRanking.recs.empty')}</P> : null}
      {canConsolidate && unique.length > 1 ? <DuplicateSuggestions ctx={ctx} team={team} suggestions={props.suggestions} /> : null}
      {unique.length > 0
        ? ADDRESSEES.map((addressee) => {
            const own = unique.filter((u) => u.addressee === addressee);
            return (
              <section key={addressee} aria-labelledby={`geadresseerde-${addressee}`}>
                <h2 class="utrecht-heading-2" id={`geadresseerde-${addressee}`}>
                  {t('caseRanking.recs.sectionCount', { label: addresseeLabel(ctx, addressee), count: own.length })}
                </h2>
                {own.length === 0 ? (
                  <P>{t('caseRanking.recs.noneForAddressee')}</P>
                ) : (
                  <ol class="mmm-unique-recs">
                    {own.map((rec) => (
                      <UniqueRecommendationItem key={rec.groupId} ctx={ctx} team={team} rec={rec} names={props.names} canEdit={isFacilitator} />
                    ))}
                  </ol>
                )}
              </section>
            );
          })
        : null}
      {(canConsolidate && unique.length > 1) || (isFacilitator && merge.errors) ? <MergeForm ctx={ctx} team={team} unique={unique} state={merge} /> : null}
    </Layout>
  );
}

// One merged recommendation (facilitator)

export interface GroupPageProps {
  readonly ctx: PageContext;
  readonly team: Team;
  readonly group: UniqueRecommendation;
  readonly names: ReadonlyMap<string, string>;
  readonly openRound: Round | undefined;
  readonly values?: FormValues;
  readonly errors?: FieldErrors;
  readonly formError?: string;
}

export function GroupPage(props: GroupPageProps) {
  const { ctx, team, group } = props;
  const { t } = ctx;
  const title = t('caseRanking.group.title');
  const values = props.values ?? { text: group.text, addressee: group.addressee };
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={recommendationCrumbs(ctx, team)}>
      <Heading>{title}</Heading>
      {props.formError ? <Notice kind="error">{props.formError}</Notice> : null}
      {props.errors ? <ErrorSummary ctx={ctx} errors={props.errors} /> : null}
      <P>{t('caseRanking.group.intro')}</P>
      <h2 class="utrecht-heading-2">{t('caseRanking.group.current')}</h2>
      <div class="mmm-kept-text mmm-unique-rec__text">{group.text}</div>
      <P>{addresseeLabel(ctx, group.addressee)}</P>
      {group.mergedAt ? (
        <p class="utrecht-paragraph mmm-muted">
          {t('caseRanking.recs.mergedBy', {
            name: (group.mergedById && props.names.get(group.mergedById)) || t('caseRanking.someone'),
            moment: formatMoment(group.mergedAt, ctx.locale),
          })}
        </p>
      ) : null}
      <h2 class="utrecht-heading-2">{t('caseRanking.group.members')}</h2>
      <ol class="mmm-unique-recs">
        {group.members.map((m) => (
          <li class="mmm-unique-rec" key={m.recommendationId}>
            <div class="mmm-kept-text">{m.originalText}</div>
            {m.text !== m.originalText ? <p class="utrecht-paragraph mmm-muted mmm-kept-text">{t('caseRanking.recs.changedSince', { text: m.text })}</p> : null}
            <p class="utrecht-paragraph mmm-provenance">
              {t('caseRanking.recs.from', { caseNumber: m.caseNumber, caseTitle: m.caseTitle, meetingNumber: m.meetingNumber })}
              {' · '}
              <a
                class="utrecht-link"
                href={recommendationPaths.history(team.id, m.recommendationId)}
                aria-label={t('caseRanking.recs.historyOf', { caseNumber: m.caseNumber, meetingNumber: m.meetingNumber })}
              >
                {t('caseRanking.recs.history')}
              </a>
            </p>
          </li>
        ))}
      </ol>
      <h2 class="utrecht-heading-2">{t('caseRanking.group.edit')}</h2>
      <PostForm ctx={ctx} action={recommendationPaths.group(team.id, group.groupId)}>
        <TextAreaField name="text" label={t('caseRanking.merge.text')} hint={t('caseRanking.merge.text.hint')} values={values} errors={props.errors} rows={5} maxLength={RECOMMENDATION_MAX_LENGTH} />
        <SelectField
          name="addressee"
          label={t('caseRanking.merge.addressee')}
          emptyLabel={t('caseRanking.merge.chooseAddressee')}
          options={ADDRESSEES.map((a) => ({ value: a, label: addresseeLabel(ctx, a) }))}
          values={values}
          errors={props.errors}
        />
        <div class="mmm-form-actions">
          <SubmitButton>{t('caseRanking.group.save')}</SubmitButton>
        </div>
      </PostForm>
      <h2 class="utrecht-heading-2">{t('caseRanking.group.split.title')}</h2>
      {props.openRound ? (
        <Notice kind="info">
          {t('caseRanking.error.roundOpenSplit')} <A href={recommendationPaths.round(team.id, props.openRound.id)}>{t('caseRanking.recs.toRound')}</A>
        </Notice>
      ) : (
        <>
          <P>{t('caseRanking.group.split.intro')}</P>
          <PostForm ctx={ctx} action={recommendationPaths.split(team.id, group.groupId)}>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action" aria-label={t('caseRanking.group.split.label', { count: group.members.length })}>
              {t('caseRanking.group.split')}
            </button>
          </PostForm>
        </>
      )}
      <P>
        <A href={recommendationPaths.recommendations(team.id)}>{t('caseRanking.group.back')}</A>
      </P>
    </Layout>
  );
}

// History of one recommendation

export function HistoryPage(props: {
  ctx: PageContext;
  team: Team;
  recommendation: Recommendation;
  history: readonly RecommendationRevision[];
  mergedInto: UniqueRecommendation | undefined;
}) {
  const { ctx, team, recommendation: rec } = props;
  const { t } = ctx;
  const title = t('caseRanking.history.title');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={recommendationCrumbs(ctx, team)}>
      <Heading>{title}</Heading>
      <P>{t('caseRanking.history.intro', { caseNumber: rec.caseNumber, caseTitle: rec.caseTitle, meetingNumber: rec.meetingNumber })}</P>
      {props.mergedInto ? (
        <p class="utrecht-paragraph mmm-kept-text">
          {t('caseRanking.history.partOf', { text: props.mergedInto.text })}
        </p>
      ) : null}
      <ol class="mmm-history__list mmm-rec-history">
        {props.history.map((v) => (
          <li key={v.version} class="mmm-rec-history__item">
            <h2 class="utrecht-heading-3">{t('caseRanking.history.version', { version: v.version, kind: changeKindLabel(ctx, v.changeKind) })}</h2>
            <div class="mmm-kept-text">{v.text}</div>
            <p class="utrecht-paragraph mmm-muted">
              {t('caseRanking.history.who', { name: v.changedByName ?? t('caseRanking.someone'), moment: formatMoment(v.changedAt, ctx.locale) })}
              {'. '}
              {v.version === 1
                ? t('caseRanking.history.inMeeting', { meetingNumber: rec.meetingNumber })
                : v.reviewedInMeetingNumber !== null
                  ? t('caseRanking.history.inMeeting', { meetingNumber: v.reviewedInMeetingNumber })
                  : t('caseRanking.history.outsideMeeting')}
              {'. '}
              {t('caseRanking.history.addressee', { addressee: addresseeLabel(ctx, v.addressee) })}
            </p>
          </li>
        ))}
      </ol>
      <P>
        <A href={`${recommendationPaths.recommendations(team.id)}#aanbeveling-${rec.groupId}`}>{t('caseRanking.group.back')}</A>
      </P>
    </Layout>
  );
}

// Rounds

function statusText(ctx: PageContext, status: Round['status']): string {
  switch (status) {
    case 'open':
      return ctx.t('caseRanking.rounds.status.open');
    case 'approved':
      return ctx.t('caseRanking.rounds.status.approved');
    default:
      return ctx.t('caseRanking.rounds.status.closed');
  }
}

export interface RoundsPageProps {
  readonly ctx: PageContext;
  readonly team: Team;
  readonly rounds: readonly RoundSummary[];
  readonly isFacilitator: boolean;
  readonly uniqueCount: number;
  readonly values?: FormValues;
  readonly errors?: FieldErrors;
  readonly formError?: string;
}

export function RoundsPage(props: RoundsPageProps) {
  const { ctx, team, rounds } = props;
  const { t } = ctx;
  const title = t('caseRanking.rounds.title');
  const open = rounds.find((r) => r.status === 'open');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={teamCrumbs(ctx, team)}>
      <Heading>{title}</Heading>
      {props.formError ? <Notice kind="error">{props.formError}</Notice> : null}
      {props.errors ? <ErrorSummary ctx={ctx} errors={props.errors} /> : null}
      <p class="utrecht-paragraph mmm-intro">{t('caseRanking.rounds.intro')}</p>
      <ul class="mmm-actions-row mmm-plain-list">
        <li>
          <A href={recommendationPaths.recommendations(team.id)}>{t('caseRanking.rounds.toRecommendations')}</A>
        </li>
      </ul>
      <h2 class="utrecht-heading-2">{t('caseRanking.rounds.list')}</h2>
      {rounds.length === 0 ? <P>{t('caseRanking.rounds.none')}</P> : null}
      <ul class="mmm-plain-list mmm-rounds">
        {rounds.map((r) => (
          <li key={r.id} class="mmm-rounds__item">
            <A href={r.status === 'open' ? recommendationPaths.round(team.id, r.id) : recommendationPaths.results(team.id, r.id)}>
              {t('caseRanking.rounds.item', { moment: formatMoment(r.openedAt, ctx.locale) })}
            </A>{' '}
            <span class="mmm-badge">{statusText(ctx, r.status)}</span>
            <br />
            <span class="mmm-muted">{t('caseRanking.rounds.itemFacts', { items: r.itemCount, top: r.topN, rankings: r.rankingCount })}</span>
            {r.status === 'approved' && r.approvedByName && r.approvedAt ? (
              <>
                <br />
                <span class="mmm-muted">{t('caseRanking.results.approved.by', { name: r.approvedByName, moment: formatMoment(r.approvedAt, ctx.locale) })}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {props.isFacilitator ? (
        <>
          <h2 class="utrecht-heading-2">{t('caseRanking.rounds.open.title')}</h2>
          {open ? (
            <P>
              {t('caseRanking.rounds.alreadyOpen')} <A href={recommendationPaths.round(team.id, open.id)}>{t('caseRanking.recs.toRound')}</A>
            </P>
          ) : props.uniqueCount === 0 ? (
            <P>{t('caseRanking.rounds.nothingToRank')}</P>
          ) : (
            <PostForm ctx={ctx} action={recommendationPaths.rounds(team.id)}>
              <P>{t('caseRanking.rounds.open.intro', { count: props.uniqueCount })}</P>
              <TextField
                name="topN"
                label={t('caseRanking.rounds.open.topN')}
                hint={t('caseRanking.rounds.open.topN.hint')}
                inputMode="numeric"
                inputClass="mmm-number-input"
                maxLength={3}
                values={props.values ?? { topN: '10' }}
                errors={props.errors}
              />
              <div class="mmm-form-actions">
                <SubmitButton>{t('caseRanking.rounds.open.submit')}</SubmitButton>
              </div>
            </PostForm>
          )}
        </>
      ) : null}
    </Layout>
  );
}

export interface RankFormState {
  /** What was typed per field (rank_<groupId>). */
  readonly values: Readonly<Record<string, string>>;
  /** Messages at the items, by field name. */
  readonly errors: FieldErrors;
  /** One message per kind of problem, keyed by the first field it concerns. */
  readonly summary: FieldErrors;
}

/** A place number for one item, in the ranking form and in the approval form; `enhanced` lets client/ranking.ts find it. */
function PlaceField(props: { t: PageContext['t']; label: string; itemLabel: string; name: string; error?: string; value?: string; max: number; enhanced?: boolean }) {
  const { t, name, error } = props;
  const id = `veld-${name}`;
  return (
    <div class={`utrecht-form-field mmm-ranking__place${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {props.label}
        <span class="mmm-visually-hidden"> {t('caseRanking.round.placeOf', { text: props.itemLabel })}</span>
      </label>
      {error ? (
        <div class="utrecht-form-field-error-message" id={`${id}-fout`}>
          {error}
        </div>
      ) : null}
      <input
        class={`utrecht-textbox utrecht-textbox--html-input mmm-ranking__input${error ? ' utrecht-textbox--invalid' : ''}`}
        type="number"
        id={id}
        name={name}
        min={1}
        max={props.max}
        step={1}
        inputMode="numeric"
        value={props.value ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-fout` : undefined}
        data-ranking-input={props.enhanced ? '' : undefined}
      />
    </div>
  );
}

function ItemText({ ctx, item }: { ctx: PageContext; item: RoundItem }) {
  return (
    <>
      <div class="mmm-ranking__text mmm-kept-text">{item.text}</div>
      <p class="utrecht-paragraph mmm-ranking__meta">{addresseeLabel(ctx, item.addressee)}</p>
    </>
  );
}

/** The ranking form: a number per item without JavaScript; client/ranking.ts turns it into a list to reorder. */
function RankingForm(props: { ctx: PageContext; team: Team; round: Round; items: readonly RoundItem[]; values: Readonly<Record<string, string>>; errors: FieldErrors }) {
  const { ctx, team, round, items, values, errors } = props;
  const { t } = ctx;
  const total = items.length;
  return (
    <form
      method="post"
      action={recommendationPaths.myRanking(team.id, round.id)}
      class="mmm-form mmm-ranking-form"
      id="rangorde-formulier"
      noValidate
      data-ranking=""
      data-ranking-up={t('caseRanking.round.up')}
      data-ranking-down={t('caseRanking.round.down')}
      data-ranking-handle={t('caseRanking.round.handle')}
      data-ranking-moved={t('caseRanking.round.moved')}
      data-ranking-at-top={t('caseRanking.round.atTop')}
      data-ranking-at-bottom={t('caseRanking.round.atBottom')}
    >
      <CsrfField ctx={ctx} />
      <p class="utrecht-paragraph" data-ranking-plain="">
        {t('caseRanking.round.instructions', { count: total })}
      </p>
      <p class="utrecht-paragraph" data-ranking-enhanced="" hidden>
        {t('caseRanking.round.instructionsEnhanced', { count: total })}
      </p>
      <p id="rangorde-toetsen" hidden>
        {t('caseRanking.round.keyboardHint')}
      </p>
      <ol class="mmm-ranking" data-ranking-list="">
        {items.map((item) => {
          const name = rankField(item.groupId);
          const error = errors[name];
          const label = itemLabel(item.text);
          return (
            <li class={`mmm-ranking__item${error ? ' mmm-ranking__item--invalid' : ''}`} key={item.groupId} data-ranking-item="" data-label={label}>
              <PlaceField label={t('caseRanking.round.place')} itemLabel={label} name={name} error={error} value={values[name]} max={total} t={t} enhanced />
              <div class="mmm-ranking__body">
                <ItemText ctx={ctx} item={item} />
              </div>
            </li>
          );
        })}
      </ol>
      <div class="mmm-visually-hidden" role="status" aria-live="polite" data-ranking-status="" />
      <div class="mmm-form-actions">
        <SubmitButton>{t('caseRanking.round.submit')}</SubmitButton>
      </div>
    </form>
  );
}

function OrderedItems({ ctx, items }: { ctx: PageContext; items: readonly RoundItem[] }) {
  return (
    <ol class="mmm-ranked-list">
      {items.map((item) => (
        <li key={item.groupId}>
          <ItemText ctx={ctx} item={item} />
        </li>
      ))}
    </ol>
  );
}

function itemsInOrder(items: readonly RoundItem[], order: readonly string[]): RoundItem[] {
  const byId = new Map(items.map((i) => [i.groupId, i]));
  return order.map((id) => byId.get(id)).filter((i): i is RoundItem => i !== undefined);
}

function Progress(props: { ctx: PageContext; team: Team; round: Round; progress: RankingProgress; close?: { error?: string } }) {
  const { ctx, team, round, progress } = props;
  const { t } = ctx;
  const missing = progress.notRanked;
  const error = props.close?.error;
  return (
    <>
      <h2 class="utrecht-heading-2">{t('caseRanking.round.whoTitle')}</h2>
      <div class="mmm-ranking-progress">
        <div>
          <h3 class="utrecht-heading-3">{t('caseRanking.round.ranked')}</h3>
          {progress.ranked.length === 0 ? (
            <P>{t('caseRanking.round.nobody')}</P>
          ) : (
            <ul class="utrecht-unordered-list">
              {progress.ranked.map((r) => (
                <li key={r.userId}>
                  {t('caseRanking.round.rankedAt', {
                    name: r.isMember ? r.name : t('caseRanking.formerMember', { name: r.name || t('caseRanking.someone') }),
                    moment: formatMoment(r.submittedAt, ctx.locale),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 class="utrecht-heading-3">{t('caseRanking.round.notRanked')}</h3>
          {missing.length === 0 ? (
            <P>{t('caseRanking.round.nobody')}</P>
          ) : (
            <ul class="utrecht-unordered-list">
              {missing.map((m) => (
                <li key={m.userId}>{m.name}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <h2 class="utrecht-heading-2">{t('caseRanking.round.close.title')}</h2>
      <P>{missing.length === 0 ? t('caseRanking.round.close.allDone') : t('caseRanking.round.close.notAll')}</P>
      <PostForm ctx={ctx} action={recommendationPaths.close(team.id, round.id)}>
        {missing.length > 0 ? (
          <>
            <Hidden name="missing" value={missing.map((m) => m.userId).join(',')} />
            <div class={`utrecht-form-field utrecht-form-field--checkbox${error ? ' utrecht-form-field--invalid' : ''}`}>
              {error ? (
                <div class="utrecht-form-field-error-message" id="veld-closeWithout-fout">
                  {error}
                </div>
              ) : null}
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id="veld-closeWithout"
                name="closeWithout"
                value="ja"
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? 'veld-closeWithout-fout' : undefined}
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="veld-closeWithout">
                {t('caseRanking.round.close.without', { names: nameList(ctx, missing.map((m) => m.name)) })}
              </label>
            </div>
          </>
        ) : null}
        <div class="mmm-form-actions">
          <SubmitButton>{t('caseRanking.round.close.submit')}</SubmitButton>
        </div>
      </PostForm>
    </>
  );
}

export interface RoundPageProps {
  readonly ctx: PageContext;
  readonly team: Team;
  readonly round: Round;
  readonly items: readonly RoundItem[];
  readonly isFacilitator: boolean;
  readonly myRanking: MemberRanking | null;
  readonly progress: RankingProgress;
  readonly closedByName: string | null;
  /** The form came back: what was typed and what is wrong. */
  readonly rank?: RankFormState;
  readonly close?: { error?: string };
  readonly formError?: string;
  /** The ranking someone sent after the round closed, to show them what they had. */
  readonly lateOrder?: readonly string[];
}

export function RoundPage(props: RoundPageProps) {
  const { ctx, team, round, items, myRanking, progress } = props;
  const { t } = ctx;
  const open = round.status === 'open';
  const title = open ? t('caseRanking.round.title') : t('caseRanking.round.titleClosed', { moment: formatMoment(round.openedAt, ctx.locale) });
  const members = progress.ranked.filter((r) => r.isMember).length + progress.notRanked.length;
  const doneMembers = progress.ranked.filter((r) => r.isMember).length;

  let formItems: readonly RoundItem[] = items;
  let values: Readonly<Record<string, string>> = {};
  if (props.rank) values = props.rank.values;
  else if (myRanking) {
    formItems = itemsInOrder(items, myRanking.order);
    if (formItems.length !== items.length) formItems = items;
    values = Object.fromEntries(myRanking.order.map((id, index) => [rankField(id), String(index + 1)]));
  }
  const errorSummary = { ...(props.rank?.summary ?? {}), ...(props.close?.error ? { closeWithout: props.close.error } : {}) };

  return (
    <Layout ctx={ctx} title={title} breadcrumbs={roundCrumbs(ctx, team)}>
      <Heading>{title}</Heading>
      {props.formError ? <Notice kind="error">{props.formError}</Notice> : null}
      {Object.keys(errorSummary).length > 0 ? <ErrorSummary ctx={ctx} errors={errorSummary} /> : null}
      {props.lateOrder ? (
        <>
          <h2 class="utrecht-heading-2">{t('caseRanking.round.typed')}</h2>
          <OrderedItems ctx={ctx} items={itemsInOrder(items, props.lateOrder)} />
        </>
      ) : null}
      <P>{t('caseRanking.round.opened', { moment: formatMoment(round.openedAt, ctx.locale), top: round.topN })}</P>
      <P>{t('caseRanking.round.progress', { done: doneMembers, total: members })}</P>
      {open ? (
        <>
          {myRanking && !props.rank ? <Notice kind="info">{t('caseRanking.round.submitted', { moment: formatMoment(myRanking.submittedAt, ctx.locale) })}</Notice> : null}
          <RankingForm ctx={ctx} team={team} round={round} items={formItems} values={values} errors={props.rank?.errors ?? {}} />
          {props.isFacilitator ? <Progress ctx={ctx} team={team} round={round} progress={progress} close={props.close} /> : null}
        </>
      ) : (
        <>
          <P>
            {round.closedAt
              ? t('caseRanking.round.isClosed', { moment: formatMoment(round.closedAt, ctx.locale), name: props.closedByName ?? t('caseRanking.someone') })
              : null}{' '}
            <A href={recommendationPaths.results(team.id, round.id)}>{t('caseRanking.round.toResults')}</A>
          </P>
          <h2 class="utrecht-heading-2">{t('caseRanking.round.yourRanking')}</h2>
          {myRanking ? <OrderedItems ctx={ctx} items={itemsInOrder(items, myRanking.order)} /> : <P>{t('caseRanking.round.noRanking')}</P>}
        </>
      )}
      <P>
        <A href={recommendationPaths.rounds(team.id)}>{t('caseRanking.round.back')}</A>
      </P>
    </Layout>
  );
}

export function ReplaceRankingPage(props: { ctx: PageContext; team: Team; round: Round; items: readonly RoundItem[]; previous: MemberRanking; next: readonly string[] }) {
  const { ctx, team, round, items, previous, next } = props;
  const { t } = ctx;
  const title = t('caseRanking.replace.title');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={roundCrumbs(ctx, team)}>
      <Heading>{title}</Heading>
      <P>{t('caseRanking.replace.intro', { moment: formatMoment(previous.submittedAt, ctx.locale) })}</P>
      <div class="mmm-conflict">
        <section aria-labelledby="nieuwe-rangorde">
          <h2 class="utrecht-heading-2" id="nieuwe-rangorde">
            {t('caseRanking.replace.next')}
          </h2>
          <OrderedItems ctx={ctx} items={itemsInOrder(items, next)} />
        </section>
        <section aria-labelledby="eerdere-rangorde">
          <h2 class="utrecht-heading-2" id="eerdere-rangorde">
            {t('caseRanking.replace.previous')}
          </h2>
          <OrderedItems ctx={ctx} items={itemsInOrder(items, previous.order)} />
        </section>
      </div>
      <PostForm ctx={ctx} action={recommendationPaths.myRanking(team.id, round.id)}>
        {next.map((id, index) => (
          <Hidden key={id} name={rankField(id)} value={String(index + 1)} />
        ))}
        <div class="mmm-form-actions">
          <SubmitButton name="bevestigd" value="ja">
            {t('caseRanking.replace.confirm')}
          </SubmitButton>
          <SubmitButton name="bevestigd" value="aanpassen" secondary>
            {t('caseRanking.replace.adjust')}
          </SubmitButton>
        </div>
      </PostForm>
      <P>
        <A href={recommendationPaths.round(team.id, round.id)}>{t('caseRanking.replace.keep')}</A>
      </P>
    </Layout>
  );
}

// Results and approval

function placeText(ctx: PageContext, item: ResultItem, shared: boolean): string {
  return shared ? ctx.t('caseRanking.results.shared', { position: item.position }) : String(item.position);
}

function ResultsTable(props: { ctx: PageContext; caption: string; rows: readonly ResultItem[]; all: readonly ResultItem[]; topN: number; markTop: boolean }) {
  const { ctx, rows, all, topN } = props;
  const { t } = ctx;
  const positionCount = new Map<number, number>();
  for (const r of all) positionCount.set(r.position, (positionCount.get(r.position) ?? 0) + 1);
  return (
    <div class="mmm-ranking-results">
      <Table
        caption={props.caption}
        head={[
          t('caseRanking.results.col.place'),
          t('caseRanking.results.col.recommendation'),
          t('caseRanking.results.col.average'),
          t('caseRanking.results.col.rankers'),
          t('caseRanking.results.col.range'),
          t('caseRanking.results.col.deviation'),
        ]}
      >
        {rows.map((r) => {
          const inTop = props.markTop && r.position <= topN;
          const ranked = r.rankers > 0;
          return (
            <tr key={r.itemId} class={inTop ? 'mmm-ranking-results__row--top' : undefined}>
              <td>
                {placeText(ctx, r, (positionCount.get(r.position) ?? 0) > 1)}
                {inTop ? (
                  <>
                    {' '}
                    <span class="mmm-badge mmm-badge--top">{t('caseRanking.results.inTop', { top: topN })}</span>
                  </>
                ) : null}
              </td>
              <td>
                <ItemText ctx={ctx} item={r.item} />
              </td>
              <td>{ranked ? formatDecimal(r.averageRank, ctx.locale) : t('caseRanking.results.none')}</td>
              <td>{r.rankers}</td>
              <td>{ranked ? t('caseRanking.results.range', { best: r.bestRank, worst: r.worstRank }) : t('caseRanking.results.none')}</td>
              <td>{ranked ? formatDecimal(r.standardDeviation, ctx.locale) : t('caseRanking.results.none')}</td>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}

export interface ApprovalFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: FieldErrors;
  readonly summary: FieldErrors;
}

function ApprovalForm(props: { ctx: PageContext; team: Team; round: Round; results: RoundResults; state?: ApprovalFormState }) {
  const { ctx, team, round, results, state } = props;
  const { t } = ctx;
  const topN = round.topN;
  const prefill: Record<string, string> = {};
  const start = round.approvedOrder ?? results.top.slice(0, topN).map((r) => r.itemId);
  start.forEach((id, index) => (prefill[topField(id)] = String(index + 1)));
  const values = state?.values ?? prefill;
  const errors = state?.errors ?? {};
  return (
    <section aria-labelledby="vaststellen">
      <h2 class="utrecht-heading-2" id="vaststellen">
        {round.status === 'approved' ? t('caseRanking.approve.titleAgain', { top: topN }) : t('caseRanking.approve.title', { top: topN })}
      </h2>
      <P>{t('caseRanking.approve.intro', { top: topN })}</P>
      <PostForm ctx={ctx} action={recommendationPaths.approve(team.id, round.id)} class="mmm-form mmm-ranking-form" id="vaststellen-formulier">
        <ol class="mmm-ranking mmm-ranking--approve">
          {results.items.map((r) => {
            const name = topField(r.itemId);
            const error = errors[name];
            const label = itemLabel(r.item.text);
            return (
              <li class={`mmm-ranking__item${error ? ' mmm-ranking__item--invalid' : ''}`} key={r.itemId}>
                <PlaceField label={t('caseRanking.approve.place')} itemLabel={label} name={name} error={error} value={values[name]} max={topN} t={t} />
                <div class="mmm-ranking__body">
                  <ItemText ctx={ctx} item={r.item} />
                  {r.rankers > 0 ? (
                    <p class="utrecht-paragraph mmm-ranking__meta">{t('caseRanking.approve.average', { average: formatDecimal(r.averageRank, ctx.locale) })}</p>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
        <div class="mmm-form-actions">
          <SubmitButton>{t('caseRanking.approve.submit')}</SubmitButton>
        </div>
      </PostForm>
    </section>
  );
}

function ApprovedTopList({ ctx, round, results }: { ctx: PageContext; round: Round; results: RoundResults }) {
  const { t } = ctx;
  const byId = new Map(results.items.map((r) => [r.itemId, r]));
  const rows = (round.approvedOrder ?? []).map((id) => byId.get(id)).filter((r): r is ResultItem => r !== undefined);
  return (
    <section aria-labelledby="vastgestelde-top" class="mmm-approved-top">
      <h2 class="utrecht-heading-2" id="vastgestelde-top">
        {t('caseRanking.results.approved.title', { top: rows.length })}
      </h2>
      {round.approvedByName && round.approvedAt ? (
        <p class="utrecht-paragraph">
          <strong>{t('caseRanking.results.approved.by', { name: round.approvedByName, moment: formatMoment(round.approvedAt, ctx.locale) })}</strong>
        </p>
      ) : null}
      <ol class="mmm-ranked-list">
        {rows.map((r) => (
          <li key={r.itemId}>
            <ItemText ctx={ctx} item={r.item} />
            {r.rankers > 0 ? <p class="utrecht-paragraph mmm-muted">{t('caseRanking.results.approved.average', { average: formatDecimal(r.averageRank, ctx.locale) })}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export interface ResultsPageProps {
  readonly ctx: PageContext;
  readonly team: Team;
  readonly round: Round;
  readonly results: RoundResults;
  readonly closedByName: string | null;
  readonly isFacilitator: boolean;
  readonly approval?: ApprovalFormState;
  readonly formError?: string;
}

export function ResultsPage(props: ResultsPageProps) {
  const { ctx, team, round, results } = props;
  const { t } = ctx;
  const title = t('caseRanking.results.title');
  const topN = round.topN;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={roundCrumbs(ctx, team)}>
      <Heading>{title}</Heading>
      {props.formError ? <Notice kind="error">{props.formError}</Notice> : null}
      {props.approval ? <ErrorSummary ctx={ctx} errors={props.approval.summary} /> : null}
      <P>
        {t('caseRanking.round.opened', { moment: formatMoment(round.openedAt, ctx.locale), top: topN })}{' '}
        {round.closedAt ? t('caseRanking.round.isClosed', { moment: formatMoment(round.closedAt, ctx.locale), name: props.closedByName ?? t('caseRanking.someone') }) : null}
      </P>
      <P>{t('caseRanking.results.facts', { rankers: results.rankers, items: results.items.length })}</P>
      {round.missingMembers.length > 0 ? <P>{t('caseRanking.results.closedWithout', { names: nameList(ctx, round.missingMembers) })}</P> : null}
      {round.status === 'approved' ? <ApprovedTopList ctx={ctx} round={round} results={results} /> : null}
      {results.rankers === 0 ? (
        <Notice kind="info">{t('caseRanking.results.noRankings')}</Notice>
      ) : (
        <>
          <h2 class="utrecht-heading-2">{t('caseRanking.results.top', { top: topN })}</h2>
          <P>{t('caseRanking.results.topIntro')}</P>
          <p class="utrecht-paragraph mmm-tie-rule">
            <strong>{t('caseRanking.results.tieRuleLabel')}</strong> {t('caseRanking.results.tieRule')}
          </p>
          {results.tieAtBoundary ? <Notice kind="info">{t('caseRanking.results.tieLonger', { count: results.top.length, top: topN })}</Notice> : null}
          <ResultsTable ctx={ctx} caption={t('caseRanking.results.topCaption', { top: topN })} rows={results.top} all={results.items} topN={topN} markTop={false} />
          <h2 class="utrecht-heading-2">{t('caseRanking.results.all')}</h2>
          <ResultsTable ctx={ctx} caption={t('caseRanking.results.allCaption')} rows={results.items} all={results.items} topN={topN} markTop />
          {props.isFacilitator ? <ApprovalForm ctx={ctx} team={team} round={round} results={results} state={props.approval} /> : null}
        </>
      )}
      <P>
        <A href={recommendationPaths.rounds(team.id)}>{t('caseRanking.round.back')}</A>
      </P>
    </Layout>
  );
}

export function ReplaceApprovalPage(props: { ctx: PageContext; team: Team; round: Round; items: readonly RoundItem[]; next: readonly string[] }) {
  const { ctx, team, round, items, next } = props;
  const { t } = ctx;
  const title = t('caseRanking.approve.replaceTitle');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={roundCrumbs(ctx, team)}>
      <Heading>{title}</Heading>
      <P>
        {t('caseRanking.approve.replaceIntro', {
          name: round.approvedByName ?? t('caseRanking.someone'),
          moment: round.approvedAt ? formatMoment(round.approvedAt, ctx.locale) : '',
        })}
      </P>
      <div class="mmm-conflict">
        <section aria-labelledby="nieuwe-top">
          <h2 class="utrecht-heading-2" id="nieuwe-top">
            {t('caseRanking.approve.next')}
          </h2>
          <OrderedItems ctx={ctx} items={itemsInOrder(items, next)} />
        </section>
        <section aria-labelledby="huidige-top">
          <h2 class="utrecht-heading-2" id="huidige-top">
            {t('caseRanking.approve.previous')}
          </h2>
          <OrderedItems ctx={ctx} items={itemsInOrder(items, round.approvedOrder ?? [])} />
        </section>
      </div>
      <PostForm ctx={ctx} action={recommendationPaths.approve(team.id, round.id)}>
        {next.map((id, index) => (
          <Hidden key={id} name={topField(id)} value={String(index + 1)} />
        ))}
        <div class="mmm-form-actions">
          <SubmitButton name="bevestigd" value="ja">
            {t('caseRanking.approve.confirm')}
          </SubmitButton>
          <SubmitButton name="bevestigd" value="aanpassen" secondary>
            {t('caseRanking.approve.adjust')}
          </SubmitButton>
        </div>
      </PostForm>
      <P>
        <A href={recommendationPaths.results(team.id, round.id)}>{t('caseRanking.approve.keep')}</A>
      </P>
    </Layout>
  );
}
