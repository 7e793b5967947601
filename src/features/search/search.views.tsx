import { A, Heading } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';
import type { SearchResults } from '../../platform/search/search-engine.js';
import { SEARCH_TYPE_KEYS, SEARCH_TYPES, type SearchQuery, type SearchTypeKey } from './search.schemas.js';
import { PAGE_SIZE } from './search.service.js';

function searchUrl(q: string, types: readonly string[], page = 1): string {
  const params = new URLSearchParams({ q });
  for (const t of types) params.append('soort', t);
  if (page > 1) params.set('pagina', String(page));
  return `/zoeken?${params.toString()}`;
}

export function SearchPage({ ctx, query, results }: { ctx: PageContext; query: SearchQuery; results: SearchResults | null }) {
  const { t } = ctx;
  const typeKeyOf = (type: string) => SEARCH_TYPE_KEYS.find((k) => SEARCH_TYPES[k] === type) ?? 'pagina';
  const pages = results ? Math.ceil(results.total / PAGE_SIZE) : 0;
  const title = query.q.trim() ? t('search.titleFor', { q: query.q.trim().slice(0, 80) }) : t('search.title');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/', label: t('nav.home') }]}>
      <Heading>{t('search.title')}</Heading>
      <form method="get" action="/zoeken" class="mmm-search-form" role="search">
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="zoekterm">
            {t('search.label')}
          </label>
          <p class="utrecht-form-field-description" id="zoekterm-uitleg">
            {t('search.hint')}
          </p>
          <input
            class="utrecht-textbox utrecht-textbox--html-input mmm-search-form__input"
            type="search"
            id="zoekterm"
            name="q"
            value={query.q.slice(0, 200)}
            maxLength={200}
            aria-describedby="zoekterm-uitleg"
          />
        </div>
        <fieldset class="utrecht-form-fieldset mmm-search-types">
          <legend class="utrecht-form-fieldset__legend">{t('search.types')}</legend>
          {SEARCH_TYPE_KEYS.map((key) => {
            const count = results?.countsByType.get(SEARCH_TYPES[key]);
            return (
              <label class="mmm-check" key={key}>
                <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" name="soort" value={key} checked={query.soort.includes(key)} />{' '}
                {t(`search.type.${key}`)}
                {count !== undefined ? <span class="mmm-muted"> ({count})</span> : null}
              </label>
            );
          })}
        </fieldset>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {t('search.submit')}
        </button>
      </form>
      {results === null ? (
        <p class="utrecht-paragraph">{t('search.empty')}</p>
      ) : results.total === 0 ? (
        <NoResults ctx={ctx} query={query} results={results} />
      ) : (
        <section aria-labelledby="resultaten">
          <h2 class="utrecht-heading-2" id="resultaten">
            {t('search.resultCount', { count: results.total })}
          </h2>
          <ol class="mmm-results" start={(query.pagina - 1) * PAGE_SIZE + 1}>
            {results.hits.map((hit) => (
              <li class="mmm-result" key={hit.id}>
                <h3 class="utrecht-heading-3 mmm-result__title">
                  <A href={hit.url}>{hit.title}</A>
                </h3>
                <p class="utrecht-paragraph mmm-result__type">{t(`search.type.${typeKeyOf(hit.type)}`)}</p>
                <p class="utrecht-paragraph mmm-result__snippet">
                  {hit.snippet.map((part, i) => (part.highlight ? <mark key={i}>{part.text}</mark> : part.text))}
                </p>
              </li>
            ))}
          </ol>
          {pages > 1 ? (
            <nav class="mmm-pagination" aria-label={t('search.pages')}>
              {query.pagina > 1 ? (
                <a class="utrecht-link" rel="prev" href={searchUrl(query.q, query.soort, query.pagina - 1)}>
                  {t('search.previousPage')}
                </a>
              ) : null}
              <span>{t('search.pageOf', { page: query.pagina, pages })}</span>
              {query.pagina < pages ? (
                <a class="utrecht-link" rel="next" href={searchUrl(query.q, query.soort, query.pagina + 1)}>
                  {t('search.nextPage')}
                </a>
              ) : null}
            </nav>
          ) : null}
        </section>
      )}
    </Layout>
  );
}

function NoResults({ ctx, query, results }: { ctx: PageContext; query: SearchQuery; results: SearchResults }) {
  const { t } = ctx;
  const elsewhere = [...results.countsByType.values()].reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="geen-resultaten" class="mmm-no-results">
      <h2 class="utrecht-heading-2" id="geen-resultaten">
        {t('search.noResults')}
      </h2>
      {results.suggestions.length > 0 ? (
        <p class="utrecht-paragraph">
          {t('search.didYouMean')}{' '}
          {results.suggestions.map((s, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a class="utrecht-link" href={searchUrl(s, query.soort)} key={s}>
                {s}
              </a>
            </>
          ))}
          ?
        </p>
      ) : null}
      {elsewhere > 0 && query.soort.length > 0 ? (
        <p class="utrecht-paragraph">
          {t('search.inOtherTypes', { count: elsewhere })} <A href={searchUrl(query.q, [])}>{t('search.searchAllTypes')}</A>
        </p>
      ) : null}
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
    </section>
  );
}

export type { SearchTypeKey };
