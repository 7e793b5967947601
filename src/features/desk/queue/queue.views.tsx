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
  SelectField,
  SubmitButton,
  Table,
  TextAreaField,
  type FormState,
} from '../../../platform/views/components.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import { DeskLayout, type DeskSection } from '../shared/layout.js';
import type { Queue } from './queue.service.js';
import { deskPath, type Region, type ReportableKind } from '../shared/region.js';
import { HONEYPOT_FIELD, OUTCOME_MAX_LENGTH, REPORT_DETAILS_MAX_LENGTH, REPORT_REASONS, type ReportReason } from './queue.schemas.js';
import { deskItemPath } from '../shared/paths.js';

/** The part of the desk a reported item belongs to, for the navigation. */
const SECTION_OF_KIND: Record<ReportableKind, DeskSection> = {
  organisation: 'socialMap',
  service: 'socialMap',
  employer: 'employers',
  vacancy: 'vacancies',
  faq: 'ask',
  group: 'peerSupport',
  page: 'schemes',
  term: 'glossary',
};

function reasonLabel(ctx: PageContext, reason: string): string {
  return (REPORT_REASONS as readonly string[]).includes(reason) ? ctx.t(`desk.moderation.report.reason.${reason as ReportReason}`) : reason;
}

function kindLabel(ctx: PageContext, kind: string): string {
  return kind in SECTION_OF_KIND ? ctx.t(`desk.moderation.kind.${kind as ReportableKind}`) : kind;
}

// Reports by visitors

export interface ReportTarget {
  readonly kind: ReportableKind;
  readonly id: string;
  readonly title: string;
}

export function ReportFormPage({ ctx, region, target, state = {} }: { ctx: PageContext; region: Region; target: ReportTarget; state?: FormState }) {
  const { t } = ctx;
  const errors = state.errors ?? {};
  return (
    <DeskLayout ctx={ctx} region={region} title={t('desk.moderation.report.title')} section={SECTION_OF_KIND[target.kind]}>
      <Heading>{t('desk.moderation.report.title')}</Heading>
      <P>{t('desk.moderation.report.intro', { item: target.title })}</P>
      <dl class="mmm-facts">
        <dt>{t('desk.moderation.report.kind')}</dt>
        <dd>{kindLabel(ctx, target.kind)}</dd>
      </dl>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={deskPath(region.slug, '/melden')}>
        <input type="hidden" name="soort" value={target.kind} />
        <input type="hidden" name="id" value={target.id} />
        <SelectField
          name="reason"
          label={t('desk.moderation.report.reason')}
          emptyLabel={t('desk.moderation.report.reasonChoose')}
          options={REPORT_REASONS.map((r) => ({ value: r, label: t(`desk.moderation.report.reason.${r}`) }))}
          values={state.values}
          errors={errors}
          required
        />
        <TextAreaField
          name="details"
          label={t('desk.moderation.report.details')}
          hint={t('desk.moderation.report.detailsHint')}
          values={state.values}
          errors={errors}
          maxLength={REPORT_DETAILS_MAX_LENGTH}
          rows={5}
        />
        <div class="mmm-honeypot" aria-hidden="true">
          <label for="veld-website">{t('desk.moderation.report.honeypot')}</label>
          <input type="text" id="veld-website" name={HONEYPOT_FIELD} value="" tabIndex={-1} autocomplete="off" />
        </div>
        <SubmitButton>{t('desk.moderation.report.submit')}</SubmitButton>
      </PostForm>
    </DeskLayout>
  );
}

export function ReportNotFoundPage({ ctx, region }: { ctx: PageContext; region: Region }) {
  const { t } = ctx;
  return (
    <DeskLayout ctx={ctx} region={region} title={t('desk.moderation.report.notFoundTitle')} section="search">
      <Heading>{t('desk.moderation.report.notFoundTitle')}</Heading>
      <P>{t('desk.moderation.report.notFound')}</P>
      <P>
        <A href={deskPath(region.slug)}>{t('desk.moderation.report.backHome')}</A>
      </P>
    </DeskLayout>
  );
}

