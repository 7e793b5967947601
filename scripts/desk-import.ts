// node --import tsx scripts/desk-import.ts <regio-slug> <bestand.json>
// Imports a social map in Open Referral HSDS 3.0 (JSON) into a region's desk, with the same checks as the
// coordinator's import page: all or nothing, problems per organisation with their line numbers.
import '../src/messages.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/platform/config.js';
import { createDb } from '../src/platform/db/create-db.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { migrations } from '../migrations/index.js';
import { translator } from '../src/platform/i18n/i18n.js';
import { formatImportProblem } from '../src/features/desk/social-map/hsds.js';
import { importSocialMap } from '../src/features/desk/social-map/social-map.service.js';
import { runCommand } from './run-command.js';

const USAGE = `Gebruik: node --import tsx scripts/desk-import.ts <regio-slug> <bestand.json>

Leest een sociale kaart in het formaat Open Referral HSDS 3.0 (JSON) in voor het loket van een regio,
in de database van deze installatie (DATA_DIR / DATABASE_URL). Organisaties met een id dat al bestaat
worden bijgewerkt. Klopt er iets niet, dan wordt niets ingelezen en staan de problemen hieronder.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const [regionSlug, file, ...rest] = args;
  if (!regionSlug || !file || rest.length > 0 || args.some((a) => a.startsWith('-'))) {
    console.error(`Verkeerde argumenten: ${args.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(path.resolve(file), 'utf8');
  } catch {
    console.error(`Het bestand ${file} kon niet worden gelezen.`);
    return 2;
  }
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  try {
    await migrateToLatest(db, migrations);
    const started = Date.now();
    const outcome = await importSocialMap(db.kysely, regionSlug, text, null, new Date());
    const t = translator('nl');
    if (!outcome.ok) {
      console.error(`Niets ingelezen: ${outcome.problems.length === 1 ? '1 probleem' : `${outcome.problems.length} problemen`}.`);
      for (const problem of outcome.problems) console.error(`- ${formatImportProblem(t, problem)}`);
      return 1;
    }
    const c = outcome.counts;
    console.log(
      [
        `Ingelezen in ${((Date.now() - started) / 1000).toFixed(1)} s voor ${regionSlug}:`,
        `  ${t('desk.socialMap.import.count.organisations', { count: c.organisations })} (${outcome.created} nieuw, ${outcome.updated} bijgewerkt)`,
        `  ${t('desk.socialMap.import.count.services', { count: c.services })}`,
        `  ${t('desk.socialMap.import.count.locations', { count: c.locations })}`,
        `  ${t('desk.socialMap.import.count.contacts', { count: c.contacts })}`,
        `  ${t('desk.socialMap.import.count.phones', { count: c.phones })}`,
        `  ${t('desk.socialMap.import.count.schedules', { count: c.schedules })}`,
        `  ${t('desk.socialMap.import.count.serviceAtLocations', { count: c.serviceAtLocations })}`,
      ].join('\n'),
    );
    return 0;
  } finally {
    await db.close();
  }
}

runCommand(main, 'Inlezen van de sociale kaart mislukt');
