/**
 * The shared Store suite: every test runs against each store in `STORES` (default
 * `sqlite,postgres`); PostgreSQL is skipped, with the reason shown, only when it cannot be reached.
 * Each test gets its own SQLite file or PostgreSQL schema.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { isParleyError } from '../../../src/errors.js';
import { openStore } from '../../../src/store/open-store.js';
import { openPostgresStore, PostgresStore } from '../../../src/store/postgres/store.js';
import { migrations as pgMigrations } from '../../../src/store/postgres/migrations/index.js';
import { rollbackPostgres } from '../../../src/store/postgres/migrate.js';
import { openSqliteStore, PAGE_SIZE, SqliteStore } from '../../../src/store/sqlite/store.js';
import { migrations as sqliteMigrations } from '../../../src/store/sqlite/migrations/index.js';
import { rollbackSqlite } from '../../../src/store/sqlite/migrate.js';
import type { Store, StoredDoc } from '../../../src/store/store.js';
import { COLUMNS, DIALECT_COLUMNS } from '../../../src/store/tables.js';
import type { TableName } from '../../../src/store/tables.js';
import { DocBuilder, fullDoc, fullRun, meetingDoc, syntheticDoc } from './fixtures.js';
import { cleanupLocations, freshLocation, pgExec, postgresUnavailable, STORES, tempDir } from './setup.js';
import type { StoreKind } from './setup.js';

const pgSkip = STORES.includes('postgres') ? await postgresUnavailable() : undefined;
if (pgSkip) process.stderr.write(`store tests: skipping postgres: ${pgSkip}\n`);

after(cleanupLocations);

/** A document without the field the store fills in, for comparing with what was put. */
function withoutIngestedAt(d: StoredDoc | undefined): Omit<StoredDoc, 'ingestedAt'> | undefined {
  if (!d) return d;
  const { ingestedAt, ...rest } = d;
  assert.match(ingestedAt ?? '', /^\d{4}-\d\d-\d\dT/);
  return rest;
}

async function withStore<T>(kind: StoreKind, fn: (s: Store, location: string) => Promise<T>): Promise<T> {
  const location = freshLocation(kind);
  const store = await openStore(location);
  try {
    return await fn(store, location);
  } finally {
    await store.close();
  }
}

/** The columns of a table as the database reports them. */
async function dbColumns(store: Store, table: string): Promise<string[]> {
  if (store instanceof SqliteStore) {
    return (store.db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name);
  }
  const pgs = store as PostgresStore;
  const r = await pgs.pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  return r.rows.map((x) => x.column_name);
}

