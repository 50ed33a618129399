/**
 * Merged events in the API: `GET /api/events?view=merged`, `GET /api/merged-events/:id` and the
 * `mergedId` of `GET /api/events/:id`, on a store filled through the real pipeline from
 * `test/fixtures/api/merged.jsonl` (three outlets report one meeting; one unrelated article) and
 * resolved with `resolveAll`, as `parley resolve` does.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { MERGED_CSV_COLUMNS } from '../../../src/export/csv.js';
import { GDELT_COLUMNS, gdeltEventId } from '../../../src/export/gdelt.js';
import { resolveAll } from '../../../src/resolve/resolve.js';
import { SqliteReadPool } from '../../../src/store/sqlite/read-pool.js';
import { fixture, json, MERGED_FIXTURES } from './setup.js';
import type { Fixture } from './setup.js';

type Rec = {
  id: string;
  docId: string;
  source: { code: string };
  target: { code: string };
  cameo: { code: string };
  date: string;
  evidence: { sentence: string }[];
  numMentions?: number;
  numSources?: number;
  numArticles?: number;
  representative?: string;
  eventIds?: string[];
};

const label = (e: Rec) => `${e.source.code}>${e.target.code}:${e.cameo.code}`;

describe('api merged events', () => {
  let fx: Fixture;
  let app: FastifyInstance;
  /** A raw event's detail before resolution. */
  let unresolved: { statusCode: number; body: string };
  let raw: Rec[];
  before(async () => {
    fx = await fixture({ inputs: [MERGED_FIXTURES] });
    app = await fx.app();
    raw = json(await app.inject('/api/events')).events;
    unresolved = await app.inject(`/api/events/${raw[0].id}`);
    await resolveAll(fx.store);
  });
  after(async () => fx.close());

  const get = (url: string) => app.inject({ method: 'GET', url });
  const merged = async (q = '') => json(await get(`/api/events?view=merged${q}`)).events as Rec[];
  const meeting = async () => (await merged('&source=JPN'))[0];

  test('api merged events: raw lists one event per report, merged one per real-world event with its counts', async () => {
    assert.deepEqual(raw.map(label).sort(), ['BRA>ARG:111', 'IND>JPN:040', 'IND>JPN:040', 'IND>JPN:040', 'JPN>IND:040', 'JPN>IND:040', 'JPN>IND:040']);
    assert.ok(raw.every((e) => e.numArticles === undefined), 'raw events have no merged fields');
    assert.deepEqual(json(await get('/api/events?view=raw')).events, raw, 'view=raw is the default');
    const r = await get('/api/events?view=merged');
    assert.equal(r.statusCode, 200);
    const body = json(r);
    assert.equal(body.next, null);
    assert.deepEqual(body.events.map(label).sort(), ['BRA>ARG:111', 'IND>JPN:040', 'JPN>IND:040']);
    const m = body.events.find((e: Rec) => label(e) === 'JPN>IND:040') as Rec;
    assert.deepEqual([m.numArticles, m.numSources, m.numMentions], [3, 3, 4], 'three outlets; the wire repeats the meeting in its headline');
    assert.equal(m.date, '2023-03-20', "'on Monday' read against each report's own publication date");
    const reported = raw.filter((e) => label(e) === 'JPN>IND:040').map((e) => e.id);
    assert.deepEqual([...m.eventIds!].sort(), [...reported].sort(), 'its raw event ids');
    assert.ok(m.eventIds!.includes(m.representative!));
    assert.ok(body.documents[m.docId], "the representative's document is listed");
    assert.ok(m.evidence.length > 0 && m.evidence[0].sentence.includes('Kishida'), "the representative's evidence");
    const other = body.events.find((e: Rec) => label(e) === 'BRA>ARG:111') as Rec;
    assert.deepEqual([other.numArticles, other.numSources, other.numMentions, other.eventIds!.length], [1, 1, 1, 1]);
  });

  test('api merged events take the raw filters, minArticles, the articles sort and cursors', async () => {
    const labels = async (q: string) => (await merged(`&${q}`)).map(label).sort();
    assert.deepEqual(await labels('source=JPN'), ['JPN>IND:040']);
    assert.deepEqual(await labels('target=Argentina'), ['BRA>ARG:111']);
    assert.deepEqual(await labels('dyad=IND,JPN'), ['IND>JPN:040', 'JPN>IND:040']);
    assert.deepEqual(await labels('root=04'), ['IND>JPN:040', 'JPN>IND:040']);
    assert.deepEqual(await labels('code=11'), ['BRA>ARG:111']);
    assert.deepEqual(await labels('quad=3'), ['BRA>ARG:111']);
    assert.deepEqual(await labels('from=2023-03-01&to=2023-03-31'), ['IND>JPN:040', 'JPN>IND:040']);
    assert.deepEqual(await labels('minArticles=2'), ['IND>JPN:040', 'JPN>IND:040']);
    assert.deepEqual(await labels('minArticles=4'), []);
    assert.deepEqual(await labels('q=maritime'), ['IND>JPN:040', 'JPN>IND:040'], 'a report of it matches the text');
    assert.deepEqual(await labels('doc=m-other'), ['BRA>ARG:111'], 'a report of it comes from the document');
    assert.deepEqual((await merged('&sort=articles')).map((e) => e.numArticles), [3, 3, 1], 'most reported first');
    const seen: string[] = [];
    let url = '/api/events?view=merged&sort=articles&order=asc&limit=1';
    for (let i = 0; i < 5; i++) {
      const body = json(await get(url));
      seen.push(...body.events.map((e: Rec) => e.id));
      if (body.next === null) break;
      url = `/api/events?view=merged&sort=articles&order=asc&limit=1&cursor=${body.next}`;
    }
    assert.deepEqual(seen, (await merged('&sort=articles&order=asc')).map((e) => e.id));
  });

  test('api merged events answer clear 400s naming the parameter', async () => {
    const bad = async (q: string, field: string, message?: RegExp) => {
      const r = await get(`/api/events?${q}`);
      assert.equal(r.statusCode, 400, q);
      const body = json(r);
      assert.equal(body.field, field, q);
      if (message) assert.match(body.message, message, q);
      return body;
    };
    await bad('view=merged&minArticles=0', 'minArticles');
    await bad('view=merged&minArticles=two', 'minArticles');
    await bad('minArticles=2', 'minArticles', /view=merged only/);
    await bad('view=raw&sort=articles', 'sort', /view=merged only/);
    await bad('view=deduplicated', 'view', /raw, merged/);
    await bad('view=merged&root=4', 'root');
    const rawPage = json(await get('/api/events?limit=1'));
    const r = await get(`/api/events?view=merged&cursor=${rawPage.next}`);
    assert.equal(r.statusCode, 400);
    assert.equal(json(r).code, 'PARLEY_API_BAD_CURSOR');
    assert.match(json(r).message, /raw events/);
  });

  test('api merged events: a raw event names its merged event, which lists every report with its evidence and article', async () => {
    assert.equal(unresolved.statusCode, 200);
    assert.equal('mergedId' in json(unresolved), false, 'no mergedId before resolution');
    const m = await meeting();
    const e = json(await get(`/api/events/${m.eventIds![1]}`));
    assert.equal(e.mergedId, m.id);
    const r = await get(`/api/merged-events/${m.id}`);
    assert.equal(r.statusCode, 200);
    const d = json(r);
    assert.equal(d.event.id, m.id);
    assert.deepEqual([d.event.numArticles, d.event.numSources, d.event.numMentions], [3, 3, 4]);
    assert.deepEqual(d.mentions.map((x: { event: Rec }) => x.event.id), m.eventIds);
    assert.deepEqual(d.mentions.map((x: { document: { id: string } }) => x.document.id).sort(), ['m-daily', 'm-herald', 'm-wire']);
    for (const x of d.mentions) {
      assert.ok(x.event.evidence.length > 0 && x.event.evidence.every((v: { sentence: string }) => v.sentence.length > 0));
      assert.match(x.document.url, /^https:\/\/\w+\.example\.test\//);
    }
    assert.equal(d.document.id, d.event.docId);
    const missing = await get('/api/merged-events/m-0000000000000000');
    assert.equal(missing.statusCode, 404);
    assert.equal(json(missing).code, 'PARLEY_STORE_NOT_FOUND');
    assert.match(json(missing).message, /merged event/);
  });

  test('api merged events export in every format with the merged counts', async () => {
    const m = await meeting();
    const csv = await get('/api/events?view=merged&format=csv&source=JPN');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-disposition'] as string, /parley-merged-events\.csv/);
    const [header, row] = csv.body.trimEnd().split('\r\n');
    assert.equal(header, MERGED_CSV_COLUMNS.join(','));
    const cells = row.split(',');
    const at = (c: string) => cells[cells.length - MERGED_CSV_COLUMNS.length + MERGED_CSV_COLUMNS.indexOf(c as never)];
    assert.deepEqual([at('num_mentions'), at('num_sources'), at('num_articles')], ['4', '3', '3']);
    assert.deepEqual(at('event_ids').split(' '), m.eventIds);
    assert.equal(cells[0], m.id);

    const tsv = await get('/api/events?view=merged&format=gdelt&source=JPN');
    const cols = tsv.body.trimEnd().split('\t');
    const g = (c: string) => cols[GDELT_COLUMNS.indexOf(c)];
    assert.equal(g('GLOBALEVENTID'), String(gdeltEventId(m.id)));
    assert.deepEqual([g('NumMentions'), g('NumSources'), g('NumArticles')], ['4', '3', '3'], "GDELT's meaning");
    const docs = json(await get('/api/events?view=merged&source=JPN')).documents;
    assert.equal(g('SOURCEURL'), docs[m.docId].url, "the representative's article");

    const jsonl = (await get('/api/events?view=merged&format=jsonl')).body.trimEnd().split('\n').map((l) => JSON.parse(l) as Rec);
    assert.deepEqual(jsonl.map((e) => e.id).sort(), (await merged()).map((e) => e.id).sort());
    assert.ok(jsonl.every((e) => typeof e.numArticles === 'number' && Array.isArray(e.eventIds)));

    const plover = (await get('/api/events?view=merged&format=plover&dyad=JPN,IND')).body.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(plover.map((p: { id: string }) => p.id).sort(), (await merged('&dyad=JPN,IND')).map((e) => e.id).sort());
    assert.ok(plover.every((p: { event_text: string[] }) => p.event_text.length > 0));

    const rawCsv = await get('/api/events?format=csv&source=JPN');
    assert.doesNotMatch(rawCsv.body.split('\r\n')[0], /num_articles/, 'raw exports keep their columns');
  });

  test('api merged events are answered by the read pool and the cache layer alike', async () => {
    const pool = await SqliteReadPool.open(fx.db, { size: 1 });
    try {
      const pooled = await fx.app({ reads: pool });
      for (const url of ['/api/events?view=merged&sort=articles', `/api/merged-events/${(await meeting()).id}`, `/api/events/${raw[0].id}`]) {
        const a = await get(url);
        const b = await pooled.inject(url);
        assert.equal(b.statusCode, 200, url);
        assert.deepEqual(json(b), json(a), url);
      }
    } finally {
      await pool.close();
    }
  });

  test('api merged events are described in the OpenAPI document', async () => {
    const doc = json(await get('/api/openapi.json'));
    const params = doc.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
    assert.ok(params.includes('view') && params.includes('minArticles'));
    const detail = doc.paths['/api/merged-events/{id}'].get;
    assert.ok(detail.responses['200'].content['application/json'].schema.properties.mentions);
    assert.ok(doc.paths['/api/events/{id}'].get.responses['200'].content['application/json'].schema.properties.mergedId);
  });
});
