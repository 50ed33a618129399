import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDateline, isPlaceDateline, timestampKind } from '../../../src/clean/dateline.js';
import { at } from '../../fixtures/clean/build.js';

test('isPlaceDateline matches a dateline with nothing after it', () => {
  assert.equal(isPlaceDateline('GENEVA —'), true);
  assert.equal(isPlaceDateline('LAGOS, March 3 (Harbour Wire) --'), true);
  assert.equal(isPlaceDateline('GENEVA — Negotiators resumed talks on a ceasefire on Monday after a two-week pause.'), false);
});

test('timestampKind tells labelled stamps from bare dates', () => {
  assert.equal(timestampKind('Updated 2 hours ago'), 'labelled');
  assert.equal(timestampKind('Published: 14:05 GMT, 3 March 2021'), 'labelled');
  assert.equal(timestampKind('March 3, 2021'), 'date');
  assert.equal(timestampKind('4:14 p.m.'), undefined);
  assert.equal(timestampKind('2019'), undefined);
  assert.equal(timestampKind('March 3, 2021 was the day the talks collapsed.'), undefined);
});

test('detectDateline keeps bare dates below the top of the text', () => {
  assert.equal(detectDateline('March 3, 2021', at({ index: 0 }))?.reason, 'dateline-only');
  assert.equal(detectDateline('March 3, 2021', at({ index: 12 })), undefined);
  assert.equal(detectDateline('Updated 2 hours ago', at({ index: 12 }))?.rule, 'timestamp');
});

test('isPlaceDateline keeps capitalised headings that end in a colon', () => {
  assert.equal(isPlaceDateline('GUESTS:'), false);
  assert.equal(isPlaceDateline("HERE'S WHAT ELSE IS HAPPENING:"), false);
});
