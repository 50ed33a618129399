import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finishGold, loadConflibert, rootOfCoderValue, scoreConflibert } from '../../../src/eval/conflibert.js';
import type { PredEvent } from '../../../src/eval/pred-event.js';
import { fixture } from './fixture-path.js';

const p = (root: string): PredEvent => ({ source: 'AAA', target: 'BBB', root, code: `${root}0`, date: null });

function load() {
  const set = loadConflibert(fixture('conflibert-mini'));
  assert.ok(set);
  return set;
}

test('rootOfCoderValue reads the root of a coder value', () => {
  assert.equal(rootOfCoderValue('3-11 Disapprove'), '11');
  assert.equal(rootOfCoderValue('0-2 Appeal'), '02');
  assert.equal(rootOfCoderValue(''), null);
  assert.equal(rootOfCoderValue('3-Verbal Conflict'), null);
});

test('loadConflibert gathers complete annotations of every round per sentence', () => {
  const set = load();
  assert.deepEqual(set.problems, []);
  assert.deepEqual(set.items.map((i) => i.id), ['cameo_100-1', 'cameo_100-2', 'cameo_100-3']);
  assert.equal(set.items[0].text, 'Norway accused Sweden of hiding the fishing quota figures.');
  const first = set.gold.get('cameo_100-1')!;
  assert.deepEqual(first.annotations.map((a) => [a.round, a.coder, a.roots]), [
    ['1', 1, ['11']],
    ['1', 2, ['11', '12']],
    ['1', 3, ['12']],
    ['2', 1, ['11']],
  ]);
  assert.equal(first.majorityRoot, '11');
  assert.deepEqual(first.anyRoots, ['11', '12']);
  assert.equal(set.gold.get('cameo_100-2')!.noEvent, true);
  assert.equal(set.gold.get('cameo_100-3')!.majorityRoot, '02');
});

test('loadConflibert returns undefined when the folder is absent', () => {
  assert.equal(loadConflibert(fixture('.') + '/no-such-folder'), undefined);
});

test('loadConflibert computes pairwise first-root agreement within rows', () => {
  assert.deepEqual(load().agreement, { pairs: 5, agreeing: 2, rate: 0.4 });
});

test('finishGold finds no majority when no root is named by more than half of the coders', () => {
  const g = finishGold({
    id: 'x',
    annotations: [
      { round: '1', coder: 1, roots: ['04'] },
      { round: '1', coder: 2, roots: ['05'] },
    ],
    rootVotes: {},
    majorityRoot: null,
    anyRoots: [],
    noEvent: false,
  });
  assert.equal(g.majorityRoot, null);
  assert.equal(g.noEvent, false);
});

test('scoreConflibert scores the first prediction against majority and any coder, with agreement beside', () => {
  const set = load();
  const preds = new Map([
    ['cameo_100-1', [p('12'), p('11')]],
    ['cameo_100-2', [p('01')]],
    ['cameo_100-3', [p('02')]],
  ]);
  const r = scoreConflibert(set.gold, preds, set.agreement);
  assert.equal(r.figures.majorityAccuracy, 0.5);
  assert.equal(r.figures.anyCoderAccuracy, 1);
  assert.equal(r.figures.coverage, 1);
  assert.equal(r.figures.falseAlarmRate, 1);
  assert.equal(r.figures.humanAgreement, 0.4);
  assert.deepEqual(r.misses.map((m) => [m.id, m.predicted]), [
    ['cameo_100-1', '12'],
    ['cameo_100-2', '01'],
  ]);
});

test('scoreConflibert counts sentences without prediction as wrong', () => {
  const r = scoreConflibert(load().gold, new Map());
  assert.equal(r.figures.majorityAccuracy, 0);
  assert.equal(r.figures.coverage, 0);
  assert.equal(r.figures.falseAlarmRate, 0);
  assert.equal(r.figures.humanAgreement, null);
});
