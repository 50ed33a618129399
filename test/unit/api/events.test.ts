/** `GET /api/events` and `GET /api/events/:id` on a store filled through the real pipeline. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { GDELT_COLUMNS } from '../../../src/export/gdelt.js';
import { CSV_COLUMNS } from '../../../src/export/csv.js';
import { fixture, json } from './setup.js';
import type { Fixture } from './setup.js';

describe('api events', () => {
  let fx: Fixture;
  let app: FastifyInstance;
  before(async () => {
    fx = await fixture();
    app = await fx.app();
  });
  after(async () => fx.close());

  const get = (url: string) => app.inject({ method: 'GET', url });

  test('api events lists a page of events, newest first, with their documents', async () => {
    const r = await get('/api/events');
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'] as string, /^application\/json/);
    const body = json(r);
    assert.equal(body.events.length, 14);
    assert.equal(body.next, null);
    const dates = body.events.map((e: { date: string }) => e.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
    for (const e of body.events) assert.ok(body.documents[e.docId], `document of ${e.id}`);
    assert.equal(body.documents['a-sanction'].url, 'https://example.test/a-sanction');
    const sanction = body.events.find((e: { cameo: { code: string } }) => e.cameo.code === '163');
    assert.equal(sanction.source.code, 'USA');
    assert.equal(sanction.target.code, 'IRN');
    assert.equal(sanction.evidence[0].sentence, 'The United States imposed sanctions on Iran on Thursday over its missile programme.');
  });

  test('api events filters by source, target, dyad, root, code, quad, dates, text and document', async () => {
    const ids = async (q: string) => json(await get(`/api/events?${q}`)).events.map((e: any) => `${e.source.code}>${e.target.code}:${e.cameo.code}`).sort();
    assert.deepEqual(await ids('source=USA'), ['USA>IRN:163']);
    assert.deepEqual(await ids('target=NATO'), ['UKR>NATO:020']);
    assert.deepEqual(await ids('dyad=USA,IRN'), ['IRN>USA:111', 'USA>IRN:163']);
    assert.deepEqual(await ids('dyad=iran,United%20States'), ['IRN>USA:111', 'USA>IRN:163'], 'names and any case through the KB');
    assert.deepEqual(await ids('root=16,19'), ['RUS>UKR:195', 'USA>IRN:163']);
    assert.deepEqual(await ids('code=04&source=POL'), ['POL>CHN:042'], 'a root-level code matches its sub-codes');
    assert.deepEqual(await ids('quad=3'), ['IRN>CHN:112', 'IRN>USA:111']);
    assert.deepEqual(await ids('from=2022-10-01&to=2022-10-31'), ['IRN>CHN:112', 'RUS>UKR:195', 'UKR>NATO:020']);
    assert.deepEqual(await ids('q=missile'), ['IRN>USA:111', 'USA>IRN:163']);
    assert.deepEqual(await ids('q=%22air%20defence%22'), ['RUS>UKR:195', 'UKR>NATO:020']);
    assert.deepEqual(await ids('doc=a-visit'), ['CHN>POL:051', 'POL>CHN:042']);
    assert.deepEqual(await ids('source=chn-xi-jinping'), ['CHN>IRN:040', 'CHN>IRN:041'], 'a KB person id');
    assert.deepEqual(await ids('source=Wang%20Yi'), ['CHN>IRN:040'], 'a person name');
  });

  test('api events pages with a cursor and keeps the sort', async () => {
    const seen: string[] = [];
    let url = '/api/events?limit=4&sort=goldstein&order=asc';
    let pages = 0;
    for (;;) {
      const body = json(await get(url));
      pages++;
      seen.push(...body.events.map((e: { id: string }) => e.id));
      if (!body.next) break;
      url = `/api/events?limit=4&sort=goldstein&order=asc&cursor=${body.next}`;
    }
    assert.equal(pages, 4);
    const all = json(await get('/api/events?limit=100&sort=goldstein&order=asc')).events.map((e: { id: string }) => e.id);
    assert.deepEqual(seen, all);
    assert.equal(new Set(seen).size, 14);
  });

  test('api events rejects bad parameters with a 400 naming the field', async () => {
    const cases: [string, string, RegExp][] = [
      ['limit=0', 'limit', /must be >= 1/],
      ['limit=501', 'limit', /must be <= 500 for format=json/],
      ['limit=ten', 'limit', /must be integer/],
      ['sort=size', 'sort', /one of date, goldstein, code/],
      ['order=up', 'order', /one of asc, desc/],
      ['format=xml', 'format', /one of json, csv, gdelt, plover, jsonl/],
      ['root=1', 'root', /expected form/],
      ['root=21', 'root', /not a CAMEO root/],
      ['code=999', 'code', /not a CAMEO code/],
      ['quad=5', 'quad', /expected form/],
      ['from=2022-02-30', 'from', /not a date/],
      ['from=2022-03-01&to=2022-02-01', 'to', /before from/],
      ['dyad=CHN', 'dyad', /exactly two actors/],
      ['source=CHN,,IRN', 'source', /empty item/],
      ['cursor=%24%24', 'cursor', /expected form/],
      ['colour=red', 'colour', /not a query parameter of this route/],
      ['source=CHN&source=IRN', 'source', /must be string/],
    ];
    for (const [q, field, why] of cases) {
      const r = await get(`/api/events?${q}`);
      assert.equal(r.statusCode, 400, q);
      const body = json(r);
      assert.deepEqual(Object.keys(body).sort(), ['code', 'error', 'field', 'message', 'statusCode'], q);
      assert.equal(body.code, 'PARLEY_API_BAD_REQUEST', q);
      assert.equal(body.error, 'Bad Request', q);
      assert.equal(body.field, field, q);
      assert.match(body.message, why, q);
      assert.doesNotMatch(body.message, /at .*\.(ts|js):\d+/, 'no stack trace');
    }
    const bad = json(await get(`/api/events?cursor=${Buffer.from('{"s":"code","o":"asc","k":"1","i":"x"}').toString('base64url')}`));
    assert.equal(bad.code, 'PARLEY_API_BAD_CURSOR');
    assert.match(bad.message, /sorted by code asc, not date desc/);
  });

  test('api events exports CSV with quoting and a header', async () => {
    const r = await get('/api/events?format=csv&dyad=CHN,IRN&sort=code&order=asc');
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'] as string, /^text\/csv/);
    assert.match(r.headers['content-disposition'] as string, /attachment; filename="parley-events.csv"/);
    const lines = r.body.split('\r\n');
    assert.equal(lines.pop(), '', 'every line ends with CRLF');
    assert.equal(lines[0], CSV_COLUMNS.join(','));
    assert.equal(lines.length - 1, 8);
    const talks = lines.find((l) => l.includes('"Consult, not specified below"'));
    assert.ok(talks, 'a label with a comma is quoted');
  });

  test('api events exports GDELT TSV, PLOVER records and event JSON Lines', async () => {
    const g = await get('/api/events?format=gdelt&root=16');
    assert.match(g.headers['content-type'] as string, /^text\/tab-separated-values/);
    const rows = g.body.trim().split('\n').map((l) => l.split('\t'));
    assert.equal(rows.length, 1);
    assert.equal(rows[0].length, GDELT_COLUMNS.length);
    const col = (name: string) => rows[0][GDELT_COLUMNS.indexOf(name)];
    assert.equal(col('SQLDATE'), '20220811');
    assert.equal(col('Actor1Code'), 'USA');
    assert.equal(col('Actor1Name'), 'UNITED STATES');
    assert.equal(col('Actor2CountryCode'), 'IRN');
    assert.equal(col('EventCode'), '163');
    assert.equal(col('EventRootCode'), '16');
    assert.equal(col('QuadClass'), '4');
    assert.equal(col('GoldsteinScale'), '-8');
    assert.equal(col('IsRootEvent'), '1');
    assert.equal(col('SOURCEURL'), 'https://example.test/a-sanction');

    const p = await get('/api/events?format=plover&source=IRN');
    assert.match(p.headers['content-type'] as string, /^application\/x-ndjson/);
    const recs = p.body.trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(recs.length > 0);
    for (const rec of recs) {
      assert.equal(rec.actor[0].code, 'IRN');
      assert.equal(rec.event.length, 1);
      assert.ok(rec.event_text.length > 0);
    }
    const j = await get('/api/events?format=jsonl&code=041');
    const events = j.body.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(events.map((e) => e.cameo.code), ['041', '041']);
    const one = json(await get(`/api/events/${events[0].id}`));
    assert.deepEqual(one.event, events[0], 'the export line is the event record');
  });

  test('api events exports honour limit and refuse a bad cursor before streaming', async () => {
    const r = await get('/api/events?format=jsonl&limit=3');
    assert.equal(r.body.trim().split('\n').length, 3);
    const bad = await get('/api/events?format=csv&cursor=abc');
    assert.equal(bad.statusCode, 400);
    assert.equal(json(bad).code, 'PARLEY_API_BAD_CURSOR');
    const none = await get('/api/events?format=csv&source=ZZZ');
    assert.equal(none.statusCode, 200);
    assert.equal(none.body, CSV_COLUMNS.join(',') + '\r\n', 'an empty export is the header alone');
  });

  test('api events/:id returns the event with its evidence, document and mentions, or a 404', async () => {
    const list = json(await get('/api/events?code=041&source=CHN')).events;
    const r = await get(`/api/events/${list[0].id}`);
    assert.equal(r.statusCode, 200);
    const d = json(r);
    assert.deepEqual(d.event, list[0]);
    assert.equal(d.document.id, 'a-phone');
    assert.equal(d.document.title, 'China and Iran leaders discuss ties by phone');
    assert.ok(d.document.lead.start <= d.event.evidence[0].start);
    assert.deepEqual(d.mentions.map((m: { person: string }) => m.person).filter(Boolean), ['Xi Jinping', 'Ebrahim Raisi']);
    const missing = await get('/api/events/nope');
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(json(missing), { statusCode: 404, code: 'PARLEY_STORE_NOT_FOUND', error: 'Not Found', message: "No event with id 'nope' in the store." });
  });
});
