import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { signedInUserId as userId } from '../../../platform/auth/principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { parseForm } from '../../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import { REMINDER_SETTINGS_PATH, remindersEnabled, setRemindersEnabled } from './reminders.service.js';
import { REMINDERS_FIELD, REMINDERS_ON, ReminderSettingsPage } from './reminders.views.js';

// An unticked checkbox sends nothing, so anything but "aan" means off; the form cannot fail.
const reminderSettingsSchema = z.object({ [REMINDERS_FIELD]: z.string().optional() });

export const reminderRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  app.get(REMINDER_SETTINGS_PATH, { config: { permission: 'authenticated' } }, async (request, reply) => {
    const enabled = await remindersEnabled(db, userId(request));
    return sendPage(request, reply, (ctx) => ReminderSettingsPage({ ctx, enabled }));
  });

  app.post(REMINDER_SETTINGS_PATH, { config: { permission: 'authenticated' } }, async (request, reply) => {
    const form = parseForm(reminderSettingsSchema, request.body);
    const enabled = form.ok && form.data[REMINDERS_FIELD] === REMINDERS_ON;
    await inTransaction(deps, (tx) => setRemindersEnabled(tx, deps, userId(request), enabled));
    return redirectAfterPost(reply, REMINDER_SETTINGS_PATH, 'reminders.prefs.saved');
  });
};
