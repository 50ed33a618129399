import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, compatibleCodes, compatibleDates, daysBetween } from '../../../src/resolve/coreference.js';

test('coreference codes: same root is compatible (a call and a meeting are one consultation)', () => {
  assert.ok(compatibleCodes('041', '040'));
  assert.ok(compatibleCodes('1123', '111'));
  assert.ok(!compatibleCodes('041', '111'));
  assert.ok(!compatibleCodes('163', '130'));
});

test("coreference codes: the coding guide's alternatives (formal protest 114 ~ 14, expulsion 166 ~ 17) are compatible", () => {
  assert.ok(compatibleCodes('114', '140'));
  assert.ok(compatibleCodes('141', '114'));
  assert.ok(compatibleCodes('166', '172'));
  assert.ok(!compatibleCodes('111', '140'));
  assert.ok(!compatibleCodes('161', '172'));
});

test('coreference dates: explicit dates must agree; relative ones may be a day apart, not two', () => {
  assert.ok(compatibleDates({ date: '2024-03-08', dateBasis: 'explicit' }, { date: '2024-03-08', dateBasis: 'explicit' }));
  assert.ok(!compatibleDates({ date: '2024-03-08', dateBasis: 'explicit' }, { date: '2024-03-09', dateBasis: 'explicit' }));
  assert.ok(compatibleDates({ date: '2024-03-08', dateBasis: 'relative' }, { date: '2024-03-09', dateBasis: 'explicit' }));
  assert.ok(compatibleDates({ date: '2024-03-08', dateBasis: 'relative' }, { date: '2024-03-07', dateBasis: 'relative' }));
  assert.ok(!compatibleDates({ date: '2024-03-08', dateBasis: 'relative' }, { date: '2024-03-10', dateBasis: 'relative' }));
});

test('coreference dates: a publication date bounds the event from above (two days before, one after)', () => {
  const pub = { date: '2024-03-10', dateBasis: 'publication' as const };
  assert.ok(compatibleDates(pub, { date: '2024-03-08', dateBasis: 'explicit' }));
  assert.ok(compatibleDates({ date: '2024-03-11', dateBasis: 'relative' }, pub));
  assert.ok(!compatibleDates(pub, { date: '2024-03-12', dateBasis: 'relative' }));
  assert.ok(!compatibleDates(pub, { date: '2024-03-07', dateBasis: 'explicit' }));
});

test('coreference dates: undated mentions and a week apart only within one story', () => {
  const none = { date: null, dateBasis: 'unknown' as const };
  const d = { date: '2024-03-08', dateBasis: 'relative' as const };
  assert.ok(!compatibleDates(none, d));
  assert.ok(compatibleDates(none, d, { sameStory: true }));
  assert.ok(compatibleDates(d, { date: '2024-03-14', dateBasis: 'relative' }, { sameStory: true }));
  assert.ok(!compatibleDates(d, { date: '2024-03-16', dateBasis: 'relative' }, { sameStory: true }));
  assert.ok(!compatibleDates({ date: '2024-03-08', dateBasis: 'explicit' }, { date: '2024-03-09', dateBasis: 'explicit' }, { sameStory: true }));
});

test('coreference day arithmetic works across month and year ends', () => {
  assert.equal(daysBetween('2023-12-30', '2024-01-02'), 3);
  assert.equal(addDays('2024-02-28', 2), '2024-03-01');
  assert.equal(addDays('2024-01-01', -1), '2023-12-31');
});
