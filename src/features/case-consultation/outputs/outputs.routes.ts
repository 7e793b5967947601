import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { safeFileName, sendDownload } from '../../../platform/http/download.js';
import { sendError } from '../../../platform/http/platform.js';
import { sendPage } from '../../../platform/http/render.js';
import type { Translate } from '../../../platform/i18n/i18n.js';
import { theBook } from '../../book/book.service.js';
import { getTeam } from '../../teams/teams.service.js';
import { recommendationsCsv } from './outputs.model.js';
import { teamOutput } from './outputs.service.js';
import { posterPdf, reportPdf } from './pdf.js';
import { teamHomePath } from '../case-consultation.permissions.js';
import { PosterPrintPage, ReportPrintPage, type OutputLinks } from './print.js';
import { getConsultation, logCaseAccess, type Case, type CaseAccessAction } from '../case-consultation.service.js';
import { casePath, consultationCrumbs } from '../case-consultation.views.js';

type TeamParams = { Params: { teamId: string } };

function links(t: Translate, team: { id: string; name: string }, cases: readonly Case[]): OutputLinks {
  const home = teamHomePath(team.id);
  const idOf = new Map(cases.map((c) => [c.number, c.id]));
  return {
    home: { href: home, label: `${t('caseConsultation.outputs.home')}: ${team.name}` },
    poster: `${home}/poster`,
    posterPdf: `${home}/poster.pdf`,
    report: `${home}/verslag`,
    reportPdf: `${home}/verslag.pdf`,
    csv: `${home}/aanbevelingen.csv`,
    casePage: (n) => {
      const id = idOf.get(n);
      return id ? casePath(team.id, id) : home;
    },
  };
}

/** A team's poster, report and recommendations: pages and files with case contents, so each is logged per case. */
export const caseOutputRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;
  const participant = { config: { permission: 'case-consultation.participant' } } as const;

  const load = async (request: FastifyRequest<TeamParams>, reply: FastifyReply, action: CaseAccessAction) => {
    const [team, consultation] = await Promise.all([getTeam(db, request.params.teamId), getConsultation(db, request.params.teamId)]);
    if (!team || !consultation) {
      sendError(request, reply, 404);
      return undefined;
    }
    const { output, cases } = await teamOutput(db, { team, consultation, book: theBook(), t: request.t, now: deps.clock() });
    const principal = request.principal;
    if (principal) await logCaseAccess(db, deps, { teamId: team.id, cases, userId: principal.userId, userName: principal.name, action });
    return { team, output, cases };
  };

  // A team's files hold case contents and are never cached.
  const download = (reply: FastifyReply, contentType: string, fileName: string, body: Buffer | string) => sendDownload(reply, contentType, fileName, body, 'no-store');

  app.get<TeamParams>('/casusoverleg/teams/:teamId/poster', participant, async (request, reply) => {
    const loaded = await load(request, reply, 'poster');
    if (!loaded) return reply;
    const { team, output, cases } = loaded;
    return sendPage(request, reply, (ctx) =>
      PosterPrintPage({ ctx, output, links: links(ctx.t, team, cases), breadcrumbs: consultationCrumbs(ctx).slice(0, 2) }),
    );
  });

  app.get<TeamParams>('/casusoverleg/teams/:teamId/verslag', participant, async (request, reply) => {
    const loaded = await load(request, reply, 'verslag');
    if (!loaded) return reply;
    const { team, output, cases } = loaded;
    return sendPage(request, reply, (ctx) =>
      ReportPrintPage({ ctx, output, links: links(ctx.t, team, cases), breadcrumbs: consultationCrumbs(ctx).slice(0, 2) }),
    );
  });

  app.get<TeamParams>('/casusoverleg/teams/:teamId/poster.pdf', participant, async (request, reply) => {
    const loaded = await load(request, reply, 'poster');
    if (!loaded) return reply;
    return download(reply, 'application/pdf', safeFileName(`casusoverleg-${loaded.team.name}-poster`, 'pdf'), await posterPdf(loaded.output));
  });

  app.get<TeamParams>('/casusoverleg/teams/:teamId/verslag.pdf', participant, async (request, reply) => {
    const loaded = await load(request, reply, 'verslag');
    if (!loaded) return reply;
    return download(reply, 'application/pdf', safeFileName(`casusoverleg-${loaded.team.name}-verslag`, 'pdf'), await reportPdf(loaded.output));
  });

  app.get<TeamParams>('/casusoverleg/teams/:teamId/aanbevelingen.csv', participant, async (request, reply) => {
    const loaded = await load(request, reply, 'export');
    if (!loaded) return reply;
    return download(reply, 'text/csv; charset=utf-8', safeFileName(`casusoverleg-${loaded.team.name}-aanbevelingen`, 'csv'), recommendationsCsv(loaded.output));
  });
};
