import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, base32Encode, matchTotp, otpauthUri, totpCode, totpStep } from './totp.js';

// RFC 6238 appendix B uses the ASCII secret "12345678901234567890" with SHA-1 and 8 digits;
// the 6-digit codes are the last six digits of those values.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

test('produces the RFC 6238 reference codes', () => {
  assert.equal(totpCode(RFC_SECRET, totpStep(new Date(59 * 1000))), '287082');
  assert.equal(totpCode(RFC_SECRET, totpStep(new Date(1111111109 * 1000))), '081804');
  assert.equal(totpCode(RFC_SECRET, totpStep(new Date(1234567890 * 1000))), '005924');
  assert.equal(totpCode(RFC_SECRET, totpStep(new Date(2000000000 * 1000))), '279037');
});

test('base32 round-trips arbitrary bytes', () => {
  const bytes = Buffer.from([0, 1, 2, 250, 251, 255, 17]);
  assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
});

test('accepts one step of clock drift and nothing more', () => {
  const now = new Date(1_700_000_000_000);
  const step = totpStep(now);
  assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), now), step - 1);
  assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), now), step + 1);
  assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 3), now), null);
  assert.equal(matchTotp(RFC_SECRET, 'abcdef', now), null);
});

test('builds an otpauth URI that authenticator apps understand', () => {
  const uri = otpauthUri('Werkplaats MMM', 'anna@example.org', 'ABC');
  assert.match(uri, /^otpauth:\/\/totp\/Werkplaats%20MMM%3Aanna%40example\.org\?secret=ABC&issuer=Werkplaats\+MMM/);
});
