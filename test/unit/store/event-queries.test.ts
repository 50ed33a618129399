/**
 * The event queries of the Store (`queryEvents`, `getEvent`, `dyadSeries`, `network`,
 * `searchActors`) on every store in `STORES`. The documents are built by hand from invented lines
 * about fictional countries (Norvania NRV, Kestria KST, Ostmark OST) and the UN-like body ULO; each
 * event has a known date, code and Goldstein value so that every answer can be worked out here.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isParleyError } from '../../../src/errors.js';
import type { Event } from '../../../src/doc.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store, StoredDoc } from '../../../src/store/store.js';
import type { EventFilter, EventHit, EventPageRequest } from '../../../src/store/event-query.js';
import { MAX_EVENT_PAGE, periodStart } from '../../../src/store/event-query.js';
import { eventDoc, followPages, syntheticDoc } from './fixtures.js';
import type { EventSpec } from './fixtures.js';
import { cleanupLocations, freshLocation, postgresUnavailable, STORES } from './setup.js';

const pgSkip = STORES.includes('postgres') ? await postgresUnavailable() : undefined;
if (pgSkip) process.stderr.write(`event query tests: skipping postgres: ${pgSkip}\n`);

after(cleanupLocations);

const doc = (id: string, title: string, specs: EventSpec[]) => eventDoc(id, title, specs);

const DOCS: StoredDoc[] = [
  doc('d1', 'Talks about the river begin', [
    { line: 'NRV met KST', cameo: '040', quad: 1, goldstein: 1, date: '2031-03-03' }, // Monday
    { line: 'KST praised NRV', cameo: '051', quad: 1, goldstein: 3.4, date: '2031-03-05' },
    { line: 'NRV phoned KST', cameo: '041', quad: 1, goldstein: 1, date: '2031-03-09', person: 'Ilsa Varn' }, // Sunday
  ]),
  doc('d2', 'Sanctions over the harbour', [
    { line: 'KST sanctioned NRV', cameo: '163', quad: 4, goldstein: -8, date: '2031-03-10' }, // next Monday
    { line: 'NRV condemned KST', cameo: '111', quad: 3, goldstein: -2, date: '2031-03-11' },
    { line: 'OST urged KST', cameo: '020', quad: 1, goldstein: 3, date: '2031-04-02' },
  ]),
  doc('d3', 'A week of appeals', [
    { line: 'ULO criticised OST', cameo: '111', quad: 3, goldstein: -2, date: '2031-04-20' },
    { line: 'OST attacked NRV', cameo: '190', quad: 4, goldstein: -10, date: null },
    { line: 'NRV appealed ULO', cameo: '0211', quad: 1, goldstein: 3.4, date: '2030-12-31' },
  ]),
];

const ALL: Event[] = DOCS.flatMap((d) => d.events);
const byLine = (sub: string) => {
  const i = DOCS.flatMap((d) => d.events.map((e) => e.evidence[0].sentence)).findIndex((s) => s.includes(sub));
  assert.ok(i >= 0, sub);
  return ALL[i];
};

/** Every page of a query, following cursors. */
const allPages = (store: Store, f: EventFilter, p: EventPageRequest = {}): Promise<EventHit[][]> =>
  followPages((cursor) => store.queryEvents(f, { ...p, cursor }));

const ids = (hits: EventHit[]) => hits.map((h) => h.event.id);
const sorted = (events: Event[]) => events.map((e) => e.id).sort();

