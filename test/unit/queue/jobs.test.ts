import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchJobId, batchJobOptions, documentJobId, documentJobOptions, whereOf } from '../../../src/queue/jobs.js';

test('jobs batch id is made from the content hashes: the same batch gets the same id, another order or content another', () => {
  const a = [{ hash: 'aa' }, { hash: 'bb' }];
  assert.equal(batchJobId(a), batchJobId([{ hash: 'aa' }, { hash: 'bb' }]));
  assert.notEqual(batchJobId(a), batchJobId([{ hash: 'bb' }, { hash: 'aa' }]));
  assert.notEqual(batchJobId(a), batchJobId([{ hash: 'aa' }]));
  assert.match(batchJobId(a), /^b-[0-9a-f]{32}$/);
});

test('jobs document id is the content hash, so a poison document gets one failed job however often it is met', () => {
  assert.equal(documentJobId('0123456789abcdef0123456789abcdef0123'), 'd-0123456789abcdef0123456789abcdef');
});

test('jobs batch jobs retry with exponential back-off and stay in the failed list; document jobs run once', () => {
  const o = batchJobOptions({ attempts: 5, backoffMs: 200 });
  assert.equal(o.attempts, 5);
  assert.deepEqual(o.backoff, { type: 'exponential', delay: 200 });
  assert.equal(o.removeOnFail, false);
  assert.equal(documentJobOptions().attempts, 1);
});

test('jobs where a document came from reads path and line', () => {
  assert.equal(whereOf({ id: 'x', hash: 'h', raw: { origin: { path: 'in.jsonl', line: 3, format: 'jsonl' } } }), 'in.jsonl:3');
  assert.equal(whereOf({ id: 'x', hash: 'h', raw: { origin: { path: 'a.txt', format: 'text' } } }), 'a.txt');
});
