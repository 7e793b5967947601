import { A, Heading, P } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';
import type { Coordinator, Region } from './regions.service.js';

export function RegionsPage({ ctx, regions, coordinators, homeRegionSlug }: { ctx: PageContext; regions: readonly Region[]; coordinators: readonly Coordinator[]; homeRegionSlug: string | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('regions.title')} breadcrumbs={[{ href: '/', label: t('nav.home') }]}>
      <Heading>{t('regions.title')}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('regions.intro')}</p>
      {ctx.principal && !homeRegionSlug ? (
        <P>
          <A href="/account">{t('regions.chooseOwn')}</A>
        </P>
      ) : null}
      <ul class="mmm-cards">
        {regions.map((r) => {
          const count = coordinators.filter((c) => c.regionSlug === r.slug).length;
          return (
            <li class="mmm-card" key={r.slug}>
              <h2 class="utrecht-heading-3">
                <A href={`/regios/${r.slug}`}>{r.name}</A>
              </h2>
              {r.slug === homeRegionSlug ? <span class="mmm-badge">{t('regions.yourRegion')}</span> : null}{' '}
              <span class="mmm-muted">
                {t('regions.coordinatorCount')}: {count}
              </span>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}

export function RegionPage({ ctx, region, coordinators }: { ctx: PageContext; region: Region; coordinators: readonly Coordinator[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={region.name} breadcrumbs={[{ href: '/', label: t('nav.home') }, { href: '/regios', label: t('regions.title') }]}>
      <Heading>{region.name}</Heading>
      <h2 class="utrecht-heading-2">{t('regions.coordinators')}</h2>
      <P>{t('regions.coordinatorIntro')}</P>
      {coordinators.length === 0 ? (
        <P>{t('regions.noCoordinators')}</P>
      ) : (
        <ul class="utrecht-unordered-list">
          {coordinators.map((c) => (
            <li key={c.userId}>{c.name}</li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
