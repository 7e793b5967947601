import type { ComponentChildren } from 'preact';
import {
  CheckboxField,
  ActionButton,
  ErrorSummary,
  formatDateTime,
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
} from '../../../platform/views/components.js';
import type { Crumb } from '../../../platform/views/layout.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import { CrisisHelp, DeskLayout, ReportLink } from '../shared/layout.js';
import { deskPath, type Region } from '../shared/region.js';
import { ANSWER_MAX_LENGTH, FAQ_FILTER_MAX_LENGTH, QUESTION_MAX_LENGTH, ROUTING_NOTE_MAX_LENGTH } from './questions.schemas.js';
import { excerpt, privatePath, type CoordinatorOverview, type OwnQuestion, type PublicFaq, type QuestionStatus, type StaffQuestion } from './questions.service.js';

export const ASK_FORM_ID = 'vraagformulier';

export function askPath(regionSlug: string): string {
  return deskPath(regionSlug, '/vraag');
}

export function faqsPath(regionSlug: string): string {
  return deskPath(regionSlug, '/vragen');
}

export function faqPath(regionSlug: string, faqId: string): string {
  return deskPath(regionSlug, `/vragen/${encodeURIComponent(faqId)}`);
}

export function manageQuestionsPath(regionSlug: string): string {
  return deskPath(regionSlug, '/beheer/vragen');
}

export function manageQuestionPath(regionSlug: string, questionId: string): string {
  return deskPath(regionSlug, `/beheer/vragen/${encodeURIComponent(questionId)}`);
}

export function answerPath(regionSlug: string, questionId: string): string {
  return deskPath(regionSlug, `/vragen/${encodeURIComponent(questionId)}/beantwoorden`);
}

export function myQuestionsPath(regionSlug: string): string {
  return deskPath(regionSlug, '/mijn-vragen');
}

function askCrumb(ctx: PageContext, region: Region): Crumb {
  return { href: askPath(region.slug), label: ctx.t('desk.questions.ask.title') };
}

function manageCrumb(ctx: PageContext, region: Region): Crumb {
  return { href: manageQuestionsPath(region.slug), label: ctx.t('desk.questions.manage.title') };
}

function H2({ children, id }: { children: ComponentChildren; id?: string }) {
  return (
    <h2 class="utrecht-heading-2" id={id}>
      {children}
    </h2>
  );
}

function FaqLinks({ ctx, region, faqs }: { ctx: PageContext; region: Region; faqs: readonly PublicFaq[] }) {
  return (
    <ul class="utrecht-unordered-list">
      {faqs.map((f) => (
        <li key={f.id}>
          <a class="utrecht-link" href={faqPath(region.slug, f.id)}>
            {excerpt(f.question, 160)}
          </a>{' '}
          <span class="mmm-muted">{ctx.t('desk.questions.faqs.answeredBy', { organisation: f.answeredBy })}</span>
        </li>
      ))}
    </ul>
  );
}

// Asking

export interface AskPageProps {
  readonly ctx: PageContext;
  readonly region: Region;
  readonly state: FormState;
  /** The question read like a crisis: help first, then the form to send it anyway. */
  readonly crisis: boolean;
  /** The newest published FAQ (a few) shown under the form. */
  readonly faqs: readonly PublicFaq[];
}

