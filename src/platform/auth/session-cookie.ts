import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../config.js';
import { SESSION_ABSOLUTE_MS, sessionCookieName } from './sessions.js';

/** Browsers accept Secure cookies on localhost over plain http, so local installs are protected too. */
function cookieSecure(config: AppConfig): boolean {
  if (config.secure) return true;
  const host = new URL(config.baseUrl).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export function setSessionCookie(reply: FastifyReply, config: AppConfig, token: string): void {
  reply.setCookie(sessionCookieName(config.secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(config),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  reply.clearCookie(sessionCookieName(config.secure), { path: '/', secure: cookieSecure(config), httpOnly: true, sameSite: 'lax' });
}
