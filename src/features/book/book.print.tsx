import { Heading } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';
import { sectionAnchor, type Book } from './book.content.js';
import { renderer } from './book.frame.js';
import { dreamFacts } from './book.views.js';

/** The whole book on one page for printing: every chapter and appendix starts on a new sheet. */
export function PrintBookPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const { t } = ctx;
  const r = renderer(book);
  const { chapters, stories, dreams, workbook, sources } = book.pack;
  return (
    <Layout ctx={ctx} title={t('book.printTitle')} breadcrumbs={[{ href: '/', label: t('nav.home') }, { href: '/boek', label: t('book.homeTitle') }]}>
      <div class="mmm-print-book">
        <Heading>{t('book.homeTitle')}</Heading>
        <p class="utrecht-paragraph mmm-screen-only">{t('book.printHint')}</p>
        {r.body('pagina:leeswijzer', chapters.readingGuide.body, 1)}
        {chapters.chapters.map((c) => (
          <section class="mmm-print-chapter" key={c.number} aria-labelledby={`print-hoofdstuk-${c.number}`}>
            <h2 class="utrecht-heading-2" id={`print-hoofdstuk-${c.number}`}>
              {book.item(`hoofdstuk:${c.number}`)!.title}
            </h2>
            {r.body(`hoofdstuk:${c.number}`, c.intro, 1)}
            {c.sections.map((s) => (
              <section key={s.number}>
                <h3 class="utrecht-heading-3" id={`print-${sectionAnchor(s.number)}`}>
                  {s.number} {s.title}
                </h3>
                {r.body(`hoofdstuk:${c.number}`, s.body, 2)}
              </section>
            ))}
          </section>
        ))}
        <section class="mmm-print-chapter" aria-labelledby="print-verhalen">
          <h2 class="utrecht-heading-2" id="print-verhalen">
            {t('book.storiesTitle')}
          </h2>
          {stories.map((s) => (
            <section key={s.number}>
              <h3 class="utrecht-heading-3">{`${s.number}. ${s.name}: ${s.title}`}</h3>
              <blockquote class="mmm-quote">
                <p class="utrecht-paragraph">{s.quote}</p>
              </blockquote>
              {r.body(`verhaal:${s.number}`, s.body, 2)}
            </section>
          ))}
        </section>
        <section class="mmm-print-chapter" aria-labelledby="print-dromen">
          <h2 class="utrecht-heading-2" id="print-dromen">
            {t('book.dreamsTitle')}
          </h2>
          {dreams.map((d) => (
            <section key={d.number}>
              <h3 class="utrecht-heading-3">{`Droom ${d.number}: ${d.title}`}</h3>
              <p class="utrecht-paragraph mmm-muted">{dreamFacts(ctx, d)}</p>
              {r.body(`droom:${d.number}`, d.body, 2)}
            </section>
          ))}
        </section>
        <section class="mmm-print-chapter" aria-labelledby="print-werkboek">
          <h2 class="utrecht-heading-2" id="print-werkboek">
            {t('book.workbookTitle')}
          </h2>
          {workbook.instructions.map((i) => (
            <section key={i.number}>
              <h3 class="utrecht-heading-3">{`Instructie ${i.number}: ${i.title}`}</h3>
              {r.body(`instructie:${i.number}`, i.intro, 2)}
              <ol class="utrecht-ordered-list">
                {i.questions.map((q) => (
                  <li class="utrecht-ordered-list__item" key={q.key}>
                    {r.line(`instructie:${i.number}`, q.text)}
                  </li>
                ))}
              </ol>
              {r.body(`instructie:${i.number}`, i.outro, 2)}
            </section>
          ))}
        </section>
        <section class="mmm-print-chapter" aria-labelledby="print-bronnen">
          <h2 class="utrecht-heading-2" id="print-bronnen">
            {t('book.sourcesTitle')}
          </h2>
          <ol class="mmm-sources">
            {sources.map((s) => (
              <li key={s.number} value={s.number}>
                {s.reference}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </Layout>
  );
}
