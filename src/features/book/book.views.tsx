import { A } from '../../platform/views/components.js';
import type { PageContext } from '../../platform/views/page-context.js';
import { sectionAnchor, type Book, type Dream, type Story } from './book.content.js';
import { BookFrame, FilterForm, FilterSelect, LinkList, renderer, type BookPageProps } from './book.frame.js';

/** Choose one of the regions the items come from. */
function RegionFilter({ ctx, value, regions }: { ctx: PageContext; value: string; regions: readonly string[] }) {
  const options = [...new Set(regions)].sort((a, b) => a.localeCompare(b, 'nl')).map((r) => ({ value: r, label: r }));
  return <FilterSelect name="regio" label={ctx.t('book.region')} value={value} allLabel={ctx.t('book.allRegions')} options={options} />;
}

export function BookHomePage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const { t } = ctx;
  const r = renderer(book);
  const { chapters } = book.pack;
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:leeswijzer" heading={t('book.homeTitle')}>
      <h2 class="utrecht-heading-2">{t('book.readingGuide')}</h2>
      {r.body('pagina:leeswijzer', chapters.readingGuide.body, 1)}
      <p class="utrecht-paragraph">
        <A href="/boek/inhoud">{t('book.fullContents')}</A> · <A href="/boek/afdrukken">{t('book.printWhole')}</A>
      </p>
      <h2 class="utrecht-heading-2">{t('book.appendices')}</h2>
      <ul class="mmm-cards">
        {(
          [
            ['pagina:verhalen', t('book.storiesLead', { count: book.pack.stories.length })],
            ['pagina:dromen', t('book.dreamsLead', { count: book.pack.dreams.length })],
            ['pagina:werkboek', t('book.workbookLead')],
            ['pagina:bronnen', t('book.sourcesLead', { count: book.pack.sources.length })],
            ['pagina:beroepenindex', t('book.professionsLead', { count: book.pack.professionIndex.professions.length })],
            ['pagina:praktijkvoorbeelden', t('book.practiceLead')],
            ['pagina:leermomenten', t('book.learningLead')],
            ['pagina:werkproces-in-keten', t('book.chainLead')],
            ['pagina:vocabulaire', t('book.vocabularyLead')],
            ['pagina:feedbackregels', t('book.feedbackLead')],
            ['pagina:routekaart', t('book.roadmapLead')],
            ['pagina:routekaart-acties', t('book.roadmapActionsLead')],
            ['pagina:zeeland', t('book.zeelandLead')],
            ['pagina:documenten', t('book.documentsLead')],
            ['pagina:verantwoording', t('book.attributionLead')],
          ] as const
        ).map(([ref, lead]) => {
          const item = book.item(ref)!;
          return (
            <li class="mmm-card" key={ref}>
              <h3 class="utrecht-heading-3">
                <A href={item.url}>{item.title}</A>
              </h3>
              <p class="utrecht-paragraph">{lead}</p>
            </li>
          );
        })}
      </ul>
      <h2 class="utrecht-heading-2">{t('book.colophon')}</h2>
      <div class="mmm-colophon">{r.body('pagina:leeswijzer', chapters.colophon.body, 1)}</div>
    </BookFrame>
  );
}

