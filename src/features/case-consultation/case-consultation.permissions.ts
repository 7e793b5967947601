import type { AppDeps } from '../../platform/app-deps.js';
import type { PolicyContext } from '../../platform/auth/policy.js';
import { isFacilitator, isMember } from '../teams/teams.service.js';
import { getConsultation, isLeader, isParticipant } from './case-consultation.service.js';

export function teamHomePath(teamId: string): string {
  return `/casusoverleg/teams/${encodeURIComponent(teamId)}`;
}

/** Members who may not see cases yet (no two-factor authentication, consultation still off) land on the team page that says why. */
async function explainToMember({ principal, params, db }: PolicyContext): Promise<string | null> {
  if (!principal || typeof params.teamId !== 'string') return null;
  if (!(await isMember(db, params.teamId, principal.userId))) return null;
  const explainable = !principal.twoFactorEnabled || (await getConsultation(db, params.teamId)) === undefined;
  return explainable ? teamHomePath(params.teamId) : null;
}

/**
 * The permissions of case consultation. Cases describe people's mental health, so everything that shows
 * a case needs a member of a team that switched consultation on, signed in with two-factor authentication.
 */
export function defineCasePermissions(deps: AppDeps): void {
  deps.policy.define('case-consultation.team-member', {
    check: async ({ principal, params, db }) => principal !== null && typeof params.teamId === 'string' && isMember(db, params.teamId, principal.userId),
    needsLogin: true,
  });
  deps.policy.define('case-consultation.can-enable', {
    check: async ({ principal, params, db }) =>
      principal !== null && principal.twoFactorEnabled && typeof params.teamId === 'string' && isFacilitator(db, params.teamId, principal.userId),
    needsLogin: true,
    redirectWhenDenied: explainToMember,
  });
  deps.policy.define('case-consultation.participant', {
    check: async ({ principal, params, db }) =>
      principal !== null && principal.twoFactorEnabled && typeof params.teamId === 'string' && isParticipant(db, params.teamId, principal.userId),
    needsLogin: true,
    redirectWhenDenied: explainToMember,
  });
  deps.policy.define('case-consultation.facilitator', {
    check: async ({ principal, params, db }) =>
      principal !== null && principal.twoFactorEnabled && typeof params.teamId === 'string' && isLeader(db, params.teamId, principal.userId),
    needsLogin: true,
    redirectWhenDenied: explainToMember,
  });
}
