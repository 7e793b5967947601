import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInPrincipal } from '../../../platform/auth/principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { sendDownload } from '../../../platform/http/download.js';
import { sendPage } from '../../../platform/http/render.js';
import { actionsCsv, agendaCalendar, exportFileName, loadWorkbookExport, recordWorkbookExport, workbookJson, type ExportFormat, type WorkbookExport } from './exports.service.js';
import { PrintAgendaPage } from './print.js';

type WorkspaceParams = { Params: { workspaceId: string } };

const MEMBERS_ONLY = { config: { permission: 'workspace.member' } };

export const agendaExportRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  /** Loads the workspace and writes the audit entry before anything leaves the platform. */
  async function prepare(request: FastifyRequest<WorkspaceParams>, format: ExportFormat): Promise<WorkbookExport | undefined> {
    const principal = signedInPrincipal(request);
    const data = await loadWorkbookExport(db, request.params.workspaceId);
    if (!data) return undefined;
    await inTransaction(deps, (tx) => recordWorkbookExport(tx, deps, { actorId: principal.userId, workspaceId: data.workspace.id, format, ip: request.ip }));
    return data;
  }

  function download(reply: FastifyReply, contentType: string, fileName: string, body: string): FastifyReply {
    return sendDownload(reply, contentType, fileName, body, 'no-store');
  }

  app.get<WorkspaceParams>('/werkboek/:workspaceId/export/acties.csv', MEMBERS_ONLY, async (request, reply) => {
    const data = await prepare(request, 'csv');
    if (!data) return reply.callNotFound();
    return download(reply, 'text/csv; charset=utf-8', exportFileName(data.workspace.name, 'acties', 'csv'), actionsCsv(data, request.t));
  });

  app.get<WorkspaceParams>('/werkboek/:workspaceId/export/agenda.ics', MEMBERS_ONLY, async (request, reply) => {
    const data = await prepare(request, 'ics');
    if (!data) return reply.callNotFound();
    const body = agendaCalendar(data, request.t, deps.config.baseUrl, deps.clock());
    return download(reply, 'text/calendar; charset=utf-8', exportFileName(data.workspace.name, 'agenda', 'ics'), body);
  });

  app.get<WorkspaceParams>('/werkboek/:workspaceId/export/werkboek.json', MEMBERS_ONLY, async (request, reply) => {
    const data = await prepare(request, 'json');
    if (!data) return reply.callNotFound();
    return download(reply, 'application/json; charset=utf-8', exportFileName(data.workspace.name, 'werkboek', 'json'), workbookJson(data, deps.clock()));
  });

  app.get<WorkspaceParams>('/werkboek/:workspaceId/afdrukken', MEMBERS_ONLY, async (request, reply) => {
    const data = await prepare(request, 'print');
    if (!data) return reply.callNotFound();
    const today = deps.clock().toISOString().slice(0, 10);
    // sendPage marks pages for a logged-in person no-store, as the downloads are.
    return sendPage(request, reply, (ctx) => PrintAgendaPage({ ctx, data, today }));
  });
};
