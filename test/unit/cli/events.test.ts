/** `parley events`: the table and the exports over a store filled from the API fixture articles. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
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

test('events --merged shows one row per real-world event once the store is resolved, with its articles and mentions', () => {
  const dir = tempDir();
  const mdb = join(dir, 'merged.db');
  const input = join(dir, 'calls.jsonl');
  // Two outlets report one phone call, on different days; a third article is about something else.
  const lines = [
    { id: 'call-one', source: 'Lakeside Courier', published: '2024-05-11', text: 'Kenyan President William Ruto spoke with Ethiopian Prime Minister Abiy Ahmed by phone on Friday about a road link.' },
    { id: 'call-two', source: 'Highland Daily', published: '2024-05-12', text: 'Ethiopian Prime Minister Abiy Ahmed and Kenyan President William Ruto held a telephone conversation on Friday, officials said.' },
    { id: 'other', source: 'Highland Daily', published: '2024-06-20', text: 'Kenya condemned Ethiopia on Wednesday over the closure of a border crossing.' },
  ];
  writeFileSync(input, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  assert.equal(parley(['ingest', '--db', mdb, '--quiet', input]).status, 0);
  const before = parley(['events', '--db', mdb, '--merged']);
  assert.equal(before.status, 0);
  assert.match(before.stderr, /no merged events match .*parley resolve/);
  assert.equal(parley(['resolve', '--db', mdb]).status, 0);

  const raw = parley(['events', '--db', mdb, '--code', '041', '--format', 'jsonl']).stdout.trim().split('\n');
  assert.equal(raw.length, 4, 'two reports × two directions');
  const merged = parley(['events', '--db', mdb, '--merged', '--code', '041', '--format', 'jsonl']).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(merged.length, 2, 'one call, one merged event per direction');
  for (const m of merged) {
    assert.equal(m.numArticles, 2);
    assert.equal(m.numSources, 2);
    assert.ok(m.eventIds.length >= 2);
  }
  const table = parley(['events', '--db', mdb, '--merged', '--min-articles', '2']);
  assert.equal(table.status, 0);
  assert.match(table.stdout.split('\n')[0], / a +m +evidence/);
  assert.equal(table.stdout.trim().split('\n').length, 1 + 2, 'header and the two directions of the call; the condemnation has one article');
  const gdelt = parley(['events', '--db', mdb, '--merged', '--min-articles', '2', '--format', 'gdelt']).stdout.trim().split('\n');
  // GDELT 2.0: NumSources and NumArticles are the 33rd and 34th columns (after NumMentions).
  for (const row of gdelt) assert.deepEqual(row.split('\t').slice(32, 34), ['2', '2']);

  const bad = parley(['events', '--db', mdb, '--min-articles', '2']);
  assert.equal(bad.status, 64);
  assert.match(bad.stderr, /--min-articles .*--merged/);
});
