import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimatedContainment, isNearDuplicate, similarity } from '../../../src/resolve/near-duplicate.js';
import { storyShingles, storySignature } from '../../../src/resolve/signature.js';
import { filler } from '../../fixtures/resolve/docs.js';

const article = [filler(10), filler(11), filler(12), filler(13), filler(14)].join('\n');

function measure(a: string, b: string) {
  const x = storyShingles(a);
  const y = storyShingles(b);
  return { sim: similarity(x, y), dup: isNearDuplicate(similarity(x, y), x.size, y.size) };
}

test('near-duplicate: a copy cut to 60% has Jaccard about 0.6 but containment 1, and is a near-duplicate', () => {
  const cut = article.split('\n').slice(0, 3).join('\n');
  const { sim, dup } = measure(cut, article);
  assert.ok(sim.jaccard > 0.5 && sim.jaccard < 0.7, `jaccard ${sim.jaccard}`);
  assert.equal(sim.containment, 1);
  assert.ok(dup);
});

test('near-duplicate: a copy with an added paragraph and boilerplate lines is a near-duplicate', () => {
  const copy = `Share this article\n${article}\n${filler(99)}\nCopyright 2024 Example Syndication. All rights reserved.`;
  const { sim, dup } = measure(copy, article);
  assert.ok(sim.containment > 0.95);
  assert.ok(dup);
});

test('near-duplicate: different articles on the same subject are not', () => {
  assert.ok(!measure(article, [filler(20), filler(21), filler(22)].join('\n')).dup);
});

test('near-duplicate: a short line contained in an article is not a copy of it', () => {
  const line = article.split(' ').slice(0, 12).join(' ');
  const { sim, dup } = measure(line, article);
  assert.equal(sim.containment, 1);
  assert.ok(!dup);
});

test('near-duplicate: estimated containment from signatures screens a cut copy in and an unrelated text out', () => {
  const a = storySignature(article);
  const cut = storySignature(article.split('\n').slice(0, 3).join('\n'));
  const other = storySignature([filler(30), filler(31), filler(32)].join('\n'));
  assert.ok(estimatedContainment(cut.minhash, cut.shingles.size, a.minhash, a.shingles.size) > 0.8);
  assert.ok(estimatedContainment(other.minhash, other.shingles.size, a.minhash, a.shingles.size) < 0.3);
});
