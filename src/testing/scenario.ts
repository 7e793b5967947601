import assert from 'node:assert/strict';
import { totpCode, totpStep } from '../platform/auth/totp.js';
import { TEST_PASSWORD, type TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';

export interface Person {
  readonly client: TestClient;
  readonly email: string;
  readonly name: string;
  readonly id: string;
}

let counter = 0;

async function userIdOf(t: TestApp, email: string): Promise<string> {
  const row = await t.deps.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}

/** Registers through the forms, follows the verification mail and logs in. */
export async function registeredPerson(
  t: TestApp,
  overrides: Partial<{ name: string; email: string; profileType: string; professionSlug: string; homeRegionSlug: string }> = {},
): Promise<Person> {
  counter += 1;
  const email = overrides.email ?? `persoon${counter}-${Math.random().toString(36).slice(2, 7)}@example.org`;
  const name = overrides.name ?? `Persoon ${counter}`;
  const client = t.client();
  const res = await client.post('/account/registreren', {
    name,
    email,
    password: TEST_PASSWORD,
    profileType: overrides.profileType ?? 'professional',
    professionSlug: overrides.professionSlug ?? 'jobcoach',
    homeRegionSlug: overrides.homeRegionSlug ?? 'zeeland',
  });
  assert.equal(res.status, 303, `registratie mislukt: ${res.body.slice(0, 2000)}`);
  const link = t.mail.linkTo(email);
  const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
  const verified = await client.post('/account/bevestigen', { token });
  assert.equal(verified.status, 303);
  const login = await client.post('/account/inloggen', { email, password: TEST_PASSWORD });
  assert.equal(login.status, 303, `inloggen mislukt: ${login.body.slice(0, 500)}`);
  return { client, email, name, id: await userIdOf(t, email) };
}

/** Turns on two-factor authentication for a logged-in person and returns the secret. */
export async function enableTwoFactor(t: TestApp, person: { client: TestClient }): Promise<string> {
  await person.client.post('/account/tweestapsverificatie/starten');
  const page = await person.client.get('/account/tweestapsverificatie');
  const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(page.body)?.[1];
  assert.ok(secret, 'geen geheim op de pagina');
  const done = await person.client.post('/account/tweestapsverificatie/bevestigen', { code: totpCode(secret, totpStep(t.deps.clock())) });
  assert.equal(done.status, 200, done.body.slice(0, 500));
  return secret;
}

/** Claims the installation with the setup token and turns on two-factor authentication, as the first administrator must. */
export async function firstAdministrator(t: TestApp): Promise<Person & { secret: string }> {
  const client = t.client();
  const email = 'beheer@example.org';
  const res = await client.post('/installatie', { token: 'setup-token-for-tests-only', name: 'Beheerder', email, password: TEST_PASSWORD });
  assert.equal(res.status, 303, res.body.slice(0, 1000));
  const person = { client, email, name: 'Beheerder', id: await userIdOf(t, email) };
  const secret = await enableTwoFactor(t, person);
  return { ...person, secret };
}

/** Makes a person an administrator directly in the database (for tests that are not about how that happens). */
export async function makeAdministrator(t: TestApp, person: Person): Promise<string> {
  await t.deps.db.kysely.updateTable('users').set({ is_admin: 1 }).where('id', '=', person.id).execute();
  return enableTwoFactor(t, person);
}
