/**
 * The `segment` stage: sentences and tokens (with POS, lemma, negation) for every kept block,
 * from wink-nlp. Sentences never cross blocks. Token offsets are exact positions in `doc.text`,
 * recovered by walking wink's tokens and preceding-space counts along the block text.
 */
import type { Block, Doc, Sentence, Token } from '../doc.js';
import { registerStage, stage } from '../pipeline.js';
import { wink } from './wink.js';

const QUOTES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2032': "'" };

/** Lower-cased form with curly quotes straightened. */
export function normalise(s: string): string {
  return s.toLowerCase().replace(/[\u2018\u2019\u201c\u201d\u2032]/g, (c) => QUOTES[c] ?? c);
}

/*
 * Norms and lemmas come from wink's vocabulary and repeat from token to token, so their
 * normalised forms are remembered (cleared when the map grows large).
 */
const NORMALISED_CACHE_SIZE = 50_000;
const normalised = new Map<string, string>();

function normaliseCached(s: string): string {
  let n = normalised.get(s);
  if (n === undefined) {
    if (normalised.size >= NORMALISED_CACHE_SIZE) normalised.clear();
    n = normalise(s);
    normalised.set(s, n);
  }
  return n;
}

/**
 * Segment one block of `text` (from `block.start` to `block.end`) and append its sentences and
 * tokens to the given arrays. Exported for tests and for callers that segment ad-hoc text.
 */
export function segmentBlock(text: string, block: Block, sentences: Sentence[], tokens: Token[]): void {
  const nlp = wink();
  const its = nlp.its;
  const slice = text.slice(block.start, block.end);
  const wdoc = nlp.readDoc(slice);
  // wink's typings do not accept every `its` helper in `out`; the values are as documented.
  const all = wdoc.tokens() as unknown as { out(f: unknown): unknown[] };
  const values = all.out(its.value) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const pos = all.out(its.pos) as string[];
  const lemmas = all.out(its.lemma) as string[];
  const normals = all.out(its.normal) as string[];
  const negs = all.out(its.negationFlag) as boolean[];
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];

  // Offsets of each token within the block.
  const starts = new Array<number>(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const guess = cursor + spaces[i].length;
    const v = values[i];
    let at: number;
    if (slice.startsWith(v, guess)) at = guess;
    else {
      const found = slice.indexOf(v, cursor);
      at = found >= 0 && found - cursor <= spaces[i].length + 8 ? found : guess;
    }
    starts[i] = at;
    cursor = at + v.length;
  }
  const base = tokens.length;
  for (const [s, e] of spans) {
    const sid = sentences.length;
    for (let i = s; i <= e; i++) {
      const start = block.start + starts[i];
      const token: Token = {
        start,
        end: Math.min(start + values[i].length, block.end),
        norm: normaliseCached(normals[i]),
        lemma: normaliseCached(lemmas[i]),
        pos: pos[i],
        sentence: sid,
      };
      if (negs[i]) token.negated = true;
      tokens.push(token);
    }
    sentences.push({
      id: sid,
      block: block.id,
      start: block.start + starts[s],
      end: block.start + starts[e] + values[e].length,
      tokenStart: base + s,
      tokenEnd: base + e + 1,
    });
  }
}

export const segmentStage = registerStage(
  stage('segment', 1, { reads: ['blocks'], writes: ['sentences', 'tokens'] }, () => {
    wink(); // load the model once, when the pipeline is built
    return (doc: Doc) => {
      const sentences: Sentence[] = [];
      const tokens: Token[] = [];
      for (const b of doc.layers.blocks) {
        if (b.dropped !== undefined) continue;
        segmentBlock(doc.text, b, sentences, tokens);
      }
      doc.layers.sentences = sentences;
      doc.layers.tokens = tokens;
    };
  }),
);
