/** `parley events`: the table and the exports over a store filled from the API fixture articles. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parley, ROOT, tempDir } from './cli-helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'api', 'articles.jsonl');
let db: string;

before(() => {
  db = join(tempDir(), 'events.db');
  const r = parley(['ingest', '--db', db, '--quiet', FIXTURES]);
  assert.equal(r.status, 0, r.stderr);
});

test('events prints a table: date, source → target, code, label, Goldstein, quad, evidence', () => {
  const r = parley(['events', '--db', db, '--source', 'USA']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^date\s+source → target\s+code\s+label\s+gold q\s+evidence/);
  assert.equal(lines.length, 2);
  assert.match(lines[1], /^2022-08-11\s+USA → IRN\s+163\s+Impose embargo.*\s+-8\.0 4\s+The United States imposed sanctions/);
});

test('events says when the table stops before the last match, and when nothing matches', () => {
  const some = parley(['events', '--db', db, '--limit', '3']);
  assert.equal(some.stdout.trimEnd().split('\n').length, 4);
  assert.match(some.stderr, /first 3 events shown; more match/);
  const none = parley(['events', '--db', db, '--source', 'BRA']);
  assert.equal(none.status, 0);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /no events match/);
});

test('events --limit 0 shows every match, as an export does', () => {
  const all = parley(['events', '--db', db, '--format', 'jsonl']).stdout.trim().split('\n').length;
  assert.ok(all > 3);
  const r = parley(['events', '--db', db, '--limit', '0']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trimEnd().split('\n').length, all + 1);
  assert.equal(r.stderr, '');
});

test('events exports csv, gdelt, plover and jsonl for a filter', () => {
  const csv = parley(['events', '--db', db, '--dyad', 'CHN,IRN', '--format', 'csv']);
  assert.equal(csv.stdout.split('\r\n').filter(Boolean).length, 9);
  const gdelt = parley(['events', '--db', db, '--root', '16', '--format', 'gdelt']);
  const cells = gdelt.stdout.trimEnd().split('\t');
  assert.equal(cells.length, 61);
  assert.equal(cells[26], '163');
  const plover = parley(['events', '--db', db, '--source', 'chn-xi-jinping', '--format', 'plover']);
  const recs = plover.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(recs.map((r) => r.actor[0].identifier_text), ['Xi Jinping', 'Xi Jinping']);
  const jsonl = parley(['events', '--db', db, '--search', 'missile', '--from', '2022-08-01', '--to', '2022-08-31', '--format', 'jsonl', '--sort', 'goldstein', '--order', 'asc']);
  const events = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(events.map((e) => e.cameo.code), ['163', '111']);
});

test('events refuses bad flags with a usage error naming the flag', () => {
  for (const [args, flag] of [
    [['--root', '99'], '--root'],
    [['--code', '9'], '--code'],
    [['--from', '2022-02-30'], '--from'],
    [['--format', 'xml'], '--format'],
    [['--search', 'a', '--sort', 'size'], '--sort'],
  ] as const) {
    const r = parley(['events', '--db', db, ...args]);
    assert.equal(r.status, 64, args.join(' '));
    assert.match(r.stderr, /PARLEY_CLI_USAGE/);
    assert.ok(r.stderr.includes(flag), `${args.join(' ')}: ${r.stderr}`);
  }
});
