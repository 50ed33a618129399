import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamEvents } from '../../../src/export/event-stream.js';
import { openStore } from '../../../src/store/index.js';
import { syntheticDoc } from '../store/fixtures.js';

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
