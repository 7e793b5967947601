import { A } from '../../platform/views/components.js';
import type { PageContext } from '../../platform/views/page-context.js';
import type { Addressee, Book } from './book.content.js';
import { ADDRESSEES, PERSONA_FIELDS } from './book.content-schema.js';
import { BookFrame, FilterForm, FilterSelect, renderer, type BookPageProps } from './book.frame.js';

interface SimpleTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

function ContentTable({ book, owner, table, id }: { book: Book; owner: string; table: SimpleTable; id?: string }) {
  const r = renderer(book);
  return (
    <div class="mmm-table-scroll" id={id}>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{table.title}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {table.columns.map((c, i) => (
              <th class="utrecht-table__header-cell" scope="col" key={i}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {table.rows.map((row, i) => (
            <tr class="utrecht-table__row" key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th class="utrecht-table__header-cell" scope="row" key={j}>
                    {cell ? r.line(owner, cell) : ''}
                  </th>
                ) : (
                  <td class="utrecht-table__cell" key={j}>
                    {cell ? r.line(owner, cell) : ''}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RoadmapPage({ ctx, book, itemRef }: BookPageProps) {
  const part = itemRef === 'pagina:routekaart' ? book.pack.tables.roadmapMilestones : book.pack.tables.roadmapActions;
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef={itemRef}>
      {r.body(itemRef, part.intro, 1)}
      {part.tables.map((table, i) => (
        <ContentTable book={book} owner={itemRef} table={table} key={i} />
      ))}
    </BookFrame>
  );
}

export function ChainOfWorkPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const { t } = ctx;
  const chain = book.pack.tables.chainOfWork;
  const owner = 'pagina:werkproces-in-keten';
  const r = renderer(book);
  const professionals = (list: (typeof chain.phases)[number]['professionals']) => (
    <ul class="mmm-plain-list">
      {list.map((p) => (
        <li key={p.name}>{p.profession ? <A href={`/boek/beroepen/${p.profession}`}>{p.name}</A> : p.name}</li>
      ))}
    </ul>
  );
  return (
    <BookFrame ctx={ctx} book={book} itemRef={owner}>
      {r.body(owner, chain.intro, 1)}
      <div class="mmm-table-scroll">
        <table class="utrecht-table mmm-chain-table">
          <caption class="utrecht-table__caption">{t('book.chainCaption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('book.chain.phase')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('book.chain.people')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('book.chain.guidance')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('book.chain.goal')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('book.chain.professionals')}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {chain.phases.map((ph) => (
              <tr class="utrecht-table__row" key={ph.key} id={`fase-${ph.key}`}>
                <th class="utrecht-table__header-cell" scope="row">
                  {ph.title}
                  <br />
                  <span class="mmm-muted">{ph.ageRange}</span>
                </th>
                <td class="utrecht-table__cell">
                  {ph.person}
                  <ul class="mmm-plain-list">
                    {ph.peopleInvolved.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                </td>
                <td class="utrecht-table__cell">{ph.guidanceNeeded}</td>
                <td class="utrecht-table__cell">{ph.goalAndVision}</td>
                <td class="utrecht-table__cell">{professionals(ph.professionals)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </BookFrame>
  );
}

export function VocabularyPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const { t } = ctx;
  const v = book.pack.tables.vocabulary;
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:vocabulaire">
      {r.body('pagina:vocabulaire', v.intro, 1)}
      <ContentTable
        book={book}
        owner="pagina:vocabulaire"
        table={{ title: t('book.vocabularyCaption'), columns: [t('book.usualWord'), t('book.appreciativeWord')], rows: v.entries.map((e) => [e.usual, e.appreciative]) }}
      />
    </BookFrame>
  );
}

export function FeedbackRulesPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const { t } = ctx;
  const f = book.pack.tables.feedbackRules;
  const owner = 'pagina:feedbackregels';
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef={owner}>
      {r.body(owner, f.intro, 1)}
      <h2 class="utrecht-heading-2">{t('book.feedbackGiving')}</h2>
      {r.list(owner, f.giving, true)}
      {f.receiving.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('book.feedbackReceiving')}</h2>
          {r.list(owner, f.receiving, true)}
        </>
      ) : null}
    </BookFrame>
  );
}

export function GoodPracticesPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const owner = 'pagina:praktijkvoorbeelden';
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef={owner}>
      {book.pack.practice.goodPractices.map((g) => (
        <section key={g.slug} id={g.slug}>
          <h2 class="utrecht-heading-2">{g.title}</h2>
          <p class="utrecht-paragraph mmm-muted">
            {ctx.t('book.region')} {g.region}
          </p>
          {r.body(owner, g.body, 1)}
        </section>
      ))}
    </BookFrame>
  );
}

export function LearningMomentsPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const owner = 'pagina:leermomenten';
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef={owner} lead={<p class="utrecht-paragraph">{ctx.t('book.learningIntro')}</p>}>
      {book.pack.practice.learningMoments.map((l) => (
        <section key={l.domain}>
          <h2 class="utrecht-heading-2">{l.domain}</h2>
          {r.list(owner, l.items)}
        </section>
      ))}
    </BookFrame>
  );
}

