import type { Queryable } from '../../../platform/db/database.js';

/** Which items to read: all of the region's, or only these (by id; pages and glossary words by slug). */
export interface DeskItemFilter {
  readonly organisations?: readonly string[];
  readonly services?: readonly string[];
  readonly employers?: readonly string[];
  readonly vacancies?: readonly string[];
  readonly faqs?: readonly string[];
  readonly pages?: readonly string[];
  readonly terms?: readonly string[];
  readonly groups?: readonly string[];
}

const none = Promise.resolve([]);

/**
 * The region's public items, with what their search documents need: nothing pending, hidden or withdrawn.
 * With a filter, only the items it names; a service of a named organisation and a vacancy of a named
 * employer count as named. Expired vacancies are included: the search leaves them out by date.
 */
export async function selectPublicDeskItems(db: Queryable, regionSlug: string, filter?: DeskItemFilter) {
  const wanted = (list: readonly string[] | undefined) => filter === undefined || (list !== undefined && list.length > 0);
  const [organisations, services, employers, vacancies, faqs, pages, terms, groups] = await Promise.all([
    wanted(filter?.organisations)
      ? db
          .selectFrom('desk_organisations')
          .select(['id', 'name', 'alternate_name', 'description'])
          .where('region_slug', '=', regionSlug)
          .where('status', '=', 'published')
          .$if(filter !== undefined, (q) => q.where('id', 'in', filter!.organisations!))
          .execute()
      : none,
    wanted(filter?.services) || wanted(filter?.organisations)
      ? db
          .selectFrom('desk_services as s')
          .innerJoin('desk_organisations as o', 'o.id', 's.organisation_id')
          .select(['s.id', 's.name', 's.description', 's.for_whom', 's.how_to_apply', 's.cost', 'o.name as organisation_name'])
          .where('o.region_slug', '=', regionSlug)
          .where('o.status', '=', 'published')
          .where('s.status', '=', 'active')
          .$if(filter !== undefined, (q) =>
            q.where((eb) => eb.or([eb('s.id', 'in', [...(filter!.services ?? []), '']), eb('o.id', 'in', [...(filter!.organisations ?? []), ''])])),
          )
          .execute()
      : none,
    wanted(filter?.employers)
      ? db
          .selectFrom('desk_employers')
          .select(['id', 'name', 'description', 'offers_adjustments', 'offers_guidance', 'offers_trial_placements', 'city'])
          .where('region_slug', '=', regionSlug)
          .where('status', '=', 'verified')
          .$if(filter !== undefined, (q) => q.where('id', 'in', filter!.employers!))
          .execute()
      : none,
    wanted(filter?.vacancies) || wanted(filter?.employers)
      ? db
          .selectFrom('desk_vacancies as v')
          .innerJoin('desk_employers as e', 'e.id', 'v.employer_id')
          .select(['v.id', 'v.title', 'v.what_you_do', 'v.hours', 'v.place', 'v.help_available', 'v.what_we_ask', 'v.expires_on', 'e.name as employer_name'])
          .where('v.region_slug', '=', regionSlug)
          .where('v.status', '=', 'published')
          .where('e.status', '=', 'verified')
          .$if(filter !== undefined, (q) =>
            q.where((eb) => eb.or([eb('v.id', 'in', [...(filter!.vacancies ?? []), '']), eb('e.id', 'in', [...(filter!.employers ?? []), ''])])),
          )
          .execute()
      : none,
    wanted(filter?.faqs)
      ? db
          .selectFrom('desk_faqs')
          .select(['id', 'question', 'answer'])
          .where('region_slug', '=', regionSlug)
          .where('status', '=', 'published')
          .$if(filter !== undefined, (q) => q.where('id', 'in', filter!.faqs!))
          .execute()
      : none,
    wanted(filter?.pages)
      ? db
          .selectFrom('desk_pages')
          .select(['slug', 'region_slug', 'title', 'summary', 'body'])
          .where((eb) => eb.or([eb('region_slug', '=', regionSlug), eb('region_slug', 'is', null)]))
          .$if(filter !== undefined, (q) => q.where('slug', 'in', filter!.pages!))
          .execute()
      : none,
    wanted(filter?.terms)
      ? db
          .selectFrom('desk_glossary')
          .select(['slug', 'region_slug', 'term', 'variants', 'explanation'])
          .where((eb) => eb.or([eb('region_slug', '=', regionSlug), eb('region_slug', 'is', null)]))
          .$if(filter !== undefined, (q) => q.where('slug', 'in', filter!.terms!))
          .execute()
      : none,
    wanted(filter?.groups)
      ? db
          .selectFrom('desk_groups')
          .select(['id', 'name', 'description', 'for_whom'])
          .where('region_slug', '=', regionSlug)
          .where('status', '=', 'published')
          .$if(filter !== undefined, (q) => q.where('id', 'in', filter!.groups!))
          .execute()
      : none,
  ]);
  return { organisations, services, employers, vacancies, faqs, pages, terms, groups };
}

/** Every service of these organisations and every vacancy of these employers, whatever their status. */
export async function selectDependentIds(db: Queryable, organisationIds: readonly string[], employerIds: readonly string[]) {
  const [services, vacancies] = await Promise.all([
    organisationIds.length > 0 ? db.selectFrom('desk_services').select('id').where('organisation_id', 'in', organisationIds).execute() : none,
    employerIds.length > 0 ? db.selectFrom('desk_vacancies').select('id').where('employer_id', 'in', employerIds).execute() : none,
  ]);
  return { services: services.map((s) => s.id), vacancies: vacancies.map((v) => v.id) };
}
