/**
 * Cost of the `actors` stage against the wink tokenizer on the same text.
 *
 * Texts: the AG News World items from the shared corpus when present (read at run time), else
 * generated news-like sentences. Each round segments fresh docs (wink: sentences, tokens, POS,
 * lemmas — what the `segment` stage costs) and then runs the actors stage on the segmented docs;
 * the best round of each is reported (2 shared cores: figures are noisy). The KB load and the
 * gazetteer build happen once, before timing (they are pipeline set-up, not per-document cost).
 * Run: `node --import tsx bench/actors-speed.ts [rounds]`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Doc } from '../src/doc.js';
import { emptyLayers, lineBlocks } from '../src/doc.js';
import { segmentBlock } from '../src/nlp/segment.js';
import { wink } from '../src/nlp/wink.js';
import { loadKb } from '../src/actors/kb.js';
import { makeActors } from '../src/actors/stage.js';
import { sharedPath } from '../src/shared-path.js';

export interface ActorsSpeed {
  docs: number;
  tokens: number;
  chars: number;
  /** Best round of segmenting every doc with wink (ms). */
  tokenizerMs: number;
  /** Best round of the actors stage over the segmented docs (ms). */
  actorsMs: number;
  /** actorsMs / tokenizerMs: the target is ≤ 1. */
  ratio: number;
  /** One-time set-up: KB load and gazetteer build (ms). */
  setupMs: number;
}

const SENTENCES = [
  'Chinese President Xi Jinping spoke with his Iranian counterpart by phone on Friday, the foreign ministry said.',
  'The two sides agreed to deepen cooperation, and Xi said Beijing was ready to work with Tehran.',
  'Polish President Andrzej Duda met the U.S. secretary of state in Warsaw to discuss security.',
  'Israeli police said three people were arrested after protesters gathered outside the Knesset.',
  'The European Commission proposed new sanctions, while the UN Security Council met behind closed doors.',
  'He said his country would not accept the demands, according to state media.',
  'Officials from both countries met again on Tuesday but no agreement was reached on the border dispute.',
];

/** Deterministic texts when the shared corpus is absent. */
function generated(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    for (let k = 0; k < 4; k++) parts.push(SENTENCES[(i * 3 + k) % SENTENCES.length]);
    out.push(parts.join(' '));
  }
  return out;
}

/** The AG News World texts, or generated ones. */
export function speedTexts(limit = 1900): string[] {
  const path = sharedPath('corpus', 'agnews-world', 'world.jsonl');
  if (!path) return generated(limit);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, limit)
    .map((l) => String((JSON.parse(l) as { text: string }).text));
}

function blankDoc(text: string, i: number): Doc {
  return { id: `d${i}`, hash: '', text, meta: { published: '2004-09-01' }, layers: { ...emptyLayers(), blocks: lineBlocks(text) }, diagnostics: [] };
}

/** Time wink and the actors stage on the same texts; returns both timings and their ratio. */
export function measureActorsSpeed(texts: string[] = speedTexts(), rounds = 5): ActorsSpeed {
  wink();
  const t0 = performance.now();
  const kb = loadKb();
  const actors = makeActors({ explain: true }, { config: {}, kb });
  const setupMs = performance.now() - t0;
  let tokenizerMs = Infinity;
  let actorsMs = Infinity;
  let tokens = 0;
  let docs: Doc[] = [];
  for (let r = 0; r < rounds; r++) {
    docs = texts.map(blankDoc);
    let t = performance.now();
    for (const d of docs) {
      for (const b of d.layers.blocks) segmentBlock(d.text, b, d.layers.sentences, d.layers.tokens);
    }
    tokenizerMs = Math.min(tokenizerMs, performance.now() - t);
    t = performance.now();
    for (const d of docs) actors(d);
    actorsMs = Math.min(actorsMs, performance.now() - t);
  }
  for (const d of docs) tokens += d.layers.tokens.length;
  const chars = texts.reduce((n, s) => n + s.length, 0);
  return { docs: texts.length, tokens, chars, tokenizerMs, actorsMs, ratio: actorsMs / tokenizerMs, setupMs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rounds = Number(process.argv[2] ?? 5);
  const s = measureActorsSpeed(speedTexts(), rounds);
  console.log(
    `actors-speed: ${s.docs} docs, ${s.tokens} tokens, ${(s.chars / 1024).toFixed(0)} KiB (best of ${rounds})\n` +
      `  wink tokenizer ${s.tokenizerMs.toFixed(1)} ms (${((s.tokens / s.tokenizerMs) * 1000).toFixed(0)} tokens/s)\n` +
      `  actors stage   ${s.actorsMs.toFixed(1)} ms (${((s.tokens / s.actorsMs) * 1000).toFixed(0)} tokens/s)\n` +
      `  ratio actors/tokenizer ${s.ratio.toFixed(2)} (target ≤ 1)\n` +
      `  set-up (KB load + gazetteer) ${s.setupMs.toFixed(0)} ms, once per pipeline`,
  );
}
