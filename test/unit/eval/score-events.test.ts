import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGold } from '../../../src/eval/gold.js';
import type { PredEvent } from '../../../src/eval/pred-event.js';
import { scoreEvents } from '../../../src/eval/score-events.js';

/** Gold from compact rows: [docId, src, tgt, root, altRoots, date, line]. */
function gold(rows: [string, string, string, string, string[]?, (string | null)?, number?][], emptyDocs: string[] = []) {
  const docs = new Map<string, object[]>();
  for (const d of emptyDocs) docs.set(d, []);
  for (const [id, src, tgt, root, alt, date, line] of rows) {
    if (!docs.has(id)) docs.set(id, []);
    docs.get(id)!.push({ src, tgt, root, code: `${root}0`, alt_roots: alt ?? [], date: date ?? null, line: line ?? 0, quote: `quote ${src} ${tgt}` });
  }
  const text = [...docs].map(([id, events]) => JSON.stringify({ id, events, drop_lines: [] })).join('\n');
  const g = parseGold(text, 'mem');
  assert.deepEqual(g.problems, []);
  return g;
}

function pred(source: string | null, target: string | null, root: string, date: string | null = null, extra: Partial<PredEvent> = {}): PredEvent {
  return { source, target, root, code: `${root}0`, date, ...extra };
}

const preds = (entries: [string, PredEvent[]][]) => new Map(entries);

test('scoreEvents matches on source, target and root and computes P, R, F1', () => {
  const g = gold([
    ['d1', 'CHN', 'IRN', '04'],
    ['d1', 'IRN', 'CHN', '04'],
  ]);
  const r = scoreEvents(g, preds([['d1', [pred('CHN', 'IRN', '04'), pred('CHN', 'IRN', '11')]]]));
  assert.equal(r.counts.matched, 1);
  assert.equal(r.figures.precision, 0.5);
  assert.equal(r.figures.recall, 0.5);
  assert.equal(r.figures.f1, 0.5);
});

test('scoreEvents accepts a predicted root listed in the gold alt_roots', () => {
  const g = gold([['d1', 'USA', 'RUS', '03', ['05']]]);
  const r = scoreEvents(g, preds([['d1', [pred('USA', 'RUS', '05')]]]));
  assert.equal(r.counts.matched, 1);
  assert.equal(r.perRoot['03'].matched, 1);
  assert.equal(r.perRoot['05'].matchedPredicted, 1);
  const wrong = scoreEvents(g, preds([['d1', [pred('USA', 'RUS', '06')]]]));
  assert.equal(wrong.counts.matched, 0);
});

test('scoreEvents counts predictions repeating source, target and root once', () => {
  const g = gold([['d1', 'ISR', 'LBN', '19']]);
  const r = scoreEvents(g, preds([['d1', [pred('ISR', 'LBN', '19'), pred('ISR', 'LBN', '19'), pred('isr', 'lbn', '19')]]]));
  assert.equal(r.counts.predictedEvents, 1);
  assert.equal(r.counts.duplicatePredictions, 2);
  assert.equal(r.figures.precision, 1);
  assert.equal(r.figures.extraRate, 0);
});

test('scoreEvents lets each gold event match at most one prediction', () => {
  const g = gold([['d1', 'TUR', 'SYR', '11', ['12']]]);
  const r = scoreEvents(g, preds([['d1', [pred('TUR', 'SYR', '11'), pred('TUR', 'SYR', '12')]]]));
  assert.equal(r.counts.matched, 1);
  assert.equal(r.falsePositives.length, 1);
  assert.equal(r.falsePositives[0].root, '12');
});

test('scoreEvents finds the maximum matching where a greedy order would lose one', () => {
  // Greedy, exact root first: the first gold event takes the '03' prediction and the second,
  // which accepts only '03', is left without one. The maximum matching gives the first '05'.
  const g = gold([
    ['d1', 'FRA', 'DEU', '03', ['05']],
    ['d1', 'FRA', 'DEU', '07', ['03']],
  ]);
  const r = scoreEvents(g, preds([['d1', [pred('FRA', 'DEU', '03'), pred('FRA', 'DEU', '05')]]]));
  assert.equal(r.counts.matched, 2);
  assert.equal(r.falsePositives.length, 0);
  const r2 = scoreEvents(g, preds([['d1', [pred('FRA', 'DEU', '05')]]]));
  assert.equal(r2.counts.matched, 1);
  assert.equal(r2.falseNegatives.length, 1);
});

test('scoreEvents scores dyads apart from events', () => {
  const g = gold([
    ['d1', 'IND', 'PAK', '11'],
    ['d1', 'IND', 'PAK', '13'],
    ['d1', 'PAK', 'IND', '12'],
  ]);
  const r = scoreEvents(g, preds([['d1', [pred('IND', 'PAK', '19'), pred('CHN', 'PAK', '04')]]]));
  assert.equal(r.counts.matched, 0);
  assert.equal(r.figures.f1, 0);
  assert.equal(r.counts.goldDyads, 2);
  assert.equal(r.counts.predictedDyads, 2);
  assert.equal(r.counts.matchedDyads, 1);
  assert.equal(r.figures.dyadPrecision, 0.5);
  assert.equal(r.figures.dyadRecall, 0.5);
});

