import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planBatch } from '../../../src/store/plan-batch.js';
import type { StoredDoc } from '../../../src/store/store.js';

const d = (id: string, hash: string) => ({ id, hash }) as StoredDoc;

test('planBatch inserts new documents and skips stored hashes', () => {
  const p = planBatch([d('a', 'h1'), d('b', 'h2')], [{ id: 'x', hash: 'h2' }]);
  assert.deepEqual(p.results, ['inserted', 'duplicate']);
  assert.deepEqual(p.write.map((x) => x.id), ['a']);
  assert.deepEqual(p.replace, []);
});

test('planBatch replaces an id stored with another hash', () => {
  const p = planBatch([d('a', 'h9')], [{ id: 'a', hash: 'h1' }]);
  assert.deepEqual(p.results, ['updated']);
  assert.deepEqual(p.replace, ['a']);
});

test('planBatch reads a batch in order, as if put one by one, and writes the last version of an id', () => {
  const p = planBatch([d('a', 'h1'), d('a', 'h1'), d('a', 'h2'), d('b', 'h1')], []);
  assert.deepEqual(p.results, ['inserted', 'duplicate', 'updated', 'inserted']);
  assert.deepEqual(
    p.write.map((x) => [x.id, x.hash]),
    [
      ['a', 'h2'],
      ['b', 'h1'],
    ],
  );
  assert.deepEqual(p.replace, [], 'nothing was stored before the batch');
});

test('planBatch frees a hash its document moved away from', () => {
  const stored = [
    { id: 'a', hash: 'h0' },
    { id: 'b', hash: 'h1' },
  ];
  const p = planBatch([d('b', 'h2'), d('a', 'h1')], stored);
  assert.deepEqual(p.results, ['updated', 'updated']);
  assert.deepEqual(p.replace.sort(), ['a', 'b']);
});
