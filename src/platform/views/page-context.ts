import type { Principal } from '../auth/principal.js';
import type { Locale, Translate } from '../i18n/i18n.js';

/** Everything a view needs from the request, so views stay pure functions of data. */
export interface PageContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly principal: Principal | null;
  /** Path and query of the current page, for the language switch to return to. */
  readonly currentPath: string;
  readonly csrfToken: string;
  readonly flash: string | null;
  readonly siteName: string;
}
