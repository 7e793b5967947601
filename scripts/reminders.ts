// npm run reminders
// Sends today's reminders about actions once, as the server's hourly schedule would. Safe to run
// next to a running server and more than once a day: each person gets at most one e-mail per day.
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { runDailyReminders } from '../src/features/workbook/reminders/reminders.service.js';
import { runCommand } from './run-command.js';

const USAGE = `Gebruik: npm run reminders

Stuurt vandaag de herinneringen over acties die bijna moeten gebeuren of te laat zijn,
met de database en e-mailinstellingen van deze installatie (DATA_DIR / DATABASE_URL / SMTP_URL).
Wie vandaag al een herinnering kreeg, krijgt er geen tweede.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (args.length > 0) {
    console.error(`Onbekende argumenten: ${args.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  // The app's own wiring picks the database, runs migrations and chooses SMTP or the outbox.
  const { app, deps } = await buildApp(config, { logger: false });
  try {
    const result = await runDailyReminders({ ...deps, log: { info: (m) => console.log(m), warn: (m) => console.error(m) } });
    const mails = result.users === 1 ? '1 e-mail' : `${result.users} e-mails`;
    const actions = result.actions === 1 ? '1 actie' : `${result.actions} acties`;
    const failed = result.failed > 0 ? ` ${result.failed} niet gelukt; die worden bij de volgende keer opnieuw geprobeerd.` : '';
    console.log(`Herinneringen: ${mails} verstuurd over ${actions}.${failed}`);
    return result.failed > 0 ? 1 : 0;
  } finally {
    await app.close();
  }
}

runCommand(main, 'Herinneringen versturen mislukt');