export function AskPage({ ctx, region, state, crisis, faqs }: AskPageProps) {
  const { t } = ctx;
  const values: FormValues = state.values ?? {};
  const errors = state.errors ?? {};
  const crisisSeen = crisis || values.crisisGezien === '1';
  return (
    <DeskLayout ctx={ctx} region={region} title={t('desk.questions.ask.title')} section="ask">
      <Heading>{t('desk.questions.ask.title')}</Heading>
      <ErrorSummary ctx={ctx} errors={errors} />
      {crisis ? (
        <section class="mmm-crisis-check" aria-labelledby="crisis-vraag">
          <H2 id="crisis-vraag">{t('desk.questions.crisis.title')}</H2>
          <P>{t('desk.questions.crisis.body')}</P>
          <CrisisHelp ctx={ctx} headingLevel={3} />
          <P>{t('desk.questions.crisis.stillSend')}</P>
          <button type="submit" form={ASK_FORM_ID} class="utrecht-button utrecht-button--secondary-action">
            {t('desk.questions.crisis.sendAnyway')}
          </button>
        </section>
      ) : null}
      <P>{t('desk.questions.ask.intro', { region: region.name })}</P>
      {crisis ? null : <CrisisHelp ctx={ctx} />}
      <section aria-labelledby="zo-gaan-we-ermee-om">
        <H2 id="zo-gaan-we-ermee-om">{t('desk.questions.ask.howTitle')}</H2>
        <ul class="utrecht-unordered-list">
          <li>{t('desk.questions.ask.how.noAccount')}</li>
          <li>{t('desk.questions.ask.how.readers', { region: region.name })}</li>
          <li>{t('desk.questions.ask.how.email')}</li>
          <li>{t('desk.questions.ask.how.link')}</li>
          <li>{t('desk.questions.ask.how.publish')}</li>
        </ul>
      </section>
      <H2>{t('desk.questions.ask.formTitle')}</H2>
      <PostForm ctx={ctx} action={askPath(region.slug)} id={ASK_FORM_ID}>
        {crisisSeen ? <input type="hidden" name="crisisGezien" value="1" /> : null}
        <TextAreaField
          name="vraag"
          label={t('desk.questions.field.question')}
          hint={t('desk.questions.field.questionHint')}
          values={values}
          errors={errors}
          rows={8}
          maxLength={QUESTION_MAX_LENGTH}
          required
        />
        <TextField
          name="email"
          type="email"
          autocomplete="email"
          label={t('desk.questions.field.email')}
          hint={t('desk.questions.field.emailHint')}
          values={values}
          errors={errors}
          maxLength={254}
        />
        <CheckboxField
          name="toestemming"
          value="1"
          checked={values.toestemming === '1'}
          label={t('desk.questions.field.consent')}
          hint={t('desk.questions.field.consentHint')}
          errors={errors}
        />
        {/* A field people never see: programs that fill in every field give themselves away. */}
        <div class="mmm-honeypot" aria-hidden="true">
          <label for="veld-website">{t('desk.questions.field.honeypot')}</label>
          <input type="text" id="veld-website" name="website" value="" tabIndex={-1} autocomplete="off" />
        </div>
        <SubmitButton>{crisis ? t('desk.questions.crisis.sendAnyway') : t('desk.questions.ask.submit')}</SubmitButton>
      </PostForm>
      <section aria-labelledby="vragen-van-anderen">
        <H2 id="vragen-van-anderen">{t('desk.questions.ask.faqTitle')}</H2>
        {faqs.length === 0 ? <P>{t('desk.questions.ask.faqNone')}</P> : <FaqLinks ctx={ctx} region={region} faqs={faqs} />}
        <P>
          <a class="utrecht-link" href={faqsPath(region.slug)}>
            {t('desk.questions.ask.faqAll', { region: region.name })}
          </a>
        </P>
      </section>
    </DeskLayout>
  );
}

