/**
 * Near-duplicate documents: syndicated, lightly edited, truncated or extended copies of one
 * article. Two documents are near-duplicates when most of the smaller one's word shingles occur in
 * the other (containment, which stays ≈ 1 for a copy cut to 60% or a copy with an added paragraph,
 * while Jaccard falls to ≈ 0.6), or when their shingle sets simply overlap a lot (Jaccard).
 */
import { intersectionSize } from '../clean/shingles.js';
import { estimateJaccard } from '../clean/minhash.js';

export const NEAR_DUPLICATE = {
  /** |A ∩ B| / min(|A|, |B|) at or above this joins a story... */
  containment: 0.8,
  /** ...when the smaller document has at least this many shingles (a headline inside an article is no copy of it). */
  minShingles: 20,
  /** Jaccard at or above this joins a story whatever the sizes. */
  jaccard: 0.6,
  /**
   * Screening: candidates whose signatures imply a lower containment are not checked exactly. The
   * estimate's spread is about ±0.07 with 128 permutations, so a copy at the containment threshold
   * passes, while texts that merely share stock phrases (≈ 0.5) rarely do.
   */
  screen: 0.7,
};

export interface Similarity {
  jaccard: number;
  /** Share of the smaller set found in the larger one. */
  containment: number;
}

/** Exact Jaccard and containment of two shingle sets. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): Similarity {
  if (a.size === 0 || b.size === 0) return { jaccard: 0, containment: 0 };
  const inter = intersectionSize(a, b);
  return { jaccard: inter / (a.size + b.size - inter), containment: inter / Math.min(a.size, b.size) };
}

/** True when two documents with these measures (and these set sizes) are near-duplicates. */
export function isNearDuplicate(s: Similarity, sizeA: number, sizeB: number): boolean {
  if (s.jaccard >= NEAR_DUPLICATE.jaccard) return true;
  return s.containment >= NEAR_DUPLICATE.containment && Math.min(sizeA, sizeB) >= NEAR_DUPLICATE.minShingles;
}

/**
 * The containment two signatures imply: the intersection is J/(1+J)·(|A|+|B|) when J is the
 * Jaccard estimate, divided by the smaller size. Used to skip the exact check for candidates that
 * share a band by chance.
 */
export function estimatedContainment(a: Uint32Array, sizeA: number, b: Uint32Array, sizeB: number): number {
  if (sizeA === 0 || sizeB === 0) return 0;
  const j = estimateJaccard(a, b);
  return Math.min(1, ((j / (1 + j)) * (sizeA + sizeB)) / Math.min(sizeA, sizeB));
}
