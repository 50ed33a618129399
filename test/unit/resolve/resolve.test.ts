/**
 * Cross-document resolution on both stores (STORES=sqlite,postgres): story clusters, merged
 * events and their counts, what must not merge, idempotence, re-resolution of changed documents,
 * a rebuild from scratch, and the resolution lock.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openStore } from '../../../src/store/open-store.js';
import type { PostgresStore } from '../../../src/store/postgres/store.js';
import type { Store } from '../../../src/store/store.js';
import { resolveAll, resolveDocuments, resolveNewDocuments } from '../../../src/resolve/index.js';
import { filler, storedDoc } from '../../fixtures/resolve/docs.js';
import type { DocSpec } from '../../fixtures/resolve/docs.js';
import { cleanupLocations, freshLocation, postgresUnavailable, STORES } from '../store/setup.js';
import type { StoreKind } from '../store/setup.js';

const pgSkip = STORES.includes('postgres') ? await postgresUnavailable() : undefined;
after(cleanupLocations);

async function withStore(kind: StoreKind, fn: (s: Store) => Promise<void>): Promise<void> {
  const store = await openStore(freshLocation(kind));
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

/** Put documents and resolve them; returns the merged id of every raw event, by `<doc>#<index>`. */
async function putAndResolve(store: Store, specs: DocSpec[]): Promise<Map<string, string | undefined>> {
  const docs = specs.map(storedDoc);
  await store.putDocuments(docs);
  await resolveDocuments(store, docs.map((d) => d.id));
  const out = new Map<string, string | undefined>();
  for (const d of docs) for (const [i, e] of d.events.entries()) out.set(`${d.id}#${i}`, await store.clusters.mergedEventOf(e.id));
  return out;
}

const call = (date: string | null, basis: 'explicit' | 'relative' | 'publication' | 'unknown' = 'relative', mentions = 1) => ({
  source: 'CHN',
  target: 'FRA',
  code: '041',
  date,
  basis,
  mentions,
});

