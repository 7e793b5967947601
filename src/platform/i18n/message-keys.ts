import { nl, type MessageKey } from './messages.nl.js';

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(nl, value);
}
