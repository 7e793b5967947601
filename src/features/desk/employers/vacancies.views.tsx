import { A, CheckboxField, ErrorSummary, Heading, Notice, P, Paragraphs, PostForm, SubmitButton, TextAreaField, TextField, type FormState } from '../../../platform/views/components.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import type { PlainLanguageReport } from './plain-language.js';
import { DeskLayout, ReportLink } from '../shared/layout.js';
import { deskPath, type Region } from '../shared/region.js';
import { employerPath } from './employers.service.js';
import { Facts, formatDay } from './employers.views.js';
import {
  HOURS_FILTERS,
  MAX_HOURS_PER_WEEK,
  VACANCY_CONTACT_MAX,
  VACANCY_HOURS_MAX,
  VACANCY_PLACE_MAX,
  VACANCY_TEXT_MAX,
  VACANCY_TITLE_MAX,
  type HoursFilter,
  type PlainLanguageField,
  type VacancyFormField,
} from './vacancies.schemas.js';
import { vacancyPath, type Vacancy } from './vacancies.service.js';

const HOURS_LABELS: Record<HoursFilter, MessageKey> = {
  'tot-16': 'desk.vacancies.hours.upTo16',
  '16-32': 'desk.vacancies.hours.16to32',
  '32-plus': 'desk.vacancies.hours.32plus',
};

const FIELD_LABELS: Record<VacancyFormField, MessageKey> = {
  title: 'desk.vacancies.field.title',
  whatYouDo: 'desk.vacancies.field.whatYouDo',
  hours: 'desk.vacancies.field.hours',
  hoursPerWeek: 'desk.vacancies.field.hoursPerWeek',
  place: 'desk.vacancies.field.place',
  helpAvailable: 'desk.vacancies.field.helpAvailable',
  whatWeAsk: 'desk.vacancies.field.whatWeAsk',
  contact: 'desk.vacancies.field.contact',
  contactEmail: 'desk.vacancies.field.contactEmail',
  contactPhone: 'desk.vacancies.field.contactPhone',
  expiresOn: 'desk.vacancies.field.expiresOn',
};

function listCrumb(ctx: PageContext, region: Region) {
  return { href: deskPath(region.slug, '/vacatures'), label: ctx.t('desk.section.vacancies') };
}

// The list

export interface VacancyListFilter {
  readonly text: string;
  readonly place: string;
  readonly hours: HoursFilter | '';
}

