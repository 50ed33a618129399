/**
 * The merged-event queries of the Store (`queryMergedEvents`, `getMergedEventDetail`,
 * `ClusterStore.listMergedEvents`, `getEvent`'s `mergedId`) on every store in `STORES`. The raw
 * events are invented lines about fictional countries (see `eventDoc`); the resolution rows are
 * written by hand through `runResolution`, so that every count, representative and order is known
 * here without depending on the resolver's decisions.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Event } from '../../../src/doc.js';
import { isParleyError } from '../../../src/errors.js';
import type { LinkRow, MergedHead, ResolutionWrite } from '../../../src/store/clusters.js';
import { outletOf } from '../../../src/store/clusters.js';
import { MERGED_SORT_KEYS, mergedPageSql } from '../../../src/store/merged-query.js';
import type { MergedEventFilter, MergedHit, MergedPageRequest, MergedSort } from '../../../src/store/merged-query.js';
import { openStore } from '../../../src/store/open-store.js';
import { binder, fullText } from '../../../src/store/sqlite/event-queries.js';
import type { SqliteStore } from '../../../src/store/sqlite/store.js';
import type { Store, StoredDoc } from '../../../src/store/store.js';
import { eventDoc, followPages } from './fixtures.js';
import { cleanupLocations, freshLocation, postgresUnavailable, STORES } from './setup.js';

const pgSkip = STORES.includes('postgres') ? await postgresUnavailable() : undefined;
if (pgSkip) process.stderr.write(`merged query tests: skipping postgres: ${pgSkip}\n`);

after(cleanupLocations);

const DOCS: StoredDoc[] = [
  eventDoc('d1', 'Talks about the river begin', [
    { line: 'NRV met KST', cameo: '040', quad: 1, goldstein: 1, date: '2031-03-03' },
    { line: 'KST sanctioned NRV', cameo: '163', quad: 4, goldstein: -8, date: '2031-03-10' },
  ], { source: 'Wire A' }),
  eventDoc('d2', 'Shelling near the border', [
    { line: 'NRV met KST', cameo: '040', quad: 1, goldstein: 1, date: '2031-03-03' },
    { line: 'OST attacked NRV', cameo: '190', quad: 4, goldstein: -10, date: null },
  ], { source: 'Wire B' }),
  eventDoc('d3', 'Harbour measures follow talks', [
    { line: 'NRV met KST', cameo: '040', quad: 1, goldstein: 1, date: '2031-03-04' },
    { line: 'KST sanctioned NRV', cameo: '163', quad: 4, goldstein: -8, date: '2031-03-10' },
  ], { source: 'Wire A' }),
  eventDoc('d4', 'A week of appeals', [
    { line: 'ULO criticised OST', cameo: '111', quad: 3, goldstein: -2, date: '2031-04-20' },
    { line: 'NRV phoned KST', cameo: '041', quad: 1, goldstein: 1, date: '2031-03-09', person: 'Ilsa Varn' },
    { line: 'NRV appealed ULO', cameo: '0211', quad: 1, goldstein: 3.4, date: '2030-12-31' },
  ], { source: 'Daily C' }),
];

const ev = (doc: number, i: number): Event => DOCS[doc].events[i];

/** Merged id → its raw events; the first is the representative. */
const MERGED: Record<string, Event[]> = {
  'm-met': [ev(1, 0), ev(0, 0), ev(2, 0)],
  'm-sanction': [ev(0, 1), ev(2, 1)],
  'm-attack': [ev(1, 1)],
  'm-criticise': [ev(3, 0)],
  'm-phone': [ev(3, 1)],
};
/** d4's appeal stays unresolved. */
const UNRESOLVED = ev(3, 2);

function headOf(id: string, rep: Event): MergedHead {
  const { docId, evidence, ...fields } = rep;
  void docId;
  void evidence;
  return { ...fields, id, numMentions: 0, numSources: 0, numArticles: 0, representative: rep.id };
}

