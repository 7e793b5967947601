import type { AppDeps } from '../../platform/app-deps.js';
import { randomToken, safeEqual } from '../../platform/auth/tokens.js';
import { countAdmins } from '../accounts/accounts.service.js';

const tokens = new WeakMap<AppDeps, string>();

/** The one-time code that proves the person claiming the installation can read the server's output. */
export function setupTokenFor(deps: AppDeps): string {
  let token = tokens.get(deps);
  if (!token) {
    token = deps.config.setupToken ?? randomToken(18);
    tokens.set(deps, token);
  }
  return token;
}

export function setupTokenMatches(deps: AppDeps, candidate: string): boolean {
  return safeEqual(setupTokenFor(deps), candidate.trim());
}

export async function isInstalled(deps: AppDeps): Promise<boolean> {
  return (await countAdmins(deps.db.kysely)) > 0;
}

/** Prints the setup address and code while the installation has no administrator. */
export async function announceSetupIfNeeded(deps: AppDeps): Promise<void> {
  if (await isInstalled(deps)) return;
  const line = `Installatiecode voor de eerste beheerder: ${setupTokenFor(deps)}  (ga naar ${deps.config.baseUrl}/installatie)`;
  console.log(line);
}
