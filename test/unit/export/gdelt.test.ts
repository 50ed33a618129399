import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GDELT_COLUMNS, GDELT_EMPTY_COLUMNS, gdeltEventId, gdeltLines, gdeltValues } from '../../../src/export/gdelt.js';
import type { ActorInfo } from '../../../src/export/actor-info.js';
import { collect, hit, mergedHit } from './hits.js';

test('gdelt has the 61 columns of the GDELT 2.0 event table in codebook order', () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.deepEqual(GDELT_COLUMNS.slice(0, 7), ['GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate', 'Actor1Code', 'Actor1Name']);
  assert.equal(GDELT_COLUMNS[15], 'Actor2Code');
  assert.deepEqual(GDELT_COLUMNS.slice(25, 35), [
    'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ]);
  assert.equal(GDELT_COLUMNS[35], 'Actor1Geo_Type');
  assert.equal(GDELT_COLUMNS[51], 'ActionGeo_Type');
  assert.deepEqual(GDELT_COLUMNS.slice(-2), ['DATEADDED', 'SOURCEURL']);
  assert.equal(new Set(GDELT_COLUMNS).size, 61);
});

test('gdelt fills the columns parley codes and leaves the documented ones empty', () => {
  const v = gdeltValues(hit());
  assert.equal(v.length, 61);
  const col = (n: string) => v[GDELT_COLUMNS.indexOf(n)];
  assert.equal(col('SQLDATE'), '20310304');
  assert.equal(col('MonthYear'), '203103');
  assert.equal(col('Year'), 2031);
  assert.equal(col('FractionDate'), Number((2031 + (3 * 30 + 4) / 365).toFixed(4)));
  assert.equal(col('Actor1Code'), 'NORGOV');
  assert.equal(col('Actor1Name'), 'NORWAY');
  assert.equal(col('Actor1CountryCode'), 'NOR');
  assert.equal(col('Actor1Type1Code'), 'GOV');
  assert.equal(col('Actor2Code'), 'CHL');
  assert.equal(col('IsRootEvent'), 1);
  assert.equal(col('EventCode'), '051');
  assert.equal(col('EventBaseCode'), '051');
  assert.equal(col('EventRootCode'), '05');
  assert.equal(col('QuadClass'), 1);
  assert.equal(col('GoldsteinScale'), 3.4);
  assert.equal(col('NumMentions'), 1);
  assert.equal(col('NumSources'), 1);
  assert.equal(col('NumArticles'), 1);
  assert.equal(col('DATEADDED'), '20310305060708');
  assert.equal(col('SOURCEURL'), 'https://news.example/doc-1');
  for (const c of GDELT_EMPTY_COLUMNS) assert.equal(col(c), null, c);
  assert.equal(GDELT_EMPTY_COLUMNS.length, 35);
});

test('gdelt ids are stable numbers below 2^52', () => {
  const id = gdeltEventId('doc-1:e0');
  assert.equal(id, gdeltEventId('doc-1:e0'));
  assert.notEqual(id, gdeltEventId('doc-1:e1'));
  assert.ok(Number.isSafeInteger(id) && id < 2 ** 52);
});

test('gdelt uses the knowledge base for organisations, persons for names, and the lead for IsRootEvent', () => {
  const info: ActorInfo = { kind: (c) => (c === 'UNO' ? 'igo' : 'country'), name: (c) => (c === 'UNO' ? 'United Nations' : undefined) };
  const h = hit(
    { target: { code: 'UNO', name: 'the UN', sector: null, person: null }, source: { code: 'NOR', name: 'the minister', sector: 'GOV', person: 'Ola Nordmann' } },
    { lead: { start: 500, end: 600 } },
  );
  const v = gdeltValues(h, info);
  const col = (n: string) => v[GDELT_COLUMNS.indexOf(n)];
  assert.equal(col('Actor1Name'), 'OLA NORDMANN');
  assert.equal(col('Actor2Code'), 'UNO');
  assert.equal(col('Actor2Name'), 'UNITED NATIONS');
  assert.equal(col('Actor2CountryCode'), null);
  assert.equal(col('Actor2KnownGroupCode'), 'UNO');
  assert.equal(col('IsRootEvent'), 0);
  const undated = gdeltValues(hit({ date: null }));
  assert.equal(undated[1], null);
  assert.equal(undated[4], null);
});

test('gdelt lines are tab-separated with no tabs or breaks inside cells and no header', async () => {
  const out = await collect(gdeltLines([hit({ source: { code: 'NOR', name: 'tab\there\nand', sector: null, person: null } })]));
  const lines = out.split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, 1);
  const cells = lines[0].split('\t');
  assert.equal(cells.length, 61);
  assert.equal(cells[6], 'TAB HERE AND');
});

test('gdelt writes a merged event with its own id and GDELT counts, and its representative article as SOURCEURL', () => {
  const col = (values: unknown[], c: string) => values[GDELT_COLUMNS.indexOf(c)];
  const m = gdeltValues(mergedHit());
  assert.equal(col(m, 'GLOBALEVENTID'), gdeltEventId('m-0123456789abcdef'));
  assert.deepEqual([col(m, 'NumMentions'), col(m, 'NumSources'), col(m, 'NumArticles')], [5, 2, 3]);
  assert.equal(col(m, 'SOURCEURL'), 'https://news.example/doc-1');
  assert.equal(col(m, 'IsRootEvent'), 1, "the representative's evidence lies in its lead");
  const r = gdeltValues(hit());
  assert.deepEqual([col(r, 'NumMentions'), col(r, 'NumSources'), col(r, 'NumArticles')], [1, 1, 1], 'a raw event is one article');
});