export function ReportHomePage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const { t } = ctx;
  const z = book.pack.zeeland;
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:zeeland" heading={z.title}>
      {r.body('pagina:zeeland', z.about, 1)}
      <h2 class="utrecht-heading-2">{t('book.reportParts')}</h2>
      <ul class="utrecht-unordered-list">
        {z.sections.map((s) => (
          <li class="utrecht-unordered-list__item" key={s.slug}>
            <A href={`/boek/zeeland/${s.slug}`}>{s.title}</A>
          </li>
        ))}
        <li class="utrecht-unordered-list__item">
          <A href="/boek/zeeland/casussen">{t('book.cases', { count: z.cases.length })}</A>
        </li>
        <li class="utrecht-unordered-list__item">
          <A href="/boek/zeeland/aanbevelingen">{t('book.allRecommendations', { count: z.recommendations.length })}</A>
        </li>
        <li class="utrecht-unordered-list__item">
          <A href="/boek/zeeland/top-10">{t('book.top10')}</A>
        </li>
        <li class="utrecht-unordered-list__item">
          <A href="/boek/zeeland/stappenplan">{z.stepPlan.title}</A>
        </li>
      </ul>
    </BookFrame>
  );
}

export function ReportSectionPage({ ctx, book, itemRef }: BookPageProps) {
  const section = book.pack.zeeland.sections.find((s) => `rapport:${s.slug}` === itemRef)!;
  return (
    <BookFrame ctx={ctx} book={book} itemRef={itemRef}>
      {renderer(book).body(itemRef, section.body, 1)}
    </BookFrame>
  );
}

export function CasesPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:casussen" lead={<p class="utrecht-paragraph">{ctx.t('book.casesIntro')}</p>}>
      <ul class="mmm-cards">
        {book.pack.zeeland.cases.map((c) => (
          <li class="mmm-card" key={c.number}>
            <h2 class="utrecht-heading-3">
              <A href={`/boek/zeeland/casussen/${c.slug}`}>{`Casus ${c.number}: ${c.title}`}</A>
            </h2>
            <p class="utrecht-paragraph">{c.question}</p>
          </li>
        ))}
      </ul>
    </BookFrame>
  );
}

