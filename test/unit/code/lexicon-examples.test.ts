/**
 * Runs every example sentence of data/lexicon/*.yaml through the real pipeline (segment, actors
 * with the shipped knowledge base, times, code; publication date 2022-07-30) and checks that it
 * codes exactly the events the pattern says it expects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline } from '../../../src/pipeline.js';
import '../../../src/nlp/segment.js';
import '../../../src/actors/index.js';
import '../../../src/dates/index.js';
import { loadLexicon } from '../../../src/code/index.js';
import { docFromText } from '../../helpers/doc-builder.js';

const lexicon = loadLexicon();
const pipeline = buildPipeline(['segment', 'actors', 'times', 'code'], { config: {} }, ['text', 'blocks']);

function coded(text: string): string[] {
  const doc = docFromText(text, { published: '2022-07-30' });
  pipeline.run(doc);
  const fatal = doc.diagnostics.find((d) => d.severity === 'fatal');
  if (fatal) throw new Error(fatal.reason);
  return [...new Set(doc.layers.events.map((e) => `${e.source.code}>${e.target.code} ${e.cameo.code}`))].sort();
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
