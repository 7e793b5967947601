import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'mmm-config-'));
}

test('defaults: SQLite file in the data folder, port 3000, secrets generated once and kept private', () => {
  const dir = tempDir();
  try {
    const config = loadConfig({ DATA_DIR: dir });
    assert.equal(config.port, 3000);
    assert.equal(config.baseUrl, 'http://localhost:3000');
    assert.equal(config.databaseUrl, `sqlite:${path.join(dir, 'werkplaats.sqlite')}`);
    const file = path.join(dir, 'secrets.json');
    assert.ok(existsSync(file));
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(loadConfig({ DATA_DIR: dir }).sessionSecret, config.sessionSecret);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).sessionSecret, config.sessionSecret);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad variable stops the start with a message naming it', () => {
  const dir = tempDir();
  try {
    for (const [name, value] of [
      ['PORT', 'drieduizend'],
      ['BASE_URL', 'ftp://x'],
      ['DATABASE_URL', 'mysql://x'],
      ['SMTP_URL', 'http://mail'],
      ['SESSION_SECRET', 'kort'],
    ] as const) {
      assert.throws(
        () => loadConfig({ DATA_DIR: dir, [name]: value }),
        (error: unknown) => error instanceof ConfigError && error.message.includes(name) && error.message.includes(value),
        name,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('https base URL marks the installation secure; the test hash cost is refused in production', () => {
  const dir = tempDir();
  try {
    assert.equal(loadConfig({ DATA_DIR: dir, BASE_URL: 'https://mmm.example.org/' }).secure, true);
    assert.equal(loadConfig({ DATA_DIR: dir, BASE_URL: 'https://mmm.example.org/' }).baseUrl, 'https://mmm.example.org');
    assert.throws(() => loadConfig({ DATA_DIR: dir, NODE_ENV: 'production', PASSWORD_HASH_COST: 'test' }), /PASSWORD_HASH_COST/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
