import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline, registerStage, stage, hasFatal, registeredStages } from '../../src/pipeline.js';
import { ParleyError } from '../../src/errors.js';
import { docFromText } from '../helpers/doc-builder.js';

registerStage(stage('test-upper', 1, { reads: ['text'], writes: ['times'] }, () => (doc) => {
  doc.layers.times.push({ id: 0, start: 0, end: 1, text: doc.text[0], date: '2020-01-01', basis: 'explicit', sentence: 0 });
}));
registerStage(stage('test-boom', 1, { reads: ['text'], writes: ['events'] }, () => (doc) => {
  if (doc.text.includes('boom')) throw new Error('exploded on purpose');
}));
registerStage(stage('test-needs-mentions', 1, { reads: ['mentions'], writes: ['events'] }, () => () => {}));
let created = 0;
registerStage(stage('test-count', 2, { reads: [], writes: [], defaults: { step: 1 } }, (o) => {
  created += o.step;
  return () => {};
}));

test('pipeline refuses an unknown stage and names the available ones', () => {
  assert.throws(() => buildPipeline(['nope'], { config: {} }), (e: unknown) => e instanceof ParleyError && e.code === 'PARLEY_PIPELINE_UNKNOWN_STAGE' && e.message.includes('test-upper'));
});

test('pipeline refuses a stage whose input layer no earlier stage writes', () => {
  assert.throws(() => buildPipeline(['test-needs-mentions'], { config: {} }, ['text']), (e: unknown) => e instanceof ParleyError && e.code === 'PARLEY_PIPELINE_UNMET_READ');
});

test('pipeline refuses a second stage with the same name', () => {
  assert.throws(() => registerStage(stage('test-upper', 1, { reads: [], writes: [] }, () => () => {})), /already registered/);
  assert.ok(registeredStages().includes('test-upper'));
});

test('pipeline records a fatal diagnostic naming the stage that threw and stops that document only', () => {
  const p = buildPipeline(['test-boom', 'test-upper'], { config: {} }, ['text']);
  const bad = p.run(docFromText('boom goes the stage'));
  assert.ok(hasFatal(bad));
  assert.equal(bad.diagnostics[0].source, 'test-boom');
  assert.match(bad.diagnostics[0].reason, /exploded on purpose/);
  assert.equal(bad.layers.times.length, 0, 'later stages do not run on a failed document');
  const good = p.run(docFromText('quiet text'));
  assert.equal(hasFatal(good), false);
  assert.equal(good.layers.times.length, 1);
});

test('pipeline fills option defaults once at build time and records stage versions', () => {
  const before = created;
  const p = buildPipeline([{ name: 'test-count', options: { step: 5 } }], { config: {} });
  assert.equal(created - before, 5);
  assert.deepEqual(p.info.stages, [{ name: 'test-count', version: 2, options: { step: 5 } }]);
  assert.ok(Object.isFrozen(p));
});

test('pipeline accepts the same stage definition registered twice (several import paths)', () => {
  const def = stage('test-twice', 1, { reads: [], writes: [] }, () => () => {});
  registerStage(def);
  assert.equal(registerStage(def), def);
});
