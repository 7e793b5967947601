import type { ComponentChildren } from 'preact';
import { A } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';
import { MAX_QUERY_LENGTH, type SearchHit, type SearchResults, type SnippetPart } from './search-engine.js';

// The parts of a search page, shared by the site-wide search and the regional desks' search.

/** A search address: the query, the chosen filters and the page. */
export function searchUrl(action: string, q: string, types: readonly string[], page = 1, exact = false): string {
  const params = new URLSearchParams({ q });
  for (const t of types) params.append('soort', t);
  if (page > 1) params.set('pagina', String(page));
  // Exactly these words: no correction of words the index does not know.
  if (exact) params.set('precies', '1');
  return `${action}?${params.toString()}`;
}

export interface TypeFilter {
  readonly key: string;
  readonly label: string;
  /** Matches of this type for the current words; undefined before a search. */
  readonly count: number | undefined;
  /** The count is a lower bound (the search counted no further). */
  readonly atLeast?: boolean;
  readonly checked: boolean;
}

/** The GET form: the words, a hint, and one checkbox per type with its number of matches. */
export function SearchForm({ ctx, action, q, hint, filters }: { ctx: PageContext; action: string; q: string; hint: string; filters: readonly TypeFilter[] }) {
  const { t } = ctx;
  return (
    <form method="get" action={action} class="mmm-search-form" role="search">
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="zoekterm">
          {t('search.label')}
        </label>
        <p class="utrecht-form-field-description" id="zoekterm-uitleg">
          {hint}
        </p>
        <input
          class="utrecht-textbox utrecht-textbox--html-input mmm-search-form__input"
          type="search"
          id="zoekterm"
          name="q"
          value={q.slice(0, 200)}
          maxLength={200}
          aria-describedby="zoekterm-uitleg"
        />
      </div>
      <fieldset class="utrecht-form-fieldset mmm-search-types">
        <legend class="utrecht-form-fieldset__legend">{t('search.types')}</legend>
        {filters.map((f) => (
          <label class="mmm-check" key={f.key}>
            <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" name="soort" value={f.key} checked={f.checked} /> {f.label}
            {f.count !== undefined ? <span class="mmm-muted"> ({f.atLeast ? `${f.count}+` : f.count})</span> : null}
          </label>
        ))}
      </fieldset>
      <button type="submit" class="utrecht-button utrecht-button--primary-action">
        {t('search.submit')}
      </button>
    </form>
  );
}

/** What the search did with the words typed: a correction, a cut, or results with only some words. */
export function SearchNotices({ ctx, results, exactUrl }: { ctx: PageContext; results: SearchResults; exactUrl: string }) {
  const { t } = ctx;
  let corrected = results.query;
  for (const c of results.corrections) corrected = corrected.replace(c.typed, c.corrected);
  return (
    <>
      {results.truncated ? <p class="utrecht-paragraph mmm-search-notice">{t('search.truncated', { max: MAX_QUERY_LENGTH })}</p> : null}
      {results.corrections.length > 0 ? (
        <p class="utrecht-paragraph mmm-search-notice">
          {t('search.correctedTo')} <strong>{corrected}</strong>. {t('search.searchInstead')} <A href={exactUrl}>{results.query}</A>
        </p>
      ) : null}
      {results.partial ? <p class="utrecht-paragraph mmm-search-notice">{t('search.partial')}</p> : null}
    </>
  );
}

/** A snippet with the matching words marked. */
export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return <>{parts.map((part, i) => (part.highlight ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

/** The numbered results with their type and snippet, and links to the other pages of results. */
export function ResultList({
  ctx,
  results,
  page,
  typeLabel,
  pageSize,
  pageUrl,
  exactUrl,
}: {
  ctx: PageContext;
  results: SearchResults;
  page: number;
  /** The same words searched exactly as typed (no correction). */
  exactUrl: string;
  /** Results per page, to number them and count the pages. */
  pageSize: number;
  typeLabel: (hit: SearchHit) => string;
  pageUrl: (page: number) => string;
}) {
  const { t } = ctx;
  const pages = Math.ceil(results.total / pageSize);
  return (
    <section aria-labelledby="resultaten">
      <h2 class="utrecht-heading-2" id="resultaten">
        {results.moreThanTotal ? t('search.resultCountMoreThan', { count: results.total }) : t('search.resultCount', { count: results.total })}
      </h2>
      <SearchNotices ctx={ctx} results={results} exactUrl={exactUrl} />
      <ol class="mmm-results" start={(page - 1) * pageSize + 1}>
        {results.hits.map((hit) => (
          <li class="mmm-result" key={hit.id}>
            <h3 class="utrecht-heading-3 mmm-result__title">
              <A href={hit.url}>{hit.title}</A>
            </h3>
            <p class="utrecht-paragraph mmm-result__type">{typeLabel(hit)}</p>
            <p class="utrecht-paragraph mmm-result__snippet">
              <Snippet parts={hit.snippet} />
            </p>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav class="mmm-pagination" aria-label={t('search.pages')}>
          {page > 1 ? (
            <a class="utrecht-link" rel="prev" href={pageUrl(page - 1)}>
              {t('search.previousPage')}
            </a>
          ) : null}
          <span>{t('search.pageOf', { page, pages })}</span>
          {page < pages ? (
            <a class="utrecht-link" rel="next" href={pageUrl(page + 1)}>
              {t('search.nextPage')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

/** Nothing found: spelling suggestions, matches outside the chosen filters, then the caller's tips. */
export function NoResults({
  ctx,
  results,
  filtered,
  suggestionUrl,
  allTypesUrl,
  exactUrl,
  children,
}: {
  ctx: PageContext;
  results: SearchResults;
  exactUrl: string;
  /** Whether filters were chosen. */
  filtered: boolean;
  suggestionUrl: (q: string) => string;
  allTypesUrl: string;
  children: ComponentChildren;
}) {
  const { t } = ctx;
  const elsewhere = [...results.countsByType.values()].reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="geen-resultaten" class="mmm-no-results">
      <h2 class="utrecht-heading-2" id="geen-resultaten">
        {t('search.noResults')}
      </h2>
      <SearchNotices ctx={ctx} results={results} exactUrl={exactUrl} />
      {results.suggestions.length > 0 ? (
        <p class="utrecht-paragraph">
          {t('search.didYouMean')}{' '}
          {results.suggestions.map((s, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a class="utrecht-link" href={suggestionUrl(s)} key={s}>
                {s}
              </a>
            </>
          ))}
          ?
        </p>
      ) : null}
      {elsewhere > 0 && filtered ? (
        <p class="utrecht-paragraph">
          {t('search.inOtherTypes', { count: elsewhere })} <A href={allTypesUrl}>{t('search.searchAllTypes')}</A>
        </p>
      ) : null}
      {children}
    </section>
  );
}

