import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BANDS, bandKeys, storyShingles, storySignature } from '../../../src/resolve/signature.js';
import { filler } from '../../fixtures/resolve/docs.js';

test('signature is the same for the same text, in any process (fixed seed)', () => {
  const a = storySignature(filler(1));
  const b = storySignature(filler(1));
  assert.deepEqual([...a.minhash], [...b.minhash]);
  assert.deepEqual(a.bands, b.bands);
  assert.equal(a.bands.length, BANDS);
});

test('signature band keys are safe integers that carry their band number', () => {
  const { bands } = storySignature(filler(2));
  bands.forEach((k, b) => {
    assert.ok(Number.isSafeInteger(k));
    assert.equal(Math.floor(k / 2 ** 32), b);
  });
});

test('signature of an empty text has no band keys, so it matches nothing', () => {
  assert.deepEqual(storySignature('').bands, []);
  assert.deepEqual(bandKeys(new Uint32Array(128).fill(0xffffffff)), []);
});

test('signature of a copy cut to 60% shares a band with the original; an unrelated text shares none', () => {
  const text = filler(3, 20);
  const cut = text.slice(0, Math.floor(text.length * 0.6));
  const a = new Set(storySignature(text).bands);
  assert.ok(storySignature(cut).bands.some((k) => a.has(k)));
  assert.ok(!storySignature(filler(4, 20)).bands.some((k) => a.has(k)));
});

test('signature shingles are word 3-grams of the normalised text', () => {
  assert.deepEqual([...storyShingles('The Talks, resumed today.')], ['the talks resumed', 'talks resumed today']);
});
