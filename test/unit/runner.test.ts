import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../../src/doc.js';
import { buildPipeline, registerStage, stage } from '../../src/pipeline.js';
import { ParleyError } from '../../src/errors.js';
import { buildStages, inThreadRunner, processBatch, processOne, STAGE_CHUNK } from '../../src/runner.js';
import '../../src/clean/index.js';
import type { RawItem } from '../../src/runner.js';
import '../../src/extract/index.js';

/** The order in which the test stages saw the documents. */
const seen: string[] = [];
registerStage(stage('runner-test-first', 1, { reads: ['text'], writes: ['times'] }, () => (doc) => {
  seen.push(`first:${doc.id}`);
  doc.diagnostics.push({ severity: 'info', source: 'runner-test-first', ruleId: 'test:first', reason: doc.text.slice(0, 5) });
}));
registerStage(stage('runner-test-boom', 1, { reads: ['times'], writes: ['events'] }, () => (doc) => {
  seen.push(`boom:${doc.id}`);
  if (doc.text.includes('boom')) throw new Error('exploded on purpose');
}));
registerStage(stage('runner-test-last', 1, { reads: ['events'], writes: ['mentions'] }, () => (doc) => {
  seen.push(`last:${doc.id}`);
  doc.diagnostics.push({ severity: 'info', source: 'runner-test-last', ruleId: 'test:last', reason: String(doc.layers.tokens.length) });
}));

const PIPELINE = ['extract', 'runner-test-first', 'runner-test-boom', 'runner-test-last'];

function items(n: number): RawItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `d${i}`,
    hash: `h${i}`,
    raw: { text: i % 7 === 3 ? `doc ${i} goes boom` : `doc ${i} is quiet\nsecond line`, origin: { path: `d${i}.txt`, format: 'text' as const } },
  }));
}

/** A doc without the stack lines of a failure (they name the calling function). */
function comparable(doc: Doc): Doc {
  return { ...doc, diagnostics: doc.diagnostics.map((d) => ({ ...d, note: d.ruleId === 'pipeline:stage-failed' ? undefined : d.note })) };
}

test('runner processBatch gives each doc what processOne gives it, a failing stage included', () => {
  const list = items(2 * STAGE_CHUNK + 5);
  const ctx = { config: {} };
  const one = buildPipeline(PIPELINE, ctx);
  const expected = list.map((it) => comparable(processOne(one, structuredClone(it), false)));
  const actual = processBatch(buildStages(PIPELINE, ctx), structuredClone(list), false).map(comparable);
  assert.deepEqual(actual, expected);
  const failed = actual.filter((d) => d.diagnostics.some((x) => x.ruleId === 'pipeline:stage-failed'));
  assert.equal(failed.length, list.filter((it) => it.raw.text!.includes('boom')).length);
  assert.ok(failed.every((d) => !d.diagnostics.some((x) => x.ruleId === 'test:last')), 'later stages skip a failed doc');
});

test('runner processBatch runs a chunk of docs through one stage before the next, each stage in input order', () => {
  seen.length = 0;
  processBatch(buildStages(PIPELINE, { config: {} }), items(3), false);
  assert.deepEqual(seen, ['first:d0', 'first:d1', 'first:d2', 'boom:d0', 'boom:d1', 'boom:d2', 'last:d0', 'last:d1', 'last:d2']);
});

test('runner buildStages refuses what buildPipeline refuses', () => {
  assert.throws(() => buildStages(['extract', 'nope'], { config: {} }), (e: unknown) => e instanceof ParleyError && e.code === 'PARLEY_PIPELINE_UNKNOWN_STAGE');
  assert.throws(() => buildStages(['runner-test-boom'], { config: {} }), (e: unknown) => e instanceof ParleyError && e.code === 'PARLEY_PIPELINE_UNMET_READ');
  assert.equal(buildStages(['runner-test-boom'], { config: {} }, ['times']).length, 1);
});

test('runner in this thread keeps the order of the batch and drops the token layer', async () => {
  const runner = await inThreadRunner({ pipeline: PIPELINE, config: {} });
  const docs = await runner.process(items(10));
  assert.deepEqual(docs.map((d) => d.id), items(10).map((it) => it.id));
  assert.ok(docs.every((d) => d.raw === undefined && d.layers.tokens.length === 0));
  await runner.close();
});

test('runner starts one worker for the light ingest-only pipeline and every worker for the full one', async () => {
  const { createRunner, defaultWorkers } = await import('../../src/runner.js');
  const light = await createRunner({ pipeline: ['extract', 'clean'], config: {}, expected: 1000 });
  assert.equal(light.threads, 1);
  await light.close();
  const full = await createRunner({ pipeline: ['extract', 'clean', 'segment'], config: {}, expected: 1000 });
  assert.equal(full.threads, defaultWorkers());
  await full.close();
  const given = await createRunner({ pipeline: ['extract', 'clean'], config: {}, expected: 1000, workers: 2 });
  assert.equal(given.threads, 2, 'an explicit count is used as given');
  await given.close();
  const small = await createRunner({ pipeline: ['extract', 'clean'], config: {}, expected: 10 });
  assert.equal(small.threads, 0, 'a small input runs in this thread');
});

test('runner adds a worker when the main thread mostly waits on them', { timeout: 60_000 }, async () => {
  const { workerRunner } = await import('../../src/runner.js');
  const runner = await workerRunner({ pipeline: ['extract', 'clean'], config: {}, workers: 2, initialWorkers: 1 });
  assert.equal(runner.threads, 1);
  // Large pages keep the worker busy while this thread only waits.
  const page = `<html><body><article>${'<p>The delegates met again on Tuesday to discuss the border crossing and the grain corridor.</p>'.repeat(3000)}</article></body></html>`;
  const batch = (k: number) => Array.from({ length: 4 }, (_, i) => ({ id: `p${k}-${i}`, hash: `p${k}-${i}`, raw: { html: page, origin: { path: 'p.html', format: 'html' as const } } }));
  for (let k = 0; k < 40 && runner.threads < 2; k++) await runner.process(batch(k));
  assert.equal(runner.threads, 2);
  await runner.close();
});