async function dbIndexes(store: Store): Promise<string[]> {
  if (store instanceof SqliteStore) {
    return (store.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name);
  }
  const r = await (store as PostgresStore).pool.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()`,
  );
  return r.rows.map((x) => x.indexname);
}

/** blocks/mentions/events/evidence/diagnostics rows of document `d`, counted in SQL. */
const COUNTS_SQL = `(SELECT count(*) FROM blocks b WHERE b.doc_id = d.id) || '/' ||
  (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) || '/' ||
  (SELECT count(*) FROM events e WHERE e.doc_id = d.id) || '/' ||
  (SELECT count(*) FROM evidence v WHERE v.doc_id = d.id) || '/' ||
  (SELECT count(*) FROM diagnostics g WHERE g.doc_id = d.id)`;

/** Rows of a table for one document, counted in SQL (not through getDocument). */
async function childCounts(store: Store): Promise<Map<string, string>> {
  const sql = `SELECT d.id AS id, ${COUNTS_SQL} AS counts FROM documents d`;
  const rows =
    store instanceof SqliteStore
      ? (store.db.prepare(sql).all() as { id: string; counts: string }[])
      : (await (store as PostgresStore).pool.query<{ id: string; counts: string }>(sql)).rows;
  return new Map(rows.map((r) => [r.id, r.counts]));
}

const countsOf = (d: StoredDoc) =>
  `${d.blocks.length}/${d.mentions.length}/${d.events.length}/${d.events.reduce((n, e) => n + e.evidence.length, 0)}/${d.diagnostics.length}`;

async function openUnmigrated(kind: StoreKind, location: string): Promise<Store> {
  return kind === 'sqlite' ? openSqliteStore(location) : openPostgresStore(location);
}

for (const kind of STORES) {
  describe(`${kind} store`, { skip: kind === 'postgres' ? pgSkip : undefined }, () => {
    test(`${kind} migrate applies every migration once and nothing the second time`, async () => {
      const location = freshLocation(kind);
      const store = await openUnmigrated(kind, location);
      try {
        const names = (kind === 'sqlite' ? sqliteMigrations : pgMigrations).map((m) => m.name);
        assert.deepEqual(names, [
          '0001-documents', '0002-annotations', '0003-search', '0004-runs', '0005-search-sync', '0006-document-keys',
          '0007-clusters', '0008-event-query-indexes', '0009-merged-event-indexes',
        ]);
        const first = await store.migrate();
        assert.deepEqual(
          first.map((r) => [r.name, r.status]),
          names.map((n) => [n, 'Success']),
        );
        const second = await store.migrate();
        assert.deepEqual(
          second.map((r) => [r.name, r.status]),
          names.map((n) => [n, 'AlreadyApplied']),
        );
        const again = await openStore(location);
        assert.ok((await again.migrate()).every((r) => r.status === 'AlreadyApplied'));
        await again.close();
      } finally {
        await store.close();
      }
    });

    test(`${kind} migrations roll back with down and apply again`, async () => {
      await withStore(kind, async (store) => {
        await store.putDocument(meetingDoc());
        const down =
          store instanceof SqliteStore
            ? rollbackSqlite(store.db, sqliteMigrations)
            : await rollbackPostgres((store as PostgresStore).pool, (store as PostgresStore).schema, pgMigrations);
        assert.deepEqual(
          down.map((r) => [r.name, r.status]),
          [...sqliteMigrations].reverse().map((m) => [m.name, 'Success']),
        );
        for (const t of ['documents', 'blocks', 'events', 'runs']) assert.deepEqual(await dbColumns(store, t), [], t);
        const up = await store.migrate();
        assert.ok(up.every((r) => r.status === 'Success'));
        assert.equal(await store.putDocument(meetingDoc()), 'inserted');
      });
    });

    test(`${kind} migrations down to 0005 and up again keep every stored row`, async () => {
      await withStore(kind, async (store) => {
        const docs = [meetingDoc(), syntheticDoc(1), fullDoc() as StoredDoc];
        await store.putDocuments(docs);
        const before = await Promise.all(docs.map((d) => store.getDocument(d.id)));
        const down =
          store instanceof SqliteStore
            ? rollbackSqlite(store.db, sqliteMigrations, '0005-search-sync')
            : await rollbackPostgres((store as PostgresStore).pool, (store as PostgresStore).schema, pgMigrations, '0005-search-sync');
        assert.deepEqual(
          down.map((r) => [r.name, r.status]),
          [...sqliteMigrations].reverse().filter((m) => m.name > '0005-search-sync').map((m) => [m.name, 'Success']),
        );
        assert.ok(!(await dbColumns(store, 'blocks')).includes('doc_seq'));
        const up = await store.migrate();
        assert.equal(up.at(-1)?.status, 'Success');
        assert.deepEqual(await Promise.all(docs.map((d) => store.getDocument(d.id))), before);
        assert.equal((await childCounts(store)).get('doc-meeting'), countsOf(meetingDoc()));
      });
    });

    test(`${kind} migrate reports a failing migration, rolls it back and does not run later ones`, async () => {
      const location = freshLocation(kind);
      // A table in the way of 0002 (mentions) makes that migration fail.
      if (kind === 'sqlite') {
        const db = new Database(location);
        db.exec('CREATE TABLE mentions (x INTEGER)');
        db.close();
      } else {
        const schema = new URL(location).searchParams.get('schema');
        await pgExec(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".mentions (x integer);`);
      }
      const store = await openUnmigrated(kind, location);
      try {
        const results = await store.migrate();
        assert.deepEqual(
          results.map((r) => r.status),
          ['Success', 'Error', ...sqliteMigrations.slice(2).map(() => 'NotExecuted')],
        );
        assert.match(results[1].error ?? '', /mentions/);
        assert.deepEqual(await dbColumns(store, 'events'), [], 'the failed migration left no table behind');
        assert.ok((await dbColumns(store, 'documents')).includes('hash'), 'the earlier migration stays applied');
      } finally {
        await store.close();
      }
      await assert.rejects(openStore(location), (e: unknown) => {
        assert.ok(isParleyError(e));
        assert.equal(e.code, 'PARLEY_STORE_MIGRATION');
        assert.equal(e.details.migration, '0002-annotations');
        assert.ok(e.cause, 'the driver error is kept as the cause');
        return true;
      });
    });

    test(`${kind} schema has exactly the columns of tables.ts`, async () => {
      await withStore(kind, async (store) => {
        for (const table of Object.keys(COLUMNS) as TableName[]) {
          const extra = DIALECT_COLUMNS[kind][table] ?? [];
          assert.deepEqual(
            (await dbColumns(store, table)).sort(),
            [...COLUMNS[table], ...extra].sort(),
            `columns of ${table}`,
          );
        }
      });
    });

    test(`${kind} schema has the indexes the API queries use`, async () => {
      await withStore(kind, async (store) => {
        const names = await dbIndexes(store);
        for (const ix of [
          'events_source_target_date',
          'events_target_date',
          'events_cameo_root_date',
          'events_date',
          'events_doc_id',
          'mentions_actor',
          'documents_published',
        ]) {
          assert.ok(names.includes(ix), `index ${ix}`);
        }
      });
    });

    test(`${kind} putDocument inserts, then reports the same hash as duplicate and changes nothing`, async () => {
      await withStore(kind, async (store) => {
        const doc = meetingDoc();
        assert.equal(await store.putDocument(doc), 'inserted');
        const first = await store.getDocument(doc.id);
        assert.equal(await store.putDocument(doc), 'duplicate');
        assert.equal(await store.putDocument({ ...doc, id: 'another-id' }), 'duplicate');
        assert.equal(await store.getDocument('another-id'), undefined);
        assert.deepEqual(await store.getDocument(doc.id), first, 'not even ingestedAt changes');
        assert.deepEqual(await store.stats(), { documents: 1, events: 2, mentions: 6 });
      });
    });

    test(`${kind} putDocument replaces a document stored with another hash and all its rows`, async () => {
      await withStore(kind, async (store) => {
        const old = meetingDoc('doc-1', ' again');
        assert.equal(await store.putDocument(old), 'inserted');
        assert.equal(await store.putDocument(syntheticDoc(7)), 'inserted');
        const b = new DocBuilder('doc-1').meta({ title: 'Quiet week in Velmora' }).line('Quiet week in Velmora', { kind: 'h' });
        b.line('Nothing happened in Velmora this week.');
        const replacement = b.build();
        assert.equal(await store.putDocument(replacement), 'updated');
        assert.deepEqual(withoutIngestedAt(await store.getDocument('doc-1')), replacement);
        assert.deepEqual(await store.stats(), { documents: 2, events: 1, mentions: 2 }, 'only syn-7 has events and mentions');
        const counts = await childCounts(store);
        assert.equal(counts.get('doc-1'), countsOf(replacement));
        assert.deepEqual(await store.searchDocuments('criticised'), [], 'the old text left the search index');
        assert.deepEqual(
          (await store.searchDocuments('Velmora quiet')).map((h) => h.id),
          ['doc-1'],
        );
        assert.equal(await store.putDocument(old), 'updated', 'the old version can come back');
        assert.deepEqual(withoutIngestedAt(await store.getDocument('doc-1')), old);
      });
    });

    test(`${kind} getDocument returns what was put, offsets, layers and meta included`, async () => {
      await withStore(kind, async (store) => {
        const doc = meetingDoc();
        await store.putDocument(doc);
        const back = await store.getDocument(doc.id);
        assert.deepEqual(withoutIngestedAt(back), doc);
        for (const m of back!.mentions) assert.equal(back!.sourceText.slice(m.start, m.end), m.text);
        for (const e of back!.events) {
          const ev = e.evidence[0];
          assert.equal(back!.sourceText.slice(ev.start, ev.end), ev.sentence);
        }
        const full = fullDoc() as StoredDoc;
        await store.putDocument(full);
        assert.deepEqual(await store.getDocument(full.id), full, 'every optional field, ingestedAt and runId too');
        assert.equal(await store.getDocument('no-such-doc'), undefined);
      });
    });

    test(`${kind} getDocument keeps text outside the BMP, quotes and NUL-free control characters`, async () => {
      await withStore(kind, async (store) => {
        const b = new DocBuilder('doc-unicode').meta({ title: 'Ünïcode «quotes» and emoji 🇺🇳' });
        b.line('The envoy said “enough” 🙂 in Zürich; tabs\tstay.');
        b.line("Apostrophes ' and \"double quotes\" and backslashes \\ stay too.");
        const m = b.mention('envoy', { actor: 'UNO', country: 'IGO' });
        b.event({ trigger: 'said', source: m, cameo: '010' });
        const doc = b.build();
        await store.putDocument(doc);
        assert.deepEqual(withoutIngestedAt(await store.getDocument(doc.id)), doc);
      });
    });

    test(`${kind} putDocuments writes a batch and reports a result per document in order`, async () => {
      await withStore(kind, async (store) => {
        assert.deepEqual(await store.putDocuments([]), []);
        await store.putDocument(syntheticDoc(0));
        const batch = [
          syntheticDoc(0), // stored already
          syntheticDoc(1),
          syntheticDoc(2),
          syntheticDoc(1), // same hash earlier in the batch
          syntheticDoc(3),
          syntheticDoc(3, 8, ' (corrected)'), // same id, new hash: replaces the version just put
          { ...syntheticDoc(4), hash: syntheticDoc(2).hash }, // another id with a hash of the batch
        ];
        assert.deepEqual(await store.putDocuments(batch), [
          'duplicate',
          'inserted',
          'inserted',
          'duplicate',
          'inserted',
          'updated',
          'duplicate',
        ]);
        assert.equal((await store.stats()).documents, 4);
        assert.equal((await store.getDocument('syn-3'))?.meta.title, 'Report 3 (corrected)');
        assert.equal(await store.getDocument('syn-4'), undefined);
        const counts = await childCounts(store);
        for (const d of [syntheticDoc(0), syntheticDoc(1), syntheticDoc(2), syntheticDoc(3, 8, ' (corrected)')]) {
          assert.equal(counts.get(d.id), countsOf(d), d.id);
        }
      });
    });

    test(`${kind} putDocuments stores nothing of a batch that fails`, async () => {
      await withStore(kind, async (store) => {
        await store.putDocument(syntheticDoc(0));
        const clash = syntheticDoc(2);
        clash.events[0].id = syntheticDoc(0).events[0].id; // an event id another document holds
        await assert.rejects(store.putDocuments([syntheticDoc(1), clash, syntheticDoc(3)]), (e: unknown) => {
          assert.ok(isParleyError(e));
          assert.equal(e.code, 'PARLEY_STORE_WRITE');
          assert.match(e.message, /re-run/);
          assert.ok(e.cause);
          return true;
        });
        assert.equal((await store.stats()).documents, 1);
        assert.equal(await store.getDocument('syn-1'), undefined);
        assert.deepEqual(await store.putDocuments([syntheticDoc(1), syntheticDoc(3)]), ['inserted', 'inserted']);
      });
    });

    test(`${kind} knownHashes returns the stored hashes among those asked`, async () => {
      await withStore(kind, async (store) => {
        await store.putDocuments([syntheticDoc(1), syntheticDoc(2)]);
        const asked = [syntheticDoc(1).hash, 'f'.repeat(64), syntheticDoc(2).hash];
        assert.deepEqual(await store.knownHashes(asked), new Set([syntheticDoc(1).hash, syntheticDoc(2).hash]));
        assert.deepEqual(await store.knownHashes([]), new Set());
      });
    });

    test(`${kind} listDocuments lists newest first with paging and event counts`, async () => {
      await withStore(kind, async (store) => {
        await store.putDocument(meetingDoc());
        await store.putDocuments([syntheticDoc(1), syntheticDoc(2)]);
        const all = await store.listDocuments();
        assert.deepEqual(
          all.map((d) => d.id),
          ['syn-2', 'syn-1', 'doc-meeting'],
        );
        const meeting = all[2];
        const doc = meetingDoc();
        assert.deepEqual(
          { ...meeting, ingestedAt: '' },
          {
            id: doc.id,
            title: doc.meta.title,
            url: doc.meta.url,
            published: '2031-03-04',
            source: 'Example Wire',
            chars: doc.text.length,
            events: 2,
            ingestedAt: '',
          },
        );
        assert.deepEqual(
          (await store.listDocuments({ limit: 1, offset: 1 })).map((d) => d.id),
          ['syn-1'],
        );
      });
    });

    test(`${kind} searchDocuments ranks hits and marks matches «like this»`, async () => {
      await withStore(kind, async (store) => {
        const a = new DocBuilder('a').meta({ title: 'Harvest report' }).line('Harvest report', { kind: 'h' });
        a.line('Farmers in the valley brought in the grain early.');
        const b = new DocBuilder('b').meta({ title: 'Ceasefire talks resume' }).line('Ceasefire talks resume', { kind: 'h' });
        b.line('Negotiators returned to the ceasefire table after the ceasefire collapsed twice.');
        const c = new DocBuilder('c').meta({ title: 'Weather' }).line('Weather', { kind: 'h' });
        c.line('A ceasefire was mentioned once in a long report about the rain, the wind and the fog over the hills.');
        await store.putDocuments([a.build(), b.build(), c.build()]);
        const hits = await store.searchDocuments('ceasefire');
        assert.deepEqual(
          hits.map((h) => h.id),
          ['b', 'c'],
        );
        assert.ok(hits[0].rank > hits[1].rank);
        assert.match(hits[0].snippet, /«[Cc]easefire»/);
        assert.equal(hits[0].title, 'Ceasefire talks resume');
        assert.equal(hits[0].events, 0);
        assert.equal(hits[0].chars, b.build().text.length);
        assert.deepEqual((await store.searchDocuments('ceasefire', { limit: 1 })).map((h) => h.id), ['b']);
      });
    });

    test(`${kind} searchDocuments reads phrases, exclusions, or and prefixes`, async () => {
      await withStore(kind, async (store) => {
        const mk = (id: string, text: string) => new DocBuilder(id).line(text).build();
        await store.putDocuments([
          mk('p1', 'The border crossing reopened on Monday.'),
          mk('p2', 'A crossing of the river border was blocked.'),
          mk('p3', 'Negotiations on the fishing quota stalled.'),
        ]);
        const ids = async (q: string) => (await store.searchDocuments(q)).map((h) => h.id).sort();
        assert.deepEqual(await ids('"border crossing"'), ['p1']);
        assert.deepEqual(await ids('border crossing'), ['p1', 'p2']);
        assert.deepEqual(await ids('crossing -river'), ['p1']);
        assert.deepEqual(await ids('quota or river'), ['p2', 'p3']);
        assert.deepEqual(await ids('negot*'), ['p3']);
      });
    });

    test(`${kind} searchDocuments accepts any input without a raw syntax error`, async () => {
      await withStore(kind, async (store) => {
        await store.putDocument(meetingDoc());
        const hostile = [
          '',
          '   ',
          '"',
          '"unclosed phrase',
          'AND',
          'NOT border',
          'border NOT',
          'OR OR OR',
          '(border',
          'border)',
          '*',
          'border*talks',
          '-',
          '-border',
          'col:border',
          'title:border',
          'NEAR(border talks)',
          "'; DROP TABLE documents; --",
          '\\',
          '!!border & | <->',
          '{}[]^~',
          '\u0000',
          'x'.repeat(5000),
          'border '.repeat(200),
        ];
        for (const q of hostile) {
          const hits = await store.searchDocuments(q);
          assert.ok(Array.isArray(hits), q);
        }
        assert.deepEqual((await store.searchDocuments('border AND talks')).map((h) => h.id), ['doc-meeting'], 'AND is a word');
        assert.deepEqual(await store.searchDocuments('-border'), [], 'only exclusions match nothing');
        assert.equal((await store.stats()).documents, 1);
      });
    });

    test(`${kind} stats counts documents, events and mentions`, async () => {
      await withStore(kind, async (store) => {
        assert.deepEqual(await store.stats(), { documents: 0, events: 0, mentions: 0 });
        await store.putDocuments([meetingDoc(), syntheticDoc(1), syntheticDoc(2)]);
        assert.deepEqual(await store.stats(), { documents: 3, events: 4, mentions: 10 });
      });
    });

    test(`${kind} putRun stores a run once and getRun returns it`, async () => {
      await withStore(kind, async (store) => {
        const run = fullRun();
        await store.putRun(run);
        await store.putRun({ ...run, startedAt: '2040-01-01T00:00:00.000Z' });
        assert.deepEqual(await store.getRun(run.id), run);
        assert.equal(await store.getRun('no-such-run'), undefined);
      });
    });

    test(`${kind} two connections putting the same documents at once store each once`, async () => {
      const location = freshLocation(kind);
      const a = await openStore(location);
      const b = await openStore(location);
      try {
        // One document raced many times.
        for (let i = 0; i < 10; i++) {
          const doc = syntheticDoc(100 + i);
          const r = await Promise.all([a.putDocument(doc), b.putDocument(doc)]);
          assert.deepEqual(r.sort(), ['duplicate', 'inserted'], `race ${i}`);
        }
        // Overlapping batches in opposite orders and different sizes.
        const docs = Array.from({ length: 60 }, (_, i) => syntheticDoc(i));
        const put = async (s: Store, list: StoredDoc[], size: number) => {
          const out: string[] = [];
          for (let i = 0; i < list.length; i += size) {
            const part = list.slice(i, i + size);
            (await s.putDocuments(part)).forEach((r, k) => out.push(`${part[k].id}:${r}`));
          }
          return out;
        };
        const [ra, rb] = await Promise.all([put(a, docs, 7), put(b, [...docs].reverse(), 11)]);
        const inserted = [...ra, ...rb].filter((x) => x.endsWith(':inserted')).map((x) => x.split(':')[0]);
        assert.deepEqual(inserted.sort(), docs.map((d) => d.id).sort(), 'each document inserted by exactly one worker');
        // Both replacing one document with the same new version.
        const v2 = syntheticDoc(5, 8, ' v2');
        const ru = await Promise.all([a.putDocument(v2), b.putDocument(v2)]);
        assert.deepEqual(ru.sort(), ['duplicate', 'updated']);
        assert.equal((await a.stats()).documents, 70);
        const counts = await childCounts(a);
        assert.equal(counts.size, 70);
        assert.equal(counts.get('syn-5'), countsOf(v2));
        assert.deepEqual(withoutIngestedAt(await b.getDocument('syn-5')), v2);
      } finally {
        await a.close();
        await b.close();
      }
    });

    test(`${kind} a closed store fails with a catalogue error`, async () => {
      const store = await openStore(freshLocation(kind));
      await store.close();
      await store.close();
      await assert.rejects(store.stats(), (e: unknown) => isParleyError(e) && e.code === 'PARLEY_STORE_READ');
      await assert.rejects(store.putDocument(meetingDoc()), (e: unknown) => isParleyError(e) && e.code === 'PARLEY_STORE_WRITE');
    });
  });
}

