import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import { CheckedContext, type RunningServer } from './support.js';

export const PASSWORD = 'een lange zin als wachtwoord';

/** A person as the registration form knows them. */
export interface Person {
  readonly name: string;
  readonly email: string;
  readonly profile: 'professional' | 'ervaringsdeskundige';
  /** A profession from the profession index, for professionals. */
  readonly profession?: string;
}

// The outbox: without SMTP every message is a JSON file in `${dataDir}/outbox/`.

interface OutboxMail {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly createdAt: string;
}

/** Outbox ids are "<timestamp>-<pid>-<sequence>"; the sequence breaks ties within one millisecond. */
function newestFirst(a: OutboxMail, b: OutboxMail): number {
  const sequence = (m: OutboxMail) => Number(/-(\d+)$/.exec(m.id)?.[1] ?? 0);
  return b.createdAt.localeCompare(a.createdAt) || sequence(b) - sequence(a);
}

/**
 * The newest mail in the outbox addressed to this person whose subject matches. A mail is sent after the
 * transaction commits, which may be a moment after the page answered, so this waits a little for it.
 */
export async function newestMailTo(server: RunningServer, email: string, subject: RegExp): Promise<OutboxMail> {
  const folder = path.join(server.dataDir, 'outbox');
  const deadline = Date.now() + 5_000;
  for (;;) {
    let names: string[] = [];
    try {
      names = (await readdir(folder)).filter((n) => n.endsWith('.json'));
    } catch {
      // no mail yet
    }
    const mails = await Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(folder, n), 'utf8')) as OutboxMail));
    const found = mails.filter((m) => m.to === email && subject.test(m.subject)).sort(newestFirst)[0];
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`geen e-mail aan ${email} met onderwerp ${subject} in ${folder}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first link in a mail whose path matches; a full stop or comma right after it ends the sentence, not the link. */
export function linkIn(mail: OutboxMail, pathPattern: RegExp): string {
  const links = (mail.text.match(/https?:\/\/\S+/g) ?? []).map((url) => url.replace(/[.,;:!?)]+$/, ''));
  const link = links.find((url) => pathPattern.test(new URL(url).pathname));
  assert.ok(link, `a link matching ${pathPattern} in "${mail.subject}"`);
  return link;
}

// Tabs whose every page is checked.

/** The same browser, but every context it makes has JavaScript switched off (the checks of CheckedContext stay). */
export function withoutJavaScript(real: Browser): Browser {
  return new Proxy(real, {
    get(target, property, receiver) {
      if (property === 'newContext') {
        return (options: Parameters<Browser['newContext']>[0] = {}) => target.newContext({ ...options, javaScriptEnabled: false });
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

interface LoadedDocument {
  readonly url: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Promise<string>;
}

/**
 * A person's browser tab. Every HTML page is validated (CheckedContext) and `check()` runs axe-core on the page
 * now shown. axe-core needs timers, which do not run without JavaScript; a tab without JavaScript therefore has a
 * twin with JavaScript on, and `check()` shows the twin the very HTML the server sent (served at the same address
 * through a route, so that the styles load as usual). That also covers pages that answered a POST (409, 422),
 * which cannot be fetched again, and it never sends the server a second request.
 */
export class Tab {
  private last: LoadedDocument | undefined;
  private readonly found: string[] = [];

  private constructor(
    readonly checked: CheckedContext,
    private readonly twin: CheckedContext | undefined,
  ) {
    checked.page.on('response', (response: Response) => {
      const request = response.request();
      if (request.resourceType() !== 'document' || request.frame() !== checked.page.mainFrame()) return;
      if (response.status() >= 300 && response.status() < 400) return;
      this.last = { url: response.url(), status: response.status(), headers: response.headers(), body: response.text().catch(() => '') };
    });
  }

  static async open(browser: Browser, options: { javaScript?: boolean } = {}): Promise<Tab> {
    if (options.javaScript === false) {
      const checked = await CheckedContext.create(withoutJavaScript(browser));
      // JavaScript is really off in this tab.
      await checked.page.setContent('<p id="x">uit</p><script>document.getElementById("x").textContent = "aan"</script>');
      assert.equal(await checked.page.locator('#x').textContent(), 'uit');
      return new Tab(checked, await CheckedContext.create(browser));
    }
    return new Tab(await CheckedContext.create(browser), undefined);
  }

  get page(): Page {
    return this.checked.page;
  }

  /** Every problem found in this tab (and its twin), each once. */
  get problems(): string[] {
    return [...new Set([...this.checked.problems, ...(this.twin?.problems ?? []), ...this.found])];
  }

  /** Records something wrong on the page shown now, so that the flow can go on and the test still fails at the end. */
  note(problem: string): void {
    this.found.push(`${this.page.url()}: ${problem}`);
  }

  /** Runs axe-core on the page shown now. */
  async check(): Promise<void> {
    if (!this.twin) {
      await this.checked.axe();
      return;
    }
    const shown = this.last;
    assert.ok(shown && shown.url === this.page.url(), `the HTML of ${this.page.url()} was seen`);
    const body = await shown.body;
    const headers: Record<string, string> = { 'content-type': shown.headers['content-type'] ?? 'text/html; charset=utf-8' };
    const csp = shown.headers['content-security-policy'];
    if (csp) headers['content-security-policy'] = csp;
    const matches = (url: URL) => url.href === shown.url;
    await this.twin.page.route(matches, (route) => route.fulfill({ status: 200, headers, body }));
    try {
      await this.twin.page.goto(shown.url);
    } finally {
      await this.twin.page.unroute(matches);
    }
    await this.twin.axe();
  }

  /** The status of the page shown now (a method, so that TypeScript does not narrow it across awaits). */
  private lastStatus(): number | undefined {
    return this.last?.status;
  }

  /** Opens an address, expects the status and a level-1 heading, and checks the page. */
  async goto(url: string, heading: string | RegExp, status = 200): Promise<void> {
    const response = await this.page.goto(url);
    assert.equal(response?.status(), status, `status of ${url}`);
    await this.heading(heading);
    await this.check();
  }

  /**
   * Clicks a link or button that loads a page (following redirects), expects its status and level-1 heading,
   * and checks it.
   */
  async click(target: Locator, heading: string | RegExp, status = 200): Promise<void> {
    await target.waitFor({ timeout: 5_000 });
    this.last = undefined;
    await Promise.all([this.page.waitForEvent('load'), target.click()]);
    assert.equal(this.lastStatus(), status, `status of ${this.page.url()}`);
    await this.heading(heading);
    await this.check();
  }

  async heading(name: string | RegExp): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 5_000 });
  }

  /** The message shown after a form was handled (the "flash"). */
  async flash(text: string | RegExp): Promise<void> {
    await this.page.getByRole('main').getByRole('status').filter({ hasText: text }).first().waitFor({ timeout: 5_000 });
  }

  /** Signs this tab (and its twin) in as the person of another tab, by taking over that tab's cookies. */
  async takeCookiesOf(other: Tab): Promise<void> {
    const cookies = await other.checked.context.cookies();
    await this.checked.context.addCookies(cookies);
    await this.twin?.context.addCookies(cookies);
  }

  async close(): Promise<void> {
    await this.checked.close();
    await this.twin?.close();
  }
}

/** Registers through the form, confirms the address with the link from the outbox and logs in. */
export async function registerAndLogIn(server: RunningServer, tab: Tab, person: Person): Promise<void> {
  const p = tab.page;
  await tab.goto(`${server.baseUrl}/account/registreren`, 'Account maken');
  await p.getByLabel('Je naam').fill(person.name);
  if (person.profile === 'professional') {
    await p.getByRole('radio', { name: 'Professional', exact: true }).check();
    if (person.profession) await p.getByLabel(/^Je beroep/).selectOption({ label: person.profession });
  } else {
    await p.getByRole('radio', { name: /^Ervaringsdeskundige/ }).check();
  }
  await p.getByLabel(/^Je regio/).selectOption({ label: 'Zeeland' });
  await p.getByLabel('E-mailadres').fill(person.email);
  await p.getByLabel('Wachtwoord').fill(PASSWORD);
  await tab.click(p.getByRole('button', { name: 'Account maken' }), 'Kijk in je mailbox');

  const mail = await newestMailTo(server, person.email, /^Bevestig je e-mailadres voor/);
  await tab.goto(linkIn(mail, /^\/account\/bevestigen$/), 'E-mailadres bevestigen');
  await tab.click(p.getByRole('button', { name: 'Bevestig mijn e-mailadres' }), 'Inloggen');
  await tab.flash('Je e-mailadres is bevestigd');

  await p.getByLabel('E-mailadres').fill(person.email);
  await p.getByLabel('Wachtwoord').fill(PASSWORD);
  await Promise.all([p.waitForEvent('load'), p.getByRole('button', { name: 'Inloggen' }).click()]);
  await p.getByText(`Ingelogd als ${person.name}`).waitFor({ timeout: 5_000 });
  await tab.check();
}

/** A day from today, as a date field takes it (YYYY-MM-DD). */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The id of a workbook from an address like /werkboek/<id>/… */
export function workspaceIdOf(url: string): string {
  const id = /\/werkboek\/([^/?#]+)/.exec(new URL(url).pathname)?.[1];
  assert.ok(id && id !== 'nieuw' && id !== 'mijn-acties', `a workbook address: ${url}`);
  return id;
}
