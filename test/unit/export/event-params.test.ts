import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKb } from '../../../src/actors/kb.js';
import { loadCameo } from '../../../src/code/cameo.js';
import { actorRefOf, eventFilterOf, expandCameoCodes, isDate, mergedFilterOf } from '../../../src/export/event-params.js';

const cameo = loadCameo();
const kb = loadKb();

test('event-params reads actors as codes, KB person ids, country names or person names', () => {
  assert.deepEqual(actorRefOf('source', 'CHN', kb), { ok: true, value: { code: 'CHN' } });
  assert.deepEqual(actorRefOf('source', 'nato', kb), { ok: true, value: { code: 'NATO' } });
  assert.deepEqual(actorRefOf('source', 'Iran', kb), { ok: true, value: { code: 'IRN' } });
  assert.deepEqual(actorRefOf('source', 'chn-xi-jinping', kb), { ok: true, value: { person: 'Xi Jinping' } });
  assert.deepEqual(actorRefOf('source', 'Somebody Unknown', kb), { ok: true, value: { person: 'Somebody Unknown' } });
  assert.deepEqual(actorRefOf('source', 'ABC'), { ok: true, value: { code: 'ABC' } }, 'codes without a KB');
  assert.equal(actorRefOf('source', 'x'.repeat(101), kb).ok, false);
});

test('event-params expands a CAMEO code to its sub-codes and refuses unknown codes', () => {
  assert.deepEqual(expandCameoCodes('code', ['021'], cameo), { ok: true, value: ['021', '0211', '0212', '0213', '0214'] });
  assert.deepEqual(expandCameoCodes('code', ['041'], cameo), { ok: true, value: ['041'] });
  const bad = expandCameoCodes('code', ['999'], cameo);
  assert.equal(bad.ok, false);
});

test('event-params builds the store filter and names the first bad field', () => {
  const f = eventFilterOf({ source: 'CHN,USA', dyad: 'CHN,IRN', root: '16,17', quad: '3,4', from: '2022-01-01', to: '2022-12-31', q: ' sanctions ' }, { cameo, kb });
  assert.deepEqual(f, {
    ok: true,
    value: {
      source: [{ code: 'CHN' }, { code: 'USA' }],
      dyad: [{ code: 'CHN' }, { code: 'IRN' }],
      root: ['16', '17'],
      quad: [3, 4],
      from: '2022-01-01',
      to: '2022-12-31',
      q: ' sanctions ',
    },
  });
  const problem = (p: object) => {
    const r = eventFilterOf(p, { cameo, kb });
    return r.ok ? undefined : r.problem.field;
  };
  assert.equal(problem({ root: '21' }), 'root');
  assert.equal(problem({ quad: '0' }), 'quad');
  assert.equal(problem({ from: '2022-02-29' }), 'from');
  assert.equal(problem({ from: '2022-03-02', to: '2022-03-01' }), 'to');
  assert.equal(problem({ dyad: 'CHN,IRN,USA' }), 'dyad');
  assert.equal(problem({ source: Array(21).fill('CHN').join(',') }), 'source');
  assert.deepEqual(eventFilterOf({ q: '   ' }, { cameo }), { ok: true, value: {} }, 'a blank text query is no filter');
  assert.ok(isDate('2024-02-29'));
  assert.ok(!isDate('2023-02-29'));
});

test('event-params builds the merged-event filter: the event filter and a whole number of articles', () => {
  assert.deepEqual(mergedFilterOf({ source: 'CHN', minArticles: '3' }, { cameo, kb }), { ok: true, value: { source: [{ code: 'CHN' }], minArticles: 3 } });
  assert.deepEqual(mergedFilterOf({ minArticles: 2 }, { cameo }), { ok: true, value: { minArticles: 2 } });
  assert.deepEqual(mergedFilterOf({ root: '04' }, { cameo }), eventFilterOf({ root: '04' }, { cameo }));
  for (const bad of ['0', '-1', '2.5', 'two', '', 0, 1.5]) {
    const r = mergedFilterOf({ minArticles: bad }, { cameo });
    assert.equal(r.ok, false, String(bad));
    if (!r.ok) assert.equal(r.problem.field, 'minArticles');
  }
  const first = mergedFilterOf({ root: '4', minArticles: '0' }, { cameo });
  assert.equal(!first.ok && first.problem.field, 'root', 'the event filter is read first');
});
