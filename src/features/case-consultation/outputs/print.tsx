// The outputs of a case consultation as web pages: the poster and the report to read and print
// (print.css sets the poster on A3 landscape, the report on A4), and the pages of the read-only
// example. All are pure functions of a ConsultationOutput.

import type { ComponentChildren } from 'preact';
import { A, Heading, Notice, P, Paragraphs } from '../../../platform/views/components.js';
import { Layout, type Crumb } from '../../../platform/views/layout.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import {
  PERSONA_FIELDS,
  caseRecommendationsByAddressee,
  methodMinutes,
  personaSummary,
  recommendationsByAddressee,
  splitFirstSentence,
  topIsRanked,
  topNumbers,
  topRanks,
  type ConsultationOutput,
  type OutputCase,
} from './outputs.model.js';

const DAY_NL = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const DAY_EN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

function day(ctx: PageContext, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (ctx.locale === 'en' ? DAY_EN : DAY_NL).format(d);
}

function decimal(ctx: PageContext, value: number): string {
  return value.toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Addresses of one consultation's outputs; the example and a team's consultation each have their own. */
export interface OutputLinks {
  /** The page that shows the consultation (back link and breadcrumb). */
  readonly home: Crumb;
  readonly poster: string;
  readonly posterPdf: string;
  readonly report: string;
  readonly reportPdf: string;
  readonly csv: string;
  /** A case's own page, if there is one. */
  readonly casePage?: (caseNumber: number) => string;
}

export interface OutputPageProps {
  readonly ctx: PageContext;
  readonly output: ConsultationOutput;
  readonly links: OutputLinks;
  /** Crumbs above the consultation's own page. */
  readonly breadcrumbs?: readonly Crumb[];
}

function approval(ctx: PageContext, output: ConsultationOutput): string | null {
  const { t } = ctx;
  const { approvedBy, approvedAt } = output.top;
  if (approvedBy && approvedAt) return t('caseOutputs.top.approvedByOn', { by: approvedBy, date: day(ctx, approvedAt) });
  if (approvedBy) return t('caseOutputs.top.approvedBy', { by: approvedBy });
  if (approvedAt) return t('caseOutputs.top.approvedOn', { date: day(ctx, approvedAt) });
  return null;
}

/** The download link and how to print, shown on screen only. */
function PrintActions({ ctx, pdf, hint, back }: { ctx: PageContext; pdf: string; hint: string; back: Crumb }) {
  const { t } = ctx;
  return (
    <div class="mmm-screen-only mmm-case-actions">
      <ul class="mmm-case-actions__list">
        <li>
          <a class="mmm-case-actions__pdf" href={pdf} download>
            {t('caseOutputs.downloadPdf')}
          </a>
        </li>
        <li>
          <A href={back.href}>{t('caseOutputs.backTo', { name: back.label })}</A>
        </li>
      </ul>
      <Notice>
        <strong>{t('caseOutputs.print')}</strong> {hint}
      </Notice>
    </div>
  );
}

/** Recommendations of one case, per addressee, with headings at the given level. */
function CaseRecommendations({ ctx, output, c, level }: { ctx: PageContext; output: ConsultationOutput; c: OutputCase; level: 3 | 4 }) {
  const groups = caseRecommendationsByAddressee(c);
  if (groups.length === 0) return <P>{ctx.t('caseOutputs.noRecommendations')}</P>;
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <>
      {groups.map((g) => (
        <section class="mmm-case-group" key={g.addressee}>
          <H class={`utrecht-heading-${level} mmm-case-group__title`}>{output.addresseeTitles[g.addressee]}</H>
          <ul class="utrecht-unordered-list mmm-case-list">
            {g.texts.map((text, i) => (
              <li class="utrecht-unordered-list__item" key={i}>
                {text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Persona({ ctx, c }: { ctx: PageContext; c: OutputCase }) {
  return (
    <dl class="mmm-facts mmm-case-persona">
      {PERSONA_FIELDS.filter((f) => c.persona[f].trim() !== '').map((f) => (
        <div class="mmm-case-persona__row" key={f}>
          <dt>{ctx.t(`caseOutputs.persona.${f}`)}</dt>
          <dd>{c.persona[f]}</dd>
        </div>
      ))}
    </dl>
  );
}

function Bottlenecks({ ctx, c, level }: { ctx: PageContext; c: OutputCase; level: 3 | 4 }) {
  if (c.bottlenecks.length === 0) return null;
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <>
      <H class={`utrecht-heading-${level}`}>{ctx.t('caseOutputs.case.bottlenecks')}</H>
      <ul class="utrecht-unordered-list mmm-case-list">
        {c.bottlenecks.map((b, i) => (
          <li class="utrecht-unordered-list__item" key={i}>
            {b}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The top list: rank, addressee and number, the first sentence in bold, then the rest. A top list
 * without ranking is a bulleted list in its source's order, with a line that says so.
 */
function TopList({ ctx, output }: { ctx: PageContext; output: ConsultationOutput }) {
  const { t } = ctx;
  if (output.top.items.length === 0) return <P>{t('caseOutputs.top.none')}</P>;
  const ranked = topIsRanked(output);
  const List = ranked ? 'ol' : 'ul';
  return (
    <>
      {ranked ? null : <p class="utrecht-paragraph mmm-case-top__order">{t('caseOutputs.top.sourceOrder', { count: output.top.items.length })}</p>}
      <List class={ranked ? 'mmm-case-top' : 'mmm-case-top mmm-case-top--unranked'}>
        {output.top.items.map((item) => {
          const { first, rest } = splitFirstSentence(item.text);
          return (
            <li class="mmm-case-top__item" key={item.recommendationNumber} value={item.rank ?? undefined}>
              <p class="mmm-case-top__meta">
                {output.addresseeTitles[item.addressee]} · {t('caseOutputs.recommendationNumber', { number: item.recommendationNumber })}
                {item.averageRank !== null ? ` · ${t('caseOutputs.top.averageRank', { value: decimal(ctx, item.averageRank) })}` : ''}
              </p>
              <p class="utrecht-paragraph mmm-case-top__text">
                <strong class="mmm-case-top__head">{first}</strong>
                {rest ? <span class="mmm-case-top__rest"> {rest}</span> : null}
              </p>
            </li>
          );
        })}
      </List>
    </>
  );
}

/** All unique recommendations per addressee, numbered, with their cases and top place (or only "in the top 10"). */
function AllRecommendations({ ctx, output, level }: { ctx: PageContext; output: ConsultationOutput; level: 2 | 3 }) {
  const { t } = ctx;
  const ranks = topRanks(output);
  const inTop = topNumbers(output);
  const groups = recommendationsByAddressee(output);
  if (groups.length === 0) return <P>{t('caseOutputs.noRecommendations')}</P>;
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <>
      {groups.map((g) => (
        <section class="mmm-case-group" key={g.addressee} aria-labelledby={`geadresseerde-${g.addressee}`}>
          <H class={`utrecht-heading-${level}`} id={`geadresseerde-${g.addressee}`}>
            {output.addresseeTitles[g.addressee]}
          </H>
          <ol class="mmm-recommendations mmm-case-recommendations">
            {g.recommendations.map((r) => (
              <li key={r.number} value={r.number}>
                {r.text}
                {inTop.has(r.number) ? (
                  <>
                    {' '}
                    <span class="mmm-badge">{ranks.has(r.number) ? t('caseOutputs.topRank', { rank: ranks.get(r.number)! }) : t('caseOutputs.inTop')}</span>
                  </>
                ) : null}
                {r.caseNumbers.length > 0 ? (
                  <span class="mmm-case-recommendations__cases mmm-muted">
                    {' '}
                    ({t(r.caseNumbers.length === 1 ? 'caseOutputs.fromCase' : 'caseOutputs.fromCases', { numbers: r.caseNumbers.join(', ') })})
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

function Attribution({ ctx, output }: { ctx: PageContext; output: ConsultationOutput }) {
  if (!output.attribution) return null;
  return <p class="utrecht-paragraph mmm-case-attribution">{ctx.t('caseOutputs.source', { attribution: output.attribution })}</p>;
}

// ---------------------------------------------------------------------------------------------
// Poster
// ---------------------------------------------------------------------------------------------

/** The poster as a page: on screen a readable grid, printed on A3 landscape (print.css). */
export function PosterPrintPage({ ctx, output, links, breadcrumbs = [] }: OutputPageProps) {
  const { t } = ctx;
  const title = t('caseOutputs.poster.pageTitle', { title: output.title });
  const columns = Math.min(Math.max(output.cases.length, 1), 6);
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[...breadcrumbs, links.home]}>
      <PrintActions ctx={ctx} pdf={links.posterPdf} hint={t('caseOutputs.poster.printHint')} back={links.home} />
      <article class="mmm-case-poster" aria-labelledby="poster-titel">
        <header class="mmm-case-poster__header">
          <p class="mmm-case-kicker">{t('caseOutputs.pdf.posterKicker', { theme: output.theme })}</p>
          <Heading>
            <span id="poster-titel">{output.title}</span>
          </Heading>
          <p class="utrecht-paragraph mmm-case-poster__team">{output.teamName}</p>
          <ul class="mmm-case-stats">
            <li>
              <span class="mmm-case-stats__number">{output.cases.length}</span> {t('caseOutputs.stats.cases')}
            </li>
            <li>
              <span class="mmm-case-stats__number">{output.recommendations.length}</span> {t('caseOutputs.stats.recommendations')}
            </li>
            <li>
              <span class="mmm-case-stats__number">{output.top.items.length}</span> {t('caseOutputs.stats.top')}
            </li>
          </ul>
        </header>
        <section class="mmm-case-poster__top" aria-labelledby="poster-top">
          <h2 class="utrecht-heading-2" id="poster-top">
            {t('caseOutputs.top.title', { count: output.top.items.length || 10 })}
          </h2>
          {approval(ctx, output) ? <p class="mmm-case-poster__approved">{approval(ctx, output)}</p> : null}
          <TopList ctx={ctx} output={output} />
        </section>
        {output.cases.length === 0 ? <P>{t('caseOutputs.noCases')}</P> : null}
        <div class={`mmm-case-poster__grid mmm-case-poster__grid--${columns}`}>
          {output.cases.map((c) => (
            <section class="mmm-case-poster__case" key={c.number} aria-labelledby={`poster-casus-${c.number}`}>
              <h2 class="utrecht-heading-3 mmm-case-poster__case-title" id={`poster-casus-${c.number}`}>
                {c.title}
                {c.meetingLabel ? <span class="mmm-case-poster__meeting">{c.meetingLabel}</span> : null}
              </h2>
              <p class="mmm-case-poster__summary">{personaSummary(c)}</p>
              <div class="mmm-case-poster__question">
                <h3 class="utrecht-heading-4">{t('caseOutputs.case.question')}</h3>
                <Paragraphs text={c.question} />
              </div>
              <Bottlenecks ctx={ctx} c={c} level={3} />
              <h3 class="utrecht-heading-4 mmm-case-poster__section">{t('caseOutputs.case.recommendations')}</h3>
              <CaseRecommendations ctx={ctx} output={output} c={c} level={4} />
            </section>
          ))}
        </div>
        <footer class="mmm-case-poster__footer">
          <Attribution ctx={ctx} output={output} />
        </footer>
      </article>
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/** The report as a page: printed on A4, each part on a new sheet (print.css). */
export function ReportPrintPage({ ctx, output, links, breadcrumbs = [] }: OutputPageProps) {
  const { t } = ctx;
  const title = t('caseOutputs.report.pageTitle', { title: output.title });
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[...breadcrumbs, links.home]}>
      <PrintActions ctx={ctx} pdf={links.reportPdf} hint={t('caseOutputs.report.printHint')} back={links.home} />
      <article class="mmm-case-report">
        <header class="mmm-case-report__front">
          <p class="mmm-case-kicker">{t('caseOutputs.pdf.reportKicker')}</p>
          <Heading>{output.title}</Heading>
          <p class="utrecht-paragraph mmm-case-report__team">{output.teamName}</p>
          <dl class="mmm-facts">
            <dt>{t('caseOutputs.theme')}</dt>
            <dd>{output.theme}</dd>
            <dt>{t('caseOutputs.generatedOn')}</dt>
            <dd>{day(ctx, output.generatedAt)}</dd>
          </dl>
          {output.about ? (
            <section aria-labelledby="verslag-over">
              <h2 class="utrecht-heading-2" id="verslag-over">
                {t('caseOutputs.report.about')}
              </h2>
              <Paragraphs text={output.about} />
            </section>
          ) : null}
          <nav aria-labelledby="verslag-inhoud" class="mmm-screen-only">
            <h2 class="utrecht-heading-2" id="verslag-inhoud">
              {t('caseOutputs.report.contents')}
            </h2>
            <ul class="utrecht-unordered-list">
              <li class="utrecht-unordered-list__item">
                <A href="#werkwijze">{t('caseOutputs.report.method')}</A>
              </li>
              <li class="utrecht-unordered-list__item">
                <A href="#casussen">{t('caseOutputs.report.cases')}</A>
              </li>
              <li class="utrecht-unordered-list__item">
                <A href="#alle-aanbevelingen">{t('caseOutputs.report.allRecommendations')}</A>
              </li>
              <li class="utrecht-unordered-list__item">
                <A href="#top">{t('caseOutputs.top.title', { count: output.top.items.length || 10 })}</A>
              </li>
            </ul>
          </nav>
        </header>

        <section class="mmm-case-report__part" aria-labelledby="werkwijze">
          <h2 class="utrecht-heading-2" id="werkwijze">
            {t('caseOutputs.report.method')}
          </h2>
          {output.method.intro ? <Paragraphs text={output.method.intro} /> : null}
          <StepTable ctx={ctx} output={output} />
        </section>

        <section class="mmm-case-report__part" aria-labelledby="casussen">
          <h2 class="utrecht-heading-2" id="casussen">
            {t('caseOutputs.report.cases')}
          </h2>
          {output.cases.length === 0 ? <P>{t('caseOutputs.noCases')}</P> : null}
          {output.cases.map((c) => (
            <section class="mmm-case-report__case" key={c.number} aria-labelledby={`verslag-casus-${c.number}`}>
              <h3 class="utrecht-heading-3" id={`verslag-casus-${c.number}`}>
                {c.meetingLabel ? `${c.title} · ${c.meetingLabel}` : c.title}
              </h3>
              <h4 class="utrecht-heading-4">{t('caseOutputs.case.persona')}</h4>
              <Persona ctx={ctx} c={c} />
              <h4 class="utrecht-heading-4">{t('caseOutputs.case.question')}</h4>
              <Paragraphs text={c.question} />
              <Bottlenecks ctx={ctx} c={c} level={4} />
              <h4 class="utrecht-heading-4">{t('caseOutputs.case.recommendations')}</h4>
              <CaseRecommendationsFlat ctx={ctx} output={output} c={c} />
            </section>
          ))}
        </section>

        <section class="mmm-case-report__part" aria-labelledby="alle-aanbevelingen">
          <h2 class="utrecht-heading-2" id="alle-aanbevelingen">
            {t('caseOutputs.report.allRecommendations')}
          </h2>
          <AllRecommendations ctx={ctx} output={output} level={3} />
        </section>

        <section class="mmm-case-report__part" aria-labelledby="top">
          <h2 class="utrecht-heading-2" id="top">
            {t('caseOutputs.top.title', { count: output.top.items.length || 10 })}
          </h2>
          {output.top.intro ? <Paragraphs text={output.top.intro} /> : null}
          <TopList ctx={ctx} output={output} />
          {approval(ctx, output) ? <P>{approval(ctx, output)}</P> : null}
          <Attribution ctx={ctx} output={output} />
        </section>
      </article>
    </Layout>
  );
}

/** In the report a case's groups sit under an h4, so the addressees are bold lines, not headings. */
function CaseRecommendationsFlat({ ctx, output, c }: { ctx: PageContext; output: ConsultationOutput; c: OutputCase }) {
  const groups = caseRecommendationsByAddressee(c);
  if (groups.length === 0) return <P>{ctx.t('caseOutputs.noRecommendations')}</P>;
  return (
    <dl class="mmm-case-groups">
      {groups.map((g) => (
        <div class="mmm-case-group" key={g.addressee}>
          <dt class="mmm-case-group__title">{output.addresseeTitles[g.addressee]}</dt>
          <dd>
            <ul class="utrecht-unordered-list mmm-case-list">
              {g.texts.map((text, i) => (
                <li class="utrecht-unordered-list__item" key={i}>
                  {text}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function StepTable({ ctx, output }: { ctx: PageContext; output: ConsultationOutput }) {
  const { t } = ctx;
  if (output.method.steps.length === 0) return null;
  return (
    <div class="mmm-table-scroll">
      <table class="utrecht-table mmm-case-steps">
        <caption class="utrecht-table__caption">{t('caseOutputs.report.stepPlan', { count: output.method.steps.length, minutes: methodMinutes(output) })}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {t('caseOutputs.report.stepColumn')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('caseOutputs.report.minutesColumn')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('caseOutputs.report.instructionColumn')}
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {output.method.steps.map((s) => (
            <tr class="utrecht-table__row" key={s.number}>
              <th class="utrecht-table__header-cell" scope="row">
                {s.number}. {s.title}
              </th>
              <td class="utrecht-table__cell">{s.minutes}</td>
              <td class="utrecht-table__cell">
                <Paragraphs text={s.instruction} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The read-only example
// ---------------------------------------------------------------------------------------------

export interface ExamplePageProps {
  readonly ctx: PageContext;
  readonly output: ConsultationOutput;
  readonly links: OutputLinks;
  /** Where the whole report can be read in the book. */
  readonly bookUrl: string;
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="mmm-case-section" aria-labelledby={id}>
      <h2 class="utrecht-heading-2" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** What the example is, where it comes from, its outputs, the cases, the top 10 and all recommendations. */
/** One output of the example (poster, report, CSV) with where to see or download it. */
function DownloadCard({ title, text, links }: { title: string; text: string; links: readonly (readonly [href: string, label: string])[] }) {
  return (
    <li class="mmm-card">
      <h3 class="utrecht-heading-3">{title}</h3>
      <P>{text}</P>
      <ul class="utrecht-unordered-list">
        {links.map(([href, label]) => (
          <li class="utrecht-unordered-list__item" key={href}>
            <A href={href}>{label}</A>
          </li>
        ))}
      </ul>
    </li>
  );
}

export function ExampleOverviewPage({ ctx, output, links, bookUrl }: ExamplePageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={links.home.label} breadcrumbs={[{ href: '/', label: t('nav.home') }]}>
      <Heading>{links.home.label}</Heading>
      <p class="utrecht-paragraph mmm-case-lead">
        {t('caseOutputs.example.lead', { team: output.teamName, cases: output.cases.length, recommendations: output.recommendations.length, top: output.top.items.length })}
      </p>
      <Notice>{t('caseOutputs.example.readOnly')}</Notice>

      <Section id="voorbeeld-bron" title={t('caseOutputs.example.sourceTitle')}>
        <P>{t('caseOutputs.example.sourceText', { title: output.title, attribution: output.attribution ?? output.teamName })}</P>
        <P>
          <A href={bookUrl}>{t('caseOutputs.example.readInBook')}</A>
        </P>
      </Section>

      <Section id="voorbeeld-opbrengst" title={t('caseOutputs.example.outputsTitle')}>
        <P>{t('caseOutputs.example.outputsIntro')}</P>
        <ul class="mmm-cards mmm-case-downloads">
          <DownloadCard title={t('caseOutputs.poster')} text={t('caseOutputs.example.posterText')} links={[[links.poster, t('caseOutputs.example.viewPoster')], [links.posterPdf, t('caseOutputs.example.posterPdf')]]} />
          <DownloadCard title={t('caseOutputs.report')} text={t('caseOutputs.example.reportText')} links={[[links.report, t('caseOutputs.example.viewReport')], [links.reportPdf, t('caseOutputs.example.reportPdf')]]} />
          <DownloadCard title={t('caseOutputs.csv')} text={t('caseOutputs.example.csvText')} links={[[links.csv, t('caseOutputs.example.csvLink')]]} />
        </ul>
      </Section>

      <Section id="voorbeeld-casussen" title={t('caseOutputs.example.casesTitle', { count: output.cases.length })}>
        <P>{t('caseOutputs.example.casesIntro', { minutes: methodMinutes(output), steps: output.method.steps.length })}</P>
        <ul class="mmm-cards">
          {output.cases.map((c) => (
            <li class="mmm-card" key={c.number}>
              <h3 class="utrecht-heading-3">
                {links.casePage ? <A href={links.casePage(c.number)}>{c.title}</A> : c.title}
                {c.meetingLabel ? <span class="mmm-case-card__meeting mmm-muted"> · {c.meetingLabel}</span> : null}
              </h3>
              <p class="utrecht-paragraph mmm-muted">{personaSummary(c)}</p>
              <p class="utrecht-paragraph">
                <strong>{t('caseOutputs.case.question')}:</strong> {c.question}
              </p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="voorbeeld-top" title={t('caseOutputs.top.title', { count: output.top.items.length || 10 })}>
        {output.top.intro ? <Paragraphs text={output.top.intro} /> : null}
        <TopList ctx={ctx} output={output} />
        {approval(ctx, output) ? <P>{approval(ctx, output)}</P> : null}
      </Section>

      <Section id="voorbeeld-aanbevelingen" title={t('caseOutputs.report.allRecommendations')}>
        <P>{t('caseOutputs.example.allIntro', { count: output.recommendations.length })}</P>
        <AllRecommendations ctx={ctx} output={output} level={3} />
      </Section>
    </Layout>
  );
}

/** One case of the example: persona, question, bottlenecks and the recommendations per addressee. */
export function ExampleCasePage({ ctx, output, links, c, bookUrl }: Omit<ExamplePageProps, 'bookUrl'> & { c: OutputCase; bookUrl: string | null }) {
  const { t } = ctx;
  const title = c.meetingLabel ? `${c.title}: ${c.meetingLabel}` : c.title;
  const index = output.cases.indexOf(c);
  const previous = index > 0 ? output.cases[index - 1] : undefined;
  const next = index >= 0 && index < output.cases.length - 1 ? output.cases[index + 1] : undefined;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/', label: t('nav.home') }, links.home]}>
      <Heading>{title}</Heading>
      <p class="utrecht-paragraph mmm-case-lead">{personaSummary(c)}</p>
      <Section id="casus-persona" title={t('caseOutputs.case.persona')}>
        <Persona ctx={ctx} c={c} />
      </Section>
      <Section id="casus-vraag" title={t('caseOutputs.case.question')}>
        <Paragraphs text={c.question} />
      </Section>
      {c.bottlenecks.length > 0 ? (
        <Section id="casus-knelpunten" title={t('caseOutputs.case.bottlenecks')}>
          <ul class="utrecht-unordered-list mmm-case-list">
            {c.bottlenecks.map((b, i) => (
              <li class="utrecht-unordered-list__item" key={i}>
                {b}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="casus-aanbevelingen" title={t('caseOutputs.case.recommendations')}>
        <CaseRecommendations ctx={ctx} output={output} c={c} level={3} />
      </Section>
      <Attribution ctx={ctx} output={output} />
      <nav class="mmm-case-pager" aria-label={t('caseOutputs.example.otherCases')}>
        <ul class="mmm-case-pager__list">
          {previous && links.casePage ? (
            <li>
              <a class="utrecht-link" rel="prev" href={links.casePage(previous.number)}>
                {t('caseOutputs.example.previousCase', { title: previous.title })}
              </a>
            </li>
          ) : null}
          {next && links.casePage ? (
            <li>
              <a class="utrecht-link" rel="next" href={links.casePage(next.number)}>
                {t('caseOutputs.example.nextCase', { title: next.title })}
              </a>
            </li>
          ) : null}
          {bookUrl ? (
            <li>
              <A href={bookUrl}>{t('caseOutputs.example.caseInBook')}</A>
            </li>
          ) : null}
          <li>
            <A href={links.home.href}>{t('caseOutputs.backTo', { name: links.home.label })}</A>
          </li>
        </ul>
      </nav>
    </Layout>
  );
}
