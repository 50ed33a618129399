/** The worker's batch step without the queue: skip stored hashes, store the good, set poison aside. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawItem, Runner } from '../../../src/runner.js';
import { inThreadRunner } from '../../../src/runner.js';
import { processBatch, runnerSlot } from '../../../src/queue/process-batch.js';
import { pipelineSpec } from '../../../src/stages.js';
import { openStore } from '../../../src/store/open-store.js';
import { cleanupLocations, freshLocation } from '../store/setup.js';

after(cleanupLocations);

const item = (id: string, text: string, html?: string): RawItem => ({
  id,
  hash: `hash-${id}-${text.length}`,
  raw: html !== undefined ? { id, html, origin: { path: 'in.jsonl', line: 1, format: 'jsonl' } } : { id, text, published: '2024-03-09', origin: { path: 'in.jsonl', line: 1, format: 'jsonl' } },
});

const good = [
  item('a', 'The Kenyan president spoke by phone with the Ethiopian president on Friday.'),
  item('b', 'Japan imposed sanctions on Vietnam on Friday over its missile tests.'),
];

test('process-batch stores good documents, marks stored hashes as duplicates and lists every id it holds', async () => {
  const store = await openStore(freshLocation('sqlite'));
  const runners = runnerSlot(async () => inThreadRunner({ pipeline: await pipelineSpec('full'), config: {} }));
  try {
    const first = await processBatch(good, store, runners);
    assert.deepEqual([first.inserted, first.duplicates, first.poison.length], [2, 0, 0]);
    assert.ok(first.events >= 3);
    const again = await processBatch([...good, good[0]], store, runners);
    assert.deepEqual([again.inserted, again.duplicates], [0, 3]);
    assert.deepEqual(again.stored, ['a', 'b', 'a']);
    assert.equal((await store.stats()).documents, 2);
  } finally {
    await runners.reset();
    await store.close();
  }
});

test('process-batch sets aside a document the pipeline marks fatal, with its reason, and stores the rest', async () => {
  const store = await openStore(freshLocation('sqlite'));
  const runners = runnerSlot(async () => inThreadRunner({ pipeline: await pipelineSpec('full'), config: {} }));
  try {
    const empty = item('empty', '', '<html><body><script>var x = 1;</script></body></html>');
    const out = await processBatch([good[0], empty, good[1]], store, runners);
    assert.equal(out.inserted, 2);
    assert.deepEqual(out.poison.map((p) => [p.id, p.where]), [['empty', 'in.jsonl:1']]);
    assert.match(out.poison[0].reason, /^extract:empty: /);
    assert.equal(await store.getDocument('empty'), undefined);
  } finally {
    await runners.reset();
    await store.close();
  }
});

test('process-batch narrows a batch the runner throws on down to the document that throws, on a fresh runner', async () => {
  const store = await openStore(freshLocation('sqlite'));
  let made = 0;
  const real = await inThreadRunner({ pipeline: await pipelineSpec('full'), config: {} });
  const flaky = async (): Promise<Runner> => {
    made++;
    return {
      capacity: 1,
      threads: 0,
      process: async (items) => {
        if (items.some((it) => it.id === 'boom')) throw new Error('worker thread crashed');
        return real.process(items);
      },
      close: async () => undefined,
    };
  };
  const runners = runnerSlot(flaky);
  try {
    const out = await processBatch([good[0], item('boom', 'Anything.'), good[1]], store, runners);
    assert.equal(out.inserted, 2);
    assert.deepEqual(out.poison.map((p) => p.id), ['boom']);
    assert.match(out.poison[0].reason, /the pipeline threw: worker thread crashed/);
    assert.ok(made >= 3, 'the runner was replaced after each failure');
  } finally {
    await store.close();
  }
});
