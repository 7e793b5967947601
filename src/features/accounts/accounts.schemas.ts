import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../platform/auth/passwords.js';
import { isCommonPassword } from '../../platform/auth/common-passwords.js';
import { PROFILE_TYPES, type ProfileType } from '../../platform/auth/users.js';
import { emailField } from '../../platform/http/fields.js';

export { PROFILE_TYPES, type ProfileType };

export const nameField = z
  .string()
  .trim()
  .min(1, 'error.required')
  .max(100, 'error.nameTooLong')
  .refine((n) => !/[<>]/.test(n), 'accounts.error.nameMarkup');

export const newPasswordField = z
  .string()
  .min(1, 'error.required')
  .min(PASSWORD_MIN_LENGTH, 'accounts.error.passwordTooShort')
  .max(PASSWORD_MAX_LENGTH, 'accounts.error.passwordTooLong')
  .refine((p) => !isCommonPassword(p), 'accounts.error.passwordCommon');

/** A password typed to prove who you are: only its presence is checked here. */
export const currentPasswordField = z.string().min(1, 'error.required').max(PASSWORD_MAX_LENGTH * 4, 'error.tooLong');

const optionalSlug = z
  .string()
  .trim()
  .max(100, 'error.invalid')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

const profileFields = {
  name: nameField,
  profileType: z.enum(PROFILE_TYPES, 'accounts.error.profileTypeRequired'),
  professionSlug: optionalSlug,
  homeRegionSlug: optionalSlug,
};

function requireProfessionForProfessionals(data: { profileType: ProfileType; professionSlug: string | null }, ctx: z.RefinementCtx) {
  if (data.profileType === 'professional' && !data.professionSlug) {
    ctx.addIssue({ code: 'custom', path: ['professionSlug'], message: 'accounts.error.professionRequired' });
  }
}

export const registerSchema = z
  .object({ ...profileFields, email: emailField, password: newPasswordField })
  .superRefine(requireProfessionForProfessionals);
export type RegisterInput = z.infer<typeof registerSchema>;

export const profileSchema = z.object(profileFields).superRefine(requireProfessionForProfessionals);
export type ProfileInput = z.infer<typeof profileSchema>;

export const loginSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  terug: z.string().max(500).optional(),
});

export const secondFactorSchema = z.object({
  code: z.string().trim().min(1, 'error.required').max(40, 'accounts.error.codeInvalid'),
  terug: z.string().max(500).optional(),
});

export const tokenSchema = z.object({ token: z.string().trim().min(10, 'accounts.error.tokenInvalid').max(100, 'accounts.error.tokenInvalid') });

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z.object({
  token: z.string().trim().min(10, 'accounts.error.tokenInvalid').max(100, 'accounts.error.tokenInvalid'),
  password: newPasswordField,
});

export const changePasswordSchema = z.object({ currentPassword: currentPasswordField, password: newPasswordField });

export const changeEmailSchema = z.object({ currentPassword: currentPasswordField, email: emailField });

export const deleteAccountSchema = z.object({
  currentPassword: currentPasswordField,
  confirm: z.literal('ja', 'accounts.error.confirmDelete'),
});

export const confirmTwoFactorSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'error.required')
    .regex(/^\d{6}$/, 'accounts.error.codeFormat'),
});

export const disableTwoFactorSchema = z.object({
  currentPassword: currentPasswordField,
  disableCode: z
    .string()
    .trim()
    .min(1, 'error.required')
    .regex(/^\d{6}$/, 'accounts.error.codeFormat'),
});