for (const kind of STORES) {
  describe(`${kind} resolve`, { skip: kind === 'postgres' ? pgSkip : undefined }, () => {
    test(`${kind} resolve merges reports of one event into one merged event with GDELT counts and every mention's evidence`, async () => {
      await withStore(kind, async (store) => {
        const m = await putAndResolve(store, [
          { id: 'a', text: filler(1), outlet: 'Harbor Wire', events: [call('2024-03-08', 'explicit', 2)] },
          { id: 'b', text: filler(2), outlet: 'Daily Meridian', events: [call('2024-03-09', 'relative')] },
          { id: 'c', text: filler(3), outlet: 'Harbor Wire', events: [{ ...call('2024-03-09', 'publication'), code: '040' }] },
        ]);
        const id = m.get('a#0');
        assert.ok(id);
        assert.equal(m.get('b#0'), id);
        assert.equal(m.get('c#0'), id);
        const merged = await store.clusters.getMergedEvent(id);
        assert.ok(merged);
        assert.equal(merged.numArticles, 3);
        assert.equal(merged.numSources, 2, 'two outlets');
        assert.equal(merged.numMentions, 4, 'two evidence entries in a, one each in b and c');
        assert.equal(merged.date, '2024-03-08', 'the head is the explicitly dated mention');
        assert.equal(merged.dateBasis, 'explicit');
        assert.equal(merged.cameo.code, '041');
        assert.deepEqual(merged.mentions?.map((e) => e.docId), ['a', 'b', 'c']);
        assert.deepEqual(merged.mentions?.map((e) => e.evidence.length), [2, 1, 1]);
        const list = await store.clusters.listMergedEvents({ source: 'CHN', target: 'FRA' });
        assert.deepEqual(list.map((x) => [x.id, x.numArticles]), [[id, 3]]);
      });
    });

    test(`${kind} resolve keeps unrelated events on the same dyad apart: another root, the same root days later, the other direction`, async () => {
      await withStore(kind, async (store) => {
        const m = await putAndResolve(store, [
          { id: 'a', text: filler(1), events: [call('2024-03-08')] },
          { id: 'b', text: filler(2), events: [{ source: 'CHN', target: 'FRA', code: '111', date: '2024-03-08' }] },
          { id: 'c', text: filler(3), events: [call('2024-03-11')] },
          { id: 'd', text: filler(4), events: [{ ...call('2024-03-08'), source: 'FRA', target: 'CHN' }] },
          { id: 'e', text: filler(5), events: [call('2024-03-09', 'explicit')] },
          { id: 'f', text: filler(6), events: [call('2024-03-13', 'explicit')] },
          { id: 'g', text: filler(7), events: [call(null)] },
        ]);
        assert.equal(m.get('e#0'), m.get('a#0'), 'relative 8th and explicit 9th are one call');
        const ids = ['a', 'b', 'c', 'd', 'f', 'g'].map((d) => m.get(`${d}#0`));
        assert.equal(new Set(ids).size, ids.length, 'each of the others is its own event');
        assert.equal((await store.clusters.resolutionStats()).mergedEvents, 6);
      });
    });

    test(`${kind} resolve puts cut, extended and boilerplate copies in the original's story, and their undated events in its event`, async () => {
      await withStore(kind, async (store) => {
        const original = [filler(10), filler(11), filler(12), filler(13), filler(14)].join('\n');
        const m = await putAndResolve(store, [
          { id: 'orig', text: original, events: [call('2024-03-08', 'relative')] },
          { id: 'cut', text: original.split('\n').slice(0, 3).join('\n'), events: [call(null, 'unknown')] },
          { id: 'longer', text: `${original}\n${filler(15)}`, events: [call('2024-03-13', 'relative')] },
          { id: 'wrapped', text: `Share this article\n${original}\nCopyright 2024 Example Syndication.`, events: [] },
          { id: 'other', text: [filler(20), filler(21), filler(22)].join('\n'), events: [call(null, 'unknown')] },
        ]);
        const story = await store.clusters.getStory('orig');
        assert.ok(story);
        assert.deepEqual(story.documents.map((d) => d.docId).sort(), ['cut', 'longer', 'orig', 'wrapped']);
        assert.equal(story.id, 'cut', 'a story is labelled with its smallest document id');
        const cut = story.documents.find((d) => d.docId === 'cut')!;
        assert.equal(cut.containment, 1);
        assert.ok(cut.similarity! < 0.75);
        assert.deepEqual((await store.clusters.getStory('other'))?.documents.map((d) => d.docId), ['other']);
        assert.equal(m.get('cut#0'), m.get('orig#0'), 'an undated mention joins its story’s event');
        assert.equal(m.get('longer#0'), m.get('orig#0'), 'a republished copy five days later is the same event');
        assert.notEqual(m.get('other#0'), m.get('orig#0'), 'an undated mention outside the story joins nothing');
      });
    });

    test(`${kind} resolve joins two stories that a later document bridges, under the smaller label`, async () => {
      await withStore(kind, async (store) => {
        const p1 = [filler(30), filler(31), filler(32)].join('\n');
        const p2 = [filler(33), filler(34), filler(35)].join('\n');
        await putAndResolve(store, [
          { id: 'x2', text: p1 },
          { id: 'x1', text: p2 },
        ]);
        assert.notEqual((await store.clusters.getStory('x1'))?.id, (await store.clusters.getStory('x2'))?.id);
        // Both parts, each followed by its own words: contains most of both (a digest of two wires).
        await putAndResolve(store, [{ id: 'x3', text: `${p1}\n${p2}` }]);
        for (const id of ['x1', 'x2', 'x3']) assert.equal((await store.clusters.getStory(id))?.id, 'x1', id);
      });
    });

    test(`${kind} resolve is idempotent: resolving again or re-queuing resolved documents changes nothing`, async () => {
      await withStore(kind, async (store) => {
        const specs = [
          { id: 'a', text: filler(1), events: [call('2024-03-08')] },
          { id: 'b', text: filler(2), events: [call('2024-03-08')] },
        ];
        const m1 = await putAndResolve(store, specs);
        const stats1 = await store.clusters.resolutionStats();
        const again = await resolveDocuments(store, ['a', 'b', 'missing']);
        assert.equal(again.documents, 0);
        assert.equal(again.taken, 3);
        assert.deepEqual(await store.clusters.resolutionStats(), stats1);
        const m2 = new Map<string, string | undefined>();
        for (const s of specs) m2.set(`${s.id}#0`, await store.clusters.mergedEventOf(storedDoc(s).events[0].id));
        assert.deepEqual(m2, m1);
        assert.equal(await store.clusters.pendingResolution(), 0);
      });
    });

    test(`${kind} resolve re-resolves a document whose content changed and drops links to its old events`, async () => {
      await withStore(kind, async (store) => {
        const m = await putAndResolve(store, [
          { id: 'a', text: filler(1), events: [call('2024-03-08')] },
          { id: 'b', text: filler(2), events: [call('2024-03-08')] },
        ]);
        const merged = m.get('a#0')!;
        assert.equal((await store.clusters.getMergedEvent(merged))?.numArticles, 2);
        // b is corrected: it reports a condemnation, not a call.
        const b2 = storedDoc({ id: 'b', text: `${filler(2)} Corrected.`, events: [{ source: 'CHN', target: 'FRA', code: '111', date: '2024-03-08' }] });
        assert.equal(await store.putDocument(b2), 'updated');
        await resolveDocuments(store, ['b']);
        assert.equal((await store.clusters.getMergedEvent(merged))?.numArticles, 1);
        const other = await store.clusters.mergedEventOf(b2.events[0].id);
        assert.ok(other && other !== merged);
        assert.equal((await store.clusters.resolutionStats()).links, 2);
      });
    });

    test(`${kind} resolve is reversible: a reset keeps raw events, and a rebuild from scratch gives the same merges`, async () => {
      await withStore(kind, async (store) => {
        const specs: DocSpec[] = [];
        for (let i = 0; i < 12; i++) {
          specs.push({ id: `d${i}`, text: filler(100 + i), outlet: `o${i % 3}`, events: [call(`2024-03-0${1 + (i % 3) * 3}`)] });
        }
        const before = await putAndResolve(store, specs);
        const statsBefore = await store.clusters.resolutionStats();
        await store.clusters.resetResolution();
        assert.equal((await store.clusters.resolutionStats()).mergedEvents, 0);
        assert.equal((await store.stats()).events, 12, 'raw events stay');
        const run = await resolveAll(store, { chunk: 5 });
        assert.equal(run.queued, 12);
        assert.equal(run.documents, 12);
        assert.equal(run.chunks, 4, 'three chunks of work and one that finds the queue empty');
        const after = new Map<string, string | undefined>();
        for (const s of specs) after.set(`${s.id}#0`, await store.clusters.mergedEventOf(storedDoc(s).events[0].id));
        const partition = (m: Map<string, string | undefined>) => {
          const groups = new Map<string | undefined, string[]>();
          for (const [k, v] of m) groups.set(v, [...(groups.get(v) ?? []), k]);
          return [...groups.values()].map((g) => g.sort().join(',')).sort();
        };
        assert.deepEqual(partition(after), partition(before));
        assert.deepEqual(partition(before).length, 3);
        assert.deepEqual(await store.clusters.resolutionStats(), statsBefore);
      });
    });
  });
}

describe('postgres resolve lock', { skip: STORES.includes('postgres') ? pgSkip : 'STORES has no postgres' }, () => {
  test('postgres resolve returns at once while another process resolves, leaving its documents queued for the holder', async () => {
    await withStore('postgres', async (store) => {
      const pgs = store as PostgresStore;
      await store.putDocuments([storedDoc({ id: 'a', text: filler(1), events: [call('2024-03-08')] })]);
      await store.clusters.queueResolution(['a']);
      const other = new pg.Client({ connectionString: new URL(pgs.location.replace('***', '')).toString().replace(/\?.*$/, '') });
      await other.connect();
      try {
        await other.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`parley:resolve:${pgs.schema}`]);
        const run = await resolveNewDocuments(store);
        assert.equal(run.skipped, true);
        assert.equal(await store.clusters.pendingResolution(), 1);
        await other.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`parley:resolve:${pgs.schema}`]);
        const done = await resolveNewDocuments(store);
        assert.equal(done.skipped, false);
        assert.equal(done.documents, 1);
        assert.equal(await store.clusters.pendingResolution(), 0);
      } finally {
        await other.end();
      }
    });
  });
});
