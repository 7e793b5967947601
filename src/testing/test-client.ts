import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface Response {
  readonly status: number;
  readonly body: string;
  readonly location: string | undefined;
  readonly headers: LightMyRequestResponse['headers'];
}

/** A browser-like client for inject(): keeps cookies and sends the CSRF token a page gave it. */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): Response {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    const location = res.headers.location;
    return { status: res.statusCode, body: res.body, location: typeof location === 'string' ? location : undefined, headers: res.headers };
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async get(url: string): Promise<Response> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    return this.remember(res);
  }

  /**
   * Posts a form like a browser would, with the CSRF token of the last page (fetched from / if none yet).
   * A list value is sent as repeated fields, like ticked checkboxes.
   */
  async post(
    url: string,
    fields: Readonly<Record<string, string | readonly string[]>> = {},
    options: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    if (options.csrf === undefined && !this.csrf) await this.get('/');
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const v of typeof value === 'string' ? [value] : value) params.append(name, v);
    if (token) params.append('_csrf', token);
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: params.toString(),
      headers: { ...options.headers, cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    return this.remember(res);
  }

  /** Follows a redirect chain of GETs. */
  async follow(response: Response): Promise<Response> {
    let current = response;
    for (let i = 0; i < 5 && current.location; i++) current = await this.get(current.location);
    return current;
  }
}
