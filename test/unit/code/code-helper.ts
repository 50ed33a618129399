/** Shared helpers for the coder tests (not a test file). */
import type { Doc } from '../../../src/doc.js';
import { loadCameo } from '../../../src/code/cameo.js';
import { loadLexicon } from '../../../src/code/lexicon.js';
import { codeDoc } from '../../../src/code/stage.js';
import { actorDoc } from './mini-actors.js';

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
