import type { ComponentChildren } from 'preact';
import { Layout, type Crumb } from '../../../platform/views/layout.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import { deskPath, type Region, type ReportableKind } from './region.js';

export type DeskSection = 'home' | 'socialMap' | 'employers' | 'vacancies' | 'ask' | 'schemes' | 'glossary' | 'peerSupport' | 'search' | 'manage';

const SECTIONS: readonly { key: Exclude<DeskSection, 'search' | 'manage'>; path: string; label: MessageKey }[] = [
  { key: 'home', path: '', label: 'desk.section.home' },
  { key: 'socialMap', path: '/sociale-kaart', label: 'desk.section.socialMap' },
  { key: 'employers', path: '/werkgevers', label: 'desk.section.employers' },
  { key: 'vacancies', path: '/vacatures', label: 'desk.section.vacancies' },
  { key: 'ask', path: '/vraag', label: 'desk.section.ask' },
  { key: 'schemes', path: '/regelingen', label: 'desk.section.schemes' },
  { key: 'glossary', path: '/woordenlijst', label: 'desk.section.glossary' },
  { key: 'peerSupport', path: '/lotgenoten', label: 'desk.section.peerSupport' },
];

export interface DeskLayoutProps {
  readonly ctx: PageContext;
  readonly region: Region;
  readonly title: string;
  readonly section: DeskSection;
  /** Crumbs between the desk's home and this page. */
  readonly trail?: readonly Crumb[];
  readonly children: ComponentChildren;
}

/** Every desk page: the site layout with the desk's own navigation and search box above the content. */
export function DeskLayout({ ctx, region, title, section, trail = [], children }: DeskLayoutProps) {
  const { t } = ctx;
  const home = deskPath(region.slug);
  const breadcrumbs: Crumb[] = [{ href: '/loket', label: t('desk.nav') }];
  if (section !== 'home' || trail.length > 0) breadcrumbs.push({ href: home, label: region.name }, ...trail);
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={breadcrumbs}>
      <div class="mmm-desk-bar">
        <p class="mmm-desk-bar__region">{t('desk.title', { region: region.name })}</p>
        <nav class="mmm-desk-nav" aria-label={t('desk.sectionNav')}>
          <ul class="mmm-desk-nav__list">
            {SECTIONS.map((s) => (
              <li key={s.key}>
                <a class="mmm-desk-nav__link" href={`${home}${s.path}`} aria-current={s.key === section ? 'page' : undefined}>
                  {t(s.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form method="get" action={`${home}/zoeken`} class="mmm-desk-search" role="search">
          <label class="mmm-visually-hidden" for="loket-zoekterm">
            {t('desk.searchLabel')}
          </label>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="loket-zoekterm" name="q" maxLength={200} />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            {t('desk.searchButton')}
          </button>
        </form>
      </div>
      {children}
    </Layout>
  );
}

/** Where to get help at once. Shown calmly on the question form and every peer-support page. */
export function CrisisHelp({ ctx, headingLevel = 2 }: { ctx: PageContext; headingLevel?: 2 | 3 }) {
  const { t } = ctx;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <aside class="mmm-crisis-help" aria-labelledby="crisis-hulp">
      <Heading id="crisis-hulp" class={headingLevel === 2 ? 'utrecht-heading-2' : 'utrecht-heading-3'}>
        {t('desk.crisis.title')}
      </Heading>
      <ul class="utrecht-unordered-list">
        <li>
          {withLinks(t('desk.crisis.suicide'), {
            short: <a href="tel:113">113</a>,
            free: <a href="tel:08000113">{'0800\u20110113'}</a>,
            site: <a href="https://www.113.nl">113.nl</a>,
          })}
        </li>
        <li>{t('desk.crisis.doctor')}</li>
        <li>{withLinks(t('desk.crisis.emergency'), { number: <a href="tel:112">112</a> })}</li>
      </ul>
    </aside>
  );
}

/** Puts elements where a message has {placeholders}, so that links sit inside translated sentences. */
export function withLinks(message: string, parts: Record<string, ComponentChildren>): ComponentChildren[] {
  return message.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in parts ? parts[name] : piece;
  });
}

/** The quiet link under every public item to tell the coordinator something is wrong. */
export function ReportLink({ ctx, region, kind, id }: { ctx: PageContext; region: Region; kind: ReportableKind; id: string }) {
  return (
    <p class="utrecht-paragraph mmm-report-link">
      <a class="utrecht-link" href={`${deskPath(region.slug, '/melden')}?soort=${kind}&id=${encodeURIComponent(id)}`} rel="nofollow">
        {ctx.t('desk.report.link')}
      </a>
    </p>
  );
}
