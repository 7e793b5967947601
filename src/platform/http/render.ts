import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { MessageKey } from '../i18n/message-keys.js';
import { isMessageKey } from '../i18n/i18n.js';
import type { PageContext } from '../views/page-context.js';

const FLASH_COOKIE = 'mmm-melding';
const SITE_NAME = 'Werkplaats Mensen met Mogelijkheden';

/** Stores a short confirmation to show on the next page (after a POST-redirect-GET). */
export function setFlash(reply: FastifyReply, key: MessageKey): void {
  reply.setCookie(FLASH_COOKIE, key, { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60 });
}

function takeFlash(request: FastifyRequest, reply: FastifyReply): string | null {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return null;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value && isMessageKey(unsigned.value) ? request.t(unsigned.value) : null;
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    t: request.t,
    locale: request.locale,
    principal: request.principal,
    currentPath: request.url,
    csrfToken: reply.generateCsrf(),
    flash: request.method === 'GET' ? takeFlash(request, reply) : null,
    siteName: SITE_NAME,
  };
}

/** Renders a full page. Pages for a logged-in person are never stored by caches. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  view: (ctx: PageContext) => VNode,
  status = 200,
): FastifyReply {
  const ctx = pageContext(request, reply);
  const html = `<!DOCTYPE html>${render(view(ctx))}`;
  if (request.principal || request.pendingSecondFactorUserId) reply.header('Cache-Control', 'no-store');
  else reply.header('Cache-Control', 'private, no-cache');
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/** POST-redirect-GET with 303 so a refresh never repeats the form. */
export function redirectAfterPost(reply: FastifyReply, location: string, flash?: MessageKey): FastifyReply {
  if (flash) setFlash(reply, flash);
  return reply.code(303).redirect(location);
}

/** Only same-site relative paths are accepted as a place to return to. */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  return value.slice(0, 500);
}
