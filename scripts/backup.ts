// npm run backup -- [doelbestand]
// Makes a checked backup of the SQLite database while the server may keep running. See docs/decisions/003-backups.md.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/platform/config.js';
import { runCommand } from './run-command.js';
import { backupSqlite, defaultBackupFile, sqliteFileOfUrl } from '../src/platform/db/backup.js';
import { createDb, dialectOfUrl } from '../src/platform/db/create-db.js';

const USAGE = `Gebruik: npm run backup -- [doelbestand]

Maakt een back-up van de SQLite-database van deze installatie (DATA_DIR / DATABASE_URL),
ook terwijl de server draait. Zonder doelbestand komt de back-up in <DATA_DIR>/backups/.
Een bestaand bestand wordt nooit overschreven. Bij PostgreSQL: gebruik pg_dump.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a.startsWith('-'));
  if (unknown.length > 0 || args.length > 1) {
    console.error(`Onbekende of te veel argumenten: ${args.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  if (dialectOfUrl(config.databaseUrl) !== 'sqlite') {
    console.error(
      'Deze installatie gebruikt PostgreSQL; dit commando maakt alleen back-ups van SQLite.\n' +
        'Maak de back-up met pg_dump, bijvoorbeeld:\n  pg_dump --format=custom --file=werkplaats.dump "$DATABASE_URL"\n' +
        'Zie docs/decisions/003-backups.md.',
    );
    return 1;
  }
  const databaseFile = sqliteFileOfUrl(config.databaseUrl);
  if (!existsSync(databaseFile)) {
    console.error(`Geen database gevonden op ${databaseFile}. Klopt DATA_DIR of DATABASE_URL?`);
    return 1;
  }
  const target = path.resolve(args[0] ?? defaultBackupFile(config.dataDir, new Date()));
  const db = createDb(config.databaseUrl);
  try {
    await backupSqlite(db, target);
  } finally {
    await db.close();
  }
  const size = (statSync(target).size / 1024 / 1024).toFixed(1);
  console.log(`Back-up gemaakt en gecontroleerd (integrity_check: ok), ${size} MB:\n${target}`);
  return 0;
}

runCommand(main, 'Back-up mislukt');
