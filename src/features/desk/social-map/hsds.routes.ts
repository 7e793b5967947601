import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { translateErrors, type FieldErrorKeys } from '../../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { randomToken } from '../../../platform/auth/tokens.js';
import { deskRegion, type Region } from '../shared/region.js';
import type { ImportProblem } from './hsds.js';
import * as service from './social-map.service.js';
import { ImportPage, importPath, type FormState } from './social-map.views.js';

// Open Referral HSDS 3.0 for the social map: the coordinator's import page, the public export, and the
// public read-only API (/api/services, /api/organizations) after HSDS 3.0's API.
//
// Uploads: the import form is multipart/form-data (a file of up to 20 MB, or text pasted in a textarea;
// both work without JavaScript). This plugin does not use @fastify/multipart: that plugin reads the parts
// in a preValidation hook of this plugin, which runs after the platform's CSRF check (a root-level
// preValidation hook), so `_csrf` would not be in the body yet and every upload would be refused. Instead
// a content-type parser of this plugin only buffers the request (up to the limit below) and parses it with
// the runtime's standard FormData parser before validation, so `request.body._csrf` is there when the
// platform's unchanged CSRF check runs: the upload is protected like every other form.

export const IMPORT_FILE_LIMIT = 20 * 1024 * 1024;
/** The file plus the pasted text and the form's other fields. */
const IMPORT_BODY_LIMIT = IMPORT_FILE_LIMIT + 2 * 1024 * 1024;
export const API_RATE_LIMIT = { max: 300, timeWindow: '1 minute' };

interface UploadedFile {
  readonly filename: string;
  readonly size: number;
  readonly text: string;
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && 'text' in value && 'size' in value;
}

const apiQuerySchema = z.object({
  search: z.string().trim().max(200).catch('').default(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  per_page: z.coerce
    .number()
    .int()
    .min(1)
    .catch(service.API_DEFAULT_PER_PAGE)
    .default(service.API_DEFAULT_PER_PAGE)
    .transform((n) => Math.min(n, service.API_MAX_PER_PAGE)),
});

const dutch = translator('nl');

type SlugParams = { Params: { slug: string } };

export const deskHsdsRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, async (request: FastifyRequest, body: Buffer) => {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
    } catch {
      throw Object.assign(new Error('Onleesbaar formulier'), { statusCode: 400 });
    }
    const fields: Record<string, string | UploadedFile> = {};
    for (const [name, value] of form) {
      if (typeof value === 'string') fields[name] = value;
      else fields[name] = { filename: value.name, size: value.size, text: await value.text() };
    }
    return fields;
  });

  // The import page (the coordinator)

  const renderImport = async (request: FastifyRequest, reply: FastifyReply, region: Region, formState: FormState, problems: readonly ImportProblem[] = [], status = 200) => {
    const last = await service.lastImport(db, region.slug);
    return sendPage(request, reply, (ctx) => ImportPage({ ctx, region, state: formState, problems, last }), status);
  };

  app.get<SlugParams>('/loket/:slug/beheer/sociale-kaart/importeren', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    return renderImport(request, reply, region, { values: {} });
  });

  app.post<SlugParams>('/loket/:slug/beheer/sociale-kaart/importeren', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const pasted = typeof body.tekst === 'string' ? body.tekst : '';
    const file = isUploadedFile(body.bestand) && body.bestand.size > 0 ? body.bestand : undefined;
    const fail = (errors: FieldErrorKeys) => renderImport(request, reply, region, { values: { tekst: pasted }, errors: translateErrors(request.t, errors) }, [], 422);
    if (file && file.size > IMPORT_FILE_LIMIT) return fail({ bestand: 'desk.socialMap.import.tooLarge' });
    const text = file ? file.text : pasted;
    if (text.trim() === '') return fail({ bestand: 'desk.socialMap.import.nothing' });
    const outcome = await service.importSocialMap(db, region.slug, text, request.principal?.userId ?? null, deps.clock());
    if (!outcome.ok) return renderImport(request, reply, region, { values: { tekst: pasted } }, outcome.problems, 422);
    return redirectAfterPost(reply, importPath(region.slug), 'desk.socialMap.import.done');
  });

  // The export: the published map in the import's own format

  app.get<SlugParams>('/loket/:slug/sociale-kaart.json', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const document = await service.exportSocialMap(db, region.slug);
    return reply
      .header('Access-Control-Allow-Origin', '*')
      .header('Cross-Origin-Resource-Policy', 'cross-origin')
      .header('Cache-Control', 'no-cache')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(document, null, 2));
  });

  // The public API: JSON answers only, also for errors, with CORS for every origin

  await app.register(async (api) => {
    api.addHook('onRequest', async (_request, reply) => {
      reply.header('Access-Control-Allow-Origin', '*').header('Cross-Origin-Resource-Policy', 'cross-origin').header('Cache-Control', 'no-cache');
    });
    api.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status === 429) return reply.code(429).send({ error: dutch('desk.socialMap.api.tooMany') });
      if (status >= 400 && status < 500) return reply.code(400).send({ error: dutch('desk.socialMap.api.badRequest') });
      const reference = randomToken(6);
      request.log.error({ err: error, reference }, 'onverwachte fout in de API');
      return reply.code(500).send({ error: dutch('error.500.body'), reference });
    });

    const notFound = (reply: FastifyReply, key: 'desk.socialMap.api.unknownRegion' | 'desk.socialMap.api.unknownService' | 'desk.socialMap.api.unknownOrganization') =>
      reply.code(404).send({ error: dutch(key) });

    const config = { permission: 'public', rateLimit: API_RATE_LIMIT };

    api.get<SlugParams>('/loket/:slug/api/services', { config }, async (request, reply) => {
      const region = await deskRegion(db, request.params.slug);
      if (!region) return notFound(reply, 'desk.socialMap.api.unknownRegion');
      const query = apiQuerySchema.parse(request.query ?? {});
      return reply.send(await service.apiServices(db, region.slug, { search: query.search, page: query.page, perPage: query.per_page }));
    });

    api.get<{ Params: { slug: string; serviceId: string } }>('/loket/:slug/api/services/:serviceId', { config }, async (request, reply) => {
      const region = await deskRegion(db, request.params.slug);
      if (!region) return notFound(reply, 'desk.socialMap.api.unknownRegion');
      const found = await service.apiService(db, region.slug, request.params.serviceId);
      if (!found) return notFound(reply, 'desk.socialMap.api.unknownService');
      return reply.send(found);
    });

    api.get<SlugParams>('/loket/:slug/api/organizations', { config }, async (request, reply) => {
      const region = await deskRegion(db, request.params.slug);
      if (!region) return notFound(reply, 'desk.socialMap.api.unknownRegion');
      const query = apiQuerySchema.parse(request.query ?? {});
      return reply.send(await service.apiOrganizations(db, region.slug, { search: query.search, page: query.page, perPage: query.per_page }));
    });

    api.get<{ Params: { slug: string; organisationId: string } }>('/loket/:slug/api/organizations/:organisationId', { config }, async (request, reply) => {
      const region = await deskRegion(db, request.params.slug);
      if (!region) return notFound(reply, 'desk.socialMap.api.unknownRegion');
      const found = await service.apiOrganization(db, region.slug, request.params.organisationId);
      if (!found) return notFound(reply, 'desk.socialMap.api.unknownOrganization');
      return reply.send(found);
    });
  });
};
