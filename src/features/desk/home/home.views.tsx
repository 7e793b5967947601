import type { SearchResults } from '../../../platform/search/search-engine.js';
import { A, ErrorSummary, formatDateTime, Heading, Notice, P, SelectField, type FieldErrors } from '../../../platform/views/components.js';
import { Layout } from '../../../platform/views/layout.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import { DESK_FILTER_KEYS, DESK_SEARCH_TYPES, typeKeyOf, type DeskSearchQuery, type DeskTypeKey } from '../../search/search.schemas.js';
import { NoResults, ResultList, SearchForm, searchUrl } from '../../../platform/search/search-views.js';
import { bookTypeLabel, PAGE_SIZE } from '../../search/search.service.js';
import { DeskLayout } from '../shared/layout.js';
import type { DeskHome, RegionSummary } from './home.service.js';
import { deskPath, type Region } from '../shared/region.js';
import { bookCount } from './desk-search.js';
import { deskItemPath } from '../shared/paths.js';

/** A calendar date ('YYYY-MM-DD') as people write it. */
export function formatDay(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return DAY_FORMATS[locale === 'en' ? 'en' : 'nl'].format(new Date(Date.UTC(y, m - 1, d)));
}

// Made once: building a formatter costs far more than using it.
const DAY_FORMATS = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

// Choosing a region (/loket)

function RegionCard({ ctx, region }: { ctx: PageContext; region: RegionSummary }) {
  return (
    <li class="mmm-card" key={region.slug}>
      <h3 class="utrecht-heading-3">
        <A href={deskPath(region.slug)}>{region.name}</A>
      </h3>
      <p class="utrecht-paragraph mmm-muted">
        {ctx.t('desk.moderation.regions.counts', { organisations: region.organisations, employers: region.employers, vacancies: region.vacancies })}
      </p>
    </li>
  );
}