export function ReportThanksPage({ ctx, region }: { ctx: PageContext; region: Region }) {
  const { t } = ctx;
  return (
    <DeskLayout ctx={ctx} region={region} title={t('desk.moderation.report.thanksTitle')} section="search">
      <Heading>{t('desk.moderation.report.thanksTitle')}</Heading>
      <P>{t('desk.moderation.report.thanks')}</P>
      <P>
        <A href={deskPath(region.slug)}>{t('desk.moderation.report.backHome')}</A>
      </P>
    </DeskLayout>
  );
}

// The queue

function excerpt(text: string, max = 140): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

const SECTIONS = [
  { key: 'organisations', id: 'wachtrij-organisaties', label: 'desk.moderation.queue.organisations' },
  { key: 'employers', id: 'wachtrij-werkgevers', label: 'desk.moderation.queue.employers' },
  { key: 'vacancies', id: 'wachtrij-vacatures', label: 'desk.moderation.queue.vacancies' },
  { key: 'questions', id: 'wachtrij-vragen', label: 'desk.moderation.queue.questions' },
  { key: 'groups', id: 'wachtrij-lotgenoten', label: 'desk.moderation.queue.groups' },
  { key: 'reports', id: 'wachtrij-meldingen', label: 'desk.moderation.queue.reports' },
] as const;

export function queueTitle(ctx: PageContext, region: Region): string {
  return ctx.t('desk.moderation.queue.title', { region: region.name });
}

