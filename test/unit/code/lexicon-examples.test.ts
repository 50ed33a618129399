/**
 * Runs every example sentence of data/lexicon/*.yaml through segment + (mini gazetteer) actors +
 * the coder and checks that it codes exactly the events the pattern says it expects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeDoc, loadCameo, loadLexicon } from '../../../src/code/index.js';
import { actorDoc } from './mini-actors.js';

const cameo = loadCameo();
const lexicon = loadLexicon();

function coded(text: string): string[] {
  const doc = actorDoc(text, '2022-07-30');
  return [...new Set(codeDoc(doc, cameo, lexicon).map((e) => `${e.source.code}>${e.target.code} ${e.cameo.code}`))].sort();
}

for (const file of lexicon.files) {
  test(`lexicon ${file} examples code to their expected events`, () => {
    const failures: string[] = [];
    for (const p of lexicon.patterns.filter((q) => q.file === file)) {
      for (const ex of p.examples) {
        const want = [...new Set(ex.expect.map((e) => `${e.source}>${e.target} ${e.code}`))].sort();
        const got = coded(ex.text);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          failures.push(`${p.id}: "${ex.text}"\n    expected [${want.join(', ')}]\n    got      [${got.join(', ')}]`);
        }
      }
    }
    assert.equal(failures.length, 0, `\n${failures.join('\n')}`);
  });
}
