import type { Kysely } from 'kysely';

// The 35 Dutch labour-market regions (arbeidsmarktregio's), in the order the government lists them.
const REGION_NAMES = [
  'Groningen', 'Friesland', 'Drenthe', 'Regio Zwolle', 'Stedendriehoek en Noordwest-Veluwe', 'Twente',
  'Achterhoek', 'Midden-Gelderland', 'Rijk van Nijmegen', 'FoodValley', 'Rivierenland', 'Amersfoort',
  'Midden-Utrecht', 'Gooi en Vechtstreek', 'Zaanstreek/Waterland', 'Noord-Holland Noord', 'Groot Amsterdam',
  'Zuid-Kennemerland en IJmond', 'Flevoland', 'Holland Rijnland', 'Zuid-Holland Centraal', 'Haaglanden',
  'Midden-Holland', 'Rijnmond', 'Drechtsteden', 'Gorinchem', 'Zeeland', 'West-Brabant', 'Midden-Brabant',
  'Noordoost-Brabant', 'Helmond-De Peel', 'Zuidoost-Brabant', 'Noord-Limburg', 'Midden-Limburg', 'Zuid-Limburg',
];

export function regionSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = REGION_NAMES.map((name, index) => ({ slug: regionSlug(name), name, sort_order: index + 1 }));
  await (db as Kysely<{ regions: { slug: string; name: string; sort_order: number } }>)
    .insertInto('regions')
    .values(rows)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await (db as Kysely<{ regions: { slug: string } }>).deleteFrom('regions').execute();
}
