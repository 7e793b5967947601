// Files to save rather than show: the reply headers and a file name that is safe inside them.
import type { FastifyReply } from 'fastify';

const MAX_BASE_NAME = 60;

/**
 * An ASCII-only file name, safe inside a Content-Disposition header without RFC 5987 encoding.
 * `extension` may be given with or without its dot; `fallback` names the file when nothing of
 * `name` is left.
 */
export function safeFileName(name: string, extension: string, fallback = 'bestand'): string {
  const base =
    name
      // NFKD rather than NFD also turns ligatures and full-width letters into plain ASCII.
      .normalize('NFKD')
      .toLowerCase()
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_BASE_NAME)
      .replace(/-+$/, '') || fallback;
  const ext = extension.toLowerCase().replace(/[^a-z0-9]/g, '');
  return ext ? `${base}.${ext}` : base;
}

/**
 * Sends a file to save rather than show. `fileName` must already be header-safe (see safeFileName);
 * files with personal or team contents are sent with 'no-store'.
 */
export function sendDownload(reply: FastifyReply, contentType: string, fileName: string, body: Buffer | string, cacheControl: string): FastifyReply {
  return reply.header('Cache-Control', cacheControl).header('Content-Disposition', `attachment; filename="${fileName}"`).type(contentType).send(body);
}