export function ContentsPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const { t } = ctx;
  const partOf = (n: number) => book.pack.chapters.parts.find((p) => p.chapters.includes(n));
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:inhoud">
      <ol class="mmm-toc mmm-toc--full">
        {book.pack.chapters.chapters.map((c) => {
          const item = book.item(`hoofdstuk:${c.number}`)!;
          const part = partOf(c.number);
          return (
            <li key={c.number}>
              <A href={item.url}>{item.title}</A>
              {part ? (
                <span class="mmm-muted">
                  {' '}
                  ({t('book.part')} {part.number}: {part.title})
                </span>
              ) : null}
              <ol class="mmm-toc">
                {c.sections.map((s) => (
                  <li key={s.number}>
                    <A href={`${item.url}#${sectionAnchor(s.number)}`}>
                      {s.number} {s.title}
                    </A>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
    </BookFrame>
  );
}

export function ChapterPage({ ctx, book, itemRef }: BookPageProps) {
  const { t } = ctx;
  const number = Number(itemRef.split(':')[1]);
  const chapter = book.pack.chapters.chapters.find((c) => c.number === number)!;
  const part = book.pack.chapters.parts.find((p) => p.chapters.includes(number));
  const r = renderer(book);
  return (
    <BookFrame
      ctx={ctx}
      book={book}
      itemRef={itemRef}
      lead={part ? <p class="utrecht-paragraph mmm-muted">{`${t('book.part')} ${part.number}: ${part.title}`}</p> : undefined}
    >
      <nav aria-label={t('book.sectionsOfChapter')} class="mmm-chapter-toc">
        <ol class="mmm-toc">
          {chapter.sections.map((s) => (
            <li key={s.number}>
              <a class="utrecht-link" href={`#${sectionAnchor(s.number)}`}>
                {s.number} {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {r.body(itemRef, chapter.intro, 1)}
      {chapter.sections.map((s) => {
        const depth = s.number.split('.').length;
        const Tag = depth > 2 ? 'h3' : 'h2';
        return (
          <section key={s.number} aria-labelledby={sectionAnchor(s.number)}>
            <Tag class={depth > 2 ? 'utrecht-heading-3' : 'utrecht-heading-2'} id={sectionAnchor(s.number)}>
              {s.number} {s.title}
            </Tag>
            {r.body(itemRef, s.body, depth > 2 ? 2 : 1)}
          </section>
        );
      })}
    </BookFrame>
  );
}

export interface StoryFilters {
  readonly regio: string;
  readonly soort: string;
}

export function StoriesPage({ ctx, book, filters }: { ctx: PageContext; book: Book; filters: StoryFilters }) {
  const { t } = ctx;
  const stories = book.pack.stories.filter(
    (s) => (filters.regio === '' || s.region === filters.regio) && (filters.soort === '' || s.kind === filters.soort),
  );
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:verhalen" lead={<p class="utrecht-paragraph">{t('book.storiesIntro')}</p>}>
      <FilterForm ctx={ctx} action="/boek/verhalen">
        <RegionFilter ctx={ctx} value={filters.regio} regions={book.pack.stories.map((s) => s.region)} />
        <FilterSelect
          name="soort"
          label={t('book.storyKind')}
          value={filters.soort}
          allLabel={t('book.allKinds')}
          options={[
            { value: 'persoon', label: t('book.kind.persoon') },
            { value: 'werkgever', label: t('book.kind.werkgever') },
          ]}
        />
      </FilterForm>
      <p class="utrecht-paragraph" role="status">
        {t('book.shownCount', { shown: stories.length, total: book.pack.stories.length })}
      </p>
      <ul class="mmm-cards">
        {stories.map((s) => (
          <StoryCard ctx={ctx} book={book} story={s} key={s.number} />
        ))}
      </ul>
    </BookFrame>
  );
}

function StoryCard({ ctx, book, story }: { ctx: PageContext; book: Book; story: Story }) {
  const item = book.item(`verhaal:${story.number}`)!;
  return (
    <li class="mmm-card">
      <h2 class="utrecht-heading-3">
        <A href={item.url}>{`${story.number}. ${story.name}: ${story.title}`}</A>
      </h2>
      <p class="utrecht-paragraph mmm-muted">
        {ctx.t(`book.kind.${story.kind}`)} · {ctx.t('book.region')} {story.region}
      </p>
      <p class="utrecht-paragraph mmm-card__quote">“{story.quote}”</p>
    </li>
  );
}

export function StoryPage({ ctx, book, itemRef }: BookPageProps) {
  const { t } = ctx;
  const story = book.pack.stories.find((s) => `verhaal:${s.number}` === itemRef)!;
  const r = renderer(book);
  return (
    <BookFrame
      ctx={ctx}
      book={book}
      itemRef={itemRef}
      heading={story.title}
      lead={
        <p class="utrecht-paragraph mmm-muted">
          {t('book.storyNumber', { number: story.number })} · {story.name} · {t(`book.kind.${story.kind}`)} · {t('book.region')} {story.region}
        </p>
      }
    >
      <blockquote class="mmm-quote mmm-quote--lead">
        <p class="utrecht-paragraph">{r.line(itemRef, story.quote)}</p>
      </blockquote>
      {r.body(itemRef, story.body, 0)}
    </BookFrame>
  );
}

export interface DreamFilters {
  readonly regio: string;
  readonly domein: string;
}

/** A dream without a domain in the book (dream 7) only shows when no domain is chosen. */
export const dreamDomainMatches = (dream: Dream, domain: string) =>
  domain === '' || (dream.domain !== null && (dream.domain === domain || dream.domain.split(' en ').includes(domain)));

/** "Regio Oost · Domein Werk"; the domain left out where the book names none. */
export function dreamFacts(ctx: PageContext, dream: Dream): string {
  const { t } = ctx;
  return dream.domain === null ? `${t('book.region')} ${dream.region}` : `${t('book.region')} ${dream.region} · ${t('book.domain')} ${dream.domain}`;
}

export function DreamsPage({ ctx, book, filters }: { ctx: PageContext; book: Book; filters: DreamFilters }) {
  const { t } = ctx;
  const dreams = book.pack.dreams.filter((d) => (filters.regio === '' || d.region === filters.regio) && dreamDomainMatches(d, filters.domein));
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:dromen" lead={<p class="utrecht-paragraph">{t('book.dreamsIntro')}</p>}>
      <FilterForm ctx={ctx} action="/boek/dromen">
        <RegionFilter ctx={ctx} value={filters.regio} regions={book.pack.dreams.map((d) => d.region)} />
        <FilterSelect
          name="domein"
          label={t('book.domain')}
          value={filters.domein}
          allLabel={t('book.allDomains')}
          options={['Zorg', 'Werk', 'Algemeen'].map((d) => ({ value: d, label: d }))}
        />
      </FilterForm>
      <p class="utrecht-paragraph" role="status">
        {t('book.shownCount', { shown: dreams.length, total: book.pack.dreams.length })}
      </p>
      <ul class="mmm-cards">
        {dreams.map((d) => (
          <li class="mmm-card" key={d.number}>
            <h2 class="utrecht-heading-3">
              <A href={book.item(`droom:${d.number}`)!.url}>{`Droom ${d.number}: ${d.title}`}</A>
            </h2>
            <p class="utrecht-paragraph mmm-muted">{dreamFacts(ctx, d)}</p>
          </li>
        ))}
      </ul>
    </BookFrame>
  );
}

export function DreamPage({ ctx, book, itemRef }: BookPageProps) {
  const { t } = ctx;
  const dream = book.pack.dreams.find((d) => `droom:${d.number}` === itemRef)!;
  const r = renderer(book);
  return (
    <BookFrame
      ctx={ctx}
      book={book}
      itemRef={itemRef}
      lead={
        <p class="utrecht-paragraph mmm-muted">
          {dreamFacts(ctx, dream)}
          {dream.domain === null ? ` · ${t('book.noDomain')}` : ''}
        </p>
      }
    >
      <h2 class="utrecht-heading-2">{t('book.summary')}</h2>
      {r.body(itemRef, dream.summary, 1)}
      {dream.statements.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('book.statement')}</h2>
          {dream.statements.map((s, i) => (
            <blockquote class="mmm-quote" key={i}>
              {r.body(itemRef, s, 1)}
            </blockquote>
          ))}
        </>
      ) : null}
      <h2 class="utrecht-heading-2">{t('book.milestonesAndActions')}</h2>
      <p class="utrecht-paragraph mmm-muted">{t('book.milestonesFrom')}</p>
      <ol class="mmm-milestones">
        {dream.milestones.map((m, i) => (
          <li key={i} class="mmm-milestone">
            <h3 class="utrecht-heading-3">
              {r.line(itemRef, m.title)} <span class="mmm-badge">{m.timeframe}</span>
            </h3>
            {m.actions.length > 0 ? (
              <>
                <p class="utrecht-paragraph mmm-muted">{t('book.actions')}</p>
                {r.list(itemRef, m.actions)}
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <h2 class="utrecht-heading-2">{t('book.fullDream')}</h2>
      {r.body(itemRef, dream.body, 1)}
    </BookFrame>
  );
}

export function WorkbookPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const { t } = ctx;
  const { workbook } = book.pack;
  const r = renderer(book);
  const list = (part: 'zelf' | 'samen') =>
    workbook.instructions
      .filter((i) => i.part === part)
      .map((i) => ({ key: i.number, href: book.item(`instructie:${i.number}`)!.url, label: `Instructie ${i.number}: ${i.title}`, extra: <span class="mmm-muted">({i.step})</span> }));
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:werkboek">
      {r.body('pagina:werkboek', workbook.intro.body, 1)}
      <h2 class="utrecht-heading-2">{t('book.threeWays')}</h2>
      <ul class="mmm-cards">
        {workbook.modes.map((m) => (
          <li class="mmm-card" key={m.key}>
            <h3 class="utrecht-heading-3">{m.title}</h3>
            {r.body('pagina:werkboek', m.body, 2)}
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{t('book.instructionsSelf')}</h2>
      <LinkList items={list('zelf')} />
      <h2 class="utrecht-heading-2">{t('book.instructionsTogether')}</h2>
      <LinkList items={list('samen')} />
      <h2 class="utrecht-heading-2">{t('book.questionnaire')}</h2>
      <LinkList items={[{ key: 'q', href: book.item('vragenlijst:interview')!.url, label: workbook.questionnaire.title }]} />
    </BookFrame>
  );
}

export function InstructionPage({ ctx, book, itemRef }: BookPageProps) {
  const { t } = ctx;
  const instruction = book.pack.workbook.instructions.find((i) => `instructie:${i.number}` === itemRef)!;
  const chapter = book.item(`hoofdstuk:${instruction.chapter}`);
  const r = renderer(book);
  return (
    <BookFrame
      ctx={ctx}
      book={book}
      itemRef={itemRef}
      lead={
        <p class="utrecht-paragraph mmm-muted">
          {instruction.part === 'zelf' ? t('book.instructionsSelf') : t('book.instructionsTogether')} · {instruction.step}
          {chapter ? (
            <>
              {' · '}
              {t('book.explainedIn')} <A href={chapter.url}>{chapter.title}</A>
            </>
          ) : null}
        </p>
      }
    >
      {r.body(itemRef, instruction.intro, 1)}
      <h2 class="utrecht-heading-2">{t('book.questions')}</h2>
      <ol class="utrecht-ordered-list mmm-questions">
        {instruction.questions.map((q) => (
          <li class="utrecht-ordered-list__item" key={q.key} id={`vraag-${q.key}`}>
            {r.line(itemRef, q.text)}
            {q.hint ? <div class="mmm-hint">{r.body(itemRef, q.hint, 2)}</div> : null}
          </li>
        ))}
      </ol>
      {r.body(itemRef, instruction.outro, 1)}
    </BookFrame>
  );
}

export function QuestionnairePage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const q = book.pack.workbook.questionnaire;
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef="vragenlijst:interview">
      {r.body('vragenlijst:interview', q.intro, 1)}
      {q.groups.map((g, i) => (
        <section key={i}>
          <h2 class="utrecht-heading-2">{g.title}</h2>
          <ol class="utrecht-ordered-list mmm-questions">
            {g.questions.map((x) => (
              <li class="utrecht-ordered-list__item" key={x.key}>
                {r.line('vragenlijst:interview', x.text)}
                {x.hint ? <div class="mmm-hint">{r.body('vragenlijst:interview', x.hint, 2)}</div> : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </BookFrame>
  );
}

export function SourcesPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:bronnen" lead={<p class="utrecht-paragraph">{ctx.t('book.sourcesIntro')}</p>}>
      <ol class="mmm-sources">
        {book.pack.sources.map((s) => (
          <li key={s.number} value={s.number}>
            <a class="utrecht-link" href={`/boek/bronnen/${s.number}`}>
              {ctx.t('book.sourceNumber', { number: s.number })}
            </a>
            : {r.line(`bron:${s.number}`, s.reference)}
          </li>
        ))}
      </ol>
    </BookFrame>
  );
}

export function SourcePage({ ctx, book, itemRef }: BookPageProps) {
  const source = book.pack.sources.find((s) => `bron:${s.number}` === itemRef)!;
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef={itemRef}>
      <p class="utrecht-paragraph mmm-reference-text">{r.line(itemRef, source.reference)}</p>
      {source.url ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={source.url} rel="noopener">
            {source.url}
          </a>
        </p>
      ) : null}
    </BookFrame>
  );
}

export function ProfessionsPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const { t } = ctx;
  const index = book.pack.professionIndex;
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:beroepenindex" lead={<p class="utrecht-paragraph">{t('book.professionsIntro')}</p>}>
      <ul class="mmm-cards">
        {[...index.professions]
          .sort((a, b) => a.order - b.order)
          .map((p) => (
            <li class="mmm-card" key={p.slug}>
              <h2 class="utrecht-heading-3">
                <A href={`/boek/beroepen/${p.slug}`}>{p.name}</A>
              </h2>
              {p.association ? <p class="utrecht-paragraph mmm-muted">{p.association}</p> : null}
            </li>
          ))}
      </ul>
      <h2 class="utrecht-heading-2">{t('book.associations', { count: index.associations.length })}</h2>
      <ul class="utrecht-unordered-list mmm-columns">
        {index.associations.map((a) => (
          <li class="utrecht-unordered-list__item" key={a.name}>
            {a.name}
            {a.abbreviation ? ` (${a.abbreviation})` : ''}
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{t('book.institutes', { count: index.knowledgeInstitutes.length })}</h2>
      <ul class="utrecht-unordered-list">
        {index.knowledgeInstitutes.map((a) => (
          <li class="utrecht-unordered-list__item" key={a.name}>
            {a.name}
            {a.abbreviation ? ` (${a.abbreviation})` : ''}
          </li>
        ))}
      </ul>
    </BookFrame>
  );
}

export function ProfessionPage({ ctx, book, itemRef }: BookPageProps) {
  const { t } = ctx;
  const profession = book.pack.professionIndex.professions.find((p) => `beroep:${p.slug}` === itemRef)!;
  const phases = book.pack.tables.chainOfWork.phases.filter((ph) => ph.professionals.some((x) => x.profession === profession.slug));
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef={itemRef}>
      <dl class="mmm-facts">
        <dt>{t('book.association')}</dt>
        <dd>{profession.association ?? t('book.notGiven')}</dd>
        <dt>{t('book.members')}</dt>
        <dd>{profession.members ?? t('book.notGiven')}</dd>
        {profession.image ? (
          <>
            <dt>{t('book.motto')}</dt>
            <dd>{profession.image.caption}</dd>
          </>
        ) : null}
      </dl>
      <h2 class="utrecht-heading-2">{t('book.description')}</h2>
      {r.body(itemRef, profession.description, 1)}
      {profession.goal ? (
        <>
          <h2 class="utrecht-heading-2">{t('book.goal')}</h2>
          {r.body(itemRef, profession.goal, 1)}
        </>
      ) : null}
      {profession.requirements ? (
        <>
          <h2 class="utrecht-heading-2">{t('book.requirements')}</h2>
          {r.body(itemRef, profession.requirements, 1)}
        </>
      ) : null}
      <h2 class="utrecht-heading-2">{t('book.inChain')}</h2>
      {phases.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {phases.map((ph) => (
            <li class="utrecht-unordered-list__item" key={ph.key}>
              <A href={`/boek/werkproces-in-keten#fase-${ph.key}`}>{`${ph.title} (${ph.ageRange})`}</A>
            </li>
          ))}
        </ul>
      ) : (
        <p class="utrecht-paragraph">{t('book.notInChain')}</p>
      )}
    </BookFrame>
  );
}
