import type { ComponentChildren } from 'preact';
import { CsrfField, Notice } from './components.js';
import type { PageContext } from './page-context.js';

export interface Crumb {
  readonly href: string;
  readonly label: string;
}

export interface LayoutProps {
  readonly ctx: PageContext;
  readonly title: string;
  readonly children: ComponentChildren;
  readonly breadcrumbs?: readonly Crumb[];
}

function NavLink({ href, current, children }: { href: string; current: string; children: ComponentChildren }) {
  const active = current === href || (href !== '/' && current.startsWith(`${href}/`)) || current.startsWith(`${href}?`);
  return (
    <li class="utrecht-nav-bar__item">
      <a class="utrecht-nav-bar__link" href={href} aria-current={active ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}

/** Browser tabs and search engines show about 70 characters; the page's own title comes first. */
function documentTitle(title: string, siteName: string): string {
  const full = `${title} · ${siteName}`;
  if (full.length <= 70) return full;
  return title.length <= 70 ? title : `${title.slice(0, 69).trimEnd()}…`;
}

export function Layout({ ctx, title, children, breadcrumbs }: LayoutProps) {
  const { t, principal } = ctx;
  const otherLocale = ctx.locale === 'nl' ? 'en' : 'nl';
  return (
    <html lang={ctx.locale} class="utrecht-root">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{documentTitle(title, ctx.siteName)}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="stylesheet" href="/static/print.css" media="print" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <script type="module" src="/static/app.js" />
      </head>
      <body class="utrecht-document mmm-theme">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
          {t('layout.skipLink')}
        </a>
        <header class="utrecht-page-header mmm-header">
          <div class="mmm-header__inner">
            <a class="mmm-brand" href="/">
              <span class="mmm-brand__mark" aria-hidden="true">
                MMM
              </span>
              <span class="mmm-brand__name">{ctx.siteName}</span>
            </a>
            <form method="get" action="/zoeken" class="mmm-site-search" role="search">
              <label class="mmm-visually-hidden" for="site-zoekterm">
                {t('layout.searchLabel')}
              </label>
              <input class="utrecht-textbox utrecht-textbox--html-input mmm-site-search__input" type="search" id="site-zoekterm" name="q" maxLength={200} />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                {t('layout.searchButton')}
              </button>
            </form>
            <form method="post" action="/taal" class="mmm-language">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="taal" value={otherLocale} />
              <input type="hidden" name="terug" value={ctx.currentPath} />
              <button type="submit" class="utrecht-button utrecht-button--subtle mmm-language__button" lang={otherLocale}>
                {t('layout.switchLanguage')}
              </button>
            </form>
          </div>
          <nav class="utrecht-nav-bar mmm-nav" aria-label={t('layout.mainNav')}>
            <ul class="utrecht-nav-bar__list">
              <NavLink href="/" current={ctx.currentPath}>
                {t('nav.home')}
              </NavLink>
              <NavLink href="/boek" current={ctx.currentPath}>
                {t('nav.book')}
              </NavLink>
              <NavLink href="/loket" current={ctx.currentPath}>
                {t('desk.nav')}
              </NavLink>
              <NavLink href="/regios" current={ctx.currentPath}>
                {t('nav.regions')}
              </NavLink>
              {principal ? (
                <NavLink href="/werkboek" current={ctx.currentPath}>
                  {t('nav.workbook')}
                </NavLink>
              ) : null}
              {principal ? (
                <NavLink href="/teams" current={ctx.currentPath}>
                  {t('nav.teams')}
                </NavLink>
              ) : null}
              {principal ? (
                <NavLink href="/casusoverleg" current={ctx.currentPath}>
                  {t('caseConsultation.nav')}
                </NavLink>
              ) : null}
              {principal?.isAdmin ? (
                <NavLink href="/beheer" current={ctx.currentPath}>
                  {t('nav.admin')}
                </NavLink>
              ) : null}
              {principal ? (
                <NavLink href="/account" current={ctx.currentPath}>
                  {t('nav.account')}
                </NavLink>
              ) : (
                <>
                  <NavLink href="/account/inloggen" current={ctx.currentPath}>
                    {t('nav.login')}
                  </NavLink>
                  <NavLink href="/account/registreren" current={ctx.currentPath}>
                    {t('nav.register')}
                  </NavLink>
                </>
              )}
            </ul>
            {principal ? (
              <form method="post" action="/account/uitloggen" class="mmm-logout">
                <CsrfField ctx={ctx} />
                <span class="mmm-logout__name">{t('layout.loggedInAs', { name: principal.name })}</span>{' '}
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                  {t('nav.logout')}
                </button>
              </form>
            ) : null}
          </nav>
        </header>
        {breadcrumbs && breadcrumbs.length > 0 ? (
          <nav class="utrecht-breadcrumb-nav mmm-breadcrumbs" aria-label={t('layout.breadcrumbs')}>
            <ol class="utrecht-breadcrumb-nav__list">
              {breadcrumbs.map((c) => (
                <li class="utrecht-breadcrumb-nav__item" key={c.href}>
                  <a class="utrecht-breadcrumb-nav__link" href={c.href}>
                    {c.label}
                  </a>
                </li>
              ))}
              <li class="utrecht-breadcrumb-nav__item" aria-current="page">
                {title}
              </li>
            </ol>
          </nav>
        ) : null}
        <main id="inhoud" class="utrecht-page-content mmm-main" tabIndex={-1}>
          {ctx.flash ? <Notice kind="ok">{ctx.flash}</Notice> : null}
          {children}
        </main>
        <footer class="utrecht-page-footer mmm-footer">
          <ul class="mmm-footer__links">
            <li>
              <a class="utrecht-link" href="/toegankelijkheid">
                {t('nav.accessibility')}
              </a>
            </li>
            <li>
              <a class="utrecht-link" href="/regios">
                {t('nav.regions')}
              </a>
            </li>
          </ul>
          <p class="utrecht-paragraph mmm-footer__about">{t('layout.footerAbout')}</p>
        </footer>
      </body>
    </html>
  );
}