for (const kind of STORES) {
  describe(`${kind} event queries`, { skip: kind === 'postgres' ? pgSkip : undefined }, () => {
    let store: Store;
    before(async () => {
      store = await openStore(freshLocation(kind));
      await store.putDocuments(DOCS);
    });
    after(async () => store?.close());

    test(`${kind} queryEvents without a filter lists every event newest first, undated last`, async () => {
      const page = await store.queryEvents({}, { limit: 100 });
      assert.equal(page.next, null);
      const dates = page.hits.map((h) => h.event.date);
      assert.deepEqual(dates, [
        '2031-04-20', '2031-04-02', '2031-03-11', '2031-03-10', '2031-03-09', '2031-03-05', '2031-03-03', '2030-12-31', null,
      ]);
      const hit = page.hits.find((h) => h.event.cameo.code === '163')!;
      assert.deepEqual(hit.event, byLine('sanctioned'), 'the event comes back as it was put, evidence included');
      assert.equal(hit.document.id, 'd2');
      assert.equal(hit.document.title, 'Sanctions over the harbour');
      assert.equal(hit.document.url, 'https://news.example/d2');
      assert.deepEqual(hit.document.lead, DOCS[1].blocks[1] && { start: DOCS[1].blocks[1].start, end: DOCS[1].blocks[1].end });
    });

    test(`${kind} queryEvents filters by source, target, person, dyad in either direction`, async () => {
      const q = async (f: EventFilter) => sorted((await store.queryEvents(f, { limit: 100 })).hits.map((h) => h.event));
      assert.deepEqual(await q({ source: [{ code: 'NRV' }] }), sorted(ALL.filter((e) => e.source.code === 'NRV')));
      assert.deepEqual(await q({ target: [{ code: 'ULO' }] }), sorted([byLine('appealed')]));
      assert.deepEqual(await q({ source: [{ code: 'OST' }, { code: 'ULO' }] }), sorted(ALL.filter((e) => ['OST', 'ULO'].includes(e.source.code!))));
      assert.deepEqual(await q({ source: [{ person: 'Ilsa Varn' }] }), sorted([byLine('phoned')]));
      assert.deepEqual(
        await q({ dyad: [{ code: 'KST' }, { code: 'NRV' }] }),
        sorted(ALL.filter((e) => [e.source.code, e.target.code].sort().join() === 'KST,NRV')),
      );
      assert.deepEqual(await q({ source: [{ code: "NRV' OR 1=1 --" }] }), [], 'values are bound, never spliced');
    });

    test(`${kind} queryEvents filters by root, code, quad, dates, document and text`, async () => {
      const q = async (f: EventFilter) => sorted((await store.queryEvents(f, { limit: 100 })).hits.map((h) => h.event));
      assert.deepEqual(await q({ root: ['11'] }), sorted(ALL.filter((e) => e.cameo.root === '11')));
      assert.deepEqual(await q({ root: ['04', '05'] }), sorted(ALL.filter((e) => ['04', '05'].includes(e.cameo.root))));
      assert.deepEqual(await q({ code: ['041'] }), sorted([byLine('phoned')]));
      assert.deepEqual(await q({ quad: [4] }), sorted(ALL.filter((e) => e.quad === 4)));
      assert.deepEqual(await q({ quad: [3, 4] }), sorted(ALL.filter((e) => e.quad >= 3)));
      assert.deepEqual(
        await q({ from: '2031-03-05', to: '2031-03-10' }),
        sorted(ALL.filter((e) => e.date !== null && e.date >= '2031-03-05' && e.date <= '2031-03-10')),
      );
      assert.deepEqual(await q({ to: '2031-01-01' }), sorted([byLine('appealed')]), 'an open range never matches undated events');
      assert.deepEqual(await q({ doc: 'd3' }), sorted(DOCS[2].events));
      assert.deepEqual(await q({ q: 'harbour' }), sorted(DOCS[1].events));
      assert.deepEqual(await q({ q: 'harbour', source: [{ code: 'OST' }] }), sorted([byLine('urged')]));
      assert.deepEqual(await q({ q: '!!!' }), [], 'a query without a word matches nothing');
    });

    test(`${kind} queryEvents reads a text query that matches many documents like a rare one`, async () => {
      const many = await openStore(freshLocation(kind));
      try {
        // 1,100 documents share the words of syntheticDoc; one of them also has a rare word.
        const docs = Array.from({ length: 1100 }, (_, i) => syntheticDoc(i, 2, i === 700 ? ' quayside' : ''));
        for (let i = 0; i < docs.length; i += 250) await many.putDocuments(docs.slice(i, i + 250));
        const common = await many.queryEvents({ q: 'warned', source: [{ code: 'NRV' }] }, { limit: 5, sort: 'code', order: 'asc' });
        const all = await many.queryEvents({ source: [{ code: 'NRV' }] }, { limit: 5, sort: 'code', order: 'asc' });
        assert.deepEqual(ids(common.hits), ids(all.hits));
        const rare = await many.queryEvents({ q: 'quayside', source: [{ code: 'NRV' }] });
        assert.deepEqual(rare.hits.map((h) => h.event.docId), ['syn-700']);
      } finally {
        await many.close();
      }
    });

    test(`${kind} queryEvents pages with a cursor: every event once, in order, for each sort`, async () => {
      for (const [sort, order] of [
        ['date', 'desc'],
        ['date', 'asc'],
        ['goldstein', 'asc'],
        ['goldstein', 'desc'],
        ['code', 'asc'],
      ] as const) {
        const whole = (await store.queryEvents({}, { sort, order, limit: 100 })).hits;
        const pages = await allPages(store, {}, { sort, order, limit: 2 });
        assert.equal(pages.length, Math.ceil(ALL.length / 2), `${sort} ${order}`);
        assert.deepEqual(pages.flat().map((h) => h.event.id), ids(whole), `${sort} ${order}`);
        const keys = whole.map((h) => (sort === 'goldstein' ? h.event.goldstein : sort === 'code' ? h.event.cameo.code : h.event.date ?? ''));
        const expected = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        if (order === 'desc') expected.reverse();
        assert.deepEqual(keys, expected, `${sort} ${order}`);
      }
      const filtered = await allPages(store, { source: [{ code: 'NRV' }] }, { limit: 1 });
      assert.deepEqual(filtered.flat().map((h) => h.event.source.code), ALL.filter((e) => e.source.code === 'NRV').map(() => 'NRV'));
    });

    test(`${kind} queryEvents refuses a foreign or broken cursor and clamps the page size`, async () => {
      const first = await store.queryEvents({}, { limit: 2 });
      assert.ok(first.next);
      const bad = (e: unknown) => isParleyError(e) && e.code === 'PARLEY_API_BAD_CURSOR';
      await assert.rejects(store.queryEvents({}, { limit: 2, cursor: first.next, sort: 'goldstein' }), bad);
      await assert.rejects(store.queryEvents({}, { cursor: 'not a cursor!' }), bad);
      await assert.rejects(store.queryEvents({}, { cursor: Buffer.from('{"x":1}').toString('base64url') }), bad);
      const big = await store.queryEvents({}, { limit: 10 * MAX_EVENT_PAGE });
      assert.equal(big.hits.length, ALL.length);
      const one = await store.queryEvents({}, { limit: 0 });
      assert.equal(one.hits.length, 1, 'a page holds at least one event');
    });

    test(`${kind} getEvent returns the event, its document and the mentions of its evidence`, async () => {
      const e = byLine('phoned');
      const detail = await store.getEvent(e.id);
      assert.ok(detail);
      assert.deepEqual(detail.event, e);
      assert.equal(detail.document.id, 'd1');
      assert.deepEqual(
        detail.mentions.map((m) => [m.text, m.actor, m.person]),
        [
          ['Ilsa Varn of Norvania', 'p-ilsa-varn', 'Ilsa Varn'],
          ['Kestria', 'KST', null],
        ],
      );
      assert.equal(await store.getEvent('no-such-event'), undefined);
    });

    test(`${kind} dyadSeries counts per week and direction, with quad classes, sums and means`, async () => {
      const s = await store.dyadSeries({ code: 'NRV' }, { code: 'KST' }, { interval: 'week' });
      assert.deepEqual(
        s.points.map((p) => [p.period, p.end, p.ab.count, p.ba.count]),
        [
          ['2031-03-03', '2031-03-09', 2, 1],
          ['2031-03-10', '2031-03-16', 1, 1],
        ],
      );
      const [w1, w2] = s.points;
      assert.deepEqual(w1.ab, { count: 2, quad: [2, 0, 0, 0], goldsteinSum: 2, goldsteinMean: 1 });
      assert.deepEqual(w1.ba, { count: 1, quad: [1, 0, 0, 0], goldsteinSum: 3.4, goldsteinMean: 3.4 });
      assert.deepEqual(w2.ab, { count: 1, quad: [0, 0, 1, 0], goldsteinSum: -2, goldsteinMean: -2 });
      assert.deepEqual(w2.ba, { count: 1, quad: [0, 0, 0, 1], goldsteinSum: -8, goldsteinMean: -8 });
      const reversed = await store.dyadSeries({ code: 'KST' }, { code: 'NRV' }, { interval: 'week' });
      assert.deepEqual(reversed.points.map((p) => [p.ab.count, p.ba.count]), [[1, 2], [1, 1]]);
    });

    test(`${kind} dyadSeries fills empty periods, by day and by month, within a date range`, async () => {
      const days = await store.dyadSeries({ code: 'NRV' }, { code: 'KST' }, { interval: 'day', from: '2031-03-04', to: '2031-03-10' });
      // the asked range, quiet days at both ends included
      assert.deepEqual(days.points.map((p) => p.period), ['2031-03-04', '2031-03-05', '2031-03-06', '2031-03-07', '2031-03-08', '2031-03-09', '2031-03-10']);
      assert.deepEqual(days.points.map((p) => p.ab.count + p.ba.count), [0, 1, 0, 0, 0, 1, 1]);
      assert.equal(days.points[2].ab.goldsteinMean, null);
      const weeks = await store.dyadSeries({ code: 'NRV' }, { code: 'KST' }, { interval: 'week', from: '2031-02-20', to: '2031-03-31' });
      assert.deepEqual(
        weeks.points.map((p) => [p.period, p.ab.count + p.ba.count]),
        [['2031-02-17', 0], ['2031-02-24', 0], ['2031-03-03', 3], ['2031-03-10', 2], ['2031-03-17', 0], ['2031-03-24', 0], ['2031-03-31', 0]],
      );
      const months = await store.dyadSeries({ code: 'OST' }, { code: 'NRV' }, { interval: 'month' });
      assert.deepEqual(months.points, [], 'undated events are not in a series');
      const ulo = await store.dyadSeries({ code: 'ULO' }, { code: 'NRV' }, { interval: 'month' });
      assert.deepEqual(ulo.points.map((p) => [p.period, p.end, p.ab.count, p.ba.count]), [['2030-12-01', '2030-12-31', 0, 1]]);
      assert.equal(periodStart('2031-03-09', 'week'), '2031-03-03');
      assert.equal(periodStart('2031-03-10', 'week'), '2031-03-10');
    });

    test(`${kind} network gives actors with counts and directed edges with mean Goldstein`, async () => {
      const net = await store.network();
      const edge = (s: string, t: string) => net.edges.find((e) => e.source === s && e.target === t);
      assert.deepEqual(edge('NRV', 'KST'), { source: 'NRV', target: 'KST', events: 3, goldsteinSum: 0, goldsteinMean: 0 });
      assert.deepEqual(edge('KST', 'NRV'), { source: 'KST', target: 'NRV', events: 2, goldsteinSum: -4.6, goldsteinMean: -2.3 });
      assert.equal(net.edges.length, 6);
      assert.deepEqual(
        net.nodes.map((n) => [n.id, n.events, n.out, n.in]),
        [
          ['NRV', 7, 4, 3],
          ['KST', 6, 2, 4],
          ['OST', 3, 2, 1],
          ['ULO', 2, 1, 1],
        ],
      );
      const busy = await store.network({ min: 2 });
      assert.deepEqual(busy.edges.map((e) => `${e.source}>${e.target}`), ['NRV>KST', 'KST>NRV']);
      assert.deepEqual(busy.nodes.map((n) => [n.id, n.events]), [['NRV', 7], ['KST', 6]], 'counts include edges under min');
      const conflict = await store.network({ root: ['11', '16'], from: '2031-03-01', to: '2031-03-31' });
      assert.deepEqual(conflict.edges.map((e) => `${e.source}>${e.target}`).sort(), ['KST>NRV', 'NRV>KST']);
      const top = await store.network({ maxEdges: 1 });
      assert.equal(top.edges.length, 1);
      assert.equal(top.truncated, 5);
    });

    test(`${kind} searchActors finds codes by prefix and persons by name, with event counts`, async () => {
      assert.deepEqual(await store.searchActors('nr'), [{ kind: 'code', id: 'NRV', events: 7 }]);
      assert.deepEqual(await store.searchActors('varn'), [{ kind: 'person', id: 'Ilsa Varn', events: 1 }]);
      assert.deepEqual(
        await store.searchActors('ost', { include: [{ code: 'KST' }, { code: 'ZZZ' }] }),
        [
          { kind: 'code', id: 'KST', events: 6 },
          { kind: 'code', id: 'OST', events: 3 },
          { kind: 'code', id: 'ZZZ', events: 0 },
        ],
      );
      assert.deepEqual(await store.searchActors('qqq'), []);
      assert.deepEqual(await store.searchActors('%'), [], 'no pattern syntax reaches SQL');
    });
  });
}
