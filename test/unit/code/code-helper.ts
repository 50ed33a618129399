/** Shared helpers for the coder tests (not a test file). */
import type { Doc } from '../../../src/doc.js';
import { loadCameo } from '../../../src/code/cameo.js';
import { loadLexicon } from '../../../src/code/lexicon.js';
import { codeDoc } from '../../../src/code/stage.js';
import { actorDoc } from './mini-actors.js';
import type { Pipeline } from '../../../src/pipeline.js';
import { buildPipeline } from '../../../src/pipeline.js';
import '../../../src/nlp/segment.js';
import '../../../src/actors/index.js';
import '../../../src/dates/index.js';
import '../../../src/code/index.js';
import { docFromText } from '../../helpers/doc-builder.js';

const cameo = loadCameo();
const lexicon = loadLexicon();

/** The events coded from a text, as sorted "SRC>TGT CODE" strings. */
export function coded(text: string, extra: Record<string, string> = {}, published?: string): string[] {
  const doc = actorDoc(text, published, extra);
  return [...new Set(codeDoc(doc, cameo, lexicon).map((e) => `${e.source.code}>${e.target.code} ${e.cameo.code}`))].sort();
}

/** The coder's diagnostics for a text, as "ruleId" strings (code:pattern left out). */
export function refusals(text: string, extra: Record<string, string> = {}): string[] {
  const doc: Doc = actorDoc(text, undefined, extra);
  codeDoc(doc, cameo, lexicon);
  return doc.diagnostics.filter((d) => d.source === 'code' && d.ruleId !== 'code:pattern').map((d) => d.ruleId);
}

let kbPipeline: Pipeline | undefined;

/**
 * The events coded from a text by the real pipeline (segment, actors with the shipped knowledge
 * base, times, code; published 2004-10-01 unless given), as sorted "SRC>TGT CODE" strings: for
 * behaviour that needs people, titles or sectors, which the mini gazetteer does not know.
 */
export function codedWithKb(text: string, published = '2004-10-01'): string[] {
  kbPipeline ??= buildPipeline(['segment', 'actors', 'times', 'code'], { config: {} }, ['text', 'blocks']);
  const doc = docFromText(text, { published });
  kbPipeline.run(doc);
  return [...new Set(doc.layers.events.map((e) => `${e.source.code}>${e.target.code} ${e.cameo.code}`))].sort();
}
