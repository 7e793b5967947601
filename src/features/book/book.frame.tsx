import type { ComponentChildren } from 'preact';
import { A, Heading } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';
import { BodyRenderer } from './book.body.js';
import type { Book, BookItem } from './book.content.js';

export interface BookPageProps {
  readonly ctx: PageContext;
  readonly book: Book;
  readonly itemRef: string;
}

/** The frame of every page of the book: breadcrumbs, title, "Genoemd in", provenance, previous/next. */
export function BookFrame({
  ctx,
  book,
  itemRef,
  children,
  lead,
  heading,
}: BookPageProps & { children: ComponentChildren; lead?: ComponentChildren; heading?: string }) {
  const { t } = ctx;
  const item = book.item(itemRef)!;
  const { previous, next } = book.neighbours(itemRef);
  const mentionedIn = book.mentionedIn(itemRef);
  return (
    <Layout ctx={ctx} title={item.title} breadcrumbs={[{ href: '/', label: t('nav.home') }, ...book.breadcrumbs(itemRef)]}>
      <article class="mmm-book-item" data-type={item.type}>
        <Heading>{heading ?? item.title}</Heading>
        {lead ? <div class="mmm-intro">{lead}</div> : null}
        {children}
      </article>
      {mentionedIn.length > 0 ? (
        <section class="mmm-mentioned-in" aria-labelledby="genoemd-in">
          <h2 class="utrecht-heading-2" id="genoemd-in">
            {t('book.mentionedIn')}
          </h2>
          <ul class="utrecht-unordered-list">
            {mentionedIn.map((m) => (
              <li class="utrecht-unordered-list__item" key={m.ref}>
                <A href={m.url}>{m.title}</A>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Provenance ctx={ctx} book={book} item={item} />
      <nav class="mmm-prev-next" aria-label={t('book.readingOrder')}>
        {previous ? (
          <a class="utrecht-link mmm-prev-next__previous" href={previous.url} rel="prev">
            <span class="mmm-prev-next__label">{t('book.previous')}</span> {previous.title}
          </a>
        ) : (
          <span />
        )}
        {next ? (
          <a class="utrecht-link mmm-prev-next__next" href={next.url} rel="next">
            <span class="mmm-prev-next__label">{t('book.next')}</span> {next.title}
          </a>
        ) : null}
      </nav>
    </Layout>
  );
}

function Provenance({ ctx, book, item }: { ctx: PageContext; book: Book; item: BookItem }) {
  if (!item.provenance) return null;
  const source = book.pack.documents.attribution.find((a) => a.document === item.provenance!.document);
  return (
    <p class="utrecht-paragraph mmm-provenance">
      {ctx.t('book.provenance')}{' '}
      <a class="utrecht-link" href="/boek/verantwoording">
        {source ? `${source.title} (${source.publisher}, ${source.date})` : item.provenance.document}
      </a>
      , {item.provenance.section}.
    </p>
  );
}

export function renderer(book: Book): BodyRenderer {
  return new BodyRenderer(book);
}

/** A GET form of filters (works without JavaScript: choose, then press the button). */
export function FilterForm({ ctx, action, children }: { ctx: PageContext; action: string; children: ComponentChildren }) {
  return (
    <form method="get" action={action} class="mmm-filters">
      {children}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        {ctx.t('book.filter')}
      </button>
    </form>
  );
}

export function FilterSelect({
  name,
  label,
  value,
  options,
  allLabel,
}: {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  allLabel: string;
}) {
  return (
    <div class="utrecht-form-field mmm-filter">
      <label class="utrecht-form-label" for={`filter-${name}`}>
        {label}
      </label>
      <select class="utrecht-select utrecht-select--html-select" id={`filter-${name}`} name={name}>
        <option value="" selected={value === ''}>
          {allLabel}
        </option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value} key={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LinkList({ items }: { items: readonly { href: string; label: ComponentChildren; extra?: ComponentChildren; key: string }[] }) {
  return (
    <ul class="utrecht-unordered-list mmm-link-list">
      {items.map((i) => (
        <li class="utrecht-unordered-list__item" key={i.key}>
          <A href={i.href}>{i.label}</A>
          {i.extra ? <> {i.extra}</> : null}
        </li>
      ))}
    </ul>
  );
}