export function RegionsPage({
  ctx,
  regions,
  homeRegionSlug,
  chosen = '',
  errors = {},
}: {
  ctx: PageContext;
  regions: readonly RegionSummary[];
  homeRegionSlug: string | null;
  chosen?: string;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const own = homeRegionSlug ? regions.find((r) => r.slug === homeRegionSlug) : undefined;
  return (
    <Layout ctx={ctx} title={t('desk.moderation.regions.title')} breadcrumbs={[{ href: '/', label: t('nav.home') }]}>
      <Heading>{t('desk.moderation.regions.title')}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('desk.moderation.regions.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action="/loket/kies" class="mmm-form mmm-filters">
        <SelectField
          name="regio"
          label={t('desk.moderation.regions.finderLabel')}
          emptyLabel={t('desk.moderation.regions.finderEmpty')}
          options={regions.map((r) => ({ value: r.slug, label: r.name }))}
          values={{ regio: chosen }}
          errors={errors}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {t('desk.moderation.regions.finderButton')}
        </button>
      </form>
      {own ? (
        <section aria-labelledby="jouw-regio">
          <h2 class="utrecht-heading-2" id="jouw-regio">
            {t('desk.moderation.regions.yours')}
          </h2>
          <ul class="mmm-cards">
            <RegionCard ctx={ctx} region={own} />
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="alle-regios">
        <h2 class="utrecht-heading-2" id="alle-regios">
          {t('desk.moderation.regions.all')}
        </h2>
        <ul class="mmm-cards">
          {regions.map((r) => (
            <RegionCard ctx={ctx} region={r} key={r.slug} />
          ))}
        </ul>
      </section>
    </Layout>
  );
}

// The desk's home (/loket/<regio>)

export function DeskHomePage({ ctx, region, home }: { ctx: PageContext; region: Region; home: DeskHome }) {
  const { t } = ctx;
  const path = (rest: string) => deskPath(region.slug, rest);
  const entries = [
    { href: path('/sociale-kaart'), title: t('desk.moderation.home.entry.socialMap'), text: t('desk.moderation.home.entry.socialMapText') },
    { href: path('/werkgevers'), title: t('desk.moderation.home.entry.employers'), text: t('desk.moderation.home.entry.employersText') },
    { href: path('/vacatures'), title: t('desk.moderation.home.entry.vacancies'), text: t('desk.moderation.home.entry.vacanciesText') },
    { href: path('/vraag'), title: t('desk.moderation.home.entry.ask'), text: t('desk.moderation.home.entry.askText') },
  ];
  return (
    <DeskLayout ctx={ctx} region={region} title={t('desk.title', { region: region.name })} section="home">
      <Heading>{t('desk.moderation.home.welcome', { region: region.name })}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('desk.moderation.home.intro', { region: region.name })}</p>
      {home.queueWaiting !== null ? (
        <Notice>
          <p class="utrecht-paragraph">
            {home.queueWaiting > 0 ? t('desk.moderation.home.queueWaiting', { count: home.queueWaiting }) : t('desk.moderation.home.queueEmpty')}{' '}
            <A href={path('/beheer')}>{t('desk.moderation.home.toQueue')}</A> · <A href={path('/beheer/hulpmiddelen')}>{t('desk.moderation.home.manage')}</A>
          </p>
        </Notice>
      ) : null}
      {home.representative ? (
        <Notice>
          <p class="utrecht-paragraph">
            {t('desk.moderation.home.representative')} <A href={path('/mijn-vragen')}>{t('desk.moderation.home.myQuestions')}</A>
          </p>
        </Notice>
      ) : null}

      <section aria-labelledby="beginnen">
        <h2 class="utrecht-heading-2" id="beginnen">
          {t('desk.moderation.home.entries')}
        </h2>
        <ul class="mmm-cards">
          {entries.map((e) => (
            <li class="mmm-card" key={e.href}>
              <h3 class="utrecht-heading-3">
                <A href={e.href}>{e.title}</A>
              </h3>
              <p class="utrecht-paragraph">{e.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="nieuwe-vacatures">
        <h2 class="utrecht-heading-2" id="nieuwe-vacatures">
          {t('desk.moderation.home.vacancies')}
        </h2>
        {home.vacancies.length === 0 ? (
          <P>{t('desk.moderation.home.noVacancies')}</P>
        ) : (
          <ul class="utrecht-unordered-list">
            {home.vacancies.map((v) => (
              <li key={v.id}>
                <A href={deskItemPath.vacancy(region.slug, v.id)}>{v.title}</A>
                {' – '}
                {t('desk.moderation.home.vacancy', { employer: v.employerName, place: v.place })}.{' '}
                <span class="mmm-muted">{t('desk.moderation.home.vacancyUntil', { date: formatDay(v.expiresOn, ctx.locale) })}</span>
              </li>
            ))}
          </ul>
        )}
        <P>
          <A href={path('/vacatures')}>{t('desk.moderation.home.allVacancies')}</A>
        </P>
      </section>

      <section aria-labelledby="beantwoorde-vragen">
        <h2 class="utrecht-heading-2" id="beantwoorde-vragen">
          {t('desk.moderation.home.faqs')}
        </h2>
        {home.faqs.length === 0 ? (
          <P>{t('desk.moderation.home.noFaqs')}</P>
        ) : (
          <ul class="utrecht-unordered-list">
            {home.faqs.map((f) => (
              <li key={f.id}>
                <A href={deskItemPath.faq(region.slug, f.id)}>{f.question}</A>
              </li>
            ))}
          </ul>
        )}
        <P>
          <A href={path('/vraag')}>{t('desk.moderation.home.askYourself')}</A>
        </P>
      </section>

      <section aria-labelledby="bijeenkomsten">
        <h2 class="utrecht-heading-2" id="bijeenkomsten">
          {t('desk.moderation.home.meetings')}
        </h2>
        {home.meetings.length === 0 ? (
          <P>{t('desk.moderation.home.noMeetings')}</P>
        ) : (
          <ul class="utrecht-unordered-list">
            {home.meetings.map((m) => {
              const where = [m.place, m.online ? t('desk.moderation.home.online') : null].filter(Boolean).join(', ');
              const when = `${formatDateTime(m.startsAt, ctx.locale)}${where ? ` (${where})` : ''}`;
              return (
                <li key={m.id}>
                  <A href={deskItemPath.group(region.slug, m.groupId)}>{t('desk.moderation.home.meeting', { group: m.groupName, when })}</A>
                </li>
              );
            })}
          </ul>
        )}
        <P>
          <A href={path('/lotgenoten')}>{t('desk.moderation.home.allGroups')}</A>
        </P>
      </section>

      <section aria-labelledby="regelingen">
        <h2 class="utrecht-heading-2" id="regelingen">
          {t('desk.moderation.home.schemes')}
        </h2>
        <P>{t('desk.moderation.home.schemesIntro')}</P>
        {home.pages.length > 0 ? (
          <ul class="utrecht-unordered-list">
            {home.pages.map((p) => (
              <li key={p.slug}>
                <A href={deskItemPath.page(region.slug, p.slug)}>{p.title}</A>
              </li>
            ))}
          </ul>
        ) : null}
        <P>
          <A href={path('/regelingen')}>{t('desk.moderation.home.allSchemes')}</A> · <A href={path('/woordenlijst')}>{t('desk.moderation.home.glossary')}</A>
        </P>
      </section>

      <section aria-labelledby="coordinatoren">
        <h2 class="utrecht-heading-2" id="coordinatoren">
          {t('desk.moderation.home.coordinators')}
        </h2>
        {home.coordinators.length === 0 ? (
          <P>{t('desk.moderation.home.noCoordinators')}</P>
        ) : (
          <>
            <P>{t('desk.moderation.home.coordinatorsIntro')}</P>
            <ul class="utrecht-unordered-list">
              {home.coordinators.map((name, i) => (
                <li key={i}>{name}</li>
              ))}
            </ul>
          </>
        )}
      </section>
    </DeskLayout>
  );
}

// Search (/loket/<regio>/zoeken)

function deskTypeKey(type: string): DeskTypeKey | undefined {
  const key = typeKeyOf(type);
  return key !== undefined && key in DESK_SEARCH_TYPES ? (key as DeskTypeKey) : undefined;
}

export function DeskSearchPage({ ctx, region, query, results }: { ctx: PageContext; region: Region; query: DeskSearchQuery; results: SearchResults | null }) {
  const { t } = ctx;
  const action = deskPath(region.slug, '/zoeken');
  const q = query.q.trim();
  const title = q ? t('desk.moderation.search.titleFor', { q: q.slice(0, 80), region: region.name }) : t('desk.moderation.search.title', { region: region.name });
  const filters = DESK_FILTER_KEYS.map((key) => ({
    key,
    label: t(`desk.moderation.search.filter.${key}`),
    count: results ? (key === 'boek' ? bookCount(results) : results.countsByType.get(DESK_SEARCH_TYPES[key]) ?? 0) : undefined,
    atLeast: results?.moreThanTotal ?? false,
    checked: query.soort.includes(key),
  }));
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="search">
      <Heading>{t('desk.moderation.search.title', { region: region.name })}</Heading>
      <SearchForm ctx={ctx} action={action} q={query.q} hint={t('desk.moderation.search.hint')} filters={filters} />
      {results === null ? (
        <P>{t('desk.moderation.search.empty')}</P>
      ) : results.total === 0 ? (
        <NoResults
          ctx={ctx}
          results={results}
          filtered={query.soort.length > 0}
          suggestionUrl={(s) => searchUrl(action, s, query.soort)}
          allTypesUrl={searchUrl(action, query.q, [])}
          exactUrl={searchUrl(action, query.q, query.soort, 1, true)}
        >
          <P>{t('desk.moderation.search.askInstead')}</P>
          <ul class="utrecht-unordered-list">
            <li class="utrecht-unordered-list__item">
              <A href={deskPath(region.slug, '/vraag')}>{t('desk.moderation.search.ask')}</A>
            </li>
            <li class="utrecht-unordered-list__item">
              <A href={deskPath(region.slug, '/sociale-kaart')}>{t('desk.moderation.search.socialMap')}</A>
            </li>
          </ul>
        </NoResults>
      ) : (
        <>
          <ResultList
            ctx={ctx}
            results={results}
            page={query.pagina}
            pageSize={PAGE_SIZE}
            typeLabel={(hit) => {
              const key = deskTypeKey(hit.type);
              return key ? t(`desk.moderation.search.type.${key}`) : bookTypeLabel(ctx.t, hit.type);
            }}
            pageUrl={(page) => searchUrl(action, query.q, query.soort, page, query.precies)}
          exactUrl={searchUrl(action, query.q, query.soort, 1, true)}
          />
          <P>
            {t('desk.moderation.search.askInstead')} <A href={deskPath(region.slug, '/vraag')}>{t('desk.moderation.search.ask')}</A>
          </P>
        </>
      )}
    </DeskLayout>
  );
}
