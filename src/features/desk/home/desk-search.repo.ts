import type { Queryable } from '../../../platform/db/database.js';

/** The region's public items, with what their search documents need: nothing pending, hidden, withdrawn or expired. */
export async function selectPublicDeskItems(db: Queryable, regionSlug: string, today: string) {
  const [organisations, services, employers, vacancies, faqs, pages, terms, groups] = await Promise.all([
    db
      .selectFrom('desk_organisations')
      .select(['id', 'name', 'alternate_name', 'description'])
      .where('region_slug', '=', regionSlug)
      .where('status', '=', 'published')
      .execute(),
    db
      .selectFrom('desk_services as s')
      .innerJoin('desk_organisations as o', 'o.id', 's.organisation_id')
      .select(['s.id', 's.name', 's.description', 's.for_whom', 's.how_to_apply', 's.cost', 'o.name as organisation_name'])
      .where('o.region_slug', '=', regionSlug)
      .where('o.status', '=', 'published')
      .where('s.status', '=', 'active')
      .execute(),
    db
      .selectFrom('desk_employers')
      .select(['id', 'name', 'description', 'offers_adjustments', 'offers_guidance', 'offers_trial_placements', 'city'])
      .where('region_slug', '=', regionSlug)
      .where('status', '=', 'verified')
      .execute(),
    db
      .selectFrom('desk_vacancies as v')
      .innerJoin('desk_employers as e', 'e.id', 'v.employer_id')
      .select(['v.id', 'v.title', 'v.what_you_do', 'v.hours', 'v.place', 'v.help_available', 'v.what_we_ask', 'e.name as employer_name'])
      .where('v.region_slug', '=', regionSlug)
      .where('v.status', '=', 'published')
      .where('v.expires_on', '>=', today)
      .where('e.status', '=', 'verified')
      .execute(),
    db.selectFrom('desk_faqs').select(['id', 'question', 'answer']).where('region_slug', '=', regionSlug).where('status', '=', 'published').execute(),
    db
      .selectFrom('desk_pages')
      .select(['slug', 'region_slug', 'title', 'summary', 'body'])
      .where((eb) => eb.or([eb('region_slug', '=', regionSlug), eb('region_slug', 'is', null)]))
      .execute(),
    db
      .selectFrom('desk_glossary')
      .select(['slug', 'region_slug', 'term', 'variants', 'explanation'])
      .where((eb) => eb.or([eb('region_slug', '=', regionSlug), eb('region_slug', 'is', null)]))
      .execute(),
    db.selectFrom('desk_groups').select(['id', 'name', 'description', 'for_whom']).where('region_slug', '=', regionSlug).where('status', '=', 'published').execute(),
  ]);
  return { organisations, services, employers, vacancies, faqs, pages, terms, groups };
}

/** How many national scheme pages and glossary terms there are and when they last changed. */
export function selectNationalSchemeVersion(db: Queryable) {
  return db
    .selectNoFrom((eb) => [
      eb.selectFrom('desk_pages').select((e) => e.fn.max('updated_at').as('m')).where('region_slug', 'is', null).as('pages_at'),
      eb.selectFrom('desk_pages').select((e) => e.fn.countAll().as('n')).where('region_slug', 'is', null).as('pages'),
      eb.selectFrom('desk_glossary').select((e) => e.fn.max('updated_at').as('m')).where('region_slug', 'is', null).as('terms_at'),
      eb.selectFrom('desk_glossary').select((e) => e.fn.countAll().as('n')).where('region_slug', 'is', null).as('terms'),
    ])
    .executeTakeFirstOrThrow();
}
