/**
 * Cost of the `clean` stage on generated text, in blocks per second.
 *
 * Documents are generated deterministically: news-like paragraphs of 15–80 words drawn from a
 * fixed vocabulary, with boilerplate lines (captions, promo labels, share rows, copyright lines)
 * and near-copies of earlier paragraphs mixed in. Each round cleans fresh copies of the
 * documents; the best of several rounds is reported (2 shared cores: figures are noisy).
 * Run: `node --import tsx bench/clean-speed.ts [docs] [paragraphs]`.
 */
import { pathToFileURL } from 'node:url';
import type { Doc } from '../src/doc.js';
import { emptyLayers, lineBlocks } from '../src/doc.js';
import { makeClean } from '../src/clean/stage.js';

export interface CleanSpeed {
  docs: number;
  blocks: number;
  /** Best round. */
  ms: number;
  blocksPerSecond: number;
  docsPerSecond: number;
  dropped: number;
}

const VOCAB = (
  'the minister said talks would resume next week after officials from both countries met in the capital ' +
  'to discuss trade border security and energy supplies while opposition leaders called for a review of the ' +
  'agreement and analysts warned that prices could rise if the deal collapsed during the winter months ' +
  'government spokesman parliament vote sanctions embassy delegation ceasefire refugees aid convoy summit'
).split(' ');
const BOILERPLATE = [
  'This file photo shows the delegation arriving at the airport on Monday. (PHOTO / WIRE)',
  'ALSO READ: Border talks stall over customs checks',
  'Share this article',
  'Advertisement',
  '© 2024 Example Wire. All rights reserved.',
  'By Jane Roe and John Doe | Example Wire',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Deterministic generated documents as text (one paragraph per line). */
export function generateTexts(docs: number, paragraphs: number, seed = 1): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let d = 0; d < docs; d++) {
    const lines: string[] = [];
    for (let p = 0; p < paragraphs; p++) {
      const roll = r();
      if (roll < 0.12) {
        lines.push(BOILERPLATE[Math.floor(r() * BOILERPLATE.length)]);
      } else if (roll < 0.17 && lines.length > 0) {
        const words = lines[Math.floor(r() * lines.length)].split(' ');
        words.splice(Math.floor(r() * words.length), 0, 'President');
        lines.push(words.join(' '));
      } else {
        const n = 15 + Math.floor(r() * 66);
        const words = Array.from({ length: n }, () => VOCAB[Math.floor(r() * VOCAB.length)]);
        words[0] = words[0][0].toUpperCase() + words[0].slice(1);
        lines.push(words.join(' ') + '.');
      }
    }
    out.push(lines.join('\n'));
  }
  return out;
}

/** Clean `docs` generated documents of `paragraphs` lines, `rounds` times; report the best round. */
export function runCleanSpeed(docs = 500, paragraphs = 30, rounds = 5): CleanSpeed {
  const texts = generateTexts(docs, paragraphs);
  const clean = makeClean();
  let best = Infinity;
  let blocks = 0;
  let dropped = 0;
  for (let round = 0; round < rounds; round++) {
    const batch: Doc[] = texts.map((text, i) => ({
      id: `gen-${i}`,
      hash: '',
      text,
      meta: {},
      layers: { ...emptyLayers(), blocks: lineBlocks(text) },
      diagnostics: [],
    }));
    const t0 = performance.now();
    for (const doc of batch) clean(doc);
    const ms = performance.now() - t0;
    if (ms < best) best = ms;
    blocks = batch.reduce((n, d) => n + d.layers.blocks.length, 0);
    dropped = batch.reduce((n, d) => n + d.layers.blocks.filter((b) => b.dropped !== undefined).length, 0);
  }
  return { docs, blocks, ms: best, blocksPerSecond: (blocks / best) * 1000, docsPerSecond: (docs / best) * 1000, dropped };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const docs = Number(process.argv[2] ?? 500);
  const paragraphs = Number(process.argv[3] ?? 30);
  const r = runCleanSpeed(docs, paragraphs);
  console.log(
    `clean: ${r.docs} docs, ${r.blocks} blocks (${r.dropped} dropped) in ${r.ms.toFixed(0)} ms (best of 5): ` +
      `${Math.round(r.blocksPerSecond).toLocaleString('en')} blocks/s, ${Math.round(r.docsPerSecond).toLocaleString('en')} docs/s`,
  );
}