test('scoreEvents measures date accuracy only over matched events with a gold date', () => {
  const g = gold([
    ['d1', 'EGY', 'ISR', '04', [], '2022-07-29'],
    ['d1', 'ISR', 'EGY', '04', [], '2022-07-29'],
    ['d1', 'EGY', 'PSE', '02', [], null],
    ['d1', 'JOR', 'ISR', '11', [], '2022-07-28'],
  ]);
  const r = scoreEvents(
    g,
    preds([
      [
        'd1',
        [
          pred('EGY', 'ISR', '04', '2022-07-29T10:00:00Z'),
          pred('ISR', 'EGY', '04', '2022-07-30'),
          pred('EGY', 'PSE', '02', '2022-01-01'),
          pred('USA', 'ISR', '11', '2022-07-28'),
        ],
      ],
    ]),
  );
  assert.equal(r.counts.datedMatches, 2);
  assert.equal(r.counts.correctDates, 1);
  assert.equal(r.figures.dateAccuracy, 0.5);
  assert.deepEqual(
    r.dateMisses.map((m) => [m.src, m.gold, m.predicted]),
    [['ISR', '2022-07-29', '2022-07-30']],
  );
});

test('scoreEvents gives the extra-event rate as unmatched predictions over gold events', () => {
  const g = gold([
    ['d1', 'GBR', 'IRN', '11'],
    ['d2', 'GBR', 'FRA', '04'],
  ]);
  const r = scoreEvents(g, preds([['d1', [pred('GBR', 'IRN', '11'), pred('GBR', 'IRN', '13'), pred('IRN', 'GBR', '11')]]]));
  assert.equal(r.figures.extraRate, 1);
});

test('scoreEvents counts a document missing from the predictions as all missed', () => {
  const g = gold([
    ['d1', 'KOR', 'PRK', '11'],
    ['d2', 'JPN', 'PRK', '11'],
    ['d2', 'USA', 'PRK', '13'],
  ]);
  const r = scoreEvents(g, preds([['d1', [pred('KOR', 'PRK', '11')]]]));
  assert.equal(r.counts.docsWithoutPredictions, 1);
  assert.equal(r.figures.recall, 1 / 3);
  assert.deepEqual(
    r.falseNegatives.map((m) => [m.docId, m.src]),
    [
      ['d2', 'JPN'],
      ['d2', 'USA'],
    ],
  );
});

test('scoreEvents ignores predictions for documents not in the gold file', () => {
  const g = gold([['d1', 'BRA', 'ARG', '04']]);
  const r = scoreEvents(g, preds([['d1', [pred('BRA', 'ARG', '04')]], ['elsewhere', [pred('X', 'Y', '19')]]]));
  assert.equal(r.counts.ignoredDocs, 1);
  assert.equal(r.counts.predictedEvents, 1);
  assert.equal(r.figures.precision, 1);
});

test('scoreEvents counts predictions on a gold document without events as extra', () => {
  const g = gold([['d1', 'BRA', 'ARG', '04']], ['negative']);
  const r = scoreEvents(g, preds([['negative', [pred('BRA', 'ARG', '04')]]]));
  assert.equal(r.counts.predictedEvents, 1);
  assert.equal(r.falsePositives[0].docId, 'negative');
  assert.equal(r.figures.extraRate, 1);
});

test('scoreEvents leaves predictions without a source or target out unless asked', () => {
  const g = gold([['d1', 'RUS', 'UKR', '19']]);
  const p = preds([['d1', [pred('RUS', 'UKR', '19'), pred('RUS', null, '01')]]]);
  const r = scoreEvents(g, p);
  assert.equal(r.counts.incompletePredictions, 1);
  assert.equal(r.figures.precision, 1);
  const strict = scoreEvents(g, p, { requireDyad: false });
  assert.equal(strict.figures.precision, 0.5);
});

test('scoreEvents lists misses with document, line and sentence', () => {
  const g = gold([['d1', 'CHN', 'USA', '11', [], null, 4]]);
  const r = scoreEvents(g, preds([['d1', [pred('USA', 'CHN', '11', null, { line: 2, sentence: 'A made-up sentence.' })]]]), { set: 'mini' });
  assert.equal(r.set, 'mini');
  assert.deepEqual(r.falseNegatives[0], {
    docId: 'd1',
    src: 'CHN',
    tgt: 'USA',
    root: '11',
    code: '110',
    altRoots: [],
    date: null,
    line: 4,
    quote: 'quote CHN USA',
  });
  assert.deepEqual(r.falsePositives[0], { docId: 'd1', source: 'USA', target: 'CHN', root: '11', code: '110', date: null, line: 2, sentence: 'A made-up sentence.' });
});

test('scoreEvents keeps per-root counts of gold, predicted and matched events', () => {
  const g = gold([
    ['d1', 'A1', 'B1', '04'],
    ['d1', 'A1', 'B1', '11'],
  ]);
  const r = scoreEvents(g, preds([['d1', [pred('A1', 'B1', '04'), pred('A1', 'B1', '18')]]]));
  assert.deepEqual(r.perRoot['04'], { gold: 1, predicted: 1, matched: 1, matchedPredicted: 1 });
  assert.deepEqual(r.perRoot['11'], { gold: 1, predicted: 0, matched: 0, matchedPredicted: 0 });
  assert.deepEqual(r.perRoot['18'], { gold: 0, predicted: 1, matched: 0, matchedPredicted: 0 });
});

test('scoreEvents reports code accuracy over matched events', () => {
  const g = gold([['d1', 'A1', 'B1', '04']]);
  const r = scoreEvents(g, preds([['d1', [{ source: 'A1', target: 'B1', root: '04', code: '041', date: null }]]]));
  assert.equal(r.figures.codeAccuracy, 0);
  const ok = scoreEvents(g, preds([['d1', [pred('A1', 'B1', '04')]]]));
  assert.equal(ok.figures.codeAccuracy, 1);
});
