import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPetrarchUnit, scorePetrarchUnit } from '../../../src/eval/petrarch-unit.js';
import type { PredEvent } from '../../../src/eval/pred-event.js';
import { fixture } from './fixture-path.js';

const countries = new Map([
  ['CHL', { code: 'CHL', names: ['Chile', 'Chilean', 'Santiago'] }],
  ['PER', { code: 'PER', names: ['Peru', 'Peruvian', 'Lima'] }],
]);
const cameoCodes = new Set(['161', '040', '051', '173']);

function load() {
  const set = loadPetrarchUnit(fixture('petrarch-mini.jsonl'), { countries, cameoCodes });
  assert.ok(set);
  return set;
}

const p = (source: string | null, target: string | null, code: string): PredEvent => ({ source, target, root: code.slice(0, 2), code, date: null });

test('loadPetrarchUnit returns undefined when the file is absent', () => {
  assert.equal(loadPetrarchUnit(fixture('.') + '/no-such-file.jsonl'), undefined);
});

test('loadPetrarchUnit keeps only records with real CAMEO codes and actors the sentence names', () => {
  const set = load();
  assert.equal(set.total, 9);
  assert.deepEqual(set.items.map((i) => i.id), ['REAL-01', 'REAL-02', 'IGO-01']);
  assert.equal(set.items[0].published, '1999-01-05');
  assert.deepEqual(set.gold.get('REAL-01')!.expected, [{ source: 'CHL', target: 'PER', code: '161', root: '16' }]);
  assert.equal(set.gold.get('REAL-02')!.expected.length, 2);
  assert.equal(set.gold.get('IGO-01')!.expected[0].source, 'EUR');
  const reasons = Object.fromEntries(set.dropped.map((d) => [d.id, d.reason]));
  assert.match(reasons['FICT-01'], /not a real country/);
  assert.match(reasons['FICT-02'], /does not name PER/);
  assert.match(reasons['CODE-01'], /'904' is not a CAMEO code/);
  assert.match(reasons['NONE-01'], /no events/);
  assert.match(reasons['ERR-01'], /coder error/);
  assert.match(reasons['NOCTRY-01'], /no country/);
});

test('loadPetrarchUnit trusts code shapes when no country table or CAMEO list is given', () => {
  const set = loadPetrarchUnit(fixture('petrarch-mini.jsonl'), { countries: null, cameoCodes: null });
  assert.ok(set);
  // Without names, the ISO-looking code of FICT-02 is accepted; the code's shape still drops 904.
  assert.ok(set.items.some((i) => i.id === 'FICT-02'));
  assert.ok(!set.items.some((i) => i.id === 'CODE-01'));
});

test('scorePetrarchUnit passes a record only when the predicted set equals the expected set', () => {
  const set = load();
  const preds = new Map([
    ['REAL-01', [p('CHL', 'PER', '161')]],
    ['REAL-02', [p('CHL', 'PER', '040'), p('PER', 'CHL', '042')]],
    ['IGO-01', [p('EUR', 'CHL', '051'), p('CHL', 'EUR', '051')]],
  ]);
  const r = scorePetrarchUnit(set.gold, preds);
  assert.equal(r.counts.passed, 1);
  assert.equal(r.counts.rootPassed, 2);
  assert.equal(r.figures.passRate, 1 / 3);
  assert.equal(r.figures.rootPassRate, 2 / 3);
  assert.equal(r.figures.rootRecall, 1);
  assert.equal(r.figures.rootPrecision, 4 / 5);
  assert.deepEqual(r.misses.map((m) => m.id), ['IGO-01']);
});

test('scorePetrarchUnit reduces predicted actor codes with sectors to the country', () => {
  const set = load();
  const r = scorePetrarchUnit(set.gold, new Map([['REAL-01', [p('CHLGOV', 'PER', '161')]]]));
  assert.equal(r.counts.passed, 1);
});
