import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDay, monthNumber, parseDate } from '../../../src/extract/parse-date.js';

test('parseDate reads ISO 8601 dates with and without time and zone', () => {
  assert.equal(parseDate('2022-07-29'), '2022-07-29');
  assert.equal(parseDate('2022-07-29T10:00:00Z'), '2022-07-29');
  assert.equal(parseDate('2022-07-29T10:00:00.123+0200'), '2022-07-29');
  assert.equal(parseDate('2022-07-29 08:30'), '2022-07-29');
  assert.equal(parseDate('20220729'), '2022-07-29');
  assert.equal(parseDate('20220729T120000Z'), '2022-07-29');
});

test('parseDate keeps the calendar day written in the string own time zone', () => {
  assert.equal(parseDate('2022-07-29T23:30:00-05:00'), '2022-07-29');
  assert.equal(parseDate('2022-07-30T00:30:00+09:00'), '2022-07-30');
  assert.equal(parseDate('Fri, 29 Jul 2022 23:59:59 -1000'), '2022-07-29');
});

test('parseDate reads RFC 822 dates from feeds', () => {
  assert.equal(parseDate('Fri, 29 Jul 2022 10:00:00 +0000'), '2022-07-29');
  assert.equal(parseDate('29 Jul 2022 10:00 GMT'), '2022-07-29');
  assert.equal(parseDate('Fri, 29 Jul 22 10:00:00 GMT'), '2022-07-29');
});

test('parseDate reads written dates in either order', () => {
  assert.equal(parseDate('July 29, 2022'), '2022-07-29');
  assert.equal(parseDate('29 July 2022'), '2022-07-29');
  assert.equal(parseDate('Friday, July 29th, 2022 at 3:15 p.m.'), '2022-07-29');
  assert.equal(parseDate('Sept. 3, 2021'), '2021-09-03');
  assert.equal(parseDate('3 de septiembre de 2021'), '2021-09-03');
  assert.equal(parseDate('3. September 2021'), '2021-09-03');
  assert.equal(parseDate('3 сентября 2021'), '2021-09-03');
  assert.equal(parseDate('2021年9月3日 10:00'), '2021-09-03');
  assert.equal(parseDate('2021년 9월 3일'), '2021-09-03');
});

test('parseDate reads slashed, dotted and numeric forms', () => {
  assert.equal(parseDate('2022/07/29'), '2022-07-29');
  assert.equal(parseDate('2022.07.29'), '2022-07-29');
  assert.equal(parseDate('29.07.2022'), '2022-07-29');
  assert.equal(parseDate('07/29/2022'), '2022-07-29');
  assert.equal(parseDate('29/07/2022'), '2022-07-29');
  assert.equal(parseDate('05/06/2022'), '2022-05-06');
  assert.equal(parseDate('05/06/2022', { order: 'dmy' }), '2022-06-05');
});

test('parseDate reads Unix timestamps in seconds and milliseconds as UTC', () => {
  assert.equal(parseDate('1659052800'), '2022-07-29');
  assert.equal(parseDate('1659052800000'), '2022-07-29');
  assert.equal(parseDate('1659139199'), '2022-07-29');
});

test('parseDate rejects impossible days and non-dates', () => {
  assert.equal(parseDate('2022-02-30'), undefined);
  assert.equal(parseDate('2022-13-01'), undefined);
  assert.equal(parseDate('31/31/2022'), undefined);
  assert.equal(parseDate(''), undefined);
  assert.equal(parseDate('yesterday'), undefined);
  assert.equal(parseDate('July 2022'), undefined);
});

test('isoDay checks leap years', () => {
  assert.equal(isoDay(2024, 2, 29), '2024-02-29');
  assert.equal(isoDay(2023, 2, 29), undefined);
});

test('monthNumber knows abbreviations with a dot', () => {
  assert.equal(monthNumber('Dec.'), 12);
  assert.equal(monthNumber('janvier'), 1);
  assert.equal(monthNumber('Blue'), undefined);
});
