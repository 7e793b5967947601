import { A, Heading, P } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';

export function HomePage({ ctx }: { ctx: PageContext }) {
  const { t, principal } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <Heading>{t('home.title')}</Heading>
      {principal ? <P>{t('home.welcomeBack', { name: principal.name })}</P> : null}
      <p class="utrecht-paragraph mmm-intro">{t('home.intro')}</p>
      <ul class="mmm-cards">
        <li class="mmm-card">
          <h2 class="utrecht-heading-2">{t('home.teams.title')}</h2>
          <P>{t('home.teams.body')}</P>
          <A href="/teams">{t('home.teams.link')}</A>
        </li>
        <li class="mmm-card">
          <h2 class="utrecht-heading-2">{t('home.regions.title')}</h2>
          <P>{t('home.regions.body')}</P>
          <A href="/regios">{t('home.regions.link')}</A>
        </li>
        {principal ? null : (
          <li class="mmm-card">
            <h2 class="utrecht-heading-2">{t('home.account.title')}</h2>
            <P>{t('home.account.body')}</P>
            <P>
              <A href="/account/registreren">{t('home.account.register')}</A>
            </P>
            <P>
              <A href="/account/inloggen">{t('home.account.login')}</A>
            </P>
          </li>
        )}
      </ul>
    </Layout>
  );
}

export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('a11y.title')}>
      <Heading>{t('a11y.title')}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('a11y.intro')}</p>
      <h2 class="utrecht-heading-2">{t('a11y.standard.title')}</h2>
      <P>{t('a11y.standard.body')}</P>
      <h2 class="utrecht-heading-2">{t('a11y.how.title')}</h2>
      <ul class="utrecht-unordered-list">
        <li>{t('a11y.how.item1')}</li>
        <li>{t('a11y.how.item2')}</li>
        <li>{t('a11y.how.item3')}</li>
        <li>{t('a11y.how.item4')}</li>
        <li>{t('a11y.how.item5')}</li>
      </ul>
      <h2 class="utrecht-heading-2">{t('a11y.known.title')}</h2>
      <P>{t('a11y.known.body')}</P>
      <h2 class="utrecht-heading-2">{t('a11y.contact.title')}</h2>
      <P>{t('a11y.contact.body')}</P>
      <p class="utrecht-paragraph mmm-muted">{t('a11y.updated')}</p>
    </Layout>
  );
}
