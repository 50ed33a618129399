import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreDropLines } from '../../../src/clean/eval.js';

test('scoreDropLines counts hits, extra and missed lines', () => {
  assert.deepEqual(scoreDropLines([0, 4, 9], [0, 4, 6, 10]), { tp: 2, fp: 1, fn: 2, precision: 2 / 3, recall: 0.5, exact: false });
});

test('scoreDropLines reports an exact match and handles empty sets', () => {
  assert.equal(scoreDropLines([6, 0, 4], [0, 4, 6]).exact, true);
  assert.deepEqual(scoreDropLines([], []), { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, exact: true });
  assert.equal(scoreDropLines([3], []).precision, 0);
});
