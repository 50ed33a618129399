import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parley, parleyChild, tempDir } from './cli-helpers.js';

const ARTICLE = [
  'Photo: Example Agency',
  'The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss a new fisheries accord.',
  'Officials said the talks had been productive and that a draft text would be ready within weeks.',
].join('\n');

function countDocs(db: string): { n: number; distinct: number } {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('select count(*) as n, count(distinct id) as "distinct" from documents').get() as { n: number; distinct: number };
  } finally {
    d.close();
  }
}

test('ingest stores a document once and reports a re-ingest as a duplicate', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'lima.txt'), ARTICLE);
  const db = join(dir, 'p.db');
  const first = parley(['ingest', '--db', db, join(dir, 'lima.txt')]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stderr, /1 new, 0 updated, 0 duplicate, 0 failed/);
  const second = parley(['ingest', '--db', db, join(dir, 'lima.txt')]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, /0 new, 0 updated, 1 duplicate, 0 failed/);
  assert.deepEqual(countDocs(db), { n: 1, distinct: 1 });
});

test('ingest keeps every good record of a batch with bad inputs and exits non-zero', () => {
  const dir = tempDir();
  const good = (id: string) => JSON.stringify({ id, title: `t ${id}`, text: `${ARTICLE}\nRecord ${id} adds its own closing line.` });
  writeFileSync(join(dir, 'mixed.jsonl'), [good('a1'), '{"id": "broken", "text": ', good('a2'), '{"id":"no-body"}', good('a3')].join('\n') + '\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00, 0x7f, 0x00]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('The envoy from S'), Buffer.from([0xe3, 0x6f]), Buffer.from(' Tome arrived in Lisbon on Monday for talks on debt relief and shipping.')]));
  writeFileSync(join(dir, 'broken.html'), '<html><body><div><p>The prime minister of Norway visited Iceland on Friday to sign a fisheries pact.<p>Both leaders praised the accord as a model for the region and pledged to meet again next year.');
  writeFileSync(join(dir, 'feed.xml'), '<rss><channel><item><title>unclosed');
  const db = join(dir, 'p.db');
  const r = parley(['ingest', '--db', db, dir, join(dir, 'missing.txt')]);
  assert.equal(r.status, 1, 'exit code is non-zero when anything failed');
  assert.match(r.stderr, /missing\.txt: no such file/);
  assert.match(r.stderr, /mixed\.jsonl:2:/);
  assert.match(r.stderr, /mixed\.jsonl:4:/);
  assert.match(r.stderr, /empty\.txt/);
  assert.match(r.stderr, /binary\.txt/);
  assert.match(r.stderr, /feed\.xml/);
  assert.match(r.stderr, /warning: .*latin1\.txt/);
  const d = new Database(db, { readonly: true });
  const ids = (d.prepare('select id from documents order by id').all() as { id: string }[]).map((x) => x.id);
  d.close();
  // broken.html is still a document (id 'broken'); the malformed JSONL line is not.
  assert.deepEqual(ids, ['a1', 'a2', 'a3', 'broken', 'latin1']);
});

test('ingest killed with SIGKILL mid-run and run again stores every document exactly once', async () => {
  const dir = tempDir();
  const file = join(dir, 'many.jsonl');
  const lines: string[] = [];
  const N = 20_000;
  for (let i = 0; i < N; i++) {
    lines.push(JSON.stringify({ id: `d${i}`, text: `Document ${i}. ${ARTICLE}\nIts closing line names number ${i * 7919}.` }));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  const db = join(dir, 'p.db');
  const child = parleyChild(['ingest', '--db', db, '--batch-size', '200', file]);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // Wait until some, but not all, documents are stored, then kill without warning.
  let killedAt = -1;
  for (let i = 0; i < 600 && killedAt < 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    if (!existsSync(db)) continue;
    try {
      const { n } = countDocs(db);
      if (n > 0) {
        child.kill('SIGKILL');
        killedAt = n;
      }
    } catch {
      // the schema may not exist yet
    }
  }
  await exited;
  assert.ok(killedAt > 0, 'the child stored something before it was killed');
  const partial = countDocs(db).n;
  assert.ok(partial < N, `killed before the end (${partial} of ${N} stored)`);
  const again = parley(['ingest', '--db', db, file]);
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(countDocs(db), { n: N, distinct: N });
  const d = new Database(db, { readonly: true });
  const orphans = d.prepare('select count(*) as n from blocks where doc_id not in (select id from documents)').get() as { n: number };
  const bare = d.prepare('select count(*) as n from documents where id not in (select doc_id from blocks)').get() as { n: number };
  d.close();
  assert.equal(orphans.n, 0, 'no blocks without their document');
  assert.equal(bare.n, 0, 'no document without its blocks');
});

test('ingest reads stdin when given -', () => {
  const dir = tempDir();
  const db = join(dir, 'p.db');
  const r = parley(['ingest', '--db', db, '-'], { input: ARTICLE });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(countDocs(db).n, 1);
});

test('docs --search finds stored text and show prints a stored document', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'lima.txt'), ARTICLE);
  const db = join(dir, 'p.db');
  assert.equal(parley(['ingest', '--db', db, join(dir, 'in')]).status, 0);
  const found = parley(['docs', '--db', db, '--search', 'fisheries accord']);
  assert.equal(found.status, 0, found.stderr);
  assert.match(found.stdout, /^lima /m);
  const none = parley(['docs', '--db', db, '--search', 'volcano']);
  assert.match(none.stdout, /no documents match/);
  const shown = parley(['show', '--db', db, '--explain', 'lima']);
  assert.equal(shown.status, 0, shown.stderr);
  assert.match(shown.stdout, /met in Lima on Tuesday/);
  assert.match(shown.stdout, /line 0 +caption/);
  const missing = parley(['show', '--db', db, 'nope']);
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /PARLEY_STORE_NOT_FOUND/);
});
