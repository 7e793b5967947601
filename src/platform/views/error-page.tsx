import { A, Heading, P } from './components.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

export type ErrorStatus = 400 | 403 | 404 | 413 | 429 | 500;

const KEYS = {
  400: { title: 'error.400.title', body: 'error.400.body' },
  403: { title: 'error.403.title', body: 'error.403.body' },
  404: { title: 'error.404.title', body: 'error.404.body' },
  413: { title: 'error.413.title', body: 'error.413.body' },
  429: { title: 'error.429.title', body: 'error.429.body' },
  500: { title: 'error.500.title', body: 'error.500.body' },
} as const;

export function ErrorPage({ ctx, status, reference, detailKey }: { ctx: PageContext; status: ErrorStatus; reference?: string; detailKey?: 'error.csrf' }) {
  const keys = KEYS[status];
  return (
    <Layout ctx={ctx} title={ctx.t(keys.title)}>
      <Heading>{ctx.t(keys.title)}</Heading>
      <P>{ctx.t(keys.body)}</P>
      {detailKey ? <P>{ctx.t(detailKey)}</P> : null}
      {reference ? (
        <P>
          {ctx.t('error.reference')} <code class="mmm-reference">{reference}</code>
        </P>
      ) : null}
      {status === 404 ? (
        <form method="get" action="/zoeken" role="search" class="mmm-search-form">
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="zoeken-404">
              {ctx.t('error.404.search')}
            </label>
            <input class="utrecht-textbox utrecht-textbox--html-input mmm-search-form__input" type="search" id="zoeken-404" name="q" maxLength={200} />
          </div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {ctx.t('layout.searchButton')}
          </button>
        </form>
      ) : null}
      <P>
        <A href="/">{ctx.t('error.backHome')}</A>
      </P>
    </Layout>
  );
}
