import { z } from 'zod';
import { emailField } from '../../platform/http/fields.js';

/** A facilitator ("begeleider") runs the team and invites others; a member ("lid") takes part. */
export const TEAM_ROLES = ['facilitator', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TEAM_NAME_MAX_LENGTH = 120;
export const TEAM_PURPOSE_MAX_LENGTH = 2000;

/** The longest token randomToken(24) makes is 32 characters; anything else is not one of ours. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,100}$/;

export function looksLikeInvitationToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

const roleField = z.enum(TEAM_ROLES, 'teams.error.roleRequired');

export const createTeamSchema = z.object({
  // One line: runs of white space (also line breaks from a hand-made request) become one space.
  name: z
    .string()
    .transform((n) => n.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'error.required').max(TEAM_NAME_MAX_LENGTH, 'teams.error.nameTooLong')),
  regionSlug: z
    .string()
    .trim()
    .max(100, 'teams.error.regionUnknown')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  purpose: z.string().trim().min(1, 'error.required').max(TEAM_PURPOSE_MAX_LENGTH, 'teams.error.purposeTooLong'),
});
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const inviteByEmailSchema = z.object({ email: emailField, role: roleField });
export type InviteByEmailInput = z.infer<typeof inviteByEmailSchema>;

/** The link form has its own field name so that both invitation forms can sit on one page with unique ids. */
export const inviteLinkSchema = z.object({ linkRole: roleField });

export const changeRoleSchema = z.object({ role: roleField });