function resolutionWrite(): ResolutionWrite {
  const heads: MergedHead[] = [];
  const links: LinkRow[] = [];
  for (const [id, events] of Object.entries(MERGED)) {
    heads.push(headOf(id, events[0]));
    for (const e of events) {
      const d = DOCS.find((x) => x.id === e.docId)!;
      links.push({ eventId: e.id, mergedId: id, docId: d.id, outlet: outletOf({ id: d.id, source: d.meta.source ?? null, url: null }), mentions: e.evidence.length });
    }
  }
  return { signatures: [], bands: [], relabel: [], heads, links, touched: Object.keys(MERGED) };
}

const mergedIds = (hits: MergedHit[]) => hits.map((h) => h.event.id);

/** Every page of a merged query, following cursors. */
const allPages = (store: Store, f: MergedEventFilter, p: MergedPageRequest = {}): Promise<MergedHit[][]> =>
  followPages((cursor) => store.queryMergedEvents(f, { ...p, cursor }));

const badCursor = (e: unknown) => isParleyError(e) && e.code === 'PARLEY_API_BAD_CURSOR';

for (const kind of STORES) {
  describe(`${kind} merged queries`, { skip: kind === 'postgres' ? pgSkip : undefined }, () => {
    let store: Store;
    before(async () => {
      store = await openStore(freshLocation(kind));
      await store.putDocuments(DOCS);
      await store.clusters.runResolution(function* () {
        yield (tx) => tx.write(resolutionWrite());
        return true;
      });
    });
    after(async () => store?.close());

    test(`${kind} queryMergedEvents lists merged events newest first with counts, raw ids and the representative's evidence`, async () => {
      const page = await store.queryMergedEvents({}, { limit: 100 });
      assert.equal(page.next, null);
      assert.deepEqual(mergedIds(page.hits), ['m-criticise', 'm-sanction', 'm-phone', 'm-met', 'm-attack']);
      const met = page.hits.find((h) => h.event.id === 'm-met')!;
      assert.deepEqual(
        [met.event.numMentions, met.event.numSources, met.event.numArticles],
        [3, 2, 3],
        'three articles from two outlets (Wire A twice), one evidence sentence each',
      );
      assert.deepEqual(met.event.eventIds, [ev(0, 0).id, ev(1, 0).id, ev(2, 0).id], 'raw events oldest document first');
      assert.equal(met.event.representative, ev(1, 0).id);
      assert.equal(met.event.docId, 'd2', "the head's document is the representative's");
      assert.deepEqual(met.event.evidence, ev(1, 0).evidence);
      assert.equal(met.document.id, 'd2');
      assert.equal(met.document.title, 'Shelling near the border');
      assert.equal(met.document.url, 'https://news.example/d2');
      assert.deepEqual([met.event.cameo.code, met.event.source.code, met.event.target.code, met.event.date], ['040', 'NRV', 'KST', '2031-03-03']);
      const sanction = page.hits.find((h) => h.event.id === 'm-sanction')!;
      assert.deepEqual([sanction.event.numMentions, sanction.event.numSources, sanction.event.numArticles], [2, 1, 2]);
    });

    test(`${kind} queryMergedEvents filters like raw events`, async () => {
      const q = async (f: MergedEventFilter) => mergedIds((await store.queryMergedEvents(f, { limit: 100 })).hits).sort();
      assert.deepEqual(await q({ source: [{ code: 'NRV' }] }), ['m-met', 'm-phone']);
      assert.deepEqual(await q({ target: [{ code: 'NRV' }] }), ['m-attack', 'm-sanction']);
      assert.deepEqual(await q({ source: [{ person: 'Ilsa Varn' }] }), ['m-phone']);
      assert.deepEqual(await q({ dyad: [{ code: 'KST' }, { code: 'NRV' }] }), ['m-met', 'm-phone', 'm-sanction'], 'either direction');
      assert.deepEqual(await q({ root: ['16', '19'] }), ['m-attack', 'm-sanction']);
      assert.deepEqual(await q({ code: ['040'] }), ['m-met']);
      assert.deepEqual(await q({ quad: [4] }), ['m-attack', 'm-sanction']);
      assert.deepEqual(await q({ from: '2031-03-04', to: '2031-03-31' }), ['m-phone', 'm-sanction'], 'a range never matches the undated');
      assert.deepEqual(await q({ minArticles: 2 }), ['m-met', 'm-sanction']);
      assert.deepEqual(await q({ doc: 'd3' }), ['m-met', 'm-sanction'], 'doc: a mention comes from it');
      assert.deepEqual(await q({ q: 'shelling' }), ['m-attack', 'm-met'], 'q: a mention document matches');
      assert.deepEqual(await q({ q: '"river dispute"', minArticles: 3 }), ['m-met']);
      assert.deepEqual(await q({ q: '---' }), [], 'no searchable word matches nothing');
      assert.deepEqual(await q({ source: [{ code: "NRV' OR 1=1 --" }] }), [], 'values are bound, never spliced');
      assert.deepEqual(await q({ doc: "d1' OR '1'='1" }), []);
    });

    test(`${kind} queryMergedEvents sorts by articles, goldstein and code`, async () => {
      const order = async (sort: MergedSort, o: 'asc' | 'desc' = 'desc') =>
        mergedIds((await store.queryMergedEvents({}, { sort, order: o, limit: 100 })).hits);
      assert.deepEqual(await order('articles'), ['m-met', 'm-sanction', 'm-criticise', 'm-phone', 'm-attack'], 'articles, mentions, then date');
      assert.deepEqual(await order('articles', 'asc'), ['m-attack', 'm-phone', 'm-criticise', 'm-sanction', 'm-met']);
      assert.deepEqual(await order('goldstein', 'asc'), ['m-attack', 'm-sanction', 'm-criticise', 'm-met', 'm-phone'], 'ties by id');
      assert.deepEqual(await order('code', 'asc'), ['m-met', 'm-phone', 'm-criticise', 'm-sanction', 'm-attack']);
    });

    test(`${kind} queryMergedEvents pages follow the keyset cursor to the same list for every sort`, async () => {
      for (const sort of Object.keys(MERGED_SORT_KEYS) as MergedSort[]) {
        for (const order of ['asc', 'desc'] as const) {
          for (const f of [{}, { dyad: [{ code: 'NRV' }, { code: 'KST' }] }] as MergedEventFilter[]) {
            const whole = mergedIds((await store.queryMergedEvents(f, { sort, order, limit: 100 })).hits);
            const pages = await allPages(store, f, { sort, order, limit: 2 });
            assert.deepEqual(pages.flatMap(mergedIds), whole, `${sort} ${order} ${JSON.stringify(f)}`);
            assert.ok(pages.every((p) => p.length <= 2));
          }
        }
      }
    });

    test(`${kind} queryMergedEvents refuses a cursor of raw events, of another sort or a broken one`, async () => {
      const raw = await store.queryEvents({}, { limit: 1 });
      assert.ok(raw.next);
      await assert.rejects(store.queryMergedEvents({}, { limit: 1, cursor: raw.next! }), (e) => badCursor(e) && /raw events/.test((e as Error).message));
      const merged = await store.queryMergedEvents({}, { limit: 1 });
      assert.ok(merged.next);
      await assert.rejects(store.queryEvents({}, { cursor: merged.next! }), badCursor);
      await assert.rejects(store.queryMergedEvents({}, { sort: 'articles', cursor: merged.next! }), badCursor);
      await assert.rejects(store.queryMergedEvents({}, { cursor: 'not a cursor!' }), badCursor);
      const forged = Buffer.from(JSON.stringify({ s: 'date', o: 'desc', k: [1], i: 'x', v: 'merged' })).toString('base64url');
      await assert.rejects(store.queryMergedEvents({}, { cursor: forged }), badCursor);
    });

    test(`${kind} getMergedEventDetail gives every mention with its evidence and document`, async () => {
      const d = await store.getMergedEventDetail('m-met');
      assert.ok(d);
      assert.equal(d.event.id, 'm-met');
      assert.equal(d.event.numArticles, 3);
      assert.equal(d.document.id, 'd2');
      assert.deepEqual(
        d.mentions.map((m) => [m.event.id, m.document.id]),
        [[ev(0, 0).id, 'd1'], [ev(1, 0).id, 'd2'], [ev(2, 0).id, 'd3']],
      );
      assert.deepEqual(d.mentions[2].event, ev(2, 0), 'each mention is the raw event as stored, evidence included');
      assert.equal(d.mentions[0].document.title, 'Talks about the river begin');
      assert.equal(await store.getMergedEventDetail('m-nope'), undefined);
    });

    test(`${kind} getEvent says which merged event a raw event belongs to`, async () => {
      assert.equal((await store.getEvent(ev(2, 1).id))?.mergedId, 'm-sanction');
      const loose = await store.getEvent(UNRESOLVED.id);
      assert.ok(loose);
      assert.equal('mergedId' in loose, false, 'absent while unresolved');
    });

    test(`${kind} listMergedEvents takes one code or actor lists, most reported first, by offset or cursor`, async () => {
      const all = (await store.clusters.listMergedEvents()).map((m) => m.id);
      assert.deepEqual(all, ['m-met', 'm-sanction', 'm-criticise', 'm-phone', 'm-attack']);
      assert.deepEqual((await store.clusters.listMergedEvents({ source: 'NRV', target: 'KST' })).map((m) => m.id), ['m-met', 'm-phone']);
      assert.deepEqual((await store.clusters.listMergedEvents({ root: '16' })).map((m) => m.id), ['m-sanction']);
      assert.deepEqual((await store.clusters.listMergedEvents({ limit: 2, offset: 2 })).map((m) => m.id), all.slice(2, 4));
      assert.deepEqual((await store.clusters.listMergedEvents({ dyad: [{ code: 'NRV' }, { code: 'KST' }], limit: 2, offset: 1 })).map((m) => m.id), ['m-sanction', 'm-phone']);
      const first = await store.queryMergedEvents({}, { sort: 'articles', limit: 2 });
      const rest = await store.clusters.listMergedEvents({ cursor: first.next! });
      assert.deepEqual(rest.map((m) => m.id), all.slice(2));
      const met = (await store.clusters.listMergedEvents({ code: ['040'] }))[0];
      assert.deepEqual([met.numMentions, met.numSources, met.numArticles, met.representative], [3, 2, 3, ev(1, 0).id]);
    });

    if (kind === 'sqlite') {
      test('sqlite merged pages read one index range in order (no sort of the table)', () => {
        const db = (store as SqliteStore).db;
        const plan = (f: MergedEventFilter, p: MergedPageRequest) => {
          const q = mergedPageSql(f, p, 50, binder(), fullText(false));
          return (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
        };
        for (const [f, p, index] of [
          [{}, {}, 'merged_q_date'],
          [{ source: [{ code: 'NRV' }] }, {}, 'merged_q_source'],
          [{ root: ['16'] }, {}, 'merged_q_root'],
          [{}, { sort: 'articles' }, 'merged_q_articles'],
          [{ target: [{ code: 'KST' }] }, { sort: 'articles' }, 'merged_q_target_articles'],
          [{}, { sort: 'goldstein', order: 'asc' }, 'merged_q_goldstein'],
        ] as [MergedEventFilter, MergedPageRequest, string][]) {
          const p1 = plan(f, p);
          assert.match(p1, new RegExp(index), p1);
          assert.doesNotMatch(p1, /TEMP B-TREE/, p1);
        }
      });
    }
  });
}
