import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator, type MessageKey } from './platform/i18n/i18n.js';
import { en, nl } from './messages.js';

test('every Dutch text has an English translation and the same placeholders', () => {
  for (const [key, dutch] of Object.entries(nl)) {
    const english = en[key as MessageKey];
    assert.ok(english && english.trim() !== '', `missing English for ${key}`);
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(placeholders(english), placeholders(dutch), key);
  }
});

// The book's vocabulary table (ch. 10.2): speak of people and their possibilities, not of patients and limitations.
const STIGMATISING = /\b(patiënt(en)?|cliënt(en)?|stoornis(sen)?|beperking(en)?|gebrek(en)?|gestoord|handicap)\b/i;

test('the Dutch interface uses the appreciative vocabulary of the book', () => {
  const offending = Object.entries(nl).filter(([, text]) => STIGMATISING.test(text));
  assert.deepEqual(offending, []);
});

test('placeholders are filled in', () => {
  const t = translator('nl');
  assert.equal(t('layout.loggedInAs', { name: 'Anna' }), 'Ingelogd als Anna');
  assert.equal(translator('en')('layout.loggedInAs', { name: 'Anna' }), 'Logged in as Anna');
});
