// npm run restore -- <back-upbestand> [--force]
// Puts a backup in place as the SQLite database of this installation. The server must be stopped first.
import { loadConfig } from '../src/platform/config.js';
import { runCommand } from './run-command.js';
import { restoreSqlite, sqliteFileOfUrl } from '../src/platform/db/backup.js';
import { dialectOfUrl } from '../src/platform/db/create-db.js';

const USAGE = `Gebruik: npm run restore -- <back-upbestand> [--force]

Zet een back-up (gemaakt met npm run backup) terug als de SQLite-database van deze installatie
(DATA_DIR / DATABASE_URL). Stop eerst de server. Staat er al een database, dan is --force nodig;
de bestaande database wordt dan bewaard als <bestand>.voor-herstel-<tijdstip>, niet verwijderd.
Bij PostgreSQL: gebruik pg_restore.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const force = args.includes('--force');
  const positional = args.filter((a) => !a.startsWith('-'));
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--force');
  if (unknown.length > 0 || positional.length !== 1) {
    console.error(`${positional.length === 0 ? 'Geef het back-upbestand op.' : `Onbekende of te veel argumenten: ${args.join(' ')}`}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  if (dialectOfUrl(config.databaseUrl) !== 'sqlite') {
    console.error(
      'Deze installatie gebruikt PostgreSQL; dit commando zet alleen SQLite-back-ups terug.\n' +
        'Gebruik pg_restore met een dump van pg_dump, bijvoorbeeld:\n  pg_restore --clean --if-exists --dbname="$DATABASE_URL" werkplaats.dump\n' +
        'Zie docs/decisions/003-backups.md.',
    );
    return 1;
  }
  const target = sqliteFileOfUrl(config.databaseUrl);
  const result = await restoreSqlite(positional[0]!, target, { force });
  console.log(`Back-up gecontroleerd (integrity_check: ok) en teruggezet:\n  ${positional[0]} -> ${result.target}`);
  if (result.previousMovedTo) console.log(`De vorige database is bewaard als:\n  ${result.previousMovedTo}`);
  console.log('Start de server nu weer; nieuwe migraties worden bij het starten toegepast.');
  return 0;
}

runCommand(main, 'Terugzetten mislukt');