export function VacanciesListPage({ ctx, region, vacancies, filter }: { ctx: PageContext; region: Region; vacancies: readonly Vacancy[]; filter: VacancyListFilter }) {
  const { t, locale } = ctx;
  const title = t('desk.vacancies.list.title', { region: region.name });
  const filtered = filter.text !== '' || filter.place !== '' || filter.hours !== '';
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="vacancies">
      <Heading>{title}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('desk.vacancies.list.intro')}</p>
      <form method="get" action={deskPath(region.slug, '/vacatures')} class="mmm-filters" role="search" aria-label={t('desk.vacancies.list.filterLabel')}>
        <div class="utrecht-form-field mmm-filter">
          <label class="utrecht-form-label" for="filter-q">
            {t('desk.vacancies.list.filterText')}
          </label>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="filter-q" name="q" value={filter.text} maxLength={100} />
        </div>
        <div class="utrecht-form-field mmm-filter">
          <label class="utrecht-form-label" for="filter-plaats">
            {t('desk.vacancies.list.filterPlace')}
          </label>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id="filter-plaats" name="plaats" value={filter.place} maxLength={100} />
        </div>
        <div class="utrecht-form-field mmm-filter">
          <label class="utrecht-form-label" for="filter-uren">
            {t('desk.vacancies.list.filterHours')}
          </label>
          <select class="utrecht-select utrecht-select--html-select" id="filter-uren" name="uren">
            <option value="" selected={filter.hours === ''}>
              {t('desk.vacancies.hours.any')}
            </option>
            {HOURS_FILTERS.map((h) => (
              <option key={h} value={h} selected={filter.hours === h}>
                {t(HOURS_LABELS[h])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('desk.vacancies.list.filterButton')}
        </button>
      </form>
      {vacancies.length === 0 ? (
        <P>{filtered ? t('desk.vacancies.list.noMatch') : t('desk.vacancies.list.empty')}</P>
      ) : (
        <>
          <p class="utrecht-paragraph mmm-muted" role="status">
            {t('desk.vacancies.list.count', { count: vacancies.length })}
          </p>
          <ul class="mmm-cards">
            {vacancies.map((v) => (
              <li class="mmm-card" key={v.id}>
                <h2 class="utrecht-heading-3">
                  <A href={vacancyPath(region.slug, v.id)}>{v.title}</A>
                </h2>
                <P>{v.employerName}</P>
                <P>{t('desk.vacancies.list.facts', { place: v.place, hours: v.hours })}</P>
                <p class="utrecht-paragraph mmm-muted">{t('desk.vacancies.list.until', { date: formatDay(v.expiresOn, locale) })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <P>{t('desk.vacancies.list.forEmployers')}</P>
      <P>
        <A href={deskPath(region.slug, '/werkgevers')}>{t('desk.vacancies.list.toEmployers')}</A>
      </P>
    </DeskLayout>
  );
}

// One vacancy

export function VacancyPage({
  ctx,
  region,
  vacancy,
  canEdit,
  closed,
  jsonLd,
}: {
  ctx: PageContext;
  region: Region;
  vacancy: Vacancy;
  canEdit: boolean;
  /** The closing date has passed: the page says so and shows nothing else. */
  closed: boolean;
  /** The JobPosting, already escaped for a script element; null when the vacancy is not public. */
  jsonLd: string | null;
}) {
  const { t, locale } = ctx;
  const notPublic = vacancy.status === 'hidden' || vacancy.employerStatus !== 'verified';
  return (
    <DeskLayout ctx={ctx} region={region} title={vacancy.title} section="vacancies" trail={[listCrumb(ctx, region)]}>
      {canEdit && notPublic ? (
        <Notice kind="info">{t(vacancy.status === 'hidden' ? 'desk.vacancies.notice.hidden' : 'desk.vacancies.notice.employerNotVerified')}</Notice>
      ) : null}
      <Heading>{vacancy.title}</Heading>
      {closed ? (
        <>
          <Notice kind="warning">
            <P>{t('desk.vacancies.closed.text', { date: formatDay(vacancy.expiresOn, locale) })}</P>
          </Notice>
          <P>
            <A href={deskPath(region.slug, '/vacatures')}>{t('desk.vacancies.closed.others')}</A>
          </P>
          {canEdit ? <P>{t('desk.vacancies.closed.editors')}</P> : null}
        </>
      ) : (
        <>
          <p class="utrecht-paragraph mmm-intro">
            <A href={employerPath(region.slug, vacancy.employerId)}>{vacancy.employerName}</A> · {vacancy.place}
          </p>
          <Facts
            rows={[
              { label: t('desk.vacancies.field.hours'), value: vacancy.hours },
              { label: t('desk.vacancies.field.place'), value: vacancy.place },
              { label: t('desk.vacancies.page.until'), value: formatDay(vacancy.expiresOn, locale) },
            ]}
          />
          <h2 class="utrecht-heading-2">{t('desk.vacancies.field.whatYouDo')}</h2>
          <Paragraphs text={vacancy.whatYouDo} />
          <h2 class="utrecht-heading-2">{t('desk.vacancies.field.helpAvailable')}</h2>
          <Paragraphs text={vacancy.helpAvailable} />
          {vacancy.whatWeAsk ? (
            <>
              <h2 class="utrecht-heading-2">{t('desk.vacancies.field.whatWeAsk')}</h2>
              <Paragraphs text={vacancy.whatWeAsk} />
            </>
          ) : null}
          <h2 class="utrecht-heading-2">{t('desk.vacancies.field.contact')}</h2>
          <Paragraphs text={vacancy.contact} />
          <Facts
            rows={[
              { label: t('desk.vacancies.field.contactEmail'), value: vacancy.contactEmail ? <a class="utrecht-link" href={`mailto:${vacancy.contactEmail}`}>{vacancy.contactEmail}</a> : null },
              {
                label: t('desk.vacancies.field.contactPhone'),
                value: vacancy.contactPhone ? <a class="utrecht-link" href={`tel:${vacancy.contactPhone.replace(/[^0-9+]/g, '')}`}>{vacancy.contactPhone.replace(/ /g, '\u00a0')}</a> : null,
              },
            ]}
          />
          <h2 class="utrecht-heading-2">{t('desk.vacancies.page.employer')}</h2>
          <P>
            {t('desk.vacancies.page.employerText', { name: vacancy.employerName })}{' '}
            <A href={employerPath(region.slug, vacancy.employerId)}>{t('desk.vacancies.page.employerLink', { name: vacancy.employerName })}</A>
          </P>
        </>
      )}
      {canEdit ? (
        <section aria-labelledby="vacature-beheer">
          <h2 id="vacature-beheer" class="utrecht-heading-2">
            {t('desk.vacancies.manage.title')}
          </h2>
          <ul class="utrecht-unordered-list">
            <li>
              <A href={vacancyPath(region.slug, vacancy.id, '/bewerken')}>{t('desk.vacancies.manage.edit')}</A>
            </li>
            <li>
              <A href={vacancyPath(region.slug, vacancy.id, '/verwijderen')}>{t('desk.vacancies.manage.remove')}</A>
            </li>
          </ul>
        </section>
      ) : null}
      {!closed && !notPublic ? <ReportLink ctx={ctx} region={region} kind="vacancy" id={vacancy.id} /> : null}
      {jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} /> : null}
    </DeskLayout>
  );
}

// Writing a vacancy

export type PlainLanguageWarnings = Partial<Record<PlainLanguageField, PlainLanguageReport>>;

function WarningList({ ctx, report }: { ctx: PageContext; report: PlainLanguageReport }) {
  const { t } = ctx;
  return (
    <ul class="utrecht-unordered-list">
      {report.jargon.map((j) => (
        <li key={`j-${j.term}`}>{t('desk.vacancies.plain.jargon', { term: j.term, alternative: j.alternative })}</li>
      ))}
      {report.longSentences.map((s, i) => (
        <li key={`s-${i}`}>{t('desk.vacancies.plain.longSentence', { words: s.words, sentence: s.excerpt })}</li>
      ))}
      {report.longWords.length > 0 ? <li>{t('desk.vacancies.plain.longWords', { words: report.longWords.join(', ') })}</li> : null}
      <li>
        {t('desk.vacancies.plain.readability', {
          average: report.readability.averageSentenceLength.toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'nl-NL'),
          percentage: report.readability.longWordPercentage,
        })}
      </li>
    </ul>
  );
}

function PlainLanguageNotice({ ctx, warnings }: { ctx: PageContext; warnings: PlainLanguageWarnings }) {
  const { t } = ctx;
  const fields = (Object.keys(warnings) as PlainLanguageField[]).filter((f) => warnings[f] !== undefined);
  if (fields.length === 0) return null;
  return (
    <section class="utrecht-alert utrecht-alert--warning mmm-notice" aria-labelledby="taalcheck-titel">
      <div class="utrecht-alert__content">
        <h2 id="taalcheck-titel" class="utrecht-heading-2">
          {t('desk.vacancies.plain.title')}
        </h2>
        <P>{t('desk.vacancies.plain.intro')}</P>
        {fields.map((f) => {
          const report = warnings[f];
          return report ? (
            <section key={f}>
              <h3 class="utrecht-heading-3">
                <a class="utrecht-link" href={`#veld-${f}`}>
                  {t(FIELD_LABELS[f])}
                </a>
              </h3>
              <WarningList ctx={ctx} report={report} />
            </section>
          ) : null;
        })}
      </div>
    </section>
  );
}

export type VacancyFormMode =
  | { kind: 'new'; employer: { id: string; name: string } }
  | { kind: 'edit'; vacancy: Vacancy; version: number; conflict: boolean };

export function VacancyFormPage({
  ctx,
  region,
  mode,
  state,
  warnings,
  today,
  latest,
}: {
  ctx: PageContext;
  region: Region;
  mode: VacancyFormMode;
  state: FormState;
  warnings: PlainLanguageWarnings;
  today: string;
  latest: string;
}) {
  const { t, locale } = ctx;
  const isNew = mode.kind === 'new';
  const employer = isNew ? mode.employer : { id: mode.vacancy.employerId, name: mode.vacancy.employerName };
  const title = isNew ? t('desk.vacancies.new.title', { name: employer.name }) : t('desk.vacancies.edit.title', { title: mode.vacancy.title });
  const action = isNew ? employerPath(region.slug, employer.id, '/vacatures/nieuw') : vacancyPath(region.slug, mode.vacancy.id, '/bewerken');
  const trail = isNew
    ? [{ href: deskPath(region.slug, '/werkgevers'), label: t('desk.section.employers') }, { href: employerPath(region.slug, employer.id), label: employer.name }]
    : [listCrumb(ctx, region), { href: vacancyPath(region.slug, mode.vacancy.id), label: mode.vacancy.title }];
  const props = { values: state.values, errors: state.errors };
  const hasWarnings = Object.values(warnings).some((w) => w !== undefined);
  const hint = (key: MessageKey) => t(key);
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="vacancies" trail={trail}>
      <Heading>{title}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('desk.vacancies.form.intro')}</p>
      {!isNew && mode.conflict ? <Notice kind="warning">{t('desk.vacancies.edit.conflict')}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PlainLanguageNotice ctx={ctx} warnings={warnings} />
      <PostForm ctx={ctx} action={action}>
        {isNew ? null : <input type="hidden" name="version" value={String(mode.version)} />}
        <TextField name="title" label={t(FIELD_LABELS.title)} hint={hint('desk.vacancies.field.title.hint')} maxLength={VACANCY_TITLE_MAX} required {...props} />
        <TextAreaField name="whatYouDo" label={t(FIELD_LABELS.whatYouDo)} hint={hint('desk.vacancies.field.whatYouDo.hint')} rows={6} maxLength={VACANCY_TEXT_MAX} required {...props} />
        <TextField name="hours" label={t(FIELD_LABELS.hours)} hint={hint('desk.vacancies.field.hours.hint')} maxLength={VACANCY_HOURS_MAX} required {...props} />
        <TextField
          name="hoursPerWeek"
          label={`${t(FIELD_LABELS.hoursPerWeek)} ${t('form.optional')}`}
          hint={t('desk.vacancies.field.hoursPerWeek.hint', { max: MAX_HOURS_PER_WEEK })}
          inputMode="numeric"
          maxLength={2}
          inputClass="mmm-number-input"
          {...props}
        />
        <TextField name="place" label={t(FIELD_LABELS.place)} hint={hint('desk.vacancies.field.place.hint')} maxLength={VACANCY_PLACE_MAX} required {...props} />
        <TextAreaField name="helpAvailable" label={t(FIELD_LABELS.helpAvailable)} hint={hint('desk.vacancies.field.helpAvailable.hint')} rows={5} maxLength={VACANCY_TEXT_MAX} required {...props} />
        <TextAreaField
          name="whatWeAsk"
          label={`${t(FIELD_LABELS.whatWeAsk)} ${t('form.optional')}`}
          hint={hint('desk.vacancies.field.whatWeAsk.hint')}
          rows={4}
          maxLength={VACANCY_TEXT_MAX}
          {...props}
        />
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('desk.vacancies.form.contactLegend')}</legend>
          <TextAreaField name="contact" label={t(FIELD_LABELS.contact)} hint={hint('desk.vacancies.field.contact.hint')} rows={2} maxLength={VACANCY_CONTACT_MAX} required {...props} />
          <TextField name="contactEmail" type="email" label={`${t(FIELD_LABELS.contactEmail)} ${t('form.optional')}`} maxLength={254} autocomplete="email" {...props} />
          <TextField name="contactPhone" label={`${t(FIELD_LABELS.contactPhone)} ${t('form.optional')}`} maxLength={20} autocomplete="tel" inputMode="tel" {...props} />
        </fieldset>
        <TextField
          name="expiresOn"
          type="date"
          label={t(FIELD_LABELS.expiresOn)}
          hint={t('desk.vacancies.field.expiresOn.hint', { first: formatDay(today, locale), last: formatDay(latest, locale) })}
          inputClass="mmm-date-input"
          required
          {...props}
        />
        {hasWarnings ? <input type="hidden" name="warned" value="ja" /> : null}
        {hasWarnings ? <CheckboxField name="textChecked" label={t('desk.vacancies.plain.checked')} hint={t('desk.vacancies.plain.checkedHint')} values={state.values} errors={state.errors} /> : null}
        <div class="mmm-form-actions">
          <SubmitButton>{isNew ? t('desk.vacancies.new.submit') : t('form.save')}</SubmitButton>
        </div>
      </PostForm>
    </DeskLayout>
  );
}

/** Only a verified employer posts vacancies: explained, with what to do next. */
export function NotYetVerifiedPage({ ctx, region, employer }: { ctx: PageContext; region: Region; employer: { id: string; name: string } }) {
  const { t } = ctx;
  const title = t('desk.vacancies.notVerified.title');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="vacancies" trail={[{ href: employerPath(region.slug, employer.id), label: employer.name }]}>
      <Heading>{title}</Heading>
      <P>{t('desk.vacancies.notVerified.text', { name: employer.name, region: region.name })}</P>
      <P>
        <A href={employerPath(region.slug, employer.id)}>{t('desk.vacancies.notVerified.back', { name: employer.name })}</A>
      </P>
    </DeskLayout>
  );
}

export function RemoveVacancyPage({ ctx, region, vacancy }: { ctx: PageContext; region: Region; vacancy: Vacancy }) {
  const { t } = ctx;
  const title = t('desk.vacancies.remove.title', { title: vacancy.title });
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="vacancies" trail={[listCrumb(ctx, region), { href: vacancyPath(region.slug, vacancy.id), label: vacancy.title }]}>
      <Heading>{title}</Heading>
      <P>{t('desk.vacancies.remove.explain')}</P>
      <PostForm ctx={ctx} action={vacancyPath(region.slug, vacancy.id, '/verwijderen')}>
        <input type="hidden" name="confirm" value="ja" />
        <div class="mmm-form-actions">
          <SubmitButton>{t('desk.vacancies.remove.submit')}</SubmitButton>
          <a class="utrecht-link" href={vacancyPath(region.slug, vacancy.id)}>
            {t('form.cancel')}
          </a>
        </div>
      </PostForm>
    </DeskLayout>
  );
}
