import type { AppDeps } from '../../../platform/app-deps.js';
import type { PolicyContext } from '../../../platform/auth/policy.js';
import {
  employerOf,
  groupOf,
  isCoordinatorOf,
  isEmployerMember,
  isGroupOrganiser,
  isRepresentativeOf,
  organisationRegion,
  questionOf,
  vacancyOf,
} from './access.repo.js';

type Check = (ctx: PolicyContext & { userId: string; regionSlug: string }) => Promise<boolean>;

/** Signed in, the address names a region, and the check passes. */
function signedInAtRegion(check: Check) {
  return async (ctx: PolicyContext): Promise<boolean> => {
    const regionSlug = ctx.params.slug;
    if (!ctx.principal || typeof regionSlug !== 'string') return false;
    return check({ ...ctx, userId: ctx.principal.userId, regionSlug });
  };
}

/**
 * The permissions of the regional desk. Reading is public; a coordinator handles everything of their
 * own region only; a representative handles their own organisation and the questions routed to it;
 * an employer's members their own pledge and vacancies; a group's organisers their group.
 */
export function defineDeskPermissions(deps: AppDeps): void {
  deps.policy.define('desk.coordinator', {
    check: signedInAtRegion(({ db, regionSlug, userId }) => isCoordinatorOf(db, regionSlug, userId)),
    needsLogin: true,
  });
  deps.policy.define('desk.organisation-editor', {
    check: signedInAtRegion(async ({ db, regionSlug, userId, params }) => {
      const organisationId = params.organisationId;
      if (typeof organisationId !== 'string' || (await organisationRegion(db, organisationId)) !== regionSlug) return false;
      return (await isCoordinatorOf(db, regionSlug, userId)) || isRepresentativeOf(db, organisationId, userId);
    }),
    needsLogin: true,
  });
  deps.policy.define('desk.question-answerer', {
    check: signedInAtRegion(async ({ db, regionSlug, userId, params }) => {
      const questionId = params.questionId;
      const question = typeof questionId === 'string' ? await questionOf(db, questionId) : undefined;
      if (!question || question.region_slug !== regionSlug) return false;
      if (await isCoordinatorOf(db, regionSlug, userId)) return true;
      return question.organisation_id !== null && isRepresentativeOf(db, question.organisation_id, userId);
    }),
    needsLogin: true,
  });
  deps.policy.define('desk.employer-member', {
    check: signedInAtRegion(async ({ db, regionSlug, userId, params }) => {
      const employerId = params.employerId;
      const employer = typeof employerId === 'string' ? await employerOf(db, employerId) : undefined;
      if (!employer || employer.region_slug !== regionSlug || typeof employerId !== 'string') return false;
      return (await isCoordinatorOf(db, regionSlug, userId)) || isEmployerMember(db, employerId, userId);
    }),
    needsLogin: true,
  });
  deps.policy.define('desk.vacancy-editor', {
    check: signedInAtRegion(async ({ db, regionSlug, userId, params }) => {
      const vacancyId = params.vacancyId;
      const vacancy = typeof vacancyId === 'string' ? await vacancyOf(db, vacancyId) : undefined;
      if (!vacancy || vacancy.region_slug !== regionSlug) return false;
      if (await isCoordinatorOf(db, regionSlug, userId)) return true;
      const employer = await employerOf(db, vacancy.employer_id);
      return employer?.status === 'verified' && isEmployerMember(db, vacancy.employer_id, userId);
    }),
    needsLogin: true,
  });
  deps.policy.define('desk.group-organiser', {
    check: signedInAtRegion(async ({ db, regionSlug, userId, params }) => {
      const groupId = params.peerGroupId;
      const group = typeof groupId === 'string' ? await groupOf(db, groupId) : undefined;
      if (!group || group.region_slug !== regionSlug || typeof groupId !== 'string') return false;
      return (await isCoordinatorOf(db, regionSlug, userId)) || isGroupOrganiser(db, groupId, userId);
    }),
    needsLogin: true,
  });
}
