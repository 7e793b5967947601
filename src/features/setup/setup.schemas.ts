import { z } from 'zod';
import { emailField } from '../../platform/http/fields.js';
import { nameField, newPasswordField } from '../accounts/accounts.schemas.js';

export const setupSchema = z.object({
  token: z.string().trim().min(1, 'error.required').max(200, 'setup.error.token'),
  name: nameField,
  email: emailField,
  password: newPasswordField,
});
