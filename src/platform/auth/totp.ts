import { Secret, TOTP } from 'otpauth';

// Time-based one-time passwords as authenticator apps expect them (RFC 6238: SHA-1, 30 s, 6 digits),
// computed by the otpauth library (decision 013); this module keeps the platform's small API over it.
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
const ALGORITHM = 'SHA1';
/** One step of clock drift either way. */
const WINDOW = 1;

export function base32Encode(bytes: Buffer): string {
  // otpauth pads with '='; the secrets we store and show have never carried padding.
  return new Secret({ buffer: Uint8Array.from(bytes).buffer }).base32.replace(/=+$/, '');
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  if (!/^[A-Z2-7]*$/.test(clean)) throw new Error('Ongeldige base32-tekst');
  return Buffer.from(Secret.fromBase32(clean).bytes);
}

export function generateTotpSecret(): string {
  return base32Encode(Buffer.from(new Secret({ size: 20 }).bytes));
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

function totpOf(secret: string): TOTP {
  return new TOTP({ secret: new Secret({ buffer: Uint8Array.from(base32Decode(secret)).buffer }), algorithm: ALGORITHM, digits: DIGITS, period: TOTP_PERIOD_SECONDS });
}

export function totpCode(secret: string, step: number): string {
  return totpOf(secret).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/** The time step a code belongs to (allowing one step of clock drift either way), or null when it does not match. */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  const clean = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totpOf(secret).validate({ token: clean, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : totpStep(now) + delta;
}

export function otpauthUri(issuer: string, account: string, secret: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const params = new URLSearchParams({ secret, issuer, algorithm: ALGORITHM, digits: String(DIGITS), period: String(TOTP_PERIOD_SECONDS) });
  return `otpauth://totp/${label}?${params.toString()}`;
}
