import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { safeFileName, sendDownload } from '../../../platform/http/download.js';
import { sendPage } from '../../../platform/http/render.js';
import type { Translate } from '../../../platform/i18n/i18n.js';
import { theBook } from '../../book/book.service.js';
import { exampleConsultation, recommendationsCsv, type ConsultationOutput } from './outputs.model.js';
import { posterPdf, reportPdf } from './pdf.js';
import { ExampleCasePage, ExampleOverviewPage, PosterPrintPage, ReportPrintPage, type OutputLinks } from './print.js';

const BASE = '/casusoverleg/voorbeeld';
const FILE_BASE = 'casusoverleg-voorbeeld-zeeland';

// The content pack does not change while the process runs, so the example and its files are made once.
let output: ConsultationOutput | undefined;
let csv: string | undefined;
const pdfs = new Map<'poster' | 'verslag', Promise<Buffer>>();

function example(): ConsultationOutput {
  output ??= exampleConsultation(theBook());
  return output;
}

function examplePdf(kind: 'poster' | 'verslag'): Promise<Buffer> {
  let pdf = pdfs.get(kind);
  if (!pdf) {
    pdf = kind === 'poster' ? posterPdf(example()) : reportPdf(example());
    pdfs.set(kind, pdf);
    // A failure is not kept: the next request tries again.
    pdf.catch(() => pdfs.delete(kind));
  }
  return pdf;
}

function links(t: Translate): OutputLinks {
  return {
    home: { href: BASE, label: t('caseOutputs.example.title') },
    poster: `${BASE}/poster`,
    posterPdf: `${BASE}/poster.pdf`,
    report: `${BASE}/verslag`,
    reportPdf: `${BASE}/verslag.pdf`,
    csv: `${BASE}/aanbevelingen.csv`,
    casePage: (n) => `${BASE}/casussen/${n}`,
  };
}

function download(reply: FastifyReply, contentType: string, fileName: string, body: Buffer | string): FastifyReply {
  return sendDownload(reply, contentType, fileName, body, 'public, max-age=3600');
}

/** The read-only example of a case consultation (the Zeeland expert team's report): public pages and files. */
export const caseExampleRoutes: FastifyPluginAsync = async (app) => {
  const publicRoute = { config: { permission: 'public' } } as const;

  app.get(BASE, publicRoute, async (request, reply) => {
    const book = theBook();
    const bookUrl = book.resolve('pagina:zeeland')?.url ?? '/boek';
    return sendPage(request, reply, (ctx) => ExampleOverviewPage({ ctx, output: example(), links: links(ctx.t), bookUrl }));
  });

  app.get<{ Params: { caseNumber: string } }>(`${BASE}/casussen/:caseNumber`, publicRoute, async (request, reply) => {
    const raw = request.params.caseNumber;
    const number = /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : NaN;
    const c = example().cases.find((x) => x.number === number);
    if (!c) return reply.callNotFound();
    const bookUrl = theBook().resolve(`casus:${c.number}`)?.url ?? null;
    return sendPage(request, reply, (ctx) => ExampleCasePage({ ctx, output: example(), links: links(ctx.t), c, bookUrl }));
  });

  app.get(`${BASE}/poster`, publicRoute, async (request, reply) =>
    sendPage(request, reply, (ctx) => {
      const l = links(ctx.t);
      return PosterPrintPage({ ctx, output: example(), links: l, breadcrumbs: [{ href: '/', label: ctx.t('nav.home') }] });
    }),
  );

  app.get(`${BASE}/verslag`, publicRoute, async (request, reply) =>
    sendPage(request, reply, (ctx) => {
      const l = links(ctx.t);
      return ReportPrintPage({ ctx, output: example(), links: l, breadcrumbs: [{ href: '/', label: ctx.t('nav.home') }] });
    }),
  );

  app.get(`${BASE}/poster.pdf`, publicRoute, async (_request, reply) => {
    const pdf = await examplePdf('poster');
    return download(reply, 'application/pdf', safeFileName(`${FILE_BASE}-poster`, 'pdf'), pdf);
  });

  app.get(`${BASE}/verslag.pdf`, publicRoute, async (_request, reply) => {
    const pdf = await examplePdf('verslag');
    return download(reply, 'application/pdf', safeFileName(`${FILE_BASE}-verslag`, 'pdf'), pdf);
  });

  app.get(`${BASE}/aanbevelingen.csv`, publicRoute, async (_request, reply) => {
    csv ??= recommendationsCsv(example());
    return download(reply, 'text/csv; charset=utf-8', safeFileName(`${FILE_BASE}-aanbevelingen`, 'csv'), csv);
  });
};
