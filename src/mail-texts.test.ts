import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { isMessageKey, type MessageKey } from './platform/i18n/i18n.js';
import { en, nl } from './messages.js';

// Every e-mail the platform sends takes its subject and body from the message catalogue, under a key with
// ".mail." in it, so that each one has its English text beside the Dutch one.
const MAIL_KEY = /\.mail\./;

const root = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.messages.ts') ? [full] : [];
  });
}

const sources = sourceFiles(root).map((file) => ({ file: path.relative(root, file), text: readFileSync(file, 'utf8') }));

/** The argument text of every `mailer.send(...)` call, found by balancing the parentheses. */
function sendCalls(text: string): string[] {
  const calls: string[] = [];
  for (const match of text.matchAll(/mailer\.send\(/g)) {
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    while (end < text.length && depth > 0) {
      if (text[end] === '(') depth += 1;
      if (text[end] === ')') depth -= 1;
      end += 1;
    }
    calls.push(text.slice(start, end - 1));
  }
  return calls;
}

function stringLiterals(code: string): string[] {
  return [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const mailKeys = (Object.keys(nl) as MessageKey[]).filter((key) => MAIL_KEY.test(key));

test('the scan finds the places that send e-mail', () => {
  const senders = sources.filter((s) => sendCalls(s.text).length > 0).map((s) => s.file.split(path.sep).join('/'));
  for (const known of ['features/accounts/accounts.service.ts', 'features/desk/questions/questions.service.ts', 'features/workbook/reminders/reminders.service.ts']) {
    assert.ok(senders.includes(known), `${known} sends e-mail but the scan missed it`);
  }
});

test('no e-mail is written out in the code: every text in a send call is an e-mail message key', () => {
  for (const source of sources) {
    for (const call of sendCalls(source.text)) {
      for (const found of stringLiterals(call)) {
        const literal = found.replace(/\$\{[^}]*\}/g, '');
        if (!/\p{L}/u.test(literal) || /^\/[\w./-]*$/.test(literal)) continue; // '\n', addresses such as '/account/bevestigen'
        assert.ok(
          MAIL_KEY.test(literal) && isMessageKey(literal),
          `${source.file}: the e-mail text "${literal}" is not in the message catalogue; put it in the feature's messages with nl and en`,
        );
      }
    }
  }
});

test('every e-mail text the code uses is in the catalogue, in Dutch and in English', () => {
  const used = new Set(sources.flatMap((s) => stringLiterals(s.text).filter((literal) => MAIL_KEY.test(literal) && /^[\w.]+$/.test(literal))));
  assert.ok(used.size > 0);
  for (const key of used) {
    assert.ok(isMessageKey(key), `unknown e-mail text ${key}`);
  }
});

test('every e-mail template has a real English translation with the same placeholders', () => {
  // The e-mails known today; a new one joins by its keys, a removed one leaves a stale entry here.
  const templates = [
    'accounts.mail.verify',
    'accounts.mail.reset',
    'accounts.mail.emailChange',
    'accounts.mail.emailChangeNotice',
    'teams.mail.invite',
    'workbook.mail.invite',
    'reminders.mail',
    'desk.questions.mail.received',
    'desk.questions.mail.routed',
    'desk.questions.mail.answer',
    'desk.employers.mail',
    'desk.socialMap.rep.mail',
  ];
  for (const template of templates) {
    assert.ok(
      mailKeys.some((key) => key.startsWith(`${template}.`)),
      `no texts for the e-mail ${template}`,
    );
  }
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of mailKeys) {
    const dutch = nl[key];
    const english = en[key];
    assert.ok(english && english.trim() !== '', `missing English for ${key}`);
    assert.notEqual(english, dutch, `the English of ${key} is still the Dutch text`);
    assert.deepEqual(placeholders(english), placeholders(dutch), key);
  }
});
