import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrations as sqlite } from '../../../src/store/sqlite/migrations/index.js';
import { migrations as postgres } from '../../../src/store/postgres/migrations/index.js';
import { ordered } from '../../../src/store/migration.js';

/** Migration files of a dialect folder (source or compiled), by name. */
function files(dialect: string): string[] {
  const dir = fileURLToPath(new URL(`../../../src/store/${dialect}/migrations/`, import.meta.url));
  return readdirSync(dir)
    .filter((f) => /^\d{4}-.*\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.(ts|js)$/, ''))
    .sort();
}

test('migrations list every migration file of each dialect, in order, under its file name', () => {
  assert.deepEqual(
    sqlite.map((m) => m.name),
    files('sqlite'),
  );
  assert.deepEqual(
    postgres.map((m) => m.name),
    files('postgres'),
  );
});

test('migrations have the same names in both dialects', () => {
  assert.deepEqual(
    sqlite.map((m) => m.name),
    postgres.map((m) => m.name),
  );
});

test('migrations ordered sorts by name and rejects a duplicate name', () => {
  assert.deepEqual(
    ordered([{ name: '0002-b' }, { name: '0001-a' }]).map((m) => m.name),
    ['0001-a', '0002-b'],
  );
  assert.throws(() => ordered([{ name: '0001-a' }, { name: '0001-a' }]), /duplicate/);
});