export function SentPage({ ctx, region, link }: { ctx: PageContext; region: Region; link: string | null }) {
  const { t } = ctx;
  return (
    <DeskLayout ctx={ctx} region={region} title={t('desk.questions.sent.title')} section="ask" trail={[askCrumb(ctx, region)]}>
      <Heading>{t('desk.questions.sent.title')}</Heading>
      <P>{t('desk.questions.sent.thanks')}</P>
      {link ? (
        <section class="mmm-card mmm-private-link" aria-labelledby="bewaar-link">
          <H2 id="bewaar-link">{t('desk.questions.sent.linkTitle')}</H2>
          <P>{t('desk.questions.sent.linkBody')}</P>
          <div class="utrecht-form-field utrecht-form-field--text">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="persoonlijke-link">
                {t('desk.questions.sent.linkLabel')}
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <input class="utrecht-textbox utrecht-textbox--html-input mmm-private-link__url" type="text" id="persoonlijke-link" value={link} readOnly />
            </div>
          </div>
          <P>
            <a class="utrecht-link" href={link}>
              {t('desk.questions.sent.open')}
            </a>
          </P>
          <P>{t('desk.questions.sent.emailCopy')}</P>
        </section>
      ) : (
        <P>{t('desk.questions.sent.noLink')}</P>
      )}
      <H2>{t('desk.questions.sent.nextTitle')}</H2>
      <P>{t('desk.questions.sent.next')}</P>
    </DeskLayout>
  );
}

// The asker's private page

function ownStatusText(ctx: PageContext, question: OwnQuestion): string {
  switch (question.status) {
    case 'routed':
      return ctx.t('desk.questions.own.status.routed', { organisation: question.organisationName ?? ctx.t('desk.questions.own.status.new') });
    case 'answered':
      return ctx.t('desk.questions.own.status.answered');
    case 'hidden':
      return ctx.t('desk.questions.own.status.hidden');
    default:
      return ctx.t('desk.questions.own.status.new');
  }
}

export interface OwnQuestionPageProps {
  readonly ctx: PageContext;
  readonly region: Region;
  readonly question: OwnQuestion;
  readonly token: string;
  readonly errors?: FieldErrors;
  readonly problem?: string;
}

export function OwnQuestionPage({ ctx, region, question, token, errors = {}, problem }: OwnQuestionPageProps) {
  const { t } = ctx;
  const base = privatePath(region.slug, token);
  const title = t('desk.questions.own.title', { region: region.name });
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="ask" trail={[askCrumb(ctx, region)]}>
      <Heading>{title}</Heading>
      <ErrorSummary ctx={ctx} errors={errors} />
      {problem ? <Notice kind="warning">{problem}</Notice> : null}
      <P>{t('desk.questions.own.private')}</P>
      <H2>{t('desk.questions.own.questionTitle')}</H2>
      <div class="mmm-card">
        <Paragraphs text={question.body} />
      </div>
      <P>{t('desk.questions.own.askedOn', { date: formatDateTime(question.createdAt, ctx.locale) })}</P>
      <H2>{t('desk.questions.own.statusTitle')}</H2>
      <P>{ownStatusText(ctx, question)}</P>
      {question.status !== 'hidden' && question.hasEmail ? <P>{t('desk.questions.own.emailKept')}</P> : null}
      {question.status === 'answered' && !question.hasEmail && question.emailDeleted ? <P>{t('desk.questions.own.emailDeleted')}</P> : null}
      {question.answer ? (
        <section aria-labelledby="het-antwoord">
          <H2 id="het-antwoord">{t('desk.questions.own.answerTitle')}</H2>
          <div class="mmm-card">
            <Paragraphs text={question.answer.body} />
          </div>
          <P>{t('desk.questions.own.answerBy', { organisation: question.answer.organisationName, date: formatDateTime(question.answer.createdAt, ctx.locale) })}</P>
        </section>
      ) : null}
      <section aria-labelledby="op-de-site">
        <H2 id="op-de-site">{t('desk.questions.own.consentTitle')}</H2>
        {question.published ? (
          <P>{t('desk.questions.own.published')}</P>
        ) : (
          <>
            <P>{question.consent ? t('desk.questions.own.consentYes') : t('desk.questions.own.consentNo')}</P>
            <PostForm ctx={ctx} action={`${base}/toestemming`}>
              <SubmitButton secondary name="toestemming" value={question.consent ? '0' : '1'}>
                {question.consent ? t('desk.questions.own.consentWithdraw') : t('desk.questions.own.consentGive')}
              </SubmitButton>
            </PostForm>
          </>
        )}
      </section>
      <section aria-labelledby="vraag-verwijderen">
        <H2 id="vraag-verwijderen">{t('desk.questions.own.deleteTitle')}</H2>
        <P>{t('desk.questions.own.deleteBody')}</P>
        {question.published ? <P>{t('desk.questions.own.deletePublished')}</P> : null}
        <PostForm ctx={ctx} action={`${base}/verwijderen`}>
          <CheckboxField name="bevestigen" value="ja" checked={false} label={t('desk.questions.own.deleteConfirm')} errors={errors} />
          <SubmitButton secondary>{t('desk.questions.own.deleteButton')}</SubmitButton>
        </PostForm>
      </section>
    </DeskLayout>
  );
}

