import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNearDuplicates, isQuestion } from '../../../src/clean/duplicates.js';

const P1 = 'The coastal states agreed to pool part of their reserves in a regional fund and to meet again in the autumn.';
const P2 = 'Rescue teams used boats to reach families stranded on rooftops after the river burst its banks overnight.';

test('findNearDuplicates drops a later copy with one word added and the full stop missing', () => {
  const texts = [P1, P2, 'The five coastal states agreed to pool part of their reserves in a regional fund and to meet again in the autumn'];
  const m = findNearDuplicates(texts);
  assert.equal(m.length, 1);
  assert.equal(m[0].index, 2);
  assert.equal(m[0].of, 0);
});

test('findNearDuplicates drops a copy that names the parties differently', () => {
  const first = 'The envoy called on Ghana and Togo to reopen the border crossing, restore electricity links and release detained traders before the rainy season begins.';
  const later = 'The envoy called on the two sides to reopen the border crossing, restore electricity links and release detained traders before the rainy season begins.';
  assert.deepEqual(findNearDuplicates([first, P2, later]).map((m) => [m.index, m.of]), [[2, 0]]);
});

test('findNearDuplicates keeps short repeated lines and repeated questions', () => {
  const question = 'Q: What will the fund be used for in its first year, minister?';
  const texts = ['Section two', question, P1, 'Section two', question, P2];
  assert.deepEqual(findNearDuplicates(texts), []);
  assert.equal(isQuestion(question), true);
  assert.equal(isQuestion('He asked why. Nobody answered?'), false);
});

test('findNearDuplicates keeps distinct paragraphs on the same topic', () => {
  const a = 'The coastal states agreed to pool part of their reserves in a regional fund, officials said on Tuesday.';
  const b = 'Officials said on Tuesday that the regional fund would be managed by a board drawn from the central banks.';
  assert.deepEqual(findNearDuplicates([a, b]), []);
});

test('findNearDuplicates keeps every copy of a text repeated three times or more', () => {
  const texts = [P1, P2, P1, 'Unrelated filler paragraph about the weather, the harvest and the markets in the north.', P1];
  assert.deepEqual(findNearDuplicates(texts), []);
  assert.equal(findNearDuplicates(texts, { templateCopies: 0 }).length, 2);
});

test('findNearDuplicates drops a cut copy by containment but not a one-sentence pull quote', () => {
  const long = 'Ministers met for six hours. They agreed to pool reserves in a regional fund, to coordinate currency interventions, and to meet again in the autumn to review progress and invite smaller neighbours.';
  const cut = 'They agreed to pool reserves in a regional fund, to coordinate currency interventions, and to meet again in the autumn';
  const quote = 'They agreed to pool reserves in a regional fund.';
  assert.deepEqual(findNearDuplicates([long, P2, cut]).map((m) => m.index), [2]);
  assert.deepEqual(findNearDuplicates([long + ' ' + P2 + ' ' + P1, 'Ministers will meet again in the autumn to review progress made by the fund and its partners so far.']), []);
  assert.deepEqual(findNearDuplicates([long, quote]), []);
});

test('findNearDuplicates skips undefined entries (blocks already dropped)', () => {
  assert.deepEqual(findNearDuplicates([undefined, P1, undefined, P1 + ' ']).map((m) => [m.index, m.of]), [[3, 1]]);
});
