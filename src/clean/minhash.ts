/**
 * MinHash signatures over word shingles, and a banded LSH index to find candidate near-duplicates
 * across documents without comparing every pair.
 *
 * Hashing is deterministic: a shingle is hashed with 32-bit FNV-1a and then passed through one
 * bijective 32-bit mixer per permutation (`mix(h ^ seed_i)`), with the per-permutation seeds drawn
 * from a seeded generator. The same options always give the same signatures, on any machine.
 *
 * The probability that two signatures agree in one position equals the Jaccard similarity of the
 * shingle sets, so {@link estimateJaccard} is an unbiased estimate. The index splits a signature
 * into `bands` of `rows` values; two texts become candidates when any band agrees entirely, which
 * happens with probability 1 − (1 − J^rows)^bands (an S-curve around (1/bands)^(1/rows)).
 * Candidates are only candidates: check them with the exact `jaccard`/`containment` helpers.
 */
import { wordShingles } from './shingles.js';

export interface MinHashOptions {
  /** Number of hash permutations (signature length). Default 128. */
  permutations?: number;
  /** Seed of the permutation generator. Default 1. */
  seed?: number;
  /** Words per shingle when signing text. Default 3. */
  shingleSize?: number;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A bijective avalanche mixer on 32-bit integers (xor-shift-multiply rounds). */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A small seeded generator (splitmix-style) for the per-permutation seeds. */
function seeds(count: number, seed: number): Uint32Array {
  const out = new Uint32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = mix32(state);
  }
  return out;
}

/** Computes MinHash signatures with a fixed set of seeded permutations. */
export class MinHasher {
  readonly permutations: number;
  readonly shingleSize: number;
  private readonly salts: Uint32Array;

  /** Throws a RangeError when `permutations` or `shingleSize` is not a positive integer. */
  constructor(options: MinHashOptions = {}) {
    const permutations = options.permutations ?? 128;
    const shingleSize = options.shingleSize ?? 3;
    if (!Number.isInteger(permutations) || permutations < 1) {
      throw new RangeError(`permutations must be a positive integer, got ${permutations}`);
    }
    if (!Number.isInteger(shingleSize) || shingleSize < 1) {
      throw new RangeError(`shingleSize must be a positive integer, got ${shingleSize}`);
    }
    this.permutations = permutations;
    this.shingleSize = shingleSize;
    this.salts = seeds(permutations, options.seed ?? 1);
  }

  /**
   * The signature of a set of shingles: for each permutation, the minimum permuted hash.
   * An empty set gives a signature of all 0xffffffff (it matches only other empty sets).
   */
  signature(shingles: Iterable<string>): Uint32Array {
    const sig = new Uint32Array(this.permutations).fill(0xffffffff);
    const salts = this.salts;
    for (const sh of shingles) {
      const h = hash32(sh);
      for (let i = 0; i < sig.length; i++) {
        const v = mix32(h ^ salts[i]);
        if (v < sig[i]) sig[i] = v;
      }
    }
    return sig;
  }

  /** The signature of a text's word shingles (see `wordShingles`). */
  signText(text: string): Uint32Array {
    return this.signature(wordShingles(text, this.shingleSize));
  }
}

/** Share of positions where two signatures agree: an estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signature lengths differ: ${a.length} vs ${b.length}`);
  if (a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export interface LshOptions {
  /** Number of bands. Default 42. */
  bands?: number;
  /** Signature values per band. Default 3 (42 × 3 = 126 values: fits 128 permutations). */
  rows?: number;
}

/**
 * A banded locality-sensitive hashing index over MinHash signatures.
 *
 * The defaults (42 bands of 3 rows) put the S-curve low, because the index is meant to find cut
 * copies across documents: a copy cut to 60% of an article has Jaccard ≈ 0.5–0.6 with it (while
 * its containment is ≈ 1). Candidate probability: Jaccard 0.5 → 0.996, 0.3 → 0.68, 0.2 → 0.29,
 * 0.1 → 0.04. Unrelated articles share almost no 3-word shingles, so few false candidates reach
 * the exact check.
 */
export class LshIndex<Id = string> {
  readonly bands: number;
  readonly rows: number;
  private readonly buckets: Map<number, Id[]>[];
  private count = 0;

  /** Throws a RangeError when `bands` or `rows` is not a positive integer. */
  constructor(options: LshOptions = {}) {
    const bands = options.bands ?? 42;
    const rows = options.rows ?? 3;
    if (!Number.isInteger(bands) || bands < 1) throw new RangeError(`bands must be a positive integer, got ${bands}`);
    if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`rows must be a positive integer, got ${rows}`);
    this.bands = bands;
    this.rows = rows;
    this.buckets = Array.from({ length: bands }, () => new Map<number, Id[]>());
  }

  /** Number of signatures added. */
  get size(): number {
    return this.count;
  }

  /** The probability that two texts with Jaccard similarity `j` become candidates. */
  collisionProbability(j: number): number {
    return 1 - (1 - j ** this.rows) ** this.bands;
  }

  /** Add a signature under an id. Throws a RangeError when the signature is shorter than bands × rows. */
  add(id: Id, sig: Uint32Array): void {
    this.check(sig);
    for (let b = 0; b < this.bands; b++) {
      const key = this.bandKey(sig, b);
      const bucket = this.buckets[b].get(key);
      if (bucket) bucket.push(id);
      else this.buckets[b].set(key, [id]);
    }
    this.count++;
  }

  /** Ids whose signatures agree with `sig` on at least one whole band, each once, in insertion order of first hit. */
  candidates(sig: Uint32Array): Id[] {
    this.check(sig);
    const seen = new Set<Id>();
    for (let b = 0; b < this.bands; b++) {
      const bucket = this.buckets[b].get(this.bandKey(sig, b));
      if (bucket) for (const id of bucket) seen.add(id);
    }
    return [...seen];
  }

  private check(sig: Uint32Array): void {
    if (sig.length < this.bands * this.rows) {
      throw new RangeError(`signature has ${sig.length} values; the index needs ${this.bands * this.rows}`);
    }
  }

  /** Hash of one band's values (a different hash for each band keeps buckets apart). */
  private bandKey(sig: Uint32Array, band: number): number {
    let h = mix32(band + 0x2545f491);
    const from = band * this.rows;
    for (let i = from; i < from + this.rows; i++) h = mix32(h ^ sig[i]);
    return h;
  }
}
