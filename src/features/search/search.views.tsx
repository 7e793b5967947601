import { A, Heading } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';
import type { SearchResults } from '../../platform/search/search-engine.js';
import { NoResults, ResultList, SearchForm, searchUrl } from '../../platform/search/search-views.js';
import { BOOK_SEARCH_TYPES, SEARCH_TYPE_KEYS, type SearchQuery, type SearchTypeKey } from './search.schemas.js';
import { bookTypeLabel, PAGE_SIZE } from './search.service.js';

export function SearchPage({ ctx, query, results }: { ctx: PageContext; query: SearchQuery; results: SearchResults | null }) {
  const { t } = ctx;
  const title = query.q.trim() ? t('search.titleFor', { q: query.q.trim().slice(0, 80) }) : t('search.title');
  const filters = SEARCH_TYPE_KEYS.map((key) => ({
    key,
    label: t(`search.type.${key}`),
    count: results?.countsByType.get(BOOK_SEARCH_TYPES[key]),
    atLeast: results?.moreThanTotal ?? false,
    checked: query.soort.includes(key),
  }));
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/', label: t('nav.home') }]}>
      <Heading>{t('search.title')}</Heading>
      <SearchForm ctx={ctx} action="/zoeken" q={query.q} hint={t('search.hint')} filters={filters} />
      {results === null ? (
        <p class="utrecht-paragraph">{t('search.empty')}</p>
      ) : results.total === 0 ? (
        <NoResults
          ctx={ctx}
          results={results}
          filtered={query.soort.length > 0}
          suggestionUrl={(s) => searchUrl('/zoeken', s, query.soort)}
          allTypesUrl={searchUrl('/zoeken', query.q, [])}
          exactUrl={searchUrl('/zoeken', query.q, query.soort, 1, true)}
        >
          <p class="utrecht-paragraph">{t('search.tips')}</p>
          <ul class="utrecht-unordered-list">
            <li class="utrecht-unordered-list__item">
              <A href="/boek/inhoud">{t('search.browseContents')}</A>
            </li>
            <li class="utrecht-unordered-list__item">
              <A href="/boek/verhalen">{t('search.browseStories')}</A>
            </li>
            <li class="utrecht-unordered-list__item">
              <A href="/boek/dromen">{t('search.browseDreams')}</A>
            </li>
            <li class="utrecht-unordered-list__item">
              <A href="/boek/zeeland/aanbevelingen">{t('search.browseRecommendations')}</A>
            </li>
          </ul>
        </NoResults>
      ) : (
        <ResultList
          ctx={ctx}
          results={results}
          page={query.pagina}
          pageSize={PAGE_SIZE}
          typeLabel={(hit) => bookTypeLabel(ctx.t, hit.type)}
          pageUrl={(page) => searchUrl('/zoeken', query.q, query.soort, page, query.precies)}
          exactUrl={searchUrl('/zoeken', query.q, query.soort, 1, true)}
        />
      )}
    </Layout>
  );
}

export type { SearchTypeKey };
