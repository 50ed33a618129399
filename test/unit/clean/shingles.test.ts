import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containment, jaccard, normalizedWords, wordShingles } from '../../../src/clean/shingles.js';

test('normalizedWords lower-cases, straightens apostrophes and drops punctuation', () => {
  assert.deepEqual(normalizedWords('The Envoy’s “final” offer — rejected!'), ["the", "envoy's", 'final', 'offer', 'rejected']);
  assert.deepEqual(normalizedWords('Ｔｏｋｙｏ, 2024'), ['tokyo', '2024']);
});

test('wordShingles builds k-grams and one shingle for short texts', () => {
  assert.deepEqual([...wordShingles('a b c d', 2)], ['a b', 'b c', 'c d']);
  assert.deepEqual([...wordShingles('Only two', 3)], ['only two']);
  assert.equal(wordShingles('', 3).size, 0);
  assert.throws(() => wordShingles('a b', 0), RangeError);
});

test('jaccard and containment measure set overlap', () => {
  const a = new Set(['x', 'y', 'z', 'w']);
  const b = new Set(['x', 'y']);
  assert.equal(jaccard(a, b), 0.5);
  assert.equal(containment(b, a), 1);
  assert.equal(containment(a, b), 0.5);
  assert.equal(jaccard(new Set(), new Set()), 1);
});

test('containment stays high for a cut copy while jaccard falls', () => {
  const full = 'The finance ministers of the region agreed on Tuesday to pool reserves, coordinate currency interventions and meet again in the autumn to review the fund';
  const cut = 'The finance ministers of the region agreed on Tuesday to pool reserves, coordinate currency';
  const a = wordShingles(full, 3);
  const b = wordShingles(cut, 3);
  assert.ok(jaccard(a, b) < 0.6);
  assert.equal(containment(b, a), 1);
});
