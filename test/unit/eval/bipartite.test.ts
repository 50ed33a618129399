import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxMatching } from '../../../src/eval/bipartite.js';

test('maxMatching reassigns earlier choices to match as many items as possible', () => {
  // Left 0 prefers right 0; left 1 can only take right 0; left 2 takes 1 or 2.
  const m = maxMatching([[0, 1], [0], [1, 2]], 3);
  assert.equal(m.filter((x) => x >= 0).length, 3);
  assert.equal(m[1], 0);
  assert.equal(m[0], 1);
  assert.equal(m[2], 2);
});

test('maxMatching leaves unmatched items at -1', () => {
  assert.deepEqual(maxMatching([[0], [0], []], 1), [0, -1, -1]);
});
