import { Fragment, type ComponentChildren } from 'preact';
import {
  CheckboxField,
  A,
  ErrorSummary,
  Heading,
  Notice,
  P,
  Paragraphs,
  PostForm,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../../platform/views/components.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import { BADGE_HEIGHT, BADGE_WIDTH, badgeTitle } from './badge.js';
import { DeskLayout, ReportLink } from '../shared/layout.js';
import { deskPath, type Region } from '../shared/region.js';
import {
  EMPLOYER_CITY_MAX,
  EMPLOYER_CONTACT_NAME_MAX,
  EMPLOYER_DESCRIPTION_MAX,
  EMPLOYER_NAME_MAX,
  EMPLOYER_OFFER_MAX,
  PHONE_MAX,
  PLEDGE_TEXT,
  REJECTION_REASON_MAX,
  WEBSITE_MAX,
  type EmployerFormField,
} from './employers.schemas.js';
import { employerPath, employerReviewPath, type Employer, type EmployerMember, type EmployerStatus } from './employers.service.js';
import { vacancyPath, type Vacancy } from './vacancies.service.js';

// Shared pieces (the vacancy pages use them too)

/** A date ('YYYY-MM-DD') or moment (ISO) as a Dutch or English day, e.g. "3 maart 2025". */
export function formatDay(value: string, locale: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(date);
}

/** The year in the Netherlands of a moment (ISO). */
export function dutchYear(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

/** A definition list of facts; rows without a value are left out. */
export function Facts({ rows }: { rows: readonly { label: string; value: ComponentChildren }[] }) {
  const shown = rows.filter((r) => r.value !== null && r.value !== undefined && r.value !== '');
  if (shown.length === 0) return null;
  return (
    <dl class="mmm-facts">
      {shown.map((r) => (
        <Fragment key={r.label}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function statusLabel(ctx: PageContext, status: EmployerStatus): string {
  const keys: Record<EmployerStatus, MessageKey> = {
    pending: 'desk.employers.status.pending',
    verified: 'desk.employers.status.verified',
    rejected: 'desk.employers.status.rejected',
    withdrawn: 'desk.employers.status.withdrawn',
  };
  return ctx.t(keys[status]);
}

/** What an employer offers, only the parts it filled in. */
function Offers({ ctx, employer, headingLevel }: { ctx: PageContext; employer: Employer; headingLevel: 2 | 3 }) {
  const { t } = ctx;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const hClass = headingLevel === 2 ? 'utrecht-heading-2' : 'utrecht-heading-3';
  const parts: { key: MessageKey; text: string }[] = [
    { key: 'desk.employers.offer.adjustments', text: employer.offersAdjustments },
    { key: 'desk.employers.offer.guidance', text: employer.offersGuidance },
    { key: 'desk.employers.offer.trialPlacements', text: employer.offersTrialPlacements },
  ];
  return (
    <>
      {parts
        .filter((p) => p.text !== '')
        .map((p) => (
          <section key={p.key}>
            <H class={hClass}>{t(p.key)}</H>
            <Paragraphs text={p.text} />
          </section>
        ))}
    </>
  );
}

function offerSummary(ctx: PageContext, employer: Employer): string {
  const parts: string[] = [];
  if (employer.offersAdjustments) parts.push(ctx.t('desk.employers.offer.adjustmentsShort'));
  if (employer.offersGuidance) parts.push(ctx.t('desk.employers.offer.guidanceShort'));
  if (employer.offersTrialPlacements) parts.push(ctx.t('desk.employers.offer.trialPlacementsShort'));
  return parts.join(', ');
}

function listCrumb(ctx: PageContext, region: Region) {
  return { href: deskPath(region.slug, '/werkgevers'), label: ctx.t('desk.section.employers') };
}

// The register

export function EmployersListPage({
  ctx,
  region,
  employers,
  query,
  mine,
}: {
  ctx: PageContext;
  region: Region;
  employers: readonly Employer[];
  query: string;
  mine: readonly { id: string; name: string; status: EmployerStatus }[];
}) {
  const { t } = ctx;
  const title = t('desk.employers.list.title', { region: region.name });
  const action = deskPath(region.slug, '/werkgevers');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="employers">
      <Heading>{title}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('desk.employers.list.intro', { pledge: PLEDGE_TEXT })}</p>
      <form method="get" action={action} class="mmm-filters" role="search" aria-label={t('desk.employers.list.filterLabel')}>
        <div class="utrecht-form-field mmm-filter">
          <label class="utrecht-form-label" for="filter-q">
            {t('desk.employers.list.filter')}
          </label>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="filter-q" name="q" value={query} maxLength={100} />
        </div>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('desk.employers.list.filterButton')}
        </button>
      </form>
      {employers.length === 0 ? (
        <P>{query ? t('desk.employers.list.noMatch') : t('desk.employers.list.empty')}</P>
      ) : (
        <>
          <p class="utrecht-paragraph mmm-muted" role="status">
            {t('desk.employers.list.count', { count: employers.length })}
          </p>
          <ul class="mmm-cards">
            {employers.map((e) => (
              <li class="mmm-card" key={e.id}>
                <h2 class="utrecht-heading-3">
                  <A href={employerPath(region.slug, e.id)}>{e.name}</A>
                </h2>
                <P>{e.city}</P>
                <P>{t('desk.employers.list.offers', { offers: offerSummary(ctx, e) })}</P>
                <p class="utrecht-paragraph">
                  {t('desk.employers.list.contact', { name: e.contactName })}{' '}
                  <a class="utrecht-link" href={`mailto:${e.contactEmail}`}>
                    {e.contactEmail}
                  </a>
                  {e.contactPhone ? (
                    <>
                      {', '}
                      <a class="utrecht-link" href={`tel:${e.contactPhone.replace(/[^0-9+]/g, '')}`}>
                        {e.contactPhone.replace(/ /g, '\u00a0')}
                      </a>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 class="utrecht-heading-2">{t('desk.employers.list.joinTitle')}</h2>
      <P>{t('desk.employers.list.joinText')}</P>
      <P>
        <A href={deskPath(region.slug, '/werkgevers/aanmelden')}>{t('desk.employers.list.join')}</A>
      </P>
      {mine.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('desk.employers.list.mine')}</h2>
          <ul class="utrecht-unordered-list">
            {mine.map((m) => (
              <li key={m.id}>
                <A href={employerPath(region.slug, m.id)}>{m.name}</A> ({statusLabel(ctx, m.status)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </DeskLayout>
  );
}

// One employer

export interface EmployerViewer {
  readonly isMember: boolean;
  readonly isCoordinator: boolean;
}

function StatusNotice({ ctx, employer }: { ctx: PageContext; employer: Employer }) {
  const { t, locale } = ctx;
  if (employer.status === 'verified') return null;
  if (employer.status === 'pending') return <Notice kind="info">{t('desk.employers.notice.pending')}</Notice>;
  if (employer.status === 'withdrawn') {
    return <Notice kind="warning">{t('desk.employers.notice.withdrawn', { date: formatDay(employer.withdrawnAt ?? employer.updatedAt, locale) })}</Notice>;
  }
  return (
    <Notice kind="warning">
      <P>{t('desk.employers.notice.rejected')}</P>
      {employer.rejectionReason ? <Paragraphs text={employer.rejectionReason} /> : null}
    </Notice>
  );
}

/** For the HTML snippets people copy into their own site. */
function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function BadgeCode({ ctx, region, employer, baseUrl }: { ctx: PageContext; region: Region; employer: Employer; baseUrl: string }) {
  const { t } = ctx;
  const check = `${baseUrl}${employerPath(region.slug, employer.id, '/controle')}`;
  const badge = `${baseUrl}${employerPath(region.slug, employer.id, '/badge.svg')}`;
  const alt = escapeHtml(`${badgeTitle(region.name)}: ${employer.name}`);
  const imageSnippet = `<a href="${escapeHtml(check)}"><img src="${escapeHtml(badge)}" alt="${alt}" width="${BADGE_WIDTH}" height="${BADGE_HEIGHT}"></a>`;
  const linkSnippet = `<a href="${escapeHtml(check)}">${escapeHtml(badgeTitle(region.name))}</a>`;
  return (
    <section aria-labelledby="badge-titel">
      <h2 id="badge-titel" class="utrecht-heading-2">
        {t('desk.employers.badge.title')}
      </h2>
      <P>{t('desk.employers.badge.intro')}</P>
      <p class="utrecht-paragraph">
        <img class="mmm-badge-preview" src={employerPath(region.slug, employer.id, '/badge.svg')} alt={`${badgeTitle(region.name)}: ${employer.name}`} width={BADGE_WIDTH} height={BADGE_HEIGHT} />
      </p>
      <div class="utrecht-form-field utrecht-form-field--text">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="veld-badge-afbeelding">
            {t('desk.employers.badge.imageCode')}
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <textarea class="utrecht-textarea utrecht-textarea--html-textarea mmm-code-box" id="veld-badge-afbeelding" rows={4} readOnly>
            {imageSnippet}
          </textarea>
        </div>
      </div>
      <div class="utrecht-form-field utrecht-form-field--text">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="veld-badge-link">
            {t('desk.employers.badge.linkCode')}
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <textarea class="utrecht-textarea utrecht-textarea--html-textarea mmm-code-box" id="veld-badge-link" rows={2} readOnly>
            {linkSnippet}
          </textarea>
        </div>
      </div>
      <P>
        {t('desk.employers.badge.checkPage')} <A href={employerPath(region.slug, employer.id, '/controle')}>{check}</A>
      </P>
    </section>
  );
}

export function EmployerPage({
  ctx,
  region,
  employer,
  viewer,
  openVacancies,
  allVacancies,
  baseUrl,
}: {
  ctx: PageContext;
  region: Region;
  employer: Employer;
  viewer: EmployerViewer;
  openVacancies: readonly Vacancy[];
  /** Every vacancy, for members and the coordinator; empty for others. */
  allVacancies: readonly Vacancy[];
  baseUrl: string;
}) {
  const { t, locale } = ctx;
  const manages = viewer.isMember || viewer.isCoordinator;
  const canAddVacancy = employer.status === 'verified' || viewer.isCoordinator;
  return (
    <DeskLayout ctx={ctx} region={region} title={employer.name} section="employers" trail={[listCrumb(ctx, region)]}>
      {manages ? <StatusNotice ctx={ctx} employer={employer} /> : null}
      <Heading>{employer.name}</Heading>
      <p class="utrecht-paragraph mmm-intro">{employer.city}</p>
      {employer.status === 'verified' && employer.verifiedAt ? (
        <P>{t('desk.employers.page.verifiedSince', { date: formatDay(employer.verifiedAt, locale), region: region.name, pledge: PLEDGE_TEXT })}</P>
      ) : null}
      <Paragraphs text={employer.description} />
      <h2 class="utrecht-heading-2">{t('desk.employers.page.offers')}</h2>
      <Offers ctx={ctx} employer={employer} headingLevel={3} />
      <h2 class="utrecht-heading-2">{t('desk.employers.page.contact')}</h2>
      <Facts
        rows={[
          { label: t('desk.employers.field.contactName'), value: employer.contactName },
          { label: t('desk.employers.field.contactEmail'), value: <a class="utrecht-link" href={`mailto:${employer.contactEmail}`}>{employer.contactEmail}</a> },
          { label: t('desk.employers.field.contactPhone'), value: employer.contactPhone ? <a class="utrecht-link" href={`tel:${employer.contactPhone.replace(/[^0-9+]/g, '')}`}>{employer.contactPhone.replace(/ /g, '\u00a0')}</a> : null },
          { label: t('desk.employers.field.website'), value: employer.website ? <a class="utrecht-link" href={employer.website} rel="noopener noreferrer">{employer.website}</a> : null },
        ]}
      />
      <h2 class="utrecht-heading-2">{t('desk.employers.page.vacancies')}</h2>
      {openVacancies.length === 0 ? (
        <P>{t('desk.employers.page.noVacancies')}</P>
      ) : (
        <ul class="utrecht-unordered-list">
          {openVacancies.map((v) => (
            <li key={v.id}>
              <A href={vacancyPath(region.slug, v.id)}>{v.title}</A> — {v.place}, {v.hours}
            </li>
          ))}
        </ul>
      )}
      {manages ? (
        <section aria-labelledby="beheer-titel">
          <h2 id="beheer-titel" class="utrecht-heading-2">
            {t('desk.employers.manage.title')}
          </h2>
          <ul class="utrecht-unordered-list">
            <li>
              <A href={employerPath(region.slug, employer.id, '/bewerken')}>{t('desk.employers.manage.edit')}</A>
            </li>
            {canAddVacancy ? (
              <li>
                <A href={employerPath(region.slug, employer.id, '/vacatures/nieuw')}>{t('desk.employers.manage.newVacancy')}</A>
              </li>
            ) : null}
            {employer.status === 'withdrawn' || employer.status === 'rejected' ? (
              <li>
                <A href={employerPath(region.slug, employer.id, '/opnieuw-aanmelden')}>{t('desk.employers.manage.repledge')}</A>
              </li>
            ) : (
              <li>
                <A href={employerPath(region.slug, employer.id, '/intrekken')}>{t('desk.employers.manage.withdraw')}</A>
              </li>
            )}
            {viewer.isCoordinator ? (
              <li>
                <A href={employerReviewPath(region.slug, employer.id)}>{t('desk.employers.manage.review')}</A>
              </li>
            ) : null}
          </ul>
          {employer.status === 'verified' ? null : <P>{t('desk.employers.manage.vacanciesAfterVerification')}</P>}
          {allVacancies.length > 0 ? (
            <>
              <h3 class="utrecht-heading-3">{t('desk.employers.manage.allVacancies')}</h3>
              <ul class="utrecht-unordered-list">
                {allVacancies.map((v) => (
                  <li key={v.id}>
                    <A href={vacancyPath(region.slug, v.id)}>{v.title}</A> —{' '}
                    {t(v.status === 'hidden' ? 'desk.employers.manage.vacancyHidden' : 'desk.employers.manage.vacancyUntil', { date: formatDay(v.expiresOn, locale) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {manages && employer.status === 'verified' ? <BadgeCode ctx={ctx} region={region} employer={employer} baseUrl={baseUrl} /> : null}
      {employer.status === 'verified' ? <ReportLink ctx={ctx} region={region} kind="employer" id={employer.id} /> : null}
    </DeskLayout>
  );
}

// Registering and editing

export type EmployerFormMode = { kind: 'register' } | { kind: 'edit'; employer: Employer; version: number; conflict: boolean };

function employerField(ctx: PageContext, state: FormState, name: EmployerFormField) {
  const { t } = ctx;
  const props = { values: state.values, errors: state.errors };
  switch (name) {
    case 'name':
      return <TextField name="name" label={t('desk.employers.field.name')} maxLength={EMPLOYER_NAME_MAX} autocomplete="organization" required {...props} />;
    case 'city':
      return <TextField name="city" label={t('desk.employers.field.city')} hint={t('desk.employers.field.city.hint')} maxLength={EMPLOYER_CITY_MAX} required {...props} />;
    case 'description':
      return <TextAreaField name="description" label={t('desk.employers.field.description')} hint={t('desk.employers.field.description.hint')} rows={5} maxLength={EMPLOYER_DESCRIPTION_MAX} required {...props} />;
    case 'offersAdjustments':
      return <TextAreaField name="offersAdjustments" label={t('desk.employers.offer.adjustments')} hint={t('desk.employers.field.offersAdjustments.hint')} rows={3} maxLength={EMPLOYER_OFFER_MAX} {...props} />;
    case 'offersGuidance':
      return <TextAreaField name="offersGuidance" label={t('desk.employers.offer.guidance')} hint={t('desk.employers.field.offersGuidance.hint')} rows={3} maxLength={EMPLOYER_OFFER_MAX} {...props} />;
    case 'offersTrialPlacements':
      return <TextAreaField name="offersTrialPlacements" label={t('desk.employers.offer.trialPlacements')} hint={t('desk.employers.field.offersTrialPlacements.hint')} rows={3} maxLength={EMPLOYER_OFFER_MAX} {...props} />;
    case 'contactName':
      return <TextField name="contactName" label={t('desk.employers.field.contactName')} maxLength={EMPLOYER_CONTACT_NAME_MAX} autocomplete="name" required {...props} />;
    case 'contactEmail':
      return <TextField name="contactEmail" type="email" label={t('desk.employers.field.contactEmail')} maxLength={254} autocomplete="email" required {...props} />;
    case 'contactPhone':
      return <TextField name="contactPhone" label={`${t('desk.employers.field.contactPhone')} ${t('form.optional')}`} maxLength={PHONE_MAX} autocomplete="tel" inputMode="tel" {...props} />;
    case 'website':
      return <TextField name="website" type="url" label={`${t('desk.employers.field.website')} ${t('form.optional')}`} hint={t('desk.employers.field.website.hint')} maxLength={WEBSITE_MAX} autocomplete="url" {...props} />;
  }
}

export function EmployerFormPage({ ctx, region, mode, state }: { ctx: PageContext; region: Region; mode: EmployerFormMode; state: FormState }) {
  const { t } = ctx;
  const register = mode.kind === 'register';
  const title = register ? t('desk.employers.register.title') : t('desk.employers.edit.title', { name: mode.employer.name });
  const action = register ? deskPath(region.slug, '/werkgevers/aanmelden') : employerPath(region.slug, mode.employer.id, '/bewerken');
  const trail = register ? [listCrumb(ctx, region)] : [listCrumb(ctx, region), { href: employerPath(region.slug, mode.employer.id), label: mode.employer.name }];
  const f = (name: EmployerFormField) => employerField(ctx, state, name);
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="employers" trail={trail}>
      <Heading>{title}</Heading>
      {register ? <p class="utrecht-paragraph mmm-intro">{t('desk.employers.register.intro')}</p> : null}
      {!register && mode.conflict ? <Notice kind="warning">{t('desk.employers.edit.conflict')}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={action}>
        {register ? null : <input type="hidden" name="version" value={String(mode.version)} />}
        {f('name')}
        {f('city')}
        {f('description')}
        <fieldset class="utrecht-form-fieldset" aria-describedby="aanbod-uitleg">
          <legend class="utrecht-form-fieldset__legend">{t('desk.employers.field.offers')}</legend>
          <div class="utrecht-form-field-description" id="aanbod-uitleg">
            {t('desk.employers.field.offers.hint')}
          </div>
          {f('offersAdjustments')}
          {f('offersGuidance')}
          {f('offersTrialPlacements')}
        </fieldset>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('desk.employers.field.contact')}</legend>
          {f('contactName')}
          {f('contactEmail')}
          {f('contactPhone')}
          {f('website')}
        </fieldset>
        {register ? <CheckboxField name="pledge" label={PLEDGE_TEXT} hint={t('desk.employers.field.pledge.hint')} values={state.values} errors={state.errors} /> : null}
        <div class="mmm-form-actions">
          <SubmitButton>{register ? t('desk.employers.register.submit') : t('form.save')}</SubmitButton>
        </div>
      </PostForm>
    </DeskLayout>
  );
}

// Withdrawing and pledging again

export function WithdrawPage({ ctx, region, employer }: { ctx: PageContext; region: Region; employer: Employer }) {
  const { t } = ctx;
  const title = t('desk.employers.withdraw.title', { name: employer.name });
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="employers" trail={[listCrumb(ctx, region), { href: employerPath(region.slug, employer.id), label: employer.name }]}>
      <Heading>{title}</Heading>
      <P>{t('desk.employers.withdraw.explain')}</P>
      <PostForm ctx={ctx} action={employerPath(region.slug, employer.id, '/intrekken')}>
        <input type="hidden" name="confirm" value="ja" />
        <div class="mmm-form-actions">
          <SubmitButton>{t('desk.employers.withdraw.submit')}</SubmitButton>
          <a class="utrecht-link" href={employerPath(region.slug, employer.id)}>
            {t('form.cancel')}
          </a>
        </div>
      </PostForm>
    </DeskLayout>
  );
}

export function RepledgePage({ ctx, region, employer, state }: { ctx: PageContext; region: Region; employer: Employer; state: FormState }) {
  const { t } = ctx;
  const title = t('desk.employers.repledge.title', { name: employer.name });
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="employers" trail={[listCrumb(ctx, region), { href: employerPath(region.slug, employer.id), label: employer.name }]}>
      <Heading>{title}</Heading>
      <P>{t('desk.employers.repledge.explain')}</P>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={employerPath(region.slug, employer.id, '/opnieuw-aanmelden')}>
        <CheckboxField name="pledge" label={PLEDGE_TEXT} values={state.values} errors={state.errors} />
        <div class="mmm-form-actions">
          <SubmitButton>{t('desk.employers.repledge.submit')}</SubmitButton>
        </div>
      </PostForm>
    </DeskLayout>
  );
}

// The coordinator's verification

export function EmployerReviewPage({
  ctx,
  region,
  employer,
  members,
  state,
  problem,
}: {
  ctx: PageContext;
  region: Region;
  employer: Employer;
  members: readonly EmployerMember[];
  state: FormState;
  problem?: string;
}) {
  const { t, locale } = ctx;
  const title = t('desk.employers.review.title', { name: employer.name });
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="manage" trail={[{ href: employerPath(region.slug, employer.id), label: employer.name }]}>
      <Heading>{title}</Heading>
      {problem ? <Notice kind="warning">{problem}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <Facts
        rows={[
          { label: t('desk.employers.review.status'), value: statusLabel(ctx, employer.status) },
          { label: t('desk.employers.review.pledgedAt'), value: formatDay(employer.pledgedAt, locale) },
          { label: t('desk.employers.field.city'), value: employer.city },
          { label: t('desk.employers.field.contactName'), value: employer.contactName },
          { label: t('desk.employers.field.contactEmail'), value: employer.contactEmail },
          { label: t('desk.employers.field.contactPhone'), value: employer.contactPhone },
          { label: t('desk.employers.field.website'), value: employer.website },
          { label: t('desk.employers.review.members'), value: members.map((m) => `${m.name} (${m.email})`).join(', ') },
        ]}
      />
      <h2 class="utrecht-heading-2">{t('desk.employers.field.description')}</h2>
      <Paragraphs text={employer.description} />
      <h2 class="utrecht-heading-2">{t('desk.employers.page.offers')}</h2>
      <Offers ctx={ctx} employer={employer} headingLevel={3} />
      {employer.rejectionReason ? (
        <>
          <h2 class="utrecht-heading-2">{t('desk.employers.review.earlierReason')}</h2>
          <Paragraphs text={employer.rejectionReason} />
        </>
      ) : null}
      {employer.status === 'pending' || employer.status === 'rejected' ? (
        <>
          <h2 class="utrecht-heading-2">{t('desk.employers.review.verifyTitle')}</h2>
          <P>{t('desk.employers.review.verifyExplain')}</P>
          <PostForm ctx={ctx} action={employerReviewPath(region.slug, employer.id, '/verifieren')}>
            <SubmitButton>{t('desk.employers.review.verify')}</SubmitButton>
          </PostForm>
        </>
      ) : null}
      {employer.status === 'pending' || employer.status === 'verified' ? (
        <>
          <h2 class="utrecht-heading-2">{t('desk.employers.review.rejectTitle')}</h2>
          <PostForm ctx={ctx} action={employerReviewPath(region.slug, employer.id, '/afwijzen')}>
            <TextAreaField
              name="reason"
              label={t('desk.employers.review.reason')}
              hint={t('desk.employers.review.reason.hint')}
              rows={4}
              maxLength={REJECTION_REASON_MAX}
              required
              values={state.values}
              errors={state.errors}
            />
            <div class="mmm-form-actions">
              <SubmitButton secondary>{t('desk.employers.review.reject')}</SubmitButton>
            </div>
          </PostForm>
        </>
      ) : null}
      {employer.status === 'withdrawn' ? <P>{t('desk.employers.review.withdrawn')}</P> : null}
    </DeskLayout>
  );
}

// The verification page behind the badge

export type CheckOutcome = { kind: 'genuine'; employer: Employer } | { kind: 'withdrawn'; employer: Employer } | { kind: 'unknown' };

export function EmployerCheckPage({ ctx, region, outcome }: { ctx: PageContext; region: Region; outcome: CheckOutcome }) {
  const { t, locale } = ctx;
  const title = t('desk.employers.check.title');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="employers" trail={[listCrumb(ctx, region)]}>
      <Heading>{title}</Heading>
      {outcome.kind === 'genuine' ? (
        <>
          <Notice kind="ok">
            <P>{t('desk.employers.check.genuine', { name: outcome.employer.name, region: region.name })}</P>
          </Notice>
          <Facts
            rows={[
              { label: t('desk.employers.check.employer'), value: <A href={employerPath(region.slug, outcome.employer.id)}>{outcome.employer.name}</A> },
              { label: t('desk.employers.field.city'), value: outcome.employer.city },
              { label: t('desk.employers.check.since'), value: outcome.employer.verifiedAt ? formatDay(outcome.employer.verifiedAt, locale) : '' },
              { label: t('desk.employers.check.by'), value: t('desk.title', { region: region.name }) },
              { label: t('desk.employers.check.pledge'), value: PLEDGE_TEXT },
            ]}
          />
        </>
      ) : outcome.kind === 'withdrawn' ? (
        <Notice kind="warning">
          <P>{t('desk.employers.check.withdrawn', { name: outcome.employer.name, region: region.name })}</P>
        </Notice>
      ) : (
        <Notice kind="warning">
          <P>{t('desk.employers.check.unknown', { region: region.name })}</P>
        </Notice>
      )}
      <P>
        <A href={deskPath(region.slug, '/werkgevers')}>{t('desk.employers.check.register', { region: region.name })}</A>
      </P>
    </DeskLayout>
  );
}
