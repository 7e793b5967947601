import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import { A, Heading, Notice, P, Paragraphs } from '../../../platform/views/components.js';
import { Layout } from '../../../platform/views/layout.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import { actionStatusLabel, answersByStep, domainLabel, roadmapMilestones, type ExportAnswer, type ExportMilestone, type WorkbookExport } from './exports.service.js';
import { HORIZON_LABELS, buildRoadmap } from '../shared/roadmap.js';
import { RoadmapSvg, RoadmapTable, formatDay } from '../shared/roadmap.views.js';

// A moment is shown as the day it was in the Netherlands.
const MOMENT_DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

function momentDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : MOMENT_DAY.format(date);
}

function termOf(m: ExportMilestone): string {
  if (m.horizon !== null) return (HORIZON_LABELS as Readonly<Record<string, string>>)[m.horizon] ?? m.horizon;
  return m.dueDate !== null ? formatDay(m.dueDate) : HORIZON_LABELS.doorlopend;
}


/** A term and its description; left out when there is nothing to say. */
function Item({ term, children, when = true }: { term: string; children: ComponentChildren; when?: boolean }) {
  if (!when) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function AnswerList({ answers }: { answers: readonly ExportAnswer[] }) {
  return (
    <dl class="mmm-print-answers">
      {answers.map((a) => (
        <Item key={a.key} term={a.label ?? a.key}>
          <Paragraphs text={a.display} />
        </Item>
      ))}
    </dl>
  );
}

function Answers({ ctx, data }: { ctx: PageContext; data: WorkbookExport }) {
  const { t } = ctx;
  const { steps, other } = answersByStep(data);
  if (steps.length === 0 && other.length === 0) return <P>{t('reminders.print.noAnswers')}</P>;
  let part: string | null = null;
  return (
    <>
      {steps.map((s) => {
        // A part's heading goes above its first step only.
        const partHeading = s.part !== part ? t(s.part === 'zelf' ? 'reminders.print.partSelf' : 'reminders.print.partTogether') : null;
        part = s.part;
        return (
          <section class="mmm-print-step" key={s.step} aria-labelledby={`afdruk-stap-${s.step}`}>
            {partHeading ? <p class="utrecht-paragraph mmm-muted mmm-print-part">{partHeading}</p> : null}
            <h3 class="utrecht-heading-3" id={`afdruk-stap-${s.step}`}>
              {t(`reminders.step.${s.step}` as MessageKey)}
            </h3>
            {s.sections.map((section, i) => (
              <div class="mmm-print-section" key={i}>
                {section.title ? <h4 class="utrecht-heading-4">{section.title}</h4> : null}
                <AnswerList answers={section.answers} />
              </div>
            ))}
          </section>
        );
      })}
      {other.length > 0 ? (
        <section class="mmm-print-step" aria-labelledby="afdruk-stap-overig">
          <h3 class="utrecht-heading-3" id="afdruk-stap-overig">
            {t('reminders.print.otherAnswers')}
          </h3>
          <AnswerList answers={other} />
        </section>
      ) : null}
    </>
  );
}

function Milestone({ ctx, m }: { ctx: PageContext; m: ExportMilestone }) {
  const { t } = ctx;
  return (
    <section class="mmm-print-milestone" aria-labelledby={`afdruk-mijlpaal-${m.id}`}>
      <h3 class="utrecht-heading-3" id={`afdruk-mijlpaal-${m.id}`}>
        {m.title}
      </h3>
      <dl class="mmm-print-facts">
        <Item term={t('reminders.print.domain')}>{domainLabel(m.domain)}</Item>
        <Item term={t('reminders.print.term')}>{termOf(m)}</Item>
        <Item term={t('reminders.print.reached')} when={m.reachedAt !== null}>
          {m.reachedAt ? momentDay(m.reachedAt) : ''}
        </Item>
        <Item term={t('reminders.print.description')} when={m.description.trim() !== ''}>
          <Paragraphs text={m.description} />
        </Item>
        <Item term={t('reminders.print.celebration')} when={m.celebrationPlan.trim() !== ''}>
          <Paragraphs text={m.celebrationPlan} />
        </Item>
        <Item term={t('reminders.print.celebrationNote')} when={(m.celebrationNote ?? '').trim() !== ''}>
          <Paragraphs text={m.celebrationNote ?? ''} />
        </Item>
      </dl>
      <h4 class="utrecht-heading-4">{t('reminders.print.actions')}</h4>
      {m.actions.length === 0 ? (
        <P>{t('reminders.print.noActions')}</P>
      ) : (
        <ol class="utrecht-ordered-list mmm-print-actions">
          {m.actions.map((a) => (
            <li class="utrecht-ordered-list__item mmm-print-action" key={a.id}>
              <p class="utrecht-paragraph mmm-print-action__title">
                <strong>{a.title}</strong>
              </p>
              <dl class="mmm-print-facts">
                <Item term={t('reminders.print.owner')}>{a.ownerName ?? t('reminders.noOwner')}</Item>
                <Item term={t('reminders.print.due')}>{a.dueDate ? formatDay(a.dueDate) : t('reminders.print.noDue')}</Item>
                <Item term={t('reminders.print.status')}>{actionStatusLabel(t, a.status)}</Item>
                <Item term={t('reminders.print.description')} when={a.description.trim() !== ''}>
                  <Paragraphs text={a.description} />
                </Item>
                <Item term={t('reminders.print.support')} when={a.support.trim() !== ''}>
                  <Paragraphs text={a.support} />
                </Item>
                <Item term={t('reminders.print.headwind')} when={a.headwind.trim() !== ''}>
                  <Paragraphs text={a.headwind} />
                </Item>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export interface PrintAgendaProps {
  readonly ctx: PageContext;
  readonly data: WorkbookExport;
  /** 'YYYY-MM-DD' */
  readonly today: string;
}

/**
 * The whole change agenda on one page, for the browser's "print" or "save as PDF". Without
 * JavaScript there is no print button, so the page says how to use the browser's own.
 */
export function PrintAgendaPage({ ctx, data, today }: PrintAgendaProps) {
  const { t } = ctx;
  const wid = data.workspace.id;
  const title = t('reminders.print.title', { name: data.workspace.name });
  const roadmap = buildRoadmap(roadmapMilestones(data), today);
  return (
    <Layout
      ctx={ctx}
      title={title}
      breadcrumbs={[
        { href: '/', label: t('nav.home') },
        { href: '/werkboek', label: t('workbook.title') },
        { href: `/werkboek/${wid}`, label: data.workspace.name },
      ]}
    >
      <div class="mmm-print-agenda">
        <Heading>{title}</Heading>
        <p class="utrecht-paragraph mmm-muted">{t('reminders.print.printedOn', { date: formatDay(today) })}</p>
        <div class="mmm-screen-only">
          <Notice>{t('reminders.print.hint')}</Notice>
          <P>
            <A href={`/werkboek/${wid}`}>{t('reminders.print.back')}</A>
          </P>
        </div>

        <section aria-labelledby="afdruk-leden">
          <h2 class="utrecht-heading-2" id="afdruk-leden">
            {t('reminders.print.members')}
          </h2>
          {data.members.length === 0 ? (
            <P>{t('reminders.print.noMembers')}</P>
          ) : (
            <ul class="utrecht-unordered-list">
              {data.members.map((m) => (
                <li class="utrecht-unordered-list__item" key={m.userId}>
                  {m.professionName ? `${m.name} (${m.professionName})` : m.name}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section class="mmm-print-chapter" aria-labelledby="afdruk-antwoorden">
          <h2 class="utrecht-heading-2" id="afdruk-antwoorden">
            {t('reminders.print.answers')}
          </h2>
          <Answers ctx={ctx} data={data} />
        </section>

        <section class="mmm-print-chapter mmm-print-roadmap" aria-labelledby="afdruk-routekaart">
          <h2 class="utrecht-heading-2" id="afdruk-routekaart">
            {t('reminders.print.roadmap')}
          </h2>
          <div class="mmm-print-roadmap__figure">
            <RoadmapSvg roadmap={roadmap} today={today} idPrefix="afdruk-routekaart-svg" />
          </div>
          <RoadmapTable roadmap={roadmap} today={today} milestoneHref={(id) => `/werkboek/${wid}/mijlpalen/${id}`} />
        </section>

        <section class="mmm-print-chapter" aria-labelledby="afdruk-mijlpalen">
          <h2 class="utrecht-heading-2" id="afdruk-mijlpalen">
            {t('reminders.print.milestones')}
          </h2>
          {data.milestones.length === 0 ? <P>{t('reminders.print.noMilestones')}</P> : data.milestones.map((m) => <Milestone key={m.id} ctx={ctx} m={m} />)}
        </section>
      </div>
    </Layout>
  );
}
