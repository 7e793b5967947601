import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { announceSetupIfNeeded } from './features/setup/setup.service.js';
import { prepareSearch } from './features/search/search.service.js';
import { startReminderSchedule } from './features/workbook/reminders/reminders.service.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const { app, deps } = await buildApp(config);
  await app.listen({ host: config.host, port: config.port });
  await announceSetupIfNeeded(deps);
  // Index the book now rather than on the first search; a failure here only delays search.
  prepareSearch(deps).catch((error: unknown) => app.log.warn(`Zoekindex niet klaar: ${String(error)}`));

  // Daily e-mail about actions that are due; the job itself makes sure nobody gets two in a day.
  const stopReminders = startReminderSchedule(deps);

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    stopReminders();
    app.log.info(`${signal} ontvangen, server stopt`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
