import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HasFigures } from '../../../src/eval/floors.js';
import { compareFloors, formatFloorCheck, readFloors } from '../../../src/eval/floors.js';
import { repoFile } from './fixture-path.js';

const results: HasFigures[] = [
  { set: 'alpha', figures: { f1: 0.42, dateAccuracy: null, extraRate: 0.8 } },
  { set: 'beta', figures: { passRate: 0.1 } },
];

test('compareFloors reports figures below their minimum', () => {
  const check = compareFloors(results, { alpha: { f1: 0.45 }, beta: { passRate: 0.1 } });
  assert.equal(check.ok, false);
  assert.equal(check.checked, 2);
  assert.deepEqual(check.below, [{ set: 'alpha', metric: 'f1', bound: 'min', floor: 0.45, actual: 0.42 }]);
  assert.match(formatFloorCheck(check), /alpha f1 0\.420 < 0\.450/);
});

test('compareFloors checks ceilings for figures where lower is better', () => {
  assert.equal(compareFloors(results, { alpha: { extraRate: { max: 1 } } }).ok, true);
  const check = compareFloors(results, { alpha: { extraRate: { max: 0.5 } } });
  assert.deepEqual(check.below[0], { set: 'alpha', metric: 'extraRate', bound: 'max', floor: 0.5, actual: 0.8 });
});

test('compareFloors passes a missing figure only against a floor of 0', () => {
  assert.equal(compareFloors(results, { alpha: { dateAccuracy: 0 } }).ok, true);
  assert.equal(compareFloors(results, { alpha: { dateAccuracy: 0.1 } }).ok, false);
});

test('compareFloors flags a floored metric the result does not have, and skips comments and absent sets', () => {
  const check = compareFloors(results, { _comment: {} as never, alpha: { fl: 0, $note: 1 } as never, gamma: { f1: 0.9 } });
  assert.equal(check.ok, false);
  assert.deepEqual(check.missing, [{ set: 'alpha', metric: 'fl' }]);
  assert.equal(check.checked, 0);
});

test('compareFloors reads a floors file by path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-floors-'));
  const p = join(dir, 'floors.json');
  writeFileSync(p, JSON.stringify({ beta: { passRate: 0.2 } }));
  assert.equal(compareFloors(results[1], p).below.length, 1);
  writeFileSync(p, '{ not json');
  assert.throws(() => readFloors(p), /floors\.json: not valid JSON/);
});

test('the committed eval/floors.json is valid and names only known figures per set', () => {
  const path = repoFile('eval', 'floors.json');
  const table = readFloors(path);
  const known: Record<string, string[]> = {
    seed: ['precision', 'recall', 'f1', 'dyadPrecision', 'dyadRecall', 'dyadF1', 'dateAccuracy', 'codeAccuracy', 'extraRate'],
    'agnews-world': ['precision', 'recall', 'f1', 'dyadPrecision', 'dyadRecall', 'dyadF1', 'dateAccuracy', 'codeAccuracy', 'extraRate'],
    'plover-gsr-cameo': ['eventAccuracy', 'eventAnyAccuracy', 'coverage', 'sourceAccuracy', 'targetAccuracy', 'actorAccuracy', 'actorAccuracyAll', 'actorCoverage'],
    'cameo-conflibert-multicoder': ['majorityAccuracy', 'anyCoderAccuracy', 'coverage', 'falseAlarmRate', 'humanAgreement'],
    'petrarch2-unit': ['passRate', 'rootPassRate', 'rootRecall', 'rootPrecision'],
    // actor resolution on its own, added by `parley eval --all` (src/cli/eval.ts)
    'actors:seed': ['errors', 'checked'],
    'actors:plover-gsr': ['accuracy', 'precision'],
  };
  for (const [set, floors] of Object.entries(table)) {
    if (set.startsWith('_')) continue;
    assert.ok(known[set], `unknown set ${set}`);
    for (const metric of Object.keys(floors)) assert.ok(known[set].includes(metric), `${set}.${metric} is not a figure`);
  }
});
