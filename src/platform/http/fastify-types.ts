import type { AppDeps } from '../app-deps.js';
import type { Principal } from '../auth/principal.js';
import type { Locale, Translate } from '../i18n/i18n.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route names the permission it needs; routes without one are refused at startup. */
    permission?: string;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** Set while a login waits for its second factor: the user id, nothing else is granted. */
    pendingSecondFactorUserId: string | null;
    sessionIdHash: string | null;
    locale: Locale;
    t: Translate;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** Every registered route with the permission it declared, for the authorisation tests. */
    routeCatalogue: ReadonlyArray<{ method: string; url: string; permission: string }>;
  }
}

export {};