export function QueuePage({ ctx, region, queue, problem }: { ctx: PageContext; region: Region; queue: Queue; problem?: string }) {
  const { t } = ctx;
  const base = deskPath(region.slug, '/beheer');
  const day = (iso: string) => formatDateTime(iso, ctx.locale);
  const section = (key: (typeof SECTIONS)[number]['key']) => SECTIONS.find((s) => s.key === key)!;
  const SectionHeading = ({ which }: { which: (typeof SECTIONS)[number]['key'] }) => (
    <h2 class="utrecht-heading-2" id={section(which).id}>
      {t(section(which).label, { count: queue.counts[which] })}
    </h2>
  );
  const none = <P>{t('desk.moderation.queue.none')}</P>;
  // Proposed organisations and groups wait the same way: open the proposal, publish it or hide it.
  const waitingSection = (which: 'organisations' | 'groups', items: readonly { id: string; name: string; created_at: string }[], segment: 'organisaties' | 'lotgenoten') => (
    <section aria-labelledby={section(which).id}>
      <SectionHeading which={which} />
      {items.length === 0 ? (
        none
      ) : (
        <Table head={[t('desk.moderation.queue.col.name'), t('desk.moderation.queue.col.since'), t('desk.moderation.queue.col.actions')]}>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <A href={deskPath(region.slug, `/${segment}/${item.id}/bewerken`)}>{item.name}</A>
              </td>
              <td>{day(item.created_at)}</td>
              <td>
                <ActionButton ctx={ctx} action={`${base}/wachtrij/${segment}/${item.id}/publiceren`} label={t('desk.moderation.queue.publishLabel', { name: item.name })} secondary={false}>
                  {t('desk.moderation.queue.publish')}
                </ActionButton>{' '}
                <ActionButton ctx={ctx} action={`${base}/wachtrij/${segment}/${item.id}/verbergen`} label={t('desk.moderation.queue.hideLabel', { name: item.name })}>
                  {t('desk.moderation.queue.hide')}
                </ActionButton>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
  return (
    <DeskLayout ctx={ctx} region={region} title={queueTitle(ctx, region)} section="manage">
      <Heading>{queueTitle(ctx, region)}</Heading>
      {problem ? <Notice kind="warning">{problem}</Notice> : null}
      <P>{t('desk.moderation.queue.intro')}</P>
      <nav aria-label={t('desk.moderation.queue.contents')}>
        <ul class="utrecht-unordered-list">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a class="utrecht-link" href={`#${s.id}`}>
                {t(s.label, { count: queue.counts[s.key] })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <P>
        <A href={`${base}/hulpmiddelen`}>{t('desk.moderation.tools.title')}</A>
      </P>

      {waitingSection('organisations', queue.organisations, 'organisaties')}

      <section aria-labelledby={section('employers').id}>
        <SectionHeading which="employers" />
        {queue.employers.length === 0 ? (
          none
        ) : (
          <Table head={[t('desk.moderation.queue.col.name'), t('desk.moderation.queue.col.since'), t('desk.moderation.queue.col.actions')]}>
            {queue.employers.map((e) => (
              <tr key={e.id}>
                <td>
                  {e.name} <span class="mmm-muted">({e.city})</span>
                </td>
                <td>{day(e.pledged_at)}</td>
                <td>
                  <A href={`${base}/werkgevers/${e.id}`}>{t('desk.moderation.queue.verify', { name: e.name })}</A>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby={section('vacancies').id}>
        <SectionHeading which="vacancies" />
        {queue.vacancies.length === 0 ? (
          none
        ) : (
          <Table head={[t('desk.moderation.queue.col.title'), t('desk.moderation.queue.col.since'), t('desk.moderation.queue.col.actions')]}>
            {queue.vacancies.map((v) => (
              <tr key={v.id}>
                <td>
                  {v.employer_status === 'verified' ? <A href={deskItemPath.vacancy(region.slug, v.id)}>{v.title}</A> : v.title}{' '}
                  <span class="mmm-muted">{t('desk.moderation.queue.employerOf', { employer: v.employer_name })}</span>
                </td>
                <td>{day(v.created_at)}</td>
                <td>
                  <ActionButton ctx={ctx} action={`${base}/wachtrij/vacatures/${v.id}/bekeken`} label={t('desk.moderation.queue.reviewedLabel', { name: v.title })} secondary={false}>
                    {t('desk.moderation.queue.reviewed')}
                  </ActionButton>{' '}
                  <ActionButton ctx={ctx} action={`${base}/wachtrij/vacatures/${v.id}/verbergen`} label={t('desk.moderation.queue.hideLabel', { name: v.title })}>
                    {t('desk.moderation.queue.hide')}
                  </ActionButton>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby={section('questions').id}>
        <SectionHeading which="questions" />
        {queue.questions.length === 0 ? (
          none
        ) : (
          <Table head={[t('desk.moderation.queue.col.question'), t('desk.moderation.queue.col.since'), t('desk.moderation.queue.col.actions')]}>
            {queue.questions.map((q) => (
              <tr key={q.id}>
                <td>
                  {Number(q.looked_like_crisis) === 1 ? (
                    <>
                      <span class="mmm-badge mmm-badge--late">{t('desk.moderation.queue.crisis')}</span>{' '}
                    </>
                  ) : null}
                  {excerpt(q.body)}
                </td>
                <td>{day(q.created_at)}</td>
                <td>
                  <A href={`${base}/vragen/${q.id}`}>{t('desk.moderation.queue.route', { date: day(q.created_at) })}</A>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      {waitingSection('groups', queue.groups, 'lotgenoten')}

      <section aria-labelledby={section('reports').id}>
        <SectionHeading which="reports" />
        {queue.reports.length === 0 ? (
          none
        ) : (
          <Table
            head={[t('desk.moderation.queue.col.item'), t('desk.moderation.queue.col.reason'), t('desk.moderation.queue.col.since'), t('desk.moderation.queue.col.actions')]}
          >
            {queue.reports.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.item_title} <span class="mmm-muted">({kindLabel(ctx, r.item_kind)})</span>
                </td>
                <td>{reasonLabel(ctx, r.reason)}</td>
                <td>{day(r.created_at)}</td>
                <td>
                  <A href={`${base}/meldingen/${r.id}`}>{t('desk.moderation.queue.handle', { name: r.item_title })}</A>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </DeskLayout>
  );
}

// Handling one report

export interface ReportView {
  readonly id: string;
  readonly kind: string;
  readonly itemTitle: string;
  /** The item's public address while it is public. */
  readonly itemPath: string | null;
  readonly reason: string;
  readonly details: string;
  readonly createdAt: string;
  readonly handledAt: string | null;
  readonly outcome: string | null;
  /** Whether the form may offer to hide the item. */
  readonly canHide: boolean;
}

export function HandleReportPage({ ctx, region, report, state = {} }: { ctx: PageContext; region: Region; report: ReportView; state?: FormState }) {
  const { t } = ctx;
  const errors = state.errors ?? {};
  const base = deskPath(region.slug, '/beheer');
  const title = t('desk.moderation.handle.title', { item: report.itemTitle });
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="manage" trail={[{ href: base, label: queueTitle(ctx, region) }]}>
      <Heading>{title}</Heading>
      {state.formError ? <Notice kind="warning">{state.formError}</Notice> : null}
      <dl class="mmm-facts">
        <dt>{t('desk.moderation.report.kind')}</dt>
        <dd>{kindLabel(ctx, report.kind)}</dd>
        <dt>{t('desk.moderation.handle.item')}</dt>
        <dd>{report.itemPath ? <A href={report.itemPath}>{report.itemTitle}</A> : t('desk.moderation.handle.itemGone', { item: report.itemTitle })}</dd>
        <dt>{t('desk.moderation.handle.reason')}</dt>
        <dd>{reasonLabel(ctx, report.reason)}</dd>
        <dt>{t('desk.moderation.handle.reportedAt')}</dt>
        <dd>{formatDateTime(report.createdAt, ctx.locale)}</dd>
      </dl>
      <h2 class="utrecht-heading-2">{t('desk.moderation.handle.details')}</h2>
      {report.details.trim() ? <Paragraphs text={report.details} /> : <P>{t('desk.moderation.handle.noDetails')}</P>}
      {report.handledAt ? (
        <Notice>
          <p class="utrecht-paragraph">{t('desk.moderation.handle.handled', { date: formatDateTime(report.handledAt, ctx.locale) })}</p>
          <p class="utrecht-paragraph">
            {t('desk.moderation.handle.outcomeWas')} {report.outcome}
          </p>
        </Notice>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={errors} />
          <PostForm ctx={ctx} action={`${base}/meldingen/${report.id}`}>
            <TextAreaField
              name="outcome"
              label={t('desk.moderation.handle.outcome')}
              hint={t('desk.moderation.handle.outcomeHint')}
              values={state.values}
              errors={errors}
              maxLength={OUTCOME_MAX_LENGTH}
              rows={3}
              required
            />
            {report.canHide ? (
              <div class="utrecht-form-field utrecht-form-field--checkbox">
                <input
                  class="utrecht-checkbox utrecht-checkbox--html-input"
                  type="checkbox"
                  id="veld-hideItem"
                  name="hideItem"
                  value="ja"
                  checked={state.values?.hideItem === 'ja'}
                />{' '}
                <label class="utrecht-form-label utrecht-form-label--checkbox" for="veld-hideItem">
                  {t('desk.moderation.handle.hideItem')}
                </label>
              </div>
            ) : null}
            <SubmitButton>{t('desk.moderation.handle.submit')}</SubmitButton>
          </PostForm>
        </>
      )}
      <P>
        <A href={base}>{t('desk.moderation.handle.backToQueue')}</A>
      </P>
    </DeskLayout>
  );
}

// The coordinator's tools

export function ToolsPage({ ctx, region }: { ctx: PageContext; region: Region }) {
  const { t } = ctx;
  const base = deskPath(region.slug, '/beheer');
  const tools = [
    { href: base, label: t('desk.moderation.tools.queue') },
    { href: `${base}/sociale-kaart`, label: t('desk.moderation.tools.socialMap') },
    { href: `${base}/sociale-kaart/importeren`, label: t('desk.moderation.tools.import') },
    { href: deskPath(region.slug, '/regelingen'), label: t('desk.moderation.tools.schemes') },
    { href: deskPath(region.slug, '/woordenlijst'), label: t('desk.moderation.tools.glossary') },
    { href: `${base}/vragen`, label: t('desk.moderation.tools.questions') },
  ];
  return (
    <DeskLayout ctx={ctx} region={region} title={t('desk.moderation.tools.title')} section="manage" trail={[{ href: base, label: queueTitle(ctx, region) }]}>
      <Heading>{t('desk.moderation.tools.title')}</Heading>
      <P>{t('desk.moderation.tools.intro', { region: region.name })}</P>
      <ul class="utrecht-unordered-list">
        {tools.map((tool) => (
          <li key={tool.href}>
            <A href={tool.href}>{tool.label}</A>
          </li>
        ))}
      </ul>
    </DeskLayout>
  );
}
