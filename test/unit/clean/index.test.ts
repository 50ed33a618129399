import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../../src/clean/index.js';
import { buildPipeline, getStage, registerStage, stage } from '../../../src/pipeline.js';
import { lineBlocks } from '../../../src/doc.js';
import { textDoc } from '../../fixtures/clean/build.js';

test('importing the clean area registers the clean stage', () => {
  const def = getStage('clean');
  assert.ok(def);
  assert.equal(def.version, 1);
  assert.deepEqual(def.reads, ['blocks']);
  assert.deepEqual(def.writes, ['blocks']);
});

test('the clean stage runs inside a pipeline after a stage that writes blocks', () => {
  registerStage(
    stage('test-clean-blocks', 1, { reads: [], writes: ['text', 'blocks'] }, () => (doc) => {
      doc.layers.blocks = lineBlocks(doc.text);
    }),
  );
  const pipeline = buildPipeline(['test-clean-blocks', { name: 'clean', options: { disable: ['byline'] } }], { config: {} });
  const doc = pipeline.run(textDoc('By Jane Doe\nSubscribe now\nThe talks ended without a deal on Sunday.'));
  assert.deepEqual(doc.layers.blocks.map((b) => b.dropped), [undefined, 'widget', undefined]);
  assert.deepEqual(pipeline.info.stages[1], { name: 'clean', version: 1, options: { disable: ['byline'], duplicates: {} } });
});
