import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { recordAudit } from '../audit/audit.js';
import { mustUseTwoFactor, type Principal } from '../auth/principal.js';
import { resolveSession, sessionCookieName } from '../auth/sessions.js';
import { randomToken } from '../auth/tokens.js';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, translator } from '../i18n/i18n.js';
import { ErrorPage, type ErrorStatus } from '../views/error-page.js';
import { sendPage } from './render.js';
import './fastify-types.js';

export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly permission: string;
}

export const FORM_BODY_LIMIT = 64 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfCookieName(secure: boolean): string {
  return secure ? '__Host-mmm-csrf' : 'mmm-csrf';
}

/** Registers the shared machinery on the root instance: security headers, cookies, CSRF, sessions, authorisation, errors. */
export async function registerPlatform(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { config, policy } = deps;
  app.decorate('deps', deps);
  app.decorateRequest('principal', null);
  app.decorateRequest('pendingSecondFactorUserId', null);
  app.decorateRequest('sessionIdHash', null);
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('t', translator(DEFAULT_LOCALE));

  // Deny by default: a route that names no permission cannot even be registered.
  const catalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (!permission) {
      throw new Error(`Route ${String(route.method)} ${route.url} declareert geen permissie`);
    }
    for (const method of [route.method].flat()) catalogue.push({ method, url: route.url, permission });
  });

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody, { bodyLimit: FORM_BODY_LIMIT });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(config.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, { global: false, allowList: [...config.rateLimitAllowList] });
  await app.register(fastifyCsrf, {
    cookieKey: csrfCookieName(config.secure),
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: config.secure, signed: true },
  });

  app.addHook('onRequest', async (request, reply) => {
    const cookieLocale = request.cookies[LOCALE_COOKIE];
    request.locale = isLocale(cookieLocale) ? cookieLocale : DEFAULT_LOCALE;
    request.t = translator(request.locale);
    if (request.url.startsWith('/static/')) return;
    await loadSession(request, reply, deps);
  });

  app.addHook('preValidation', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.is404) return;
    const name = request.routeOptions.config.permission;
    const definition = name ? policy.get(name) : undefined;
    if (!definition) {
      request.log.error({ permission: name, url: request.routeOptions.url }, 'onbekende permissie');
      return denyRequest(request, reply, deps);
    }
    const principal = request.principal;
    if (principal && mustUseTwoFactor(principal) && !principal.twoFactorEnabled && !definition.allowedBeforeTwoFactorSetup) {
      return reply.code(303).redirect('/account/tweestapsverificatie?verplicht=1');
    }
    const context = { principal, params: request.params as Record<string, string | undefined>, db: deps.db.kysely, request };
    if (await definition.check(context)) return;
    const explanation = principal && definition.redirectWhenDenied ? await definition.redirectWhenDenied(context) : null;
    if (explanation) return reply.code(303).redirect(explanation);
    if (!principal && definition.needsLogin && request.method === 'GET') {
      return reply.code(303).redirect(`/account/inloggen?terug=${encodeURIComponent(request.url)}`);
    }
    return denyRequest(request, reply, deps);
  });

  app.setNotFoundHandler((request, reply) => {
    sendError(request, reply, 404);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return sendError(request, reply, 403, undefined, 'error.csrf');
    }
    if (status === 413 || status === 429 || status === 404 || status === 403) return sendError(request, reply, status);
    if (status >= 400 && status < 500) return sendError(request, reply, 400);
    // Internal details go to the log only; the person gets a reference to quote.
    const reference = randomToken(6);
    request.log.error({ err: error, reference }, 'onverwachte fout');
    return sendError(request, reply, 500, reference);
  });
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: ErrorStatus,
  reference?: string,
  detailKey?: 'error.csrf',
): FastifyReply {
  return sendPage(request, reply, (ctx) => ErrorPage({ ctx, status, reference, detailKey }), status);
}

async function denyRequest(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<FastifyReply> {
  await recordAudit(
    deps.db.kysely,
    {
      actorId: request.principal?.userId ?? null,
      event: 'access.denied',
      target: `${request.method} ${request.routeOptions.url ?? request.url}`,
      ip: request.ip,
    },
    deps.clock(),
  );
  return sendError(request, reply, 403);
}

async function loadSession(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<void> {
  const cookieName = sessionCookieName(deps.config.secure);
  const token = request.cookies[cookieName];
  if (!token) return;
  const session = await resolveSession(deps.db.kysely, token, deps.clock());
  if (!session) {
    reply.clearCookie(cookieName, { path: '/' });
    return;
  }
  request.sessionIdHash = session.id_hash;
  if (session.second_factor_pending === 1) {
    request.pendingSecondFactorUserId = session.user_id;
    return;
  }
  const principal: Principal = {
    userId: session.user_id,
    name: session.name,
    email: session.email,
    profileType: session.profile_type,
    isAdmin: session.is_admin === 1,
    roles: await deps.policy.rolesOf(deps.db.kysely, session.user_id),
    twoFactorEnabled: session.totp_enabled_at !== null,
    sessionIdHash: session.id_hash,
    sessionCreatedAt: session.created_at,
    reauthenticatedAt: session.reauthenticated_at,
  };
  request.principal = principal;
}
