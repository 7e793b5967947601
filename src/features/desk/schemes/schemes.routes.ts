import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUserId as actorId } from '../../../platform/auth/principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { parseForm, translateErrors, type FieldErrorKeys } from '../../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import { isCoordinatorOf } from '../shared/access.repo.js';
import { nationalTermPath, regionalTermPath } from '../shared/paths.js';
import { renderMarkdown } from '../shared/markdown.js';
import { deskPath, deskRegion, type Region } from '../shared/region.js';
import { editPageSchema, editTermSchema, newPageSchema, newTermSchema, slugParam, wantsPreview } from './schemes.schemas.js';
import * as service from './schemes.service.js';
import {
  ConfirmRemovePage,
  GlossaryPage,
  NationalGlossaryPage,
  NationalTermPage,
  PageEditorPage,
  SchemePageView,
  SchemesListPage,
  TermEditorPage,
  TermPageView,
  type EditorView,
} from './schemes.views.js';

export { ensureDeskContent } from './schemes.service.js';

type RegionParams = { Params: { slug: string } };
type PageParams = { Params: { slug: string; pageSlug: string } };
type TermParams = { Params: { slug: string; termSlug: string } };
type NationalTermParams = { Params: { termSlug: string } };

const PUBLIC = { config: { permission: 'public' } } as const;
const COORDINATOR = { config: { permission: 'desk.coordinator' } } as const;

function fieldErrors(field: string, message: FieldErrorKeys[string]): FieldErrorKeys {
  return { [field]: message };
}

/**
 * Scheme pages (Markdown written by coordinators, national texts a region can replace) and the glossary
 * (national terms, per region replaced or added to), with the national glossary that book pages link to.
 */
