import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, calendarDay, dayNumber, formatDay, parseDay, periodEnd, weekdayOf, weekStart } from '../../../src/dates/calendar.js';

test('calendarDay keeps the day as written in a datetime, whatever its zone', () => {
  assert.equal(calendarDay('2022-07-30T23:59:00-10:00'), '2022-07-30');
  assert.equal(calendarDay('2022-07-30'), '2022-07-30');
  assert.equal(calendarDay('Sat, 30 Jul 2022 01:00:00 +0800'), '2022-07-30');
  assert.equal(calendarDay('July 30, 2022'), '2022-07-30');
  assert.equal(calendarDay('soon'), undefined);
  assert.equal(calendarDay('2022-02-30'), undefined);
});

test('dayNumber rejects impossible dates and round-trips through formatDay', () => {
  assert.equal(dayNumber(2023, 2, 29), undefined);
  assert.equal(formatDay(dayNumber(2024, 2, 29)!), '2024-02-29');
  assert.equal(parseDay('1999-12-31T00:00:00Z'), dayNumber(1999, 12, 31));
});

test('weekdayOf and weekStart follow a Monday-to-Sunday week', () => {
  const sat = parseDay('2022-07-30')!;
  assert.equal(weekdayOf(sat), 6);
  assert.equal(formatDay(weekStart(sat)), '2022-07-25');
  assert.equal(formatDay(weekStart(parseDay('2022-07-31')!)), '2022-07-25');
});

test('addMonths clamps to the end of a shorter month', () => {
  assert.equal(formatDay(addMonths(parseDay('2022-03-31')!, -1)), '2022-02-28');
  assert.equal(formatDay(addMonths(parseDay('2022-01-15')!, -13)), '2020-12-15');
});

test('periodEnd gives the last day of a week, month and year', () => {
  const d = parseDay('2024-02-10')!;
  assert.equal(formatDay(periodEnd(d, 'week')), '2024-02-11');
  assert.equal(formatDay(periodEnd(d, 'month')), '2024-02-29');
  assert.equal(formatDay(periodEnd(d, 'year')), '2024-12-31');
});
