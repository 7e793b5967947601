import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { enableTwoFactor, registeredPerson, type Person } from './scenario.js';
import type { TestApp } from './test-app.js';

/** A coordinator of a region, appointed by the administrator, with two-factor authentication on. */
export async function appointCoordinator(t: TestApp, admin: Person, regionSlug: string, name = `Coördinator ${regionSlug}`): Promise<Person> {
  const person = await registeredPerson(t, { name });
  const res = await admin.client.post(`/beheer/regios/${regionSlug}/coordinatoren`, { email: person.email });
  assert.equal(res.status, 303, res.body.slice(0, 1000));
  await enableTwoFactor(t, person);
  return person;
}

export interface OrganisationSeed {
  readonly status?: 'published' | 'pending';
  readonly kind?: string;
  readonly description?: string;
}

/** An organisation on the social map, written straight to the database so a test can start from it. */
export async function insertOrganisation(t: TestApp, regionSlug: string, name: string, seed: OrganisationSeed = {}): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await t.deps.db.kysely
    .insertInto('desk_organisations')
    .values({
      id,
      region_slug: regionSlug,
      name,
      alternate_name: null,
      description: seed.description ?? `${name} helpt mensen aan werk.`,
      email: null,
      website: null,
      kind: seed.kind ?? 'overig',
      status: seed.status ?? 'published',
      created_by: null,
      created_at: now,
      updated_by: null,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

/** Makes a person a representative of an organisation, as the coordinator would. */
export async function appointRepresentative(t: TestApp, organisationId: string, person: Person): Promise<void> {
  await t.deps.db.kysely
    .insertInto('desk_organisation_representatives')
    .values({ organisation_id: organisationId, user_id: person.id, appointed_by: null, appointed_at: new Date().toISOString() })
    .execute();
}
