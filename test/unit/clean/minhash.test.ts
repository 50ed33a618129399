import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LshIndex, MinHasher, estimateJaccard, hash32 } from '../../../src/clean/minhash.js';
import { jaccard, wordShingles } from '../../../src/clean/shingles.js';

const BASE =
  'Finance ministers from the coastal states agreed on Tuesday to pool part of their reserves in a regional fund, ' +
  'coordinate interventions when their currencies come under pressure, and meet again in the autumn to review how ' +
  'the fund has worked and whether smaller neighbours should be invited to join it.';
const EDITED = BASE.replace('on Tuesday', 'late on Tuesday').replace('smaller neighbours', 'the smaller neighbours');
const CUT = BASE.slice(0, Math.floor(BASE.length * 0.6));
const OTHER =
  'Floods washed away two bridges in the northern hills overnight, cutting off several villages, and rescue teams ' +
  'used boats to reach families stranded on rooftops while the weather service warned of more heavy rain this week.';

test('MinHasher signatures are deterministic for the same seed and differ across seeds', () => {
  const a = new MinHasher({ seed: 7 }).signText(BASE);
  const b = new MinHasher({ seed: 7 }).signText(BASE);
  const c = new MinHasher({ seed: 8 }).signText(BASE);
  assert.equal(a.length, 128);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  assert.equal(hash32('parley'), hash32('parley'));
});

test('estimateJaccard approximates the exact jaccard of the shingle sets', () => {
  const hasher = new MinHasher({ permutations: 256, shingleSize: 3 });
  const exact = jaccard(wordShingles(BASE, 3), wordShingles(EDITED, 3));
  const estimate = estimateJaccard(hasher.signText(BASE), hasher.signText(EDITED));
  assert.ok(Math.abs(exact - estimate) < 0.12, `exact ${exact} estimate ${estimate}`);
  assert.ok(estimateJaccard(hasher.signText(BASE), hasher.signText(OTHER)) < 0.1);
});

test('LshIndex returns similar texts and cut copies as candidates and not unrelated ones', () => {
  const hasher = new MinHasher();
  const index = new LshIndex<string>();
  index.add('base', hasher.signText(BASE));
  index.add('other', hasher.signText(OTHER));
  assert.equal(index.size, 2);
  assert.deepEqual(index.candidates(hasher.signText(EDITED)), ['base']);
  assert.deepEqual(index.candidates(hasher.signText(CUT)), ['base']);
  const unrelated = 'The national football team lost its opening qualifier at home after a late penalty, and the coach said the squad would regroup before the away match in March.';
  assert.deepEqual(index.candidates(hasher.signText(unrelated)), []);
});

test('LshIndex collision probability follows the banding S-curve', () => {
  const index = new LshIndex();
  assert.ok(index.collisionProbability(0.5) > 0.99);
  assert.ok(index.collisionProbability(0.1) < 0.05);
  const strict = new LshIndex({ bands: 16, rows: 8 });
  assert.ok(strict.collisionProbability(0.5) < 0.1);
});

test('LshIndex rejects signatures shorter than bands × rows', () => {
  const index = new LshIndex({ bands: 16, rows: 8 });
  assert.throws(() => index.add('x', new MinHasher({ permutations: 64 }).signText(BASE)), RangeError);
  assert.throws(() => new MinHasher({ permutations: 0 }), RangeError);
});
