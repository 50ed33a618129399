import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGold } from '../../../src/eval/gold.js';
import { formatReport, reportJson } from '../../../src/eval/report.js';
import { scoreEvents } from '../../../src/eval/score-events.js';

function result() {
  const gold = parseGold(
    [
      '{"id":"d1","events":[{"src":"AAA","tgt":"BBB","root":"04","code":"040","date":"2020-01-02","line":1,"quote":"Alpha met Beta"},{"src":"AAA","tgt":"CCC","root":"11","code":"111","line":3,"quote":"Alpha criticised Gamma"}]}',
    ].join('\n'),
    'mem',
  );
  const preds = new Map([['d1', [{ source: 'AAA', target: 'BBB', root: '04', code: '040', date: '2020-01-03' }, { source: 'BBB', target: 'AAA', root: '19', code: '190', date: null, line: 5, sentence: 'Beta shelled Alpha.' }]]]);
  return scoreEvents(gold, preds, { set: 'mini' });
}

test('formatReport prints the set, event and dyad figures, date accuracy and per-root rows', () => {
  const text = formatReport(result());
  assert.match(text, /^mini: 1 documents/);
  assert.match(text, /events\s+0\.500\s+0\.500\s+0\.500/);
  assert.match(text, /dyads\s+0\.500\s+0\.500\s+0\.500/);
  assert.match(text, /date accuracy\s+0\.000\s+\(0\/1 /);
  assert.match(text, /extra-event rate\s+0\.500/);
  assert.match(text, /\n {2}11 +1 +0 +0 /);
  assert.doesNotMatch(text, /MISS/);
});

test('formatReport lists misses, extras and wrong dates when asked', () => {
  const text = formatReport(result(), { misses: true });
  assert.match(text, /MISS {2}d1:3 {2}AAA->CCC 11 \(111\) {2}"Alpha criticised Gamma"/);
  assert.match(text, /EXTRA d1:5 {2}BBB->AAA 19 \(190\) {2}"Beta shelled Alpha\."/);
  assert.match(text, /DATE {2}d1:1 {2}AAA->BBB 04 {2}gold 2020-01-02, predicted 2020-01-03/);
});

test('reportJson drops the miss lists unless asked and survives JSON round trips', () => {
  const plain = reportJson(result());
  assert.equal('falsePositives' in plain, false);
  assert.equal((plain.figures as Record<string, number>).f1, 0.5);
  const full = JSON.parse(JSON.stringify(reportJson(result(), { misses: true })));
  assert.equal(full.falseNegatives.length, 1);
  assert.equal(full.counts.matched, 1);
});
