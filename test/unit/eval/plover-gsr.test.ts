import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  actorCodeMatches,
  loadPloverGsr,
  rootFitsPlover,
  scoreActorCodes,
  scorePloverGsr,
} from '../../../src/eval/plover-gsr.js';
import type { PredEvent } from '../../../src/eval/pred-event.js';
import { fixture } from './fixture-path.js';

const p = (source: string | null, target: string | null, root: string): PredEvent => ({ source, target, root, code: `${root}0`, date: null });

function load() {
  const set = loadPloverGsr(fixture('plover-mini.json'));
  assert.ok(set);
  return set;
}

test('loadPloverGsr skips the header record and reads items, events and actor codes', () => {
  const set = load();
  assert.deepEqual(
    set.items.map((i) => [i.id, i.published]),
    [
      ['MINI-AGREE-0001', '2000-01-01'],
      ['MINI-DEMAND-0001', '2000-01-01'],
      ['MINI-FIGHT-0001', '2000-01-01'],
      ['MINI-REJECT-0001', '2000-01-01'],
      ['MINI-REJECT-0001#2', '2000-01-01'],
    ],
  );
  assert.equal(set.problems.length, 1);
  assert.match(set.problems[0], /repeats id MINI-REJECT-0001; scored as MINI-REJECT-0001#2/);
  assert.equal(set.items[0].text.startsWith('Chilean and Peruvian'), true);
  const agree = set.gold.get('MINI-AGREE-0001')!;
  assert.deepEqual([agree.event, agree.sources, agree.targets, agree.reciprocal], ['AGREE', ['CHL', 'PER'], ['CHL', 'PER'], true]);
  assert.deepEqual(set.gold.get('MINI-DEMAND-0001')!.targets, ['JPN']);
});

test('loadPloverGsr returns undefined when the file is absent', () => {
  assert.equal(loadPloverGsr(fixture('.') + '/no-such-file.json'), undefined);
});

test('rootFitsPlover maps CAMEO roots to PLOVER 0.5 events', () => {
  assert.equal(rootFitsPlover('03', 'AGREE'), true);
  assert.equal(rootFitsPlover('10', 'DEMAND'), true);
  assert.equal(rootFitsPlover('2', 'DEMAND'), true);
  assert.equal(rootFitsPlover('19', 'FIGHT'), true);
  assert.equal(rootFitsPlover('01', 'AGREE'), false);
  assert.equal(rootFitsPlover('04', 'AGREE'), false);
});

test('actorCodeMatches lets any organisation code match the generic IGO and reads country sectors', () => {
  assert.equal(actorCodeMatches('EUR', 'IGO'), true);
  assert.equal(actorCodeMatches('FRA', 'IGO'), false);
  assert.equal(actorCodeMatches('USAGOV', 'USA'), true);
  assert.equal(actorCodeMatches('JAP', 'JPN'), true);
  assert.equal(actorCodeMatches(null, 'USA'), false);
});

test('scoreActorCodes scores sides with a country or IGO code, over items with a prediction', () => {
  const set = load();
  const preds = new Map([
    ['MINI-AGREE-0001', [p('PER', 'CHL', '03')]],
    ['MINI-DEMAND-0001', [p('ASEAN', 'CHN', '10')]],
    ['MINI-FIGHT-0001', [p('IND', 'PAK', '19')]],
  ]);
  const r = scoreActorCodes(set.gold, preds);
  // Sources: CHL|PER ok, IGO ok, IND ok, KEN not predicted. Targets: CHL|PER ok, JPN wrong, NGO not scored, UGA not predicted.
  assert.deepEqual(r.counts, { sourceItems: 5, sourceCovered: 3, sourceCorrect: 3, targetItems: 4, targetCovered: 2, targetCorrect: 1 });
  assert.equal(r.figures.sourceAccuracy, 1);
  assert.equal(r.figures.targetAccuracy, 0.5);
  assert.equal(r.figures.actorAccuracy, 4 / 5);
  assert.equal(r.figures.actorAccuracyAll, 4 / 9);
  assert.deepEqual(r.misses, [{ id: 'MINI-DEMAND-0001', side: 'target', gold: ['JPN'], predicted: 'CHN' }]);
});

test('scorePloverGsr scores the first prediction that fits the gold event, and coverage', () => {
  const set = load();
  const preds = new Map([
    ['MINI-AGREE-0001', [p('CHL', 'PER', '04'), p('CHL', 'PER', '03')]],
    ['MINI-DEMAND-0001', [p('IGO', 'JPN', '11')]],
    ['MINI-FIGHT-0001', [p('IND', null, '18')]],
  ]);
  const r = scorePloverGsr(set.gold, preds);
  assert.equal(r.figures.eventAccuracy, 1 / 5);
  assert.equal(r.figures.eventAnyAccuracy, 1 / 5);
  assert.equal(r.figures.coverage, 3 / 5);
  assert.deepEqual(r.perEvent.AGREE, { items: 1, correct: 1, predictedRoots: { '03': 1 } });
  assert.deepEqual(
    r.eventMisses.map((m) => [m.id, m.gold, m.predictedRoots]),
    [
      ['MINI-DEMAND-0001', 'DEMAND', ['11']],
      ['MINI-FIGHT-0001', 'FIGHT', ['18']],
      ['MINI-REJECT-0001', 'REJECT', []],
      ['MINI-REJECT-0001#2', 'REJECT', []],
    ],
  );
});
