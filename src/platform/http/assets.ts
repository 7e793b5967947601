import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { fromRoot } from '../paths.js';

const require = createRequire(import.meta.url);

/** Only the NL Design System components we use, so a cheap phone downloads little CSS. */
const UTRECHT_COMPONENTS = [
  'root', 'document', 'page-header', 'page-footer', 'page-content', 'nav-bar', 'skip-link', 'breadcrumb-nav',
  'heading-1', 'heading-2', 'heading-3', 'heading-4', 'paragraph', 'link', 'button', 'alert', 'form-field', 'form-label',
  'form-field-description', 'form-field-error-message', 'form-fieldset', 'textbox', 'textarea', 'select',
  'radio-button', 'checkbox', 'table', 'unordered-list', 'ordered-list', 'status-badge', 'code',
];

interface Asset {
  readonly body: Buffer;
  /** Compressed once at start: cheap phones on slow connections download a fraction. */
  readonly gzipped: Buffer;
  readonly type: string;
  readonly etag: string;
}

function asset(body: string, type: string): Asset {
  const buffer = Buffer.from(body, 'utf8');
  return { body: buffer, gzipped: gzipSync(buffer, { level: 9 }), type, etag: `"${createHash('sha256').update(buffer).digest('base64url').slice(0, 16)}"` };
}

function utrechtCss(): string {
  return UTRECHT_COMPONENTS.map((name) => readFileSync(require.resolve(`@utrecht/${name}-css/dist/index.min.css`), 'utf8')).join('\n');
}

/**
 * The enhancement script, bundled from client/ by esbuild when the server starts: one small file,
 * no build step to forget. Without esbuild (a production install without dev tools) pages still
 * work, only without the enhancements.
 */
function clientScript(): string {
  try {
    const esbuild = require('esbuild') as typeof import('esbuild');
    const result = esbuild.buildSync({
      entryPoints: [fromRoot('client', 'main.ts')],
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2019',
      write: false,
      legalComments: 'none',
    });
    return result.outputFiles[0]?.text ?? '';
  } catch (error) {
    console.warn(`Script voor verrijking niet gebouwd: ${error instanceof Error ? error.message : String(error)}`);
    return '';
  }
}

export function buildAssets(): Map<string, Asset> {
  const own = (file: string) => readFileSync(fromRoot('public', file), 'utf8');
  return new Map([
    ['app.js', asset(clientScript(), 'text/javascript; charset=utf-8')],
    ['app.css', asset(`${own('tokens.css')}\n${utrechtCss()}\n${own('app.css')}`, 'text/css; charset=utf-8')],
    ['print.css', asset(own('print.css'), 'text/css; charset=utf-8')],
    ['favicon.svg', asset(own('favicon.svg'), 'image/svg+xml')],
  ]);
}

export function registerAssets(app: FastifyInstance): void {
  const assets = buildAssets();
  app.get<{ Params: { file: string } }>('/static/:file', { config: { permission: 'public' } }, async (request, reply) => {
    const found = assets.get(request.params.file);
    if (!found) return reply.callNotFound();
    reply.header('Cache-Control', 'public, max-age=3600');
    reply.header('ETag', found.etag);
    reply.header('Vary', 'Accept-Encoding');
    if (request.headers['if-none-match'] === found.etag) return reply.code(304).send();
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      return reply.header('Content-Encoding', 'gzip').type(found.type).send(found.gzipped);
    }
    return reply.type(found.type).send(found.body);
  });
}
