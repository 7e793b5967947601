import type { ComponentChildren } from 'preact';
import { A, ErrorSummary, Heading, Notice, P, PostForm, SubmitButton, TextAreaField, TextField, type FormState } from '../../../platform/views/components.js';
import { Layout, type Crumb } from '../../../platform/views/layout.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import { nationalTermPath, regionalTermPath } from '../shared/paths.js';
import { DeskLayout, ReportLink, withLinks } from '../shared/layout.js';
import { deskPath, type Region } from '../shared/region.js';
import { ALPHABET, type GlossaryTerm, type Letter, type SchemePage } from './schemes.service.js';

function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

/** HTML made by the desk's Markdown renderer (which escapes everything a writer types) and the glossary linker. */
function Rendered({ html, class: className = 'mmm-rich-text' }: { html: string; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

const schemesPath = (region: Region, rest = '') => deskPath(region.slug, `/regelingen${rest}`);
const glossaryPath = (region: Region, rest = '') => deskPath(region.slug, `/woordenlijst${rest}`);
const pagePath = (region: Region, slug: string, rest = '') => schemesPath(region, `/${encodeURIComponent(slug)}${rest}`);
const termPath = (region: Region, slug: string, rest = '') => `${regionalTermPath(region.slug, slug)}${rest}`;

function ManageLinks({ ctx, links }: { ctx: PageContext; links: readonly { href: string; label: string }[] }) {
  return (
    <aside class="mmm-desk-manage" aria-labelledby="beheer-links">
      <h2 class="utrecht-heading-2" id="beheer-links">
        {ctx.t('desk.schemes.page.manage')}
      </h2>
      <ul class="utrecht-unordered-list">
        {links.map((l) => (
          <li class="utrecht-unordered-list__item" key={l.href}>
            <A href={l.href}>{l.label}</A>
          </li>
        ))}
      </ul>
    </aside>
  );
}

// Scheme pages

export function SchemesListPage({ ctx, region, pages, canEdit }: { ctx: PageContext; region: Region; pages: readonly SchemePage[]; canEdit: boolean }) {
  const { t } = ctx;
  const title = t('desk.schemes.list.title');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="schemes">
      <Heading>{title}</Heading>
      <P>{t('desk.schemes.list.intro')}</P>
      {pages.length === 0 ? (
        <P>{t('desk.schemes.list.empty')}</P>
      ) : (
        <ul class="mmm-card-list">
          {pages.map((p) => (
            <li class="mmm-card" key={p.row.slug}>
              <h2 class="utrecht-heading-3 mmm-card__title">
                <A href={pagePath(region, p.row.slug)}>{p.row.title}</A>
              </h2>
              <p class="utrecht-paragraph">{p.row.summary}</p>
              {canEdit && p.regional ? <p class="utrecht-paragraph mmm-meta">{t('desk.schemes.list.own')}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? <ManageLinks ctx={ctx} links={[{ href: schemesPath(region, '/nieuw'), label: t('desk.schemes.list.new') }]} /> : null}
    </DeskLayout>
  );
}

export function SchemePageView({ ctx, region, page, bodyHtml, canEdit }: { ctx: PageContext; region: Region; page: SchemePage; bodyHtml: string; canEdit: boolean }) {
  const { t } = ctx;
  const { row } = page;
  const manage = [{ href: pagePath(region, row.slug, '/bewerken'), label: t('desk.schemes.page.edit') }];
  if (page.regional) manage.push({ href: pagePath(region, row.slug, '/verwijderen'), label: t(page.hasNational ? 'desk.schemes.page.revert' : 'desk.schemes.page.delete') });
  return (
    <DeskLayout ctx={ctx} region={region} title={row.title} section="schemes" trail={[{ href: schemesPath(region), label: t('desk.schemes.list.title') }]}>
      <article class="mmm-scheme">
        <Heading>{row.title}</Heading>
        <p class="utrecht-paragraph utrecht-paragraph--lead mmm-intro">{row.summary}</p>
        <Rendered html={bodyHtml} />
        <p class="utrecht-paragraph mmm-meta">
          {page.regional ? t('desk.schemes.page.regional', { region: region.name }) : t('desk.schemes.page.national')}.{' '}
          {withLinks(t('desk.schemes.page.updated'), { date: <time dateTime={row.updated_at}>{formatDate(row.updated_at, ctx.locale)}</time> })}
        </p>
      </article>
      <ReportLink ctx={ctx} region={region} kind="page" id={row.id} />
      {canEdit ? <ManageLinks ctx={ctx} links={manage} /> : null}
    </DeskLayout>
  );
}

export interface EditorView {
  readonly state: FormState;
  /** The rendered preview, when the writer asked for one. */
  readonly previewHtml?: string;
  /** What another person saved meanwhile, when saving met a conflict. */
  readonly conflictHtml?: string;
}

function EditorExtras({ ctx, view }: { ctx: PageContext; view: EditorView }) {
  const { t } = ctx;
  return (
    <>
      {view.conflictHtml !== undefined ? (
        <section class="mmm-conflict" aria-labelledby="opgeslagen-tekst">
          <h2 class="utrecht-heading-2" id="opgeslagen-tekst">
            {t('desk.schemes.conflictCurrent')}
          </h2>
          <Rendered html={view.conflictHtml} class="mmm-rich-text mmm-preview" />
        </section>
      ) : null}
      {view.previewHtml !== undefined ? (
        <section class="mmm-preview-section" aria-labelledby="voorbeeld-titel">
          <h2 class="utrecht-heading-2" id="voorbeeld-titel">
            {t('desk.schemes.previewTitle')}
          </h2>
          <Notice>{t('desk.schemes.previewNote')}</Notice>
          <Rendered html={view.previewHtml} class="mmm-rich-text mmm-preview" />
        </section>
      ) : null}
    </>
  );
}

function FormButtons({ ctx, cancelHref }: { ctx: PageContext; cancelHref: string }) {
  return (
    <div class="mmm-form-actions">
      <SubmitButton>{ctx.t('desk.schemes.save')}</SubmitButton>{' '}
      <SubmitButton secondary name="voorbeeld" value="1">
        {ctx.t('desk.schemes.preview')}
      </SubmitButton>{' '}
      <A href={cancelHref}>{ctx.t('desk.schemes.cancel')}</A>
    </div>
  );
}

function HiddenVersion({ values }: { values: FormState['values'] }) {
  return (
    <>
      <input type="hidden" name="basis" value={values?.basis ?? ''} />
      <input type="hidden" name="version" value={values?.version ?? ''} />
    </>
  );
}

function Problems({ ctx, view }: { ctx: PageContext; view: EditorView }) {
  return (
    <>
      {view.state.errors ? <ErrorSummary ctx={ctx} errors={view.state.errors} /> : null}
      {view.state.formError ? <Notice kind="warning">{view.state.formError}</Notice> : null}
    </>
  );
}

/** Editing a page (page given) or making a new one. */
export function PageEditorPage({ ctx, region, page, view }: { ctx: PageContext; region: Region; page?: SchemePage; view: EditorView }) {
  const { t } = ctx;
  const { values, errors } = view.state;
  const title = page ? t('desk.schemes.edit.title', { title: page.row.title }) : t('desk.schemes.new.title');
  const trail: Crumb[] = [{ href: schemesPath(region), label: t('desk.schemes.list.title') }];
  if (page) trail.push({ href: pagePath(region, page.row.slug), label: page.row.title });
  const action = page ? pagePath(region, page.row.slug, '/bewerken') : schemesPath(region, '/nieuw');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="schemes" trail={trail}>
      <Heading>{title}</Heading>
      <Problems ctx={ctx} view={view} />
      {page && !page.regional ? <Notice>{t('desk.schemes.edit.nationalNote', { region: region.name })}</Notice> : null}
      <PostForm ctx={ctx} action={action}>
        {page ? <HiddenVersion values={values} /> : null}
        {page ? null : (
          <TextField
            name="pageSlug"
            label={t('desk.schemes.field.slug')}
            hint={t('desk.schemes.field.slugHint', { path: schemesPath(region) })}
            values={values}
            errors={errors}
            required
            maxLength={80}
          />
        )}
        <TextField name="title" label={t('desk.schemes.field.title')} values={values} errors={errors} required maxLength={150} />
        <TextAreaField name="summary" label={t('desk.schemes.field.summary')} hint={t('desk.schemes.field.summaryHint')} values={values} errors={errors} required rows={3} maxLength={400} />
        <TextAreaField name="body" label={t('desk.schemes.field.body')} hint={t('desk.schemes.field.bodyHint', { loket: '{loket}' })} values={values} errors={errors} required rows={20} maxLength={30000} />
        <TextField name="sortOrder" label={t('desk.schemes.field.order')} hint={t('desk.schemes.field.orderHint')} values={values} errors={errors} required inputMode="numeric" maxLength={4} />
        <FormButtons ctx={ctx} cancelHref={page ? pagePath(region, page.row.slug) : schemesPath(region)} />
      </PostForm>
      <EditorExtras ctx={ctx} view={view} />
    </DeskLayout>
  );
}

/** "Are you sure?" before a region's own text is removed (back to the national one, or gone). */
export function ConfirmRemovePage({
  ctx,
  region,
  section,
  heading,
  text,
  confirmLabel,
  action,
  cancelHref,
  trail,
}: {
  ctx: PageContext;
  region: Region;
  section: 'schemes' | 'glossary';
  heading: string;
  text: string;
  confirmLabel: string;
  action: string;
  cancelHref: string;
  trail: readonly Crumb[];
}) {
  return (
    <DeskLayout ctx={ctx} region={region} title={heading} section={section} trail={trail}>
      <Heading>{heading}</Heading>
      <P>{text}</P>
      <PostForm ctx={ctx} action={action}>
        <div class="mmm-form-actions">
          <SubmitButton>{confirmLabel}</SubmitButton> <A href={cancelHref}>{ctx.t('desk.schemes.cancel')}</A>
        </div>
      </PostForm>
    </DeskLayout>
  );
}

// The glossary

function LetterNav({ ctx, letters }: { ctx: PageContext; letters: readonly Letter[] }) {
  const present = new Set(letters.map((l) => l.letter));
  return (
    <nav class="mmm-letter-nav" aria-label={ctx.t('desk.schemes.glossary.letters')}>
      <ul class="mmm-letter-nav__list">
        {ALPHABET.map((letter) => (
          <li class="mmm-letter-nav__item" key={letter}>
            {present.has(letter) ? (
              <a class="utrecht-link mmm-letter-nav__link" href={`#letter-${letter.toLowerCase()}`}>
                {letter}
              </a>
            ) : (
              <span class="mmm-letter-nav__empty" title={ctx.t('desk.schemes.glossary.noTerms', { letter })}>
                {letter}
              </span>
            )}
          </li>
        ))}
        {present.has('#') ? (
          <li class="mmm-letter-nav__item">
            <a class="utrecht-link mmm-letter-nav__link" href="#letter-overig">
              {ctx.t('desk.schemes.glossary.otherLetter')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function GlossaryList({
  ctx,
  letters,
  termHref,
  explanations,
}: {
  ctx: PageContext;
  letters: readonly Letter[];
  termHref: (slug: string) => string;
  explanations: ReadonlyMap<string, string>;
}) {
  if (letters.length === 0) return <P>{ctx.t('desk.schemes.glossary.empty')}</P>;
  return (
    <>
      <LetterNav ctx={ctx} letters={letters} />
      {letters.map((group) => {
        const id = group.letter === '#' ? 'letter-overig' : `letter-${group.letter.toLowerCase()}`;
        return (
          <section class="mmm-glossary-letter" aria-labelledby={id} key={group.letter}>
            <h2 class="utrecht-heading-2" id={id}>
              {group.letter === '#' ? ctx.t('desk.schemes.glossary.otherLetter') : group.letter}
            </h2>
            <dl class="mmm-glossary">
              {group.terms.map((term) => (
                <div class="mmm-glossary__entry" id={`woord-${term.row.slug}`} key={term.row.slug}>
                  <dt class="mmm-glossary__term">
                    <A href={termHref(term.row.slug)}>{term.row.term}</A>
                  </dt>
                  <dd class="mmm-glossary__explanation">
                    <Rendered html={explanations.get(term.row.slug) ?? ''} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}

export function GlossaryPage({
  ctx,
  region,
  letters,
  explanations,
  canEdit,
}: {
  ctx: PageContext;
  region: Region;
  letters: readonly Letter[];
  explanations: ReadonlyMap<string, string>;
  canEdit: boolean;
}) {
  const { t } = ctx;
  const title = t('desk.schemes.glossary.title');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="glossary">
      <Heading>{title}</Heading>
      <P>{t('desk.schemes.glossary.intro')}</P>
      <GlossaryList ctx={ctx} letters={letters} termHref={(slug) => termPath(region, slug)} explanations={explanations} />
      {canEdit ? <ManageLinks ctx={ctx} links={[{ href: glossaryPath(region, '/nieuw'), label: t('desk.schemes.glossary.new') }]} /> : null}
    </DeskLayout>
  );
}

function NationalLayout({ ctx, title, trail = [], children }: { ctx: PageContext; title: string; trail?: readonly Crumb[]; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/loket', label: ctx.t('desk.nav') }, ...trail]}>
      {children}
    </Layout>
  );
}

export function NationalGlossaryPage({ ctx, letters, explanations }: { ctx: PageContext; letters: readonly Letter[]; explanations: ReadonlyMap<string, string> }) {
  const { t } = ctx;
  const title = t('desk.schemes.glossary.nationalTitle');
  return (
    <NationalLayout ctx={ctx} title={title}>
      <Heading>{title}</Heading>
      <P>{t('desk.schemes.glossary.nationalIntro')}</P>
      <P>
        <A href="/loket">{t('desk.schemes.glossary.chooseRegion')}</A>
      </P>
      <GlossaryList ctx={ctx} letters={letters} termHref={nationalTermPath} explanations={explanations} />
    </NationalLayout>
  );
}

function TermBody({ ctx, term, explanationHtml }: { ctx: PageContext; term: GlossaryTerm; explanationHtml: string }) {
  return (
    <>
      <Heading>{term.row.term}</Heading>
      {term.variants.length > 0 ? <p class="utrecht-paragraph mmm-meta">{ctx.t('desk.schemes.glossary.variants', { variants: term.variants.join(', ') })}</p> : null}
      <Rendered html={explanationHtml} />
    </>
  );
}

export function TermPageView({
  ctx,
  region,
  term,
  explanationHtml,
  mentionedIn,
  canEdit,
}: {
  ctx: PageContext;
  region: Region;
  term: GlossaryTerm;
  explanationHtml: string;
  mentionedIn: readonly SchemePage[];
  canEdit: boolean;
}) {
  const { t } = ctx;
  const { row } = term;
  const manage = [{ href: termPath(region, row.slug, '/bewerken'), label: t('desk.schemes.glossary.edit') }];
  if (term.regional) manage.push({ href: termPath(region, row.slug, '/verwijderen'), label: t(term.hasNational ? 'desk.schemes.glossary.revert' : 'desk.schemes.glossary.delete') });
  return (
    <DeskLayout ctx={ctx} region={region} title={row.term} section="glossary" trail={[{ href: glossaryPath(region), label: t('desk.schemes.glossary.title') }]}>
      <article class="mmm-term-page">
        <TermBody ctx={ctx} term={term} explanationHtml={explanationHtml} />
        <section aria-labelledby="staat-in">
          <h2 class="utrecht-heading-2" id="staat-in">
            {t('desk.schemes.glossary.mentionedIn')}
          </h2>
          {mentionedIn.length === 0 ? (
            <P>{t('desk.schemes.glossary.mentionedInNone')}</P>
          ) : (
            <ul class="utrecht-unordered-list">
              {mentionedIn.map((p) => (
                <li class="utrecht-unordered-list__item" key={p.row.slug}>
                  <A href={pagePath(region, p.row.slug)}>{p.row.title}</A>
                </li>
              ))}
            </ul>
          )}
        </section>
        <P>
          <A href={`${glossaryPath(region)}#woord-${row.slug}`}>{t('desk.schemes.glossary.back')}</A>
        </P>
      </article>
      <ReportLink ctx={ctx} region={region} kind="term" id={row.id} />
      {canEdit ? <ManageLinks ctx={ctx} links={manage} /> : null}
    </DeskLayout>
  );
}

export function NationalTermPage({ ctx, term, explanationHtml }: { ctx: PageContext; term: GlossaryTerm; explanationHtml: string }) {
  const { t } = ctx;
  return (
    <NationalLayout ctx={ctx} title={term.row.term} trail={[{ href: '/loket/woordenlijst', label: t('desk.schemes.glossary.nationalTitle') }]}>
      <article class="mmm-term-page">
        <TermBody ctx={ctx} term={term} explanationHtml={explanationHtml} />
        <P>
          <A href={`/loket/woordenlijst#woord-${term.row.slug}`}>{t('desk.schemes.glossary.back')}</A>
        </P>
        <P>
          <A href="/loket">{t('desk.schemes.glossary.chooseRegion')}</A>
        </P>
      </article>
    </NationalLayout>
  );
}

/** Editing a term (term given) or adding a new one. */
export function TermEditorPage({ ctx, region, term, view }: { ctx: PageContext; region: Region; term?: GlossaryTerm; view: EditorView }) {
  const { t } = ctx;
  const { values, errors } = view.state;
  const title = term ? t('desk.schemes.glossary.editTitle', { term: term.row.term }) : t('desk.schemes.glossary.newTitle');
  const trail: Crumb[] = [{ href: glossaryPath(region), label: t('desk.schemes.glossary.title') }];
  if (term) trail.push({ href: termPath(region, term.row.slug), label: term.row.term });
  const action = term ? termPath(region, term.row.slug, '/bewerken') : glossaryPath(region, '/nieuw');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="glossary" trail={trail}>
      <Heading>{title}</Heading>
      <Problems ctx={ctx} view={view} />
      {term && !term.regional ? <Notice>{t('desk.schemes.glossary.nationalNote', { region: region.name })}</Notice> : null}
      <PostForm ctx={ctx} action={action}>
        {term ? <HiddenVersion values={values} /> : null}
        <TextField name="term" label={t('desk.schemes.glossary.field.term')} hint={t('desk.schemes.glossary.field.termHint')} values={values} errors={errors} required maxLength={80} />
        <TextAreaField name="variants" label={t('desk.schemes.glossary.field.variants')} hint={t('desk.schemes.glossary.field.variantsHint')} values={values} errors={errors} rows={4} maxLength={1000} />
        <TextAreaField name="explanation" label={t('desk.schemes.glossary.field.explanation')} hint={t('desk.schemes.glossary.field.explanationHint')} values={values} errors={errors} required rows={6} maxLength={3000} />
        <FormButtons ctx={ctx} cancelHref={term ? termPath(region, term.row.slug) : glossaryPath(region)} />
      </PostForm>
      <EditorExtras ctx={ctx} view={view} />
    </DeskLayout>
  );
}
