import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, base32Encode, generateTotpSecret, matchTotp, otpauthUri, TOTP_PERIOD_SECONDS, totpCode, totpStep } from './totp.js';

// What must stay the same when the hand-written TOTP makes way for a library (decision 013): secrets people
// already scanned into their authenticator app and the codes those apps show must keep working.

// RFC 6238 appendix B, SHA-1 rows: the ASCII secret "12345678901234567890" and 8-digit codes.
// Ours are 6 digits, which are the last six digits of those (the same truncated value modulo 10^6).
const RFC_SECRET_ASCII = '12345678901234567890';
const RFC_VECTORS: readonly (readonly [seconds: number, eightDigits: string, sixDigits: string])[] = [
  [59, '94287082', '287082'],
  [1111111109, '07081804', '081804'],
  [1111111111, '14050471', '050471'],
  [1234567890, '89005924', '005924'],
  [2000000000, '69279037', '279037'],
];

const RFC_SECRET = base32Encode(Buffer.from(RFC_SECRET_ASCII, 'ascii'));

test('the RFC 6238 secret is the usual base32 text', () => {
  assert.equal(RFC_SECRET, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  assert.equal(base32Decode(RFC_SECRET).toString('ascii'), RFC_SECRET_ASCII);
});

test('our codes are the RFC 6238 SHA-1 test vectors (30 s step, 6 digits)', () => {
  assert.equal(TOTP_PERIOD_SECONDS, 30);
  for (const [seconds, eightDigits, sixDigits] of RFC_VECTORS) {
    assert.equal(sixDigits, eightDigits.slice(-6));
    const now = new Date(seconds * 1000);
    assert.equal(totpStep(now), Math.floor(seconds / 30), `step at ${seconds}`);
    assert.equal(totpCode(RFC_SECRET, totpStep(now)), sixDigits, `code at ${seconds}`);
    assert.equal(matchTotp(RFC_SECRET, sixDigits, now), totpStep(now), `accepted at ${seconds}`);
    assert.equal(matchTotp(RFC_SECRET, ` ${sixDigits.slice(0, 3)} ${sixDigits.slice(3)} `, now), totpStep(now), `spaces at ${seconds}`);
    assert.equal(matchTotp(RFC_SECRET, eightDigits, now), null, `8 digits are not accepted at ${seconds}`);
  }
});

test('the window is exactly one step either way', () => {
  for (const [seconds] of RFC_VECTORS) {
    const now = new Date(seconds * 1000);
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) assert.equal(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + offset), now), step + offset);
    for (const offset of [-3, -2, 2, 3]) {
      if (step + offset < 0) continue;
      const code = totpCode(RFC_SECRET, step + offset);
      const inWindow = [-1, 0, 1].some((near) => totpCode(RFC_SECRET, step + near) === code);
      if (!inWindow) assert.equal(matchTotp(RFC_SECRET, code, now), null, `offset ${offset} at ${seconds}`);
    }
  }
});

test('base32 follows RFC 4648 (section 10 vectors, without padding)', () => {
  const vectors: readonly (readonly [string, string])[] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];
  for (const [plain, encoded] of vectors) {
    assert.equal(base32Encode(Buffer.from(plain, 'ascii')), encoded);
    assert.equal(base32Decode(encoded).toString('ascii'), plain);
  }
});

test('base32 decoding accepts padding, lower case and spaces, and refuses other characters', () => {
  assert.equal(base32Decode('MZXW6YQ=').toString('ascii'), 'foob');
  assert.equal(base32Decode('mzxw 6ytb oi').toString('ascii'), 'foobar');
  assert.throws(() => base32Decode('MZXW1'));
  assert.throws(() => base32Decode('MZXW8'));
});

test('base32 round-trips every length and every byte value', () => {
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  for (let length = 0; length <= 41; length += 1) {
    const bytes = all.subarray(length * 5, length * 5 + length);
    assert.deepEqual(base32Decode(base32Encode(bytes)), bytes, `length ${length}`);
  }
  assert.deepEqual(base32Decode(base32Encode(all)), all);
});

test('new secrets are 160 bits, as RFC 4226 recommends for SHA-1, and work with the codes', () => {
  const secret = generateTotpSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.equal(base32Decode(secret).length, 20);
  const now = new Date(1_765_000_000_000);
  assert.equal(matchTotp(secret, totpCode(secret, totpStep(now)), now), totpStep(now));
});

test('the enrolment URI names SHA-1, 6 digits and 30 seconds', () => {
  const uri = new URL(otpauthUri('Werkplaats MMM', 'anna@example.org', RFC_SECRET));
  assert.equal(uri.protocol, 'otpauth:');
  assert.equal(uri.searchParams.get('secret'), RFC_SECRET);
  assert.equal(uri.searchParams.get('algorithm'), 'SHA1');
  assert.equal(uri.searchParams.get('digits'), '6');
  assert.equal(uri.searchParams.get('period'), '30');
});
