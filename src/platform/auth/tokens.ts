import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** An opaque random token (128 bits by default), safe in URLs and cookies. */
export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as hashes so that a leaked database does not leak live links or sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newId(): string {
  return randomUUID();
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
