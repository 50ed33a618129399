import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../../../src/doc.js';
import { emptyLayers, lineBlocks } from '../../../src/doc.js';
import { annotateTimes } from '../../../src/dates/stage.js';
import { findQuotedSentence, scoreGoldDates } from '../../../src/eval/gold-dates.js';
import { parseGold } from '../../../src/eval/gold.js';

function doc(text: string, published: string): Doc {
  const d: Doc = { id: 'n1', hash: '', text, meta: { published }, layers: emptyLayers(), diagnostics: [] };
  d.layers.blocks = lineBlocks(text);
  for (const b of d.layers.blocks) {
    for (const m of text.slice(b.start, b.end).matchAll(/[^.]+\.?/g)) {
      const lead = m[0].length - m[0].trimStart().length;
      const start = b.start + m.index! + lead;
      d.layers.sentences.push({ id: d.layers.sentences.length, block: b.id, start, end: b.start + m.index! + m[0].trimEnd().length, tokenStart: 0, tokenEnd: 0 });
    }
  }
  annotateTimes(d);
  return d;
}

const TEXT = 'A caption about the talks.\nThe two envoys met in Geneva on Tuesday. They agreed to meet again.\nLast year the sides broke off contact.';

test('findQuotedSentence finds the sentence by gold line and quote start', () => {
  const d = doc(TEXT, '2022-03-04');
  assert.equal(findQuotedSentence(d, 1, 'They agreed to meet again'), 2);
  assert.equal(findQuotedSentence(d, 1, 'Nothing like this'), -1);
});

test('scoreGoldDates scores eventDate on the sentences of dated gold events', () => {
  const gold = parseGold(
    '{"id":"n1","events":[' +
      '{"src":"AAA","tgt":"BBB","root":"04","date":"2022-03-01","line":1,"quote":"The two envoys met in Geneva"},' +
      '{"src":"AAA","tgt":"BBB","root":"03","date":"2022-03-01","line":1,"quote":"They agreed to meet again"},' +
      '{"src":"AAA","tgt":"BBB","root":"16","date":"2021-06-01","line":2,"quote":"Last year the sides broke off"},' +
      '{"src":"AAA","tgt":"BBB","root":"11","date":null,"line":1,"quote":"The two envoys met"}]}',
    'mem',
  );
  const r = scoreGoldDates(gold, new Map([['n1', doc(TEXT, '2022-03-04')]]), { set: 'mini:dates' });
  assert.deepEqual(r.counts, { dated: 3, located: 3, correct: 2 });
  assert.equal(r.figures.dateAccuracy, 2 / 3);
  assert.deepEqual(r.misses.map((m) => [m.line, m.gold, m.predicted]), [[2, '2021-06-01', '2021-01-01']]);
});

test('scoreGoldDates counts events of a missing document as wrong', () => {
  const gold = parseGold('{"id":"gone","events":[{"src":"A","tgt":"B","root":"04","date":"2022-03-01","line":0,"quote":"x y"}]}');
  const r = scoreGoldDates(gold, new Map());
  assert.equal(r.figures.dateAccuracy, 0);
  assert.equal(r.counts.located, 0);
});
