/**
 * Story signatures: the word shingles of a document's clean text, their MinHash signature and the
 * LSH band keys that make near-duplicate documents find each other in the store.
 *
 * The band layout is chosen for cut and extended copies, not only for close copies: a copy cut to
 * 60% of an article has Jaccard ≈ 0.6 with it, and 32 bands of 4 rows make such a pair share at
 * least one band with probability 1 − (1 − 0.6⁴)³² ≈ 0.99 (Jaccard 0.5 → 0.87, 0.3 → 0.23,
 * unrelated news ≈ 0). Candidates are then screened by the containment the signatures imply and
 * confirmed by the exact shingle sets (see near-duplicate.ts).
 */
import { MinHasher } from '../clean/minhash.js';
import { normalizedWords, wordShingles } from '../clean/shingles.js';

/** Words per shingle. */
export const SHINGLE_SIZE = 3;
/** Signature length (MinHash permutations). */
export const PERMUTATIONS = 128;
export const BANDS = 32;
export const ROWS = 4;
/** Seed of the permutations: fixed, so that signatures stored by any process compare. */
export const SIGNATURE_SEED = 0x5e1f;

const hasher = new MinHasher({ permutations: PERMUTATIONS, seed: SIGNATURE_SEED, shingleSize: SHINGLE_SIZE });

export interface StorySignature {
  shingles: Set<string>;
  minhash: Uint32Array;
  /** One key per band: `band · 2³² + hash of the band's rows` (a safe integer). */
  bands: number[];
}

/** The word shingles of a clean text. */
export function storyShingles(text: string): Set<string> {
  return wordShingles(normalizedWords(text), SHINGLE_SIZE);
}

/** Signature and band keys of a clean text. */
export function storySignature(text: string): StorySignature {
  const shingles = storyShingles(text);
  const minhash = hasher.signature(shingles);
  return { shingles, minhash, bands: bandKeys(minhash) };
}

/** A 32-bit avalanche step (xor-shift-multiply). */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The LSH keys of a signature; an empty text (all-max signature) gets no keys, so it matches nothing. */
export function bandKeys(minhash: Uint32Array): number[] {
  if (minhash.every((v) => v === 0xffffffff)) return [];
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix(b + 0x9e3779b9);
    for (let r = b * ROWS; r < (b + 1) * ROWS; r++) h = mix(h ^ minhash[r]);
    keys.push(b * 0x1_0000_0000 + h);
  }
  return keys;
}