export function OwnQuestionNotFoundPage({ ctx, region }: { ctx: PageContext; region: Region }) {
  const { t } = ctx;
  return (
    <DeskLayout ctx={ctx} region={region} title={t('desk.questions.own.notFoundTitle')} section="ask" trail={[askCrumb(ctx, region)]}>
      <Heading>{t('desk.questions.own.notFoundTitle')}</Heading>
      <P>{t('desk.questions.own.notFound')}</P>
      <P>
        <a class="utrecht-link" href={askPath(region.slug)}>
          {t('desk.questions.own.askAgain')}
        </a>
      </P>
    </DeskLayout>
  );
}

// The coordinator's pages

function staffStatusText(ctx: PageContext, status: QuestionStatus, organisationName: string | null): string {
  switch (status) {
    case 'routed':
      return ctx.t('desk.questions.status.routed', { organisation: organisationName ?? '' });
    case 'answered':
      return ctx.t('desk.questions.status.answered');
    case 'hidden':
      return ctx.t('desk.questions.status.hidden');
    default:
      return ctx.t('desk.questions.status.new');
  }
}

function CrisisMark({ ctx }: { ctx: PageContext }) {
  return <span class="mmm-badge">{ctx.t('desk.questions.manage.crisisMark')}</span>;
}

export function ManageQuestionsPage({ ctx, region, overview }: { ctx: PageContext; region: Region; overview: CoordinatorOverview }) {
  const { t } = ctx;
  const title = t('desk.questions.manage.title');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="manage">
      <Heading>{title}</Heading>
      <P>{t('desk.questions.manage.intro')}</P>
      <H2>{t('desk.questions.manage.newTitle')}</H2>
      {overview.fresh.length === 0 ? (
        <P>{t('desk.questions.manage.newNone')}</P>
      ) : (
        <Table head={[t('desk.questions.manage.col.question'), t('desk.questions.manage.col.received')]}>
          {overview.fresh.map((q) => (
            <tr key={q.id}>
              <td>
                <a class="utrecht-link" href={manageQuestionPath(region.slug, q.id)}>
                  {q.excerpt}
                </a>{' '}
                {q.lookedLikeCrisis ? <CrisisMark ctx={ctx} /> : null}
              </td>
              <td>{formatDateTime(q.createdAt, ctx.locale)}</td>
            </tr>
          ))}
        </Table>
      )}
      <H2>{t('desk.questions.manage.routedTitle')}</H2>
      {overview.routed.length === 0 ? (
        <P>{t('desk.questions.manage.routedNone')}</P>
      ) : (
        <Table head={[t('desk.questions.manage.col.question'), t('desk.questions.manage.col.routedTo'), t('desk.questions.manage.col.since')]}>
          {overview.routed.map((q) => (
            <tr key={q.id}>
              <td>
                <a class="utrecht-link" href={manageQuestionPath(region.slug, q.id)}>
                  {q.excerpt}
                </a>{' '}
                {q.lookedLikeCrisis ? <CrisisMark ctx={ctx} /> : null}
              </td>
              <td>{q.organisationName ?? ''}</td>
              <td>{formatDateTime(q.routedAt ?? q.createdAt, ctx.locale)}</td>
            </tr>
          ))}
        </Table>
      )}
      <H2>{t('desk.questions.manage.publishableTitle')}</H2>
      {overview.publishable.length === 0 ? (
        <P>{t('desk.questions.manage.publishableNone')}</P>
      ) : (
        <ul class="utrecht-unordered-list">
          {overview.publishable.map((q) => (
            <li key={q.id}>
              <a class="utrecht-link" href={manageQuestionPath(region.slug, q.id)}>
                {q.excerpt}
              </a>
            </li>
          ))}
        </ul>
      )}
      <H2>{t('desk.questions.manage.faqTitle')}</H2>
      {overview.faqs.length === 0 ? (
        <P>{t('desk.questions.manage.faqNone')}</P>
      ) : (
        <Table head={[t('desk.questions.manage.col.question'), t('desk.questions.manage.col.action')]}>
          {overview.faqs.map((f) => (
            <tr key={f.id}>
              <td>
                <a class="utrecht-link" href={faqPath(region.slug, f.id)}>
                  {excerpt(f.question)}
                </a>
              </td>
              <td>
                <ActionButton
                  ctx={ctx}
                  action={deskPath(region.slug, `/beheer/veelgestelde-vragen/${encodeURIComponent(f.id)}/verbergen`)}
                  label={t('desk.questions.manage.hideFaqLabel', { question: excerpt(f.question, 80) })}
                >
                  {t('desk.questions.manage.hideFaq')}
                </ActionButton>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </DeskLayout>
  );
}

export interface ManageQuestionPageProps {
  readonly ctx: PageContext;
  readonly region: Region;
  readonly question: StaffQuestion;
  readonly organisations: readonly { id: string; name: string }[];
  readonly routeState?: FormState;
  /** The FAQ form's values: the anonymised draft, or what the coordinator typed. */
  readonly faqState: FormState;
  /** Show the FAQ form with what was typed even though an FAQ now exists (someone else was quicker). */
  readonly keepFaqForm?: boolean;
  readonly problem?: string;
}

export function ManageQuestionPage({ ctx, region, question, organisations, routeState = {}, faqState, keepFaqForm = false, problem }: ManageQuestionPageProps) {
  const { t } = ctx;
  const title = t('desk.questions.detail.title', { date: formatDateTime(question.createdAt, ctx.locale) });
  const errors = { ...(routeState.errors ?? {}), ...(faqState.errors ?? {}) };
  const open = question.status === 'new' || question.status === 'routed';
  const showFaqForm = question.status === 'answered' && question.consent && (question.faqId === null || keepFaqForm);
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="manage" trail={[manageCrumb(ctx, region)]}>
      <Heading>{title}</Heading>
      <ErrorSummary ctx={ctx} errors={errors} />
      {problem ? <Notice kind="warning">{problem}</Notice> : null}
      {question.lookedLikeCrisis ? <Notice kind="warning">{t('desk.questions.detail.crisis')}</Notice> : null}
      <div class="mmm-card">
        <Paragraphs text={question.body} />
      </div>
      <ul class="utrecht-unordered-list">
        <li>
          {t('desk.questions.detail.status')}: {staffStatusText(ctx, question.status, question.organisationName)}
        </li>
        <li>
          {t('desk.questions.detail.emailKnown')}:{' '}
          {question.hasEmail
            ? t('desk.questions.detail.yes')
            : question.emailDeletedAt
              ? t('desk.questions.detail.emailDeletedOn', { date: formatDateTime(question.emailDeletedAt, ctx.locale) })
              : t('desk.questions.detail.no')}
        </li>
        <li>
          {t('desk.questions.detail.consent')}: {question.consent ? t('desk.questions.detail.yes') : t('desk.questions.detail.no')}
        </li>
        {question.routingNote ? <li>{t('desk.questions.detail.routingNote', { note: question.routingNote })}</li> : null}
      </ul>
      {question.answer ? (
        <section aria-labelledby="het-antwoord">
          <H2 id="het-antwoord">{t('desk.questions.own.answerTitle')}</H2>
          <div class="mmm-card">
            <Paragraphs text={question.answer.body} />
          </div>
          <P>{t('desk.questions.own.answerBy', { organisation: question.answer.organisationName, date: formatDateTime(question.answer.createdAt, ctx.locale) })}</P>
          {question.answer.sentAt ? (
            <P>{t('desk.questions.detail.answerSent', { date: formatDateTime(question.answer.sentAt, ctx.locale) })}</P>
          ) : question.hasEmail ? (
            <P>{t('desk.questions.detail.answerNotSent')}</P>
          ) : null}
        </section>
      ) : null}
      {open ? (
        <section aria-labelledby="doorsturen">
          <H2 id="doorsturen">{t('desk.questions.route.title')}</H2>
          {organisations.length === 0 ? (
            <P>{t('desk.questions.route.noOrganisations')}</P>
          ) : (
            <PostForm ctx={ctx} action={`${manageQuestionPath(region.slug, question.id)}/doorsturen`}>
              <SelectField
                name="organisationId"
                label={t('desk.questions.route.organisation')}
                hint={t('desk.questions.route.organisationHint')}
                options={organisations.map((o) => ({ value: o.id, label: o.name }))}
                emptyLabel={t('form.choose')}
                values={routeState.values ?? { organisationId: question.organisationId ?? '' }}
                errors={routeState.errors}
                required
              />
              <TextAreaField
                name="note"
                label={t('desk.questions.route.note')}
                hint={t('desk.questions.route.noteHint')}
                values={routeState.values}
                errors={routeState.errors}
                rows={3}
                maxLength={ROUTING_NOTE_MAX_LENGTH}
              />
              <SubmitButton>{t('desk.questions.route.submit')}</SubmitButton>
            </PostForm>
          )}
          <P>
            <a class="utrecht-link" href={answerPath(region.slug, question.id)}>
              {t('desk.questions.answerSelf')}
            </a>
          </P>
        </section>
      ) : null}
      {question.status === 'answered' ? (
        <section aria-labelledby="publiceren">
          <H2 id="publiceren">{t('desk.questions.faq.title')}</H2>
          {question.faqId ? (
            <P>
              {t('desk.questions.faq.exists')}{' '}
              <a class="utrecht-link" href={faqPath(region.slug, question.faqId)}>
                {t('desk.questions.faq.view')}
              </a>
            </P>
          ) : null}
          {!question.consent ? <P>{t('desk.questions.faq.noConsent')}</P> : null}
          {showFaqForm ? (
            <PostForm ctx={ctx} action={`${manageQuestionPath(region.slug, question.id)}/publiceren`}>
              <P>{t('desk.questions.faq.intro')}</P>
              <TextAreaField
                name="faqVraag"
                label={t('desk.questions.faq.question')}
                values={faqState.values}
                errors={faqState.errors}
                rows={6}
                maxLength={QUESTION_MAX_LENGTH}
                required
              />
              <TextAreaField
                name="faqAntwoord"
                label={t('desk.questions.faq.answer')}
                values={faqState.values}
                errors={faqState.errors}
                rows={10}
                maxLength={ANSWER_MAX_LENGTH}
                required
              />
              <SubmitButton>{t('desk.questions.faq.submit')}</SubmitButton>
            </PostForm>
          ) : null}
        </section>
      ) : null}
      {question.status !== 'hidden' ? (
        <section aria-labelledby="verbergen">
          <H2 id="verbergen">{t('desk.questions.hide.title')}</H2>
          <P>{t('desk.questions.hide.body')}</P>
          <PostForm ctx={ctx} action={`${manageQuestionPath(region.slug, question.id)}/verbergen`}>
            <SubmitButton secondary>{t('desk.questions.hide.submit')}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </DeskLayout>
  );
}

// The representative's pages

export interface MyQuestionsPageProps {
  readonly ctx: PageContext;
  readonly region: Region;
  readonly organisations: readonly { id: string; name: string }[];
  readonly open: readonly { id: string; excerpt: string; routedAt: string; organisationName: string }[];
  readonly answered: readonly { id: string; excerpt: string; routedAt: string; organisationName: string }[];
  readonly isCoordinator: boolean;
}

function QuestionTable({ ctx, region, rows }: { ctx: PageContext; region: Region; rows: MyQuestionsPageProps['open'] }) {
  const { t } = ctx;
  return (
    <Table head={[t('desk.questions.manage.col.question'), t('desk.questions.manage.col.routedTo'), t('desk.questions.manage.col.since')]}>
      {rows.map((q) => (
        <tr key={q.id}>
          <td>
            <a class="utrecht-link" href={answerPath(region.slug, q.id)}>
              {q.excerpt}
            </a>
          </td>
          <td>{q.organisationName}</td>
          <td>{formatDateTime(q.routedAt, ctx.locale)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function MyQuestionsPage({ ctx, region, organisations, open, answered, isCoordinator }: MyQuestionsPageProps) {
  const { t } = ctx;
  const title = t('desk.questions.mine.title');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="manage">
      <Heading>{title}</Heading>
      {isCoordinator ? (
        <P>
          <a class="utrecht-link" href={manageQuestionsPath(region.slug)}>
            {t('desk.questions.mine.manageLink')}
          </a>
        </P>
      ) : null}
      {organisations.length === 0 ? (
        <P>{t('desk.questions.mine.none')}</P>
      ) : (
        <>
          <P>{t('desk.questions.mine.intro', { region: region.name, organisations: organisations.map((o) => o.name).join(', ') })}</P>
          <H2>{t('desk.questions.mine.openTitle')}</H2>
          {open.length === 0 ? <P>{t('desk.questions.mine.openNone')}</P> : <QuestionTable ctx={ctx} region={region} rows={open} />}
          <H2>{t('desk.questions.mine.answeredTitle')}</H2>
          {answered.length === 0 ? <P>{t('desk.questions.mine.answeredNone')}</P> : <QuestionTable ctx={ctx} region={region} rows={answered} />}
        </>
      )}
    </DeskLayout>
  );
}

export interface AnswerPageProps {
  readonly ctx: PageContext;
  readonly region: Region;
  readonly question: StaffQuestion;
  /** The name the answer will carry: the organisation, or the desk when the coordinator answers. */
  readonly answererName: string;
  readonly backPath: string;
  readonly state?: FormState;
  readonly problem?: string;
}

export function AnswerPage({ ctx, region, question, answererName, backPath, state = {}, problem }: AnswerPageProps) {
  const { t } = ctx;
  const title = t('desk.questions.answer.title');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="manage">
      <Heading>{title}</Heading>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      {problem ? <Notice kind="warning">{problem}</Notice> : null}
      <H2>{t('desk.questions.answer.questionTitle')}</H2>
      <div class="mmm-card">
        <Paragraphs text={question.body} />
      </div>
      <ul class="utrecht-unordered-list">
        <li>{t('desk.questions.own.askedOn', { date: formatDateTime(question.createdAt, ctx.locale) })}</li>
        {question.organisationName && question.routedAt ? (
          <li>{t('desk.questions.answer.routed', { organisation: question.organisationName, date: formatDateTime(question.routedAt, ctx.locale) })}</li>
        ) : null}
        {question.routingNote ? <li>{t('desk.questions.detail.routingNote', { note: question.routingNote })}</li> : null}
        <li>{question.hasEmail ? t('desk.questions.answer.emailYes') : t('desk.questions.answer.emailNo')}</li>
      </ul>
      {question.answer ? (
        <section aria-labelledby="het-antwoord">
          <H2 id="het-antwoord">{t('desk.questions.own.answerTitle')}</H2>
          <P>{t('desk.questions.answer.already')}</P>
          <div class="mmm-card">
            <Paragraphs text={question.answer.body} />
          </div>
          <P>{t('desk.questions.own.answerBy', { organisation: question.answer.organisationName, date: formatDateTime(question.answer.createdAt, ctx.locale) })}</P>
          {question.answer.sentAt ? (
            <P>{t('desk.questions.detail.answerSent', { date: formatDateTime(question.answer.sentAt, ctx.locale) })}</P>
          ) : question.hasEmail ? (
            <P>{t('desk.questions.detail.answerNotSent')}</P>
          ) : null}
        </section>
      ) : (
        <PostForm ctx={ctx} action={answerPath(region.slug, question.id)}>
          <TextAreaField
            name="antwoord"
            label={t('desk.questions.answer.field')}
            hint={t('desk.questions.answer.hint', { name: answererName })}
            values={state.values}
            errors={state.errors}
            rows={12}
            maxLength={ANSWER_MAX_LENGTH}
            required
          />
          <SubmitButton>{t('desk.questions.answer.submit')}</SubmitButton>
        </PostForm>
      )}
      <P>
        <a class="utrecht-link" href={backPath}>
          {t('desk.questions.answer.back')}
        </a>
      </P>
    </DeskLayout>
  );
}

// The public FAQ

export function FaqListPage({ ctx, region, faqs, filter, total }: { ctx: PageContext; region: Region; faqs: readonly PublicFaq[]; filter: string; total: number }) {
  const { t } = ctx;
  const title = t('desk.questions.faqs.title');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="ask" trail={[askCrumb(ctx, region)]}>
      <Heading>{title}</Heading>
      <P>{t('desk.questions.faqs.intro', { region: region.name })}</P>
      {total > 0 ? (
        <form method="get" action={faqsPath(region.slug)} class="mmm-search-form" role="search">
          <div class="utrecht-form-field utrecht-form-field--text">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="veld-q">
                {t('desk.questions.faqs.filter')}
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="veld-q" name="q" value={filter} maxLength={FAQ_FILTER_MAX_LENGTH} />
            </div>
          </div>
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            {t('desk.questions.faqs.filterButton')}
          </button>
        </form>
      ) : null}
      {total === 0 ? (
        <P>{t('desk.questions.faqs.none')}</P>
      ) : faqs.length === 0 ? (
        <P>{t('desk.questions.faqs.noMatch', { filter })}</P>
      ) : (
        <>
          {filter !== '' ? (
            <p class="utrecht-paragraph" role="status">
              {t('desk.questions.faqs.found', { count: faqs.length })}
            </p>
          ) : null}
          <FaqLinks ctx={ctx} region={region} faqs={faqs} />
        </>
      )}
      <P>
        <a class="utrecht-link" href={askPath(region.slug)}>
          {t('desk.questions.faqs.ownQuestion')}
        </a>
      </P>
    </DeskLayout>
  );
}

export function FaqPage({ ctx, region, faq }: { ctx: PageContext; region: Region; faq: PublicFaq }) {
  const { t } = ctx;
  const title = excerpt(faq.question, 100);
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="ask" trail={[askCrumb(ctx, region), { href: faqsPath(region.slug), label: t('desk.questions.faqs.title') }]}>
      <Heading>{title}</Heading>
      <div class="mmm-card">
        <Paragraphs text={faq.question} />
      </div>
      <H2>{t('desk.questions.faqs.answerTitle')}</H2>
      <div class="mmm-card">
        <Paragraphs text={faq.answer} />
      </div>
      <P>{t('desk.questions.faqs.answeredBy', { organisation: faq.answeredBy })}</P>
      <P>
        <a class="utrecht-link" href={faqsPath(region.slug)}>
          {t('desk.questions.faqs.allLink')}
        </a>
      </P>
      <P>
        <a class="utrecht-link" href={askPath(region.slug)}>
          {t('desk.questions.faqs.ownQuestion')}
        </a>
      </P>
      <ReportLink ctx={ctx} region={region} kind="faq" id={faq.id} />
    </DeskLayout>
  );
}
