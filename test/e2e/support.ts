import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { fromRoot } from '../../src/platform/paths.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const htmlValidate = new HtmlValidate(JSON.parse(readFileSync(fromRoot('.htmlvalidate.json'), 'utf8')));

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('geen poort'))));
    });
  });
}

export interface RunningServer {
  readonly baseUrl: string;
  readonly dataDir: string;
  /** Everything the server printed, to find the setup code as a newcomer would. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the real server as its own process on a fresh installation, as a newcomer would. */
export async function startServer(database: 'sqlite' | 'postgres'): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mmm-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (database === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL ontbreekt');
    const name = `mmm_e2e_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    databaseUrl = target.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fromRoot('src', 'server.ts')], {
    cwd: fromRoot(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: baseUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      SMTP_URL: '',
      SETUP_TOKEN: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server stopte meteen:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/gezond`);
      if (res.ok && /Installatiecode/.test(output)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server kwam niet op:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    dataDir,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface PageCheck {
  readonly url: string;
  readonly violations: string[];
}

/**
 * Wraps a browser context so that every HTML page it loads is checked: axe-core (WCAG 2.2 AA) on the
 * rendered page and html-validate on the HTML the server sent. Console errors (e.g. CSP reports) are kept too.
 */
export class CheckedContext {
  readonly problems: string[] = [];
  readonly checkedUrls: string[] = [];
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async create(browser: Browser, locale = 'nl-NL'): Promise<CheckedContext> {
    const context = await browser.newContext({ locale, viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const checked = new CheckedContext(context, page);
    page.on('console', (message) => {
      // A 422 or 404 status of the page itself is intended (a form with errors, a missing page); anything else counts.
      const ownStatus = message.text().startsWith('Failed to load resource') && message.location().url === page.url();
      if (message.type() === 'error' && !ownStatus) checked.problems.push(`console op ${page.url()}: ${message.text()}`);
    });
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'document' || response.request().frame() !== page.mainFrame()) return;
      if (!String(response.headers()['content-type'] ?? '').startsWith('text/html')) return;
      try {
        const html = await response.text();
        const report = await htmlValidate.validateString(html, response.url());
        for (const result of report.results) {
          for (const m of result.messages) checked.problems.push(`html-validate ${response.url()}: ${m.ruleId} ${m.message}`);
        }
      } catch {
        // redirect responses have no body
      }
    });
    return checked;
  }

  /** Runs axe-core on the current page; call after each navigation. */
  async axe(): Promise<void> {
    await this.page.evaluate(axeSource);
    const result = await this.page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    });
    this.checkedUrls.push(this.page.url());
    for (const v of result.violations) {
      this.problems.push(`axe ${this.page.url()}: ${v.id} ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    }
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: fromRoot('test-results', `${name}.png`), fullPage: true });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
