import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpusSet } from '../../../src/eval/sets.js';
import { fixture } from './fixture-path.js';

test('loadCorpusSet pairs gold documents with .txt and JSONL texts and their publication dates', () => {
  const set = loadCorpusSet(fixture('corpus-mini'));
  assert.equal(set.set, 'corpus-mini');
  assert.deepEqual(
    set.items.map((i) => [i.id, i.published, i.text.split('\n')[0].slice(0, 14)]),
    [
      ['note-1', '2021-03-05', 'Chile criticis'],
      ['rec-2', '2021-09-01', 'Farmers in the'],
    ],
  );
  assert.deepEqual([...set.gold.keys()], ['note-1', 'rec-2']);
});

test('loadCorpusSet reports a gold document without a text and leaves it unscored', () => {
  const set = loadCorpusSet(fixture('corpus-mini'));
  assert.equal(set.problems.length, 1);
  assert.match(set.problems[0], /gold\.jsonl:3: no text found for document 'lost-3'/);
  assert.equal(set.gold.has('lost-3'), false);
});
