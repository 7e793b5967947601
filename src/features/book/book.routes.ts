import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { sendPage } from '../../platform/http/render.js';
import type { PageContext } from '../../platform/views/page-context.js';
import { theBook, type Book } from './book.content.js';
import { ADDRESSEES } from './book.content-schema.js';
import { PrintBookPage } from './book.print.js';
import {
  AttributionPage,
  CasePage,
  CasesPage,
  ChainOfWorkPage,
  DocumentPage,
  DocumentsPage,
  FeedbackRulesPage,
  GoodPracticesPage,
  LearningMomentsPage,
  RecommendationPage,
  RecommendationsPage,
  ReportHomePage,
  ReportSectionPage,
  RoadmapPage,
  StepPlanPage,
  Top10Page,
  VocabularyPage,
} from './book.reference-views.js';
import { dreamFiltersSchema, recommendationFiltersSchema, storyFiltersSchema } from './book.schemas.js';
import {
  BookHomePage,
  ChapterPage,
  ContentsPage,
  DreamPage,
  DreamsPage,
  InstructionPage,
  ProfessionPage,
  ProfessionsPage,
  QuestionnairePage,
  SourcePage,
  SourcesPage,
  StoriesPage,
  StoryPage,
  WorkbookPage,
} from './book.views.js';

type ItemView = (props: { ctx: PageContext; book: Book; itemRef: string }) => VNode;

/** Item pages: the address prefix, the kind of reference it shows and its view. */
const ITEM_PAGES: readonly [prefix: string, refType: string, view: ItemView][] = [
  ['/boek/hoofdstukken/', 'hoofdstuk', ChapterPage],
  ['/boek/verhalen/', 'verhaal', StoryPage],
  ['/boek/dromen/', 'droom', DreamPage],
  ['/boek/werkboek/', 'instructie', InstructionPage],
  ['/boek/bronnen/', 'bron', SourcePage],
  ['/boek/beroepen/', 'beroep', ProfessionPage],
  ['/boek/zeeland/casussen/', 'casus', CasePage],
  ['/boek/zeeland/aanbevelingen/', 'aanbeveling', RecommendationPage],
  ['/boek/documenten/', 'document', DocumentPage],
];

/** The inspiration book and the Zeeland report: public reading, no account needed. */
export const bookRoutes: FastifyPluginAsync = async (app) => {
  const book = theBook();
  const publicPage = { config: { permission: 'public' } } as const;
  const page = (path: string, view: (request: FastifyRequest, ctx: PageContext) => VNode) =>
    app.get(path, publicPage, async (request, reply) => sendPage(request, reply, (ctx) => view(request, ctx)));

  page('/boek', (_, ctx) => BookHomePage({ ctx, book }));
  page('/boek/inhoud', (_, ctx) => ContentsPage({ ctx, book }));
  page('/boek/afdrukken', (_, ctx) => PrintBookPage({ ctx, book }));
  page('/boek/verhalen', (request, ctx) => StoriesPage({ ctx, book, filters: storyFiltersSchema.parse(request.query ?? {}) }));
  page('/boek/dromen', (request, ctx) => DreamsPage({ ctx, book, filters: dreamFiltersSchema.parse(request.query ?? {}) }));
  page('/boek/werkboek', (_, ctx) => WorkbookPage({ ctx, book }));
  page('/boek/bronnen', (_, ctx) => SourcesPage({ ctx, book }));
  page('/boek/beroepen', (_, ctx) => ProfessionsPage({ ctx, book }));
  page('/boek/praktijkvoorbeelden', (_, ctx) => GoodPracticesPage({ ctx, book }));
  page('/boek/leermomenten', (_, ctx) => LearningMomentsPage({ ctx, book }));
  page('/boek/werkproces-in-keten', (_, ctx) => ChainOfWorkPage({ ctx, book }));
  page('/boek/vocabulaire', (_, ctx) => VocabularyPage({ ctx, book }));
  page('/boek/feedbackregels', (_, ctx) => FeedbackRulesPage({ ctx, book }));
  page('/boek/routekaart', (_, ctx) => RoadmapPage({ ctx, book, itemRef: 'pagina:routekaart' }));
  page('/boek/routekaart-acties', (_, ctx) => RoadmapPage({ ctx, book, itemRef: 'pagina:routekaart-acties' }));
  page('/boek/zeeland', (_, ctx) => ReportHomePage({ ctx, book }));
  page('/boek/zeeland/casussen', (_, ctx) => CasesPage({ ctx, book }));
  page('/boek/zeeland/aanbevelingen', (request, ctx) => {
    const { voor } = recommendationFiltersSchema.parse(request.query ?? {});
    return RecommendationsPage({ ctx, book, addressee: (ADDRESSEES as readonly string[]).includes(voor) ? voor : '' });
  });
  page('/boek/zeeland/top-10', (_, ctx) => Top10Page({ ctx, book }));
  page('/boek/zeeland/stappenplan', (_, ctx) => StepPlanPage({ ctx, book }));
  page('/boek/documenten', (_, ctx) => DocumentsPage({ ctx, book }));
  page('/boek/verantwoording', (_, ctx) => AttributionPage({ ctx, book }));

  // One route per kind of item; the address must be one the book knows, otherwise 404.
  const itemRoute = (path: string) =>
    app.get(path, publicPage, async (request, reply) => {
      const url = request.url.split(/[?#]/)[0]!.replace(/\/$/, '');
      const item = book.itemAt(safeDecode(url));
      const entry = item && ITEM_PAGES.find(([prefix, refType]) => url.startsWith(prefix) && refTypeOf(item.ref) === refType);
      const special = item?.ref === 'vragenlijst:interview';
      if (!item || (!entry && !special && item.type !== 'report')) return reply.callNotFound();
      if (special) return sendPage(request, reply, (ctx) => QuestionnairePage({ ctx, book }));
      if (item.type === 'report') return sendPage(request, reply, (ctx) => ReportSectionPage({ ctx, book, itemRef: item.ref }));
      return sendPage(request, reply, (ctx) => entry![2]({ ctx, book, itemRef: item.ref }));
    });
  for (const [prefix] of ITEM_PAGES) itemRoute(`${prefix}:slug`);
  itemRoute('/boek/zeeland/:slug');
};

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function refTypeOf(ref: string): string {
  return ref.slice(0, ref.indexOf(':'));
}
