import { readFileSync } from 'node:fs';
import { fromRoot } from '../paths.js';

let list: Set<string> | undefined;

function load(): Set<string> {
  const text = readFileSync(fromRoot('src', 'platform', 'auth', 'common-passwords.txt'), 'utf8');
  return new Set(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

/** True when the password (ignoring case and surrounding spaces) is on the bundled list. */
export function isCommonPassword(password: string): boolean {
  list ??= load();
  return list.has(password.trim().toLowerCase());
}