describe('openStore', () => {
  test('openStore fails with PARLEY_STORE_OPEN for a SQLite path in a missing folder', async () => {
    await assert.rejects(openStore(join(tempDir(), 'missing', 'dir', 'x.db')), (e: unknown) => {
      assert.ok(isParleyError(e));
      assert.equal(e.code, 'PARLEY_STORE_OPEN');
      assert.ok(e.cause);
      return true;
    });
  });

  test('openStore fails with PARLEY_STORE_OPEN for a file that is not a database', async () => {
    const path = join(tempDir(), 'not-a-db.txt');
    writeFileSync(path, 'this is plain text, long enough to fill a header of a database file, or so we hope.\n'.repeat(20));
    await assert.rejects(openStore(path), (e: unknown) => isParleyError(e) && e.code === 'PARLEY_STORE_OPEN');
  });

  test('openStore sets WAL, synchronous=NORMAL and the page size on a new SQLite file', async () => {
    const store = (await openStore(freshLocation('sqlite'))) as SqliteStore;
    try {
      assert.equal(store.kind, 'sqlite');
      assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(store.db.pragma('synchronous', { simple: true }), 1);
      assert.equal(store.db.pragma('page_size', { simple: true }), PAGE_SIZE, 'a new file gets the store page size');
      assert.ok(Number(store.db.pragma('busy_timeout', { simple: true })) >= 1000);
    } finally {
      await store.close();
    }
  });

  test('openStore uses PARLEY_DB when no location is given', async () => {
    const path = freshLocation('sqlite');
    const saved = process.env.PARLEY_DB;
    process.env.PARLEY_DB = path;
    try {
      const store = await openStore();
      assert.equal(store.location, path);
      await store.close();
    } finally {
      if (saved === undefined) delete process.env.PARLEY_DB;
      else process.env.PARLEY_DB = saved;
    }
  });

  test('openStore fails with PARLEY_STORE_OPEN for an unreachable PostgreSQL server', async () => {
    await assert.rejects(openStore('postgres://nobody:secret@127.0.0.1:9/none'), (e: unknown) => {
      assert.ok(isParleyError(e));
      assert.equal(e.code, 'PARLEY_STORE_OPEN');
      assert.ok(!e.message.includes('secret'), 'the password is not shown');
      assert.ok(e.cause);
      return true;
    });
  });

  test('openStore rejects a schema name that is not an identifier', async () => {
    await assert.rejects(
      openStore('postgres://postgres@127.0.0.1:5432/test?schema=x;drop'),
      (e: unknown) => isParleyError(e) && e.code === 'PARLEY_STORE_OPEN' && /schema/.test(e.message),
    );
  });

  test('openStore opens PostgreSQL in the schema named by ?schema=', { skip: STORES.includes('postgres') ? pgSkip : 'STORES has no postgres' }, async () => {
    const location = freshLocation('postgres');
    const store = (await openStore(location)) as PostgresStore;
    try {
      assert.equal(store.kind, 'postgres');
      const schema = new URL(location).searchParams.get('schema');
      const r = await pgExec<{ n: string }>(
        `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'documents'`,
        [schema],
      );
      assert.equal(r[0].n, '1');
    } finally {
      await store.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Crashes and races with real processes (SQLite: the embedded store many processes may share).

const here = fileURLToPath(new URL('.', import.meta.url));
const isTs = import.meta.url.endsWith('.ts');
const writerScript = join(here, isTs ? 'crash-writer.ts' : 'crash-writer.js');
const nodeArgs = isTs ? ['--import', 'tsx'] : [];

interface Child {
  /** Resolves with the exit code (null when killed) and everything printed. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>;
  kill(): void;
}

/** Start the writer; `killAt` kills it with SIGKILL as soon as it prints `begin <killAt>`. */
function startWriter(location: string, total: number, batch: number, killAt?: number): Child {
  const child = spawn(process.execPath, [...nodeArgs, writerScript, location, String(total), String(batch)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (s: string) => {
    out += s;
    if (killAt !== undefined && out.includes(`begin ${killAt}\n`)) child.kill('SIGKILL');
  });
  child.stderr.on('data', (s: string) => (err += s));
  return {
    done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err }))),
    kill: () => child.kill('SIGKILL'),
  };
}

/** Documents in the file, each with its child-row counts, read with a fresh connection. */
function inspect(path: string): { ids: string[]; hashes: number; counts: Map<string, string>; integrity: string } {
  const db = new Database(path);
  try {
    const ids = (db.prepare('SELECT id FROM documents').all() as { id: string }[]).map((r) => r.id);
    const hashes = (db.prepare('SELECT count(DISTINCT hash) AS n FROM documents').get() as { n: number }).n;
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    // Throws when the FTS index disagrees with the documents table.
    db.prepare(`INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)`).run();
    const rows = db.prepare(`SELECT d.id AS id, ${COUNTS_SQL} AS counts FROM documents d`).all() as { id: string; counts: string }[];
    return { ids, hashes, counts: new Map(rows.map((r) => [r.id, r.counts])), integrity };
  } finally {
    db.close();
  }
}

describe('sqlite store with processes', { skip: STORES.includes('sqlite') ? undefined : 'STORES has no sqlite' }, () => {
  test('sqlite store keeps whole documents only when a writer is killed mid-run, and a re-run stores each once', async () => {
    const location = freshLocation('sqlite');
    const total = 2400;
    const batch = 200;
    const expected = syntheticDoc(0, 20);
    const expectedCounts = countsOf(expected);
    // Initialise the file first so that the kill lands in the batches, not in the migrations.
    await (await openStore(location)).close();
    let before = 0;
    let inFlight = 0;
    for (const killAt of [2, 5, 9]) {
      const run = await startWriter(location, total, batch, killAt).done;
      assert.equal(run.signal, 'SIGKILL', `writer should be killed at batch ${killAt}: ${run.err}`);
      const seen = inspect(location);
      assert.equal(seen.integrity, 'ok');
      assert.equal(seen.ids.length % batch, 0, 'whole batches only');
      assert.ok(seen.ids.length < total, 'the kill interrupted the run');
      assert.ok(seen.ids.length >= before, 'committed batches stay');
      assert.equal(seen.hashes, seen.ids.length);
      for (const [id, c] of seen.counts) assert.equal(c, expectedCounts, `document ${id} is whole`);
      // `begin n` is printed just before batch n's transaction: n whole batches mean it was cut.
      if (seen.ids.length === killAt * batch) inFlight++;
      before = seen.ids.length;
    }
    assert.ok(inFlight > 0, 'at least one kill landed inside a batch transaction');
    const rerun = await startWriter(location, total, batch).done;
    assert.equal(rerun.code, 0, rerun.err);
    const [, inserted, updated] = rerun.out.trim().split('\n').at(-1)!.split(' ').map(Number);
    assert.equal(inserted, total - before, 'the re-run stores only what is missing');
    assert.equal(updated, 0);
    const seen = inspect(location);
    assert.equal(seen.integrity, 'ok');
    assert.equal(seen.ids.length, total);
    assert.equal(new Set(seen.ids).size, total);
    assert.equal(seen.hashes, total);
    for (const [id, c] of seen.counts) assert.equal(c, expectedCounts, `document ${id} is whole`);
  });

  test('sqlite store shared by two writer processes stores each document once', async () => {
    const location = freshLocation('sqlite');
    await (await openStore(location)).close();
    const total = 1200;
    const [a, b] = await Promise.all([startWriter(location, total, 100).done, startWriter(location, total, 100).done]);
    assert.equal(a.code, 0, a.err);
    assert.equal(b.code, 0, b.err);
    const ins = (r: { out: string }) => Number(r.out.trim().split('\n').at(-1)!.split(' ')[1]);
    assert.equal(ins(a) + ins(b), total, 'each document inserted by exactly one process');
    const seen = inspect(location);
    assert.equal(seen.ids.length, total);
    assert.equal(seen.hashes, total);
  });
});
