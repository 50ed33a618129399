import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, Time } from '../../../src/doc.js';
import { emptyLayers } from '../../../src/doc.js';
import { eventDate, isBackgroundDate } from '../../../src/dates/event-date.js';

/**
 * A hand-made Doc: one sentence per entry of `sentences` (joined by a space), and times given as
 * [sentence index, expression, date, extra fields]. Offsets are found in the sentence text.
 */
function makeDoc(
  sentences: string[],
  times: [number, string, string, Partial<Time>?][],
  published?: string,
): Doc {
  const doc: Doc = { id: 'd', hash: '', text: '', meta: published ? { published } : {}, layers: emptyLayers(), diagnostics: [] };
  let text = '';
  sentences.forEach((s, id) => {
    if (text) text += ' ';
    doc.layers.sentences.push({ id, block: 0, start: text.length, end: text.length + s.length, tokenStart: 0, tokenEnd: 0 });
    text += s;
  });
  doc.text = text;
  const layer: Time[] = [];
  for (const [si, expr, date, extra] of times) {
    const s = doc.layers.sentences[si];
    const start = text.indexOf(expr, s.start);
    layer.push({ id: 0, start, end: start + expr.length, text: expr, date, basis: 'relative', sentence: si, ...extra });
  }
  layer.sort((a, b) => a.start - b.start).forEach((t, i) => (t.id = i));
  doc.layers.times = layer;
  return doc;
}

test('eventDate takes a time expression of the same sentence', () => {
  const doc = makeDoc(['The envoys met on Friday in Doha.'], [[0, 'Friday', '2022-07-29']], '2022-07-30');
  assert.deepEqual(eventDate(doc, 0), { date: '2022-07-29', basis: 'relative', time: 0 });
});

test('eventDate prefers the expression in the trigger clause over an attribution date', () => {
  const text = 'In March the navy seized a tanker, officials said on Friday.';
  const doc = makeDoc([text], [[0, 'March', '2022-03-01', { granularity: 'month' }], [0, 'Friday', '2022-07-29']], '2022-07-30');
  const anchor = doc.text.indexOf('seized');
  const d = eventDate(doc, 0, { anchor });
  assert.equal(d.date, '2022-03-01');
  assert.equal(d.granularity, 'month');
  // Without an anchor the most precise expression wins.
  assert.equal(eventDate(doc, 0).date, '2022-07-29');
});

test('eventDate with an anchor takes the nearest expression in its clause', () => {
  const text = 'On Tuesday the minister arrived and on Wednesday he signed the accord.';
  const doc = makeDoc([text], [[0, 'Tuesday', '2022-07-26'], [0, 'Wednesday', '2022-07-27']], '2022-07-30');
  assert.equal(eventDate(doc, 0, { anchor: doc.text.indexOf('signed') }).date, '2022-07-27');
  assert.equal(eventDate(doc, 0, { anchor: doc.text.indexOf('arrived') }).date, '2022-07-26');
});

test('eventDate skips a future expression and falls back to publication', () => {
  const doc = makeDoc(['The minister said he will travel to Lima tomorrow.'], [[0, 'tomorrow', '2022-07-31']], '2022-07-30');
  assert.deepEqual(eventDate(doc, 0), { date: '2022-07-30', basis: 'publication' });
});

test('eventDate never dates an event by a year that contains the publication day', () => {
  const doc = makeDoc(['Trade between the two grew this year.'], [[0, 'this year', '2022-01-01', { granularity: 'year' }]], '2022-07-30');
  assert.equal(eventDate(doc, 0).basis, 'publication');
});

test('eventDate carries a recent date forward from an earlier sentence', () => {
  const doc = makeDoc(
    ['The two presidents spoke by phone on Friday.', 'He urged closer coordination on trade.'],
    [[0, 'Friday', '2022-07-29']],
    '2022-07-30',
  );
  assert.deepEqual(eventDate(doc, 1), { date: '2022-07-29', basis: 'relative', time: 0 });
});

test('eventDate does not carry old history forward', () => {
  const doc = makeDoc(
    ['Ties were restored on 4 May 2015.', 'On the call he praised the partnership.'],
    [[0, '4 May 2015', '2015-05-04', { basis: 'explicit' }]],
    '2022-07-30',
  );
  assert.deepEqual(eventDate(doc, 1), { date: '2022-07-30', basis: 'publication' });
});

test('eventDate falls back to the dateline date before the publication date', () => {
  const doc = makeDoc(
    ['OSLO, July 28 (Wirenews) -- Talks opened.', 'Both delegations attended.'],
    [[0, 'July 28', '2022-07-28', { dateline: true }]],
    '2022-07-30',
  );
  assert.deepEqual(eventDate(doc, 1), { date: '2022-07-28', basis: 'relative', time: 0 });
  assert.deepEqual(eventDate(doc, 0), { date: '2022-07-28', basis: 'relative', time: 0 });
});

test('eventDate uses the publication day, then the option, then reports unknown', () => {
  const doc = makeDoc(['Both delegations attended.'], []);
  assert.deepEqual(eventDate(doc, 0), { date: null, basis: 'unknown' });
  assert.deepEqual(eventDate(doc, 0, { published: '2021-02-03T10:00:00Z' }), { date: '2021-02-03', basis: 'publication' });
  doc.meta.published = '2021-02-04T01:00:00+09:00';
  assert.deepEqual(eventDate(doc, 0, { published: '2021-02-03' }), { date: '2021-02-04', basis: 'publication' });
});

test('isBackgroundDate flags dates more than a year before publication', () => {
  assert.equal(isBackgroundDate('2015-05-04', '2022-07-30'), true);
  assert.equal(isBackgroundDate('2021-08-01', '2022-07-30'), false);
  assert.equal(isBackgroundDate('2022-07-29', '2022-07-30'), false);
  assert.equal(isBackgroundDate('2015-05-04', undefined), false);
  assert.equal(isBackgroundDate(null, '2022-07-30'), false);
});

test('isBackgroundDate compares the end of a longer period', () => {
  // "last year" in July 2022 ends on 2021-12-31: recent, not history.
  assert.equal(isBackgroundDate('2021-01-01', '2022-07-30', { granularity: 'year' }), false);
  assert.equal(isBackgroundDate('2021-01-01', '2022-07-30'), true);
  assert.equal(isBackgroundDate('2019-01-01', '2022-07-30', { granularity: 'year' }), true);
  assert.equal(isBackgroundDate('2022-01-01', '2022-07-30', { maxDays: 30 }), true);
});
