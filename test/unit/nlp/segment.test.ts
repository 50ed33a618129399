import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline } from '../../../src/pipeline.js';
import '../../../src/nlp/segment.js';
import { docFromText } from '../../helpers/doc-builder.js';

function segment(text: string) {
  const doc = docFromText(text);
  buildPipeline(['segment'], { config: {} }, ['text', 'blocks']).run(doc);
  return doc;
}

test('segment splits sentences within blocks and never across them', () => {
  const doc = segment('The minister arrived on Monday. She met the envoy.\nTalks ended late');
  assert.deepEqual(
    doc.layers.sentences.map((s) => doc.text.slice(s.start, s.end)),
    ['The minister arrived on Monday.', 'She met the envoy.', 'Talks ended late'],
  );
  assert.deepEqual(doc.layers.sentences.map((s) => s.block), [0, 0, 1]);
});

test('segment token offsets point at the exact source characters', () => {
  const text = '  \u201cWe won\u2019t  yield,\u201d the envoy said\u2026 U.S. officials   agreed.\r\nNext line here.';
  const doc = segment(text);
  assert.ok(doc.layers.tokens.length > 10);
  for (const t of doc.layers.tokens) {
    const surface = doc.text.slice(t.start, t.end);
    assert.ok(surface.length > 0 && !/\s/.test(surface), `token at ${t.start} has bad surface '${surface}'`);
  }
  const won = doc.layers.tokens.find((t) => doc.text.slice(t.start, t.end) === 'yield');
  assert.ok(won, 'found the token "yield"');
  assert.equal(doc.text.slice(doc.layers.tokens.at(-1)!.start, doc.layers.tokens.at(-1)!.end), '.');
});

test('segment records POS, lemma, normalised form and negation', () => {
  const doc = segment("Iran did not condemn the attacks \u2019quietly\u2019.");
  const byText = (w: string) => doc.layers.tokens.find((t) => doc.text.slice(t.start, t.end) === w)!;
  assert.equal(byText('condemn').pos, 'VERB');
  assert.equal(byText('attacks').lemma, 'attack');
  assert.equal(byText('Iran').norm, 'iran');
  assert.equal(byText('condemn').negated, true);
  assert.equal(byText('Iran').negated, undefined);
  assert.equal(byText('\u2019').norm, "'");
});

test('segment skips dropped blocks', () => {
  const doc = docFromText('Kept sentence here.\nDropped caption line.');
  doc.layers.blocks[1].dropped = 'caption';
  buildPipeline(['segment'], { config: {} }, ['text', 'blocks']).run(doc);
  assert.equal(doc.layers.sentences.length, 1);
  assert.ok(doc.layers.tokens.every((t) => t.end <= doc.layers.blocks[0].end));
});
