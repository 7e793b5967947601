import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCommonPassword } from './common-passwords.js';
import { PasswordHasher, STANDARD_COST, TEST_COST } from './passwords.js';

test('hashes with argon2id at the standard cost and verifies', async () => {
  const hasher = new PasswordHasher(STANDARD_COST);
  const hash = await hasher.hash('een lange zin als wachtwoord');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await hasher.verify(hash, 'een lange zin als wachtwoord'), true);
  assert.equal(await hasher.verify(hash, 'een andere zin'), false);
  assert.equal(await hasher.verify('geen hash', 'x'), false);
});

test('asks for a rehash when the parameters change', async () => {
  const cheap = await new PasswordHasher(TEST_COST).hash('wachtwoord van tien');
  assert.equal(new PasswordHasher(STANDARD_COST).needsRehash(cheap), true);
  assert.equal(new PasswordHasher(TEST_COST).needsRehash(cheap), false);
});

test('limits how many hashes run at once', async () => {
  const hasher = new PasswordHasher(TEST_COST, 1);
  const results = await Promise.all(Array.from({ length: 5 }, (_, i) => hasher.hash(`wachtwoord nummer ${i}`)));
  assert.equal(new Set(results).size, 5);
});

test('the bundled list refuses the usual suspects, case-insensitively', () => {
  assert.equal(isCommonPassword('wachtwoord123'), true);
  assert.equal(isCommonPassword('Welkom2024'), true);
  assert.equal(isCommonPassword('QWERTYUIOP'), true);
  assert.equal(isCommonPassword('1234567890'), true);
  assert.equal(isCommonPassword('een lange zin als wachtwoord'), false);
});
