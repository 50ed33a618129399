// Tests of the gazetteer index and token folding used by the recogniser's scan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGazetteer, foldToken } from '../../../src/actors/recognise-gazetteer.js';
import { normName } from '../../../src/actors/kb-normalize.js';

test('foldToken folds a token exactly as the KB folds a name', () => {
  for (const t of ['U.S.', 'Élysée', 'Iran', '\u2019s', 'Łódź', 'al', 'NATO', 'Hay`at']) assert.equal(foldToken(t), normName(t), t);
});

test('buildGazetteer holds full keys and prefixes that end where a tokenizer may cut', () => {
  const g = buildGazetteer(['united states of america', 'al-qaeda', "hay'at tahrir al-sham"]);
  assert.ok(g.names.has('al-qaeda'));
  assert.ok(!g.names.has('al'));
  for (const p of ['united', 'united states', 'united states of', 'al', 'al-', 'hay', "hay'", "hay'at tahrir al-"]) assert.ok(g.prefixes.has(p), p);
  assert.ok(!g.prefixes.has('unit'));
  assert.ok(g.maxTokens >= 5);
});
