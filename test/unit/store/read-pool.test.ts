/**
 * The SQLite read pool: read-only connections in worker threads answer every read method as the
 * store itself does, keep catalogue errors, share one queue among the workers, see the writes of
 * the store's own connection, and fail cleanly when closed or when the file cannot be opened. Also
 * `sqliteDataVersion`, which moves on every commit of any connection.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { isParleyError } from '../../../src/errors.js';
import { openStore } from '../../../src/store/open-store.js';
import { openSqliteStore } from '../../../src/store/sqlite/store.js';
import type { SqliteStore } from '../../../src/store/sqlite/store.js';
import { defaultReadWorkers, READ_METHODS, SqliteReadPool, sqliteDataVersion } from '../../../src/store/sqlite/read-pool.js';
import { resolveAll } from '../../../src/resolve/resolve.js';
import { meetingDoc, syntheticDoc } from './fixtures.js';
import { cleanupLocations, freshLocation, tempDir } from './setup.js';

after(cleanupLocations);

describe('sqlite read-pool', () => {
  let store: SqliteStore;
  let pool: SqliteReadPool;
  before(async () => {
    store = (await openStore(freshLocation('sqlite'))) as SqliteStore;
    await store.putDocuments([meetingDoc(), ...Array.from({ length: 30 }, (_, i) => syntheticDoc(i))]);
    await resolveAll(store);
    pool = await SqliteReadPool.open(store.location, { size: 2 });
  });
  after(async () => {
    await pool?.close();
    await store?.close();
  });

  test('sqlite read-pool answers every read method as the store does', async () => {
    const merged = (await store.queryMergedEvents({}, { limit: 1 })).hits[0]?.event.id;
    assert.ok(merged, 'the fixture resolves into merged events');
    const calls: [(typeof READ_METHODS)[number], unknown[]][] = [
      ['queryEvents', [{ source: [{ code: 'NRV' }] }, { limit: 7 }]],
      ['queryEvents', [{ q: 'harvest' }, {}]],
      ['getEvent', [meetingDoc().events[0].id]],
      ['getEvent', ['no-such-event']],
      ['dyadSeries', [{ code: 'NRV' }, { code: 'KST' }, { interval: 'month' }]],
      ['network', [{ min: 1 }]],
      ['searchActors', ['n', { limit: 5 }]],
      ['queryMergedEvents', [{ source: [{ code: 'NRV' }] }, { sort: 'articles', limit: 3 }]],
      ['getMergedEventDetail', [merged]],
      ['getMergedEventDetail', ['no-such-merged-event']],
      ['getDocument', ['doc-meeting']],
      ['getDocument', ['missing']],
      ['listDocuments', [{ limit: 5, offset: 2 }]],
      ['searchDocuments', ['crossing', {}]],
      ['stats', []],
    ];
    assert.deepEqual(new Set(calls.map(([m]) => m)), new Set(READ_METHODS), 'every read method is tried');
    for (const [method, args] of calls) {
      const fromStore = await (store[method] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
      const fromPool = await (pool[method] as (...a: unknown[]) => Promise<unknown>).apply(pool, args);
      assert.deepEqual(fromPool, fromStore, method);
    }
  });

  test('sqlite read-pool keeps the catalogue code and details of an error', async () => {
    await assert.rejects(pool.queryEvents({}, { cursor: 'bm90LWEtY3Vyc29y' }), (e: unknown) => {
      assert.ok(isParleyError(e));
      assert.equal(e.code, 'PARLEY_API_BAD_CURSOR');
      assert.equal(e.status, 400);
      assert.match(e.text, /not a cursor this server made/);
      return true;
    });
    await assert.rejects(pool.call('putDocuments' as never, []), (e: unknown) => {
      assert.ok(isParleyError(e));
      assert.equal(e.code, 'PARLEY_STORE_READ');
      assert.match(String((e.cause as Error).message), /not a read method/);
      return true;
    });
  });

  test('sqlite read-pool queues more requests than it has workers and answers each', async () => {
    const docs = Array.from({ length: 30 }, (_, i) => `syn-${i}`);
    const answers = await Promise.all(docs.map((id) => pool.queryEvents({ doc: id }, {})));
    assert.deepEqual(
      answers.map((a) => a.hits.map((h) => h.document.id)),
      docs.map((id) => [id]),
    );
    assert.equal(pool.waiting, 0);
  });

  test('sqlite read-pool sees what the store writes on its own connection', async () => {
    const before = (await pool.stats()).documents;
    await store.putDocument(syntheticDoc(500));
    assert.equal((await pool.stats()).documents, before + 1);
    assert.equal((await pool.getDocument('syn-500'))?.id, 'syn-500');
  });

  test('sqlite read-pool refuses reads once closed and closes twice safely', async () => {
    const other = await SqliteReadPool.open(store.location, { size: 1 });
    const pending = assert.rejects(other.stats(), (e: unknown) => isParleyError(e) && e.code === 'PARLEY_STORE_READ');
    await other.close();
    await other.close();
    await pending;
    await assert.rejects(other.stats(), (e: unknown) => isParleyError(e) && e.code === 'PARLEY_STORE_READ');
  });

  test('sqlite read-pool fails with PARLEY_STORE_OPEN on a missing file', async () => {
    await assert.rejects(SqliteReadPool.open(join(tempDir(), 'missing', 'none.db'), { size: 1 }), (e: unknown) => {
      assert.ok(isParleyError(e));
      assert.equal(e.code, 'PARLEY_STORE_OPEN');
      return true;
    });
  });

  test('sqlite read-pool sizes itself from the cores by default', () => {
    assert.ok(defaultReadWorkers() >= 1);
  });
});

describe('sqlite read-pool data version', () => {
  test('sqlite read-pool data version moves on a write by the store and by another connection, not on reads', async () => {
    const location = freshLocation('sqlite');
    const store = (await openStore(location)) as SqliteStore;
    const other = openSqliteStore(location);
    try {
      const version = sqliteDataVersion(store);
      const v0 = version();
      await store.queryEvents({}, {});
      await other.stats();
      assert.equal(version(), v0, 'reads change nothing');
      await store.putDocument(syntheticDoc(1));
      const v1 = version();
      assert.notEqual(v1, v0, 'own write');
      await other.putDocument(syntheticDoc(2));
      assert.notEqual(version(), v1, "another connection's write");
    } finally {
      await other.close();
      await store.close();
    }
  });
});