export const deskSchemeRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  // The national texts go into the database once; later starts add only what is new.
  app.addHook('onReady', async () => {
    await service.ensureDeskContent(deps);
  });

  const region = async (request: FastifyRequest<RegionParams>): Promise<Region | undefined> => deskRegion(db, request.params.slug);
  const canEdit = async (request: FastifyRequest, regionSlug: string) => (request.principal ? isCoordinatorOf(db, regionSlug, request.principal.userId) : false);

  /** The region's terms ready for linking, with the address of each in the region's glossary. */
  const regionalLinking = async (regionSlug: string) => {
    const terms = await service.glossary(db, regionSlug);
    return { terms, linkable: service.termsForLinking(terms), href: (termSlug: string) => regionalTermPath(regionSlug, termSlug) };
  };

  const pageBody = async (regionSlug: string, body: string) => {
    const { linkable, href } = await regionalLinking(regionSlug);
    return service.pageBodyHtml(body, regionSlug, linkable, href);
  };

  // National glossary (book pages link here)

  app.get('/loket/woordenlijst', PUBLIC, async (request, reply) => {
    const terms = await service.glossary(db, null);
    const explanations = new Map(terms.map((t) => [t.row.slug, renderMarkdown(t.row.explanation)]));
    return sendPage(request, reply, (ctx) => NationalGlossaryPage({ ctx, letters: service.byLetter(terms), explanations }));
  });

  app.get<NationalTermParams>('/loket/woordenlijst/:termSlug', PUBLIC, async (request, reply) => {
    if (!slugParam.safeParse(request.params.termSlug).success) return reply.callNotFound();
    const term = await service.glossaryTerm(db, null, request.params.termSlug);
    if (!term) return reply.callNotFound();
    const terms = await service.glossary(db, null);
    const explanationHtml = service.explanationHtml(term.row.slug, term.row.explanation, service.termsForLinking(terms), nationalTermPath, null);
    return sendPage(request, reply, (ctx) => NationalTermPage({ ctx, term, explanationHtml }));
  });

  // Scheme pages, public

  app.get<RegionParams>('/loket/:slug/regelingen', PUBLIC, async (request, reply) => {
    const r = await region(request);
    if (!r) return reply.callNotFound();
    const [pages, editable] = await Promise.all([service.schemePages(db, r.slug), canEdit(request, r.slug)]);
    return sendPage(request, reply, (ctx) => SchemesListPage({ ctx, region: r, pages, canEdit: editable }));
  });

  app.get<PageParams>('/loket/:slug/regelingen/:pageSlug', PUBLIC, async (request, reply) => {
    const r = await region(request);
    if (!r || !slugParam.safeParse(request.params.pageSlug).success) return reply.callNotFound();
    const page = await service.schemePage(db, r.slug, request.params.pageSlug);
    if (!page) return reply.callNotFound();
    const [bodyHtml, editable] = await Promise.all([pageBody(r.slug, page.row.body), canEdit(request, r.slug)]);
    return sendPage(request, reply, (ctx) => SchemePageView({ ctx, region: r, page, bodyHtml, canEdit: editable }));
  });

  // Scheme pages, coordinators

  const pageEditor = (request: FastifyRequest, reply: FastifyReply, r: Region, page: service.SchemePage | undefined, view: EditorView, status = 200) =>
    sendPage(request, reply, (ctx) => PageEditorPage({ ctx, region: r, page, view }), status);

  app.get<RegionParams>('/loket/:slug/regelingen/nieuw', COORDINATOR, async (request, reply) => {
    const r = await region(request);
    if (!r) return reply.callNotFound();
    const pages = await service.schemePages(db, r.slug);
    const nextOrder = Math.max(0, ...pages.map((p) => p.row.sort_order)) + 10;
    return pageEditor(request, reply, r, undefined, { state: { values: { sortOrder: String(nextOrder) } } });
  });

  app.post<RegionParams>('/loket/:slug/regelingen/nieuw', COORDINATOR, async (request, reply) => {
    const r = await region(request);
    if (!r) return reply.callNotFound();
    const form = parseForm(newPageSchema, request.body);
    const fail = (errors: FieldErrorKeys) => pageEditor(request, reply, r, undefined, { state: { values: form.values, errors: translateErrors(request.t, errors) } }, 422);
    if (!form.ok) return fail(form.errors);
    if (wantsPreview(request.body)) {
      return pageEditor(request, reply, r, undefined, { state: { values: form.values }, previewHtml: await pageBody(r.slug, form.data.body) });
    }
    const result = await inTransaction(deps, (tx) => service.createPage(tx, deps, r.slug, actorId(request), form.data));
    if (!result.ok) return result.reason === 'problem' ? fail(fieldErrors(result.field, result.message)) : reply.callNotFound();
    return redirectAfterPost(reply, deskPath(r.slug, `/regelingen/${result.slug}`), 'desk.schemes.created');
  });

  const loadPage = async (request: FastifyRequest<PageParams>) => {
    const r = await region(request);
    if (!r || !slugParam.safeParse(request.params.pageSlug).success) return undefined;
    const page = await service.schemePage(db, r.slug, request.params.pageSlug);
    return page ? { r, page } : undefined;
  };

  const pageValues = (row: service.PageRow): Record<string, string> => ({
    title: row.title,
    summary: row.summary,
    body: row.body,
    sortOrder: String(row.sort_order),
    basis: row.id,
    version: String(row.version),
  });

  app.get<PageParams>('/loket/:slug/regelingen/:pageSlug/bewerken', COORDINATOR, async (request, reply) => {
    const found = await loadPage(request);
    if (!found) return reply.callNotFound();
    return pageEditor(request, reply, found.r, found.page, { state: { values: pageValues(found.page.row) } });
  });

  app.post<PageParams>('/loket/:slug/regelingen/:pageSlug/bewerken', COORDINATOR, async (request, reply) => {
    const found = await loadPage(request);
    if (!found) return reply.callNotFound();
    const { r, page } = found;
    const form = parseForm(editPageSchema, request.body);
    if (!form.ok) return pageEditor(request, reply, r, page, { state: { values: form.values, errors: translateErrors(request.t, form.errors) } }, 422);
    if (wantsPreview(request.body)) {
      return pageEditor(request, reply, r, page, { state: { values: form.values }, previewHtml: await pageBody(r.slug, form.data.body) });
    }
    const result = await inTransaction(deps, (tx) => service.savePage(tx, deps, r.slug, page.row.slug, actorId(request), form.data));
    if (result.ok) return redirectAfterPost(reply, deskPath(r.slug, `/regelingen/${page.row.slug}`), 'desk.schemes.saved');
    if (result.reason !== 'conflict' || !('body' in result.current)) return reply.callNotFound();
    // Keep what was typed; the next save starts from what is stored now, which is shown below the form.
    const current = result.current;
    const latest = (await service.schemePage(db, r.slug, page.row.slug)) ?? page;
    return pageEditor(
      request,
      reply,
      r,
      latest,
      {
        state: { values: { ...form.values, basis: current.id, version: String(current.version) }, formError: request.t('desk.schemes.conflict') },
        conflictHtml: await pageBody(r.slug, current.body),
      },
      409,
    );
  });

  const pageRemoval = (request: FastifyRequest, reply: FastifyReply, r: Region, page: service.SchemePage) => {
    const t = request.t;
    const reverting = page.hasNational;
    const vars = { region: r.name, title: page.row.title };
    return sendPage(request, reply, (ctx) =>
      ConfirmRemovePage({
        ctx,
        region: r,
        section: 'schemes',
        heading: t(reverting ? 'desk.schemes.remove.revertTitle' : 'desk.schemes.remove.deleteTitle'),
        text: t(reverting ? 'desk.schemes.remove.revertText' : 'desk.schemes.remove.deleteText', vars),
        confirmLabel: t(reverting ? 'desk.schemes.remove.confirmRevert' : 'desk.schemes.remove.confirmDelete'),
        action: deskPath(r.slug, `/regelingen/${page.row.slug}/verwijderen`),
        cancelHref: deskPath(r.slug, `/regelingen/${page.row.slug}`),
        trail: [
          { href: deskPath(r.slug, '/regelingen'), label: t('desk.schemes.list.title') },
          { href: deskPath(r.slug, `/regelingen/${page.row.slug}`), label: page.row.title },
        ],
      }),
    );
  };

  app.get<PageParams>('/loket/:slug/regelingen/:pageSlug/verwijderen', COORDINATOR, async (request, reply) => {
    const found = await loadPage(request);
    if (!found || !found.page.regional) return reply.callNotFound();
    return pageRemoval(request, reply, found.r, found.page);
  });

  app.post<PageParams>('/loket/:slug/regelingen/:pageSlug/verwijderen', COORDINATOR, async (request, reply) => {
    const found = await loadPage(request);
    if (!found || !found.page.regional) return reply.callNotFound();
    const { r, page } = found;
    const outcome = await inTransaction(deps, (tx) => service.removeRegionalPage(tx, deps, r.slug, page.row.slug));
    if (outcome === 'notFound') return reply.callNotFound();
    if (outcome === 'reverted') return redirectAfterPost(reply, deskPath(r.slug, `/regelingen/${page.row.slug}`), 'desk.schemes.reverted');
    return redirectAfterPost(reply, deskPath(r.slug, '/regelingen'), 'desk.schemes.deleted');
  });

  // The region's glossary, public

  app.get<RegionParams>('/loket/:slug/woordenlijst', PUBLIC, async (request, reply) => {
    const r = await region(request);
    if (!r) return reply.callNotFound();
    const [terms, editable] = await Promise.all([service.glossary(db, r.slug), canEdit(request, r.slug)]);
    const explanations = new Map(terms.map((t) => [t.row.slug, renderMarkdown(service.withDeskAddress(t.row.explanation, r.slug))]));
    return sendPage(request, reply, (ctx) => GlossaryPage({ ctx, region: r, letters: service.byLetter(terms), explanations, canEdit: editable }));
  });

  app.get<TermParams>('/loket/:slug/woordenlijst/:termSlug', PUBLIC, async (request, reply) => {
    const r = await region(request);
    if (!r || !slugParam.safeParse(request.params.termSlug).success) return reply.callNotFound();
    const term = await service.glossaryTerm(db, r.slug, request.params.termSlug);
    if (!term) return reply.callNotFound();
    const [{ linkable, href }, pages, editable] = await Promise.all([regionalLinking(r.slug), service.schemePages(db, r.slug), canEdit(request, r.slug)]);
    const explanationHtml = service.explanationHtml(term.row.slug, term.row.explanation, linkable, href, r.slug);
    const mentionedIn = service.pagesMentioning(pages, linkable, term.row.slug);
    return sendPage(request, reply, (ctx) => TermPageView({ ctx, region: r, term, explanationHtml, mentionedIn, canEdit: editable }));
  });

  // The region's glossary, coordinators

  const termEditor = (request: FastifyRequest, reply: FastifyReply, r: Region, term: service.GlossaryTerm | undefined, view: EditorView, status = 200) =>
    sendPage(request, reply, (ctx) => TermEditorPage({ ctx, region: r, term, view }), status);

  const explanationPreview = async (regionSlug: string, slug: string, explanation: string) => {
    const { linkable, href } = await regionalLinking(regionSlug);
    return service.explanationHtml(slug, explanation, linkable, href, regionSlug);
  };

  app.get<RegionParams>('/loket/:slug/woordenlijst/nieuw', COORDINATOR, async (request, reply) => {
    const r = await region(request);
    if (!r) return reply.callNotFound();
    return termEditor(request, reply, r, undefined, { state: { values: {} } });
  });

  app.post<RegionParams>('/loket/:slug/woordenlijst/nieuw', COORDINATOR, async (request, reply) => {
    const r = await region(request);
    if (!r) return reply.callNotFound();
    const form = parseForm(newTermSchema, request.body);
    const fail = (errors: FieldErrorKeys) => termEditor(request, reply, r, undefined, { state: { values: form.values, errors: translateErrors(request.t, errors) } }, 422);
    if (!form.ok) return fail(form.errors);
    if (wantsPreview(request.body)) {
      return termEditor(request, reply, r, undefined, { state: { values: form.values }, previewHtml: await explanationPreview(r.slug, '', form.data.explanation) });
    }
    const result = await inTransaction(deps, (tx) => service.createTerm(tx, deps, r.slug, actorId(request), form.data));
    if (!result.ok) return result.reason === 'problem' ? fail(fieldErrors(result.field, result.message)) : reply.callNotFound();
    return redirectAfterPost(reply, regionalTermPath(r.slug, result.slug), 'desk.schemes.glossary.created');
  });

  const loadTerm = async (request: FastifyRequest<TermParams>) => {
    const r = await region(request);
    if (!r || !slugParam.safeParse(request.params.termSlug).success) return undefined;
    const term = await service.glossaryTerm(db, r.slug, request.params.termSlug);
    return term ? { r, term } : undefined;
  };

  const termValues = (term: service.GlossaryTerm): Record<string, string> => ({
    term: term.row.term,
    variants: term.variants.join('\n'),
    explanation: term.row.explanation,
    basis: term.row.id,
    version: String(term.row.version),
  });

  app.get<TermParams>('/loket/:slug/woordenlijst/:termSlug/bewerken', COORDINATOR, async (request, reply) => {
    const found = await loadTerm(request);
    if (!found) return reply.callNotFound();
    return termEditor(request, reply, found.r, found.term, { state: { values: termValues(found.term) } });
  });

  app.post<TermParams>('/loket/:slug/woordenlijst/:termSlug/bewerken', COORDINATOR, async (request, reply) => {
    const found = await loadTerm(request);
    if (!found) return reply.callNotFound();
    const { r, term } = found;
    const form = parseForm(editTermSchema, request.body);
    if (!form.ok) return termEditor(request, reply, r, term, { state: { values: form.values, errors: translateErrors(request.t, form.errors) } }, 422);
    if (wantsPreview(request.body)) {
      return termEditor(request, reply, r, term, { state: { values: form.values }, previewHtml: await explanationPreview(r.slug, term.row.slug, form.data.explanation) });
    }
    const result = await inTransaction(deps, (tx) => service.saveTerm(tx, deps, r.slug, term.row.slug, actorId(request), form.data));
    if (result.ok) return redirectAfterPost(reply, regionalTermPath(r.slug, term.row.slug), 'desk.schemes.glossary.saved');
    if (result.reason !== 'conflict' || !('explanation' in result.current)) return reply.callNotFound();
    const current = result.current;
    const latest = (await service.glossaryTerm(db, r.slug, term.row.slug)) ?? term;
    return termEditor(
      request,
      reply,
      r,
      latest,
      {
        state: { values: { ...form.values, basis: current.id, version: String(current.version) }, formError: request.t('desk.schemes.conflict') },
        conflictHtml: await explanationPreview(r.slug, term.row.slug, `**${current.term}**\n\n${current.explanation}`),
      },
      409,
    );
  });

  const termRemoval = (request: FastifyRequest, reply: FastifyReply, r: Region, term: service.GlossaryTerm) => {
    const t = request.t;
    const reverting = term.hasNational;
    const vars = { region: r.name, term: term.row.term };
    const termHref = regionalTermPath(r.slug, term.row.slug);
    return sendPage(request, reply, (ctx) =>
      ConfirmRemovePage({
        ctx,
        region: r,
        section: 'glossary',
        heading: t(reverting ? 'desk.schemes.glossary.removeRevertTitle' : 'desk.schemes.glossary.removeDeleteTitle'),
        text: t(reverting ? 'desk.schemes.glossary.removeRevertText' : 'desk.schemes.glossary.removeDeleteText', vars),
        confirmLabel: t(reverting ? 'desk.schemes.glossary.confirmRevert' : 'desk.schemes.remove.confirmDelete'),
        action: `${termHref}/verwijderen`,
        cancelHref: termHref,
        trail: [
          { href: deskPath(r.slug, '/woordenlijst'), label: t('desk.schemes.glossary.title') },
          { href: termHref, label: term.row.term },
        ],
      }),
    );
  };

  app.get<TermParams>('/loket/:slug/woordenlijst/:termSlug/verwijderen', COORDINATOR, async (request, reply) => {
    const found = await loadTerm(request);
    if (!found || !found.term.regional) return reply.callNotFound();
    return termRemoval(request, reply, found.r, found.term);
  });

  app.post<TermParams>('/loket/:slug/woordenlijst/:termSlug/verwijderen', COORDINATOR, async (request, reply) => {
    const found = await loadTerm(request);
    if (!found || !found.term.regional) return reply.callNotFound();
    const { r, term } = found;
    const outcome = await inTransaction(deps, (tx) => service.removeRegionalTerm(tx, deps, r.slug, term.row.slug));
    if (outcome === 'notFound') return reply.callNotFound();
    if (outcome === 'reverted') return redirectAfterPost(reply, regionalTermPath(r.slug, term.row.slug), 'desk.schemes.glossary.reverted');
    return redirectAfterPost(reply, deskPath(r.slug, '/woordenlijst'), 'desk.schemes.glossary.deleted');
  });
};
