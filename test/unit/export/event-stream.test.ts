import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamEvents, streamMergedEvents } from '../../../src/export/event-stream.js';
import { resolveAll } from '../../../src/resolve/resolve.js';
import { openStore } from '../../../src/store/index.js';
import { eventDoc, syntheticDoc } from '../store/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('event-stream reads every event page by page and stops at the limit with the next cursor', async () => {
  const store = await openStore(join(dir, 's.db'));
  try {
    await store.putDocuments(Array.from({ length: 25 }, (_, i) => syntheticDoc(i)));
    const all: string[] = [];
    for await (const h of streamEvents(store, {}, { pageSize: 4 })) all.push(h.event.id);
    assert.equal(all.length, 25);
    assert.equal(new Set(all).size, 25);
    let next: string | undefined;
    const some: string[] = [];
    for await (const h of streamEvents(store, {}, { pageSize: 4, limit: 10, onTruncated: (c) => (next = c) })) some.push(h.event.id);
    assert.deepEqual(some, all.slice(0, 10));
    assert.ok(next);
    const rest: string[] = [];
    for await (const h of streamEvents(store, {}, { cursor: next })) rest.push(h.event.id);
    assert.deepEqual(rest, all.slice(10));
  } finally {
    await store.close();
  }
});

test('event-stream reads every merged event page by page, after the resolver has merged the reports', async () => {
  const store = await openStore(join(dir, 'm.db'));
  try {
    const report = (id: string, source: string) =>
      eventDoc(id, `Talks on the river, ${id}`, [{ line: 'NRV met KST', cameo: '040', quad: 1, goldstein: 1, date: '2031-03-03' }], { source });
    const other = eventDoc('r3', 'Shelling on the border', [{ line: 'OST attacked NRV', cameo: '190', quad: 4, goldstein: -10, date: '2031-03-05' }]);
    await store.putDocuments([report('r1', 'Wire A'), report('r2', 'Wire B'), other]);
    await resolveAll(store);
    const raw: string[] = [];
    for await (const h of streamEvents(store, {})) raw.push(h.event.id);
    const merged = [];
    for await (const h of streamMergedEvents(store, {}, { pageSize: 1, sort: 'articles' })) merged.push(h.event);
    assert.equal(merged.length, 2);
    assert.equal(new Set(merged.map((e) => e.id)).size, merged.length);
    assert.deepEqual(merged.flatMap((e) => e.eventIds).sort(), [...raw].sort(), 'every raw event in exactly one merged event');
    assert.equal(merged[0].numArticles, 2, 'the two reports of the talks are one event, listed first');
    assert.equal(merged[1].numArticles, 1);
    let next: string | undefined;
    const some = [];
    for await (const h of streamMergedEvents(store, {}, { pageSize: 1, limit: 1, onTruncated: (c) => (next = c) })) some.push(h.event.id);
    assert.equal(some.length, 1);
    assert.ok(next);
    const rest = [];
    for await (const h of streamMergedEvents(store, {}, { cursor: next })) rest.push(h.event.id);
    assert.equal(rest.length, 1);
    assert.notEqual(rest[0], some[0]);
  } finally {
    await store.close();
  }
});