export function CasePage({ ctx, book, itemRef }: BookPageProps) {
  const { t } = ctx;
  const c = book.pack.zeeland.cases.find((x) => `casus:${x.number}` === itemRef)!;
  const fromThisCase = book.pack.zeeland.recommendations.filter((x) => x.cases.includes(c.number));
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef={itemRef}>
      <h2 class="utrecht-heading-2">{t('book.persona')}</h2>
      <dl class="mmm-facts">
        {PERSONA_FIELDS.map((f) => (
          <>
            <dt key={`${f}-t`}>{t(`book.persona.${f}`)}</dt>
            <dd key={`${f}-d`}>{r.line(itemRef, c.persona[f])}</dd>
          </>
        ))}
      </dl>
      <h2 class="utrecht-heading-2">{t('book.caseQuestion')}</h2>
      {r.body(itemRef, c.question, 1)}
      {c.bottlenecks.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('book.bottlenecks')}</h2>
          {r.list(itemRef, c.bottlenecks)}
        </>
      ) : null}
      <h2 class="utrecht-heading-2">{t('book.caseRecommendations')}</h2>
      {ADDRESSEES.map((a) => {
        const list = c.recommendations.filter((x) => x.addressee === a);
        return list.length > 0 ? (
          <section key={a}>
            <h3 class="utrecht-heading-3">{addresseeTitle(book, a)}</h3>
            <ul class="utrecht-unordered-list">
              {list.map((x, i) => (
                <li class="utrecht-unordered-list__item" key={i}>
                  {r.line(itemRef, x.text)}{' '}
                  <span class="mmm-muted">
                    ({t('book.wentInto')} <A href={`/boek/zeeland/aanbevelingen/${x.unique}`}>{`aanbeveling ${x.unique}`}</A>)
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null;
      })}
      {fromThisCase.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('book.uniqueFromCase')}</h2>
          <ul class="utrecht-unordered-list">
            {fromThisCase.map((x) => (
              <li class="utrecht-unordered-list__item" key={x.number}>
                <A href={`/boek/zeeland/aanbevelingen/${x.number}`}>{`Aanbeveling ${x.number}`}</A>: {x.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </BookFrame>
  );
}

export function addresseeTitle(book: Book, key: Addressee): string {
  return book.pack.zeeland.addressees.find((a) => a.key === key)?.title ?? key;
}

export function RecommendationsPage({ ctx, book, addressee }: { ctx: PageContext; book: Book; addressee: string }) {
  const { t } = ctx;
  const z = book.pack.zeeland;
  const top = new Set(z.top10.ranking);
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:aanbevelingen" lead={<p class="utrecht-paragraph">{t('book.recommendationsIntro')}</p>}>
      <FilterForm ctx={ctx} action="/boek/zeeland/aanbevelingen">
        <FilterSelect
          name="voor"
          label={t('book.addressee')}
          value={addressee}
          allLabel={t('book.allAddressees')}
          options={ADDRESSEES.map((a) => ({ value: a, label: addresseeTitle(book, a) }))}
        />
      </FilterForm>
      <p class="utrecht-paragraph">
        <A href="/boek/zeeland/top-10">{t('book.top10')}</A>
      </p>
      {ADDRESSEES.filter((a) => addressee === '' || a === addressee).map((a) => (
        <section key={a}>
          <h2 class="utrecht-heading-2">{addresseeTitle(book, a)}</h2>
          <ol class="mmm-recommendations">
            {z.recommendations
              .filter((x) => x.addressee === a)
              .map((x) => (
                <li key={x.number} value={x.number}>
                  <A href={`/boek/zeeland/aanbevelingen/${x.number}`}>{`Aanbeveling ${x.number}`}</A>
                  {top.has(x.number) ? <span class="mmm-badge">{t('book.inTop10')}</span> : null}: {x.text}
                </li>
              ))}
          </ol>
        </section>
      ))}
      <h2 class="utrecht-heading-2">{t('book.linksTitle')}</h2>
      {r.body('pagina:aanbevelingen', z.linkNotes, 1)}
    </BookFrame>
  );
}

export function Top10Page({ ctx, book }: { ctx: PageContext; book: Book }) {
  const z = book.pack.zeeland;
  const r = renderer(book);
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:top-10">
      {r.body('pagina:top-10', z.top10.intro, 1)}
      <p class="utrecht-paragraph">{ctx.t('book.top10Order', { count: z.top10.ranking.length })}</p>
      <ul class="utrecht-unordered-list mmm-top10">
        {z.top10.ranking.map((n) => {
          const rec = z.recommendations.find((x) => x.number === n)!;
          return (
            <li class="utrecht-unordered-list__item" key={n}>
              <A href={`/boek/zeeland/aanbevelingen/${n}`}>{`Aanbeveling ${n}`}</A> ({addresseeTitle(book, rec.addressee)}): {rec.text}
            </li>
          );
        })}
      </ul>
    </BookFrame>
  );
}

export function RecommendationPage({ ctx, book, itemRef }: BookPageProps) {
  const { t } = ctx;
  const z = book.pack.zeeland;
  const rec = z.recommendations.find((x) => `aanbeveling:${x.number}` === itemRef)!;
  const inTop = z.top10.ranking.includes(rec.number);
  const r = renderer(book);
  return (
    <BookFrame
      ctx={ctx}
      book={book}
      itemRef={itemRef}
      lead={
        <p class="utrecht-paragraph mmm-muted">
          {t('book.addressee')}: {addresseeTitle(book, rec.addressee)}
          {inTop ? ` · ${t('book.inTop10')}` : ''}
        </p>
      }
    >
      <blockquote class="mmm-quote mmm-quote--lead">{r.body(itemRef, rec.text, 1)}</blockquote>
      {rec.cases.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('book.fromCases')}</h2>
          <ul class="utrecht-unordered-list">
            {rec.cases.map((n) => {
              const item = book.item(`casus:${n}`);
              const wordings = z.cases.find((c) => c.number === n)?.recommendations.filter((x) => x.unique === rec.number) ?? [];
              return item ? (
                <li class="utrecht-unordered-list__item" key={n}>
                  <A href={item.url}>{item.title}</A>
                  {wordings.length > 0 ? (
                    <ul class="utrecht-unordered-list">
                      {wordings.map((x, i) => (
                        <li class="utrecht-unordered-list__item" key={i}>
                          {r.line(itemRef, x.text)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ) : null;
            })}
          </ul>
          {rec.linkNote ? (
            <>
              <h3 class="utrecht-heading-3">{t('book.linkNote')}</h3>
              {r.body(itemRef, rec.linkNote, 1)}
            </>
          ) : null}
        </>
      ) : null}
    </BookFrame>
  );
}

export function StepPlanPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const { t } = ctx;
  const plan = book.pack.zeeland.stepPlan;
  const owner = 'pagina:stappenplan';
  const r = renderer(book);
  const total = plan.steps.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <BookFrame ctx={ctx} book={book} itemRef={owner} heading={plan.title}>
      {r.body(owner, plan.intro, 1)}
      <div class="mmm-table-scroll">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('book.stepPlanCaption', { minutes: total })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('book.step')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('book.minutes')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('book.instruction')}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {plan.steps.map((s) => (
              <tr class="utrecht-table__row" key={s.number} id={`stap-${s.number}`}>
                <th class="utrecht-table__header-cell" scope="row">
                  {s.number}. {s.title}
                </th>
                <td class="utrecht-table__cell">{s.minutes}</td>
                <td class="utrecht-table__cell">{r.body(owner, s.instruction, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </BookFrame>
  );
}

export function DocumentsPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:documenten" lead={<p class="utrecht-paragraph">{ctx.t('book.documentsIntro')}</p>}>
      <ul class="mmm-cards">
        {book.pack.documents.documents.map((d) => (
          <li class="mmm-card" key={d.slug}>
            <h2 class="utrecht-heading-3">
              <A href={`/boek/documenten/${d.slug}`}>{d.title}</A>
            </h2>
            <p class="utrecht-paragraph">{d.audience}</p>
          </li>
        ))}
      </ul>
    </BookFrame>
  );
}

export function DocumentPage({ ctx, book, itemRef }: BookPageProps) {
  const d = book.pack.documents.documents.find((x) => `document:${x.slug}` === itemRef)!;
  return (
    <BookFrame ctx={ctx} book={book} itemRef={itemRef} lead={<p class="utrecht-paragraph mmm-muted">{d.audience}</p>}>
      {renderer(book).body(itemRef, d.body, 1)}
    </BookFrame>
  );
}

export function AttributionPage({ ctx, book }: { ctx: PageContext; book: Book }) {
  const { t } = ctx;
  return (
    <BookFrame ctx={ctx} book={book} itemRef="pagina:verantwoording" lead={<p class="utrecht-paragraph">{t('book.attributionIntro')}</p>}>
      <dl class="mmm-attribution">
        {book.pack.documents.attribution.map((a) => (
          <div key={a.document} class="mmm-attribution__item">
            <dt>{a.title}</dt>
            <dd>
              {t('book.publisher')}: {a.publisher}
              <br />
              {t('book.date')}: {a.date}
              {a.note ? (
                <>
                  <br />
                  {a.note}
                </>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <p class="utrecht-paragraph">{t('book.attributionEditing')}</p>
    </BookFrame>
  );
}
