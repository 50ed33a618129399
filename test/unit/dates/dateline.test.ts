import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateline } from '../../../src/dates/dateline.js';

// Datelines written for these tests; the places and agencies are common wire forms.

test('findDateline reads place, date and agency and resolves the date against publication', () => {
  const text = 'OSLO, March 3 (Wirenews) -- Negotiators from both sides met again.';
  const d = findDateline(text, '2023-03-04');
  assert.ok(d);
  assert.equal(d.place, 'OSLO');
  assert.equal(d.agency, 'Wirenews');
  assert.equal(d.date, '2023-03-03');
  assert.equal(d.basis, 'relative');
  assert.equal(text.slice(d.dateStart!, d.dateEnd!), 'March 3');
  assert.equal(text.slice(d.start, d.end).trim(), 'OSLO, March 3 (Wirenews) --');
});

test('findDateline accepts a title-case place with a day-month date and a colon', () => {
  const d = findDateline('Ankara, 12 October: The ministry issued a statement.', '2021-10-13');
  assert.equal(d?.place, 'Ankara');
  assert.equal(d?.date, '2021-10-12');
});

test('findDateline gives the publication day when the dateline has no date', () => {
  const d = findDateline('LIMA (Wirenews) — Lawmakers voted late into the night.', '2020-05-06T08:00:00Z');
  assert.equal(d?.place, 'LIMA');
  assert.equal(d?.agency, 'Wirenews');
  assert.equal(d?.date, '2020-05-06');
  assert.equal(d?.basis, 'publication');
});

test('findDateline reads a region after the place and a slash agency', () => {
  assert.equal(findDateline('MOMBASA, Kenya (Wirenews) - Port workers struck.', '2020-01-02')?.place, 'MOMBASA');
  const d = findDateline('SOFIA, May 4. /Wirenews/. The cabinet resigned.', '2020-05-05');
  assert.equal(d?.agency, 'Wirenews');
  assert.equal(d?.date, '2020-05-04');
});

test('findDateline marks a dateline with a year explicit and needs no publication date', () => {
  const d = findDateline('QUITO, Jan. 5, 2019 - The president spoke.', undefined);
  assert.equal(d?.date, '2019-01-05');
  assert.equal(d?.basis, 'explicit');
});

test('findDateline leaves a date without a year unresolved when there is no publication date', () => {
  const d = findDateline('QUITO, Jan. 5 (Wirenews) - The president spoke.', undefined);
  assert.ok(d);
  assert.equal(d.date, null);
});

test('findDateline rolls a late-December dateline into the previous year', () => {
  assert.equal(findDateline('RIGA, Dec 31 (Wirenews) - Fireworks were banned.', '2024-01-01')?.date, '2023-12-31');
});

test('findDateline skips an agency credit before the dateline', () => {
  const text = 'Wirenews - HANOI (WN) - Officials confirmed the visit.';
  const d = findDateline(text, '2020-01-02');
  assert.equal(d?.place, 'HANOI');
  assert.equal(text.slice(d!.start, d!.start + 5), 'HANOI');
});

test('findDateline finds nothing in an ordinary opening sentence', () => {
  assert.equal(findDateline('Iran said on Friday it would resume talks.', '2022-07-30'), undefined);
  assert.equal(findDateline('Chile - the country that hosted the summit - agreed.', '2022-07-30'), undefined);
  assert.equal(findDateline('EU: members split on the plan.', '2022-07-30'), undefined);
  assert.equal(findDateline('The minister said: we will not yield.', '2022-07-30'), undefined);
});
