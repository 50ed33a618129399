/**
 * What every boilerplate rule of the `clean` stage looks at and returns.
 *
 * A rule is a plain function `(text, at) => RuleHit | undefined`: `text` is the block's text as it
 * stands in `doc.text`, `at` says where the block sits. A hit names the drop reason, the sub-rule
 * that fired (shown in the diagnostic, so a wrong drop can be traced to one pattern) and a short
 * human explanation.
 */
import type { BlockKind, DropReason } from '../doc.js';
import { countWords } from './words.js';

/** Drop reasons a single-block rule can give (near-duplicates are decided separately). */
export type RuleReason = Exclude<DropReason, `duplicate-of:${number}`>;

export interface RuleHit {
  reason: RuleReason;
  /** The sub-rule that fired, e.g. `photo-description`, `promo-label`. */
  rule: string;
  /** A short explanation for the diagnostic. */
  why: string;
}

export interface BlockContext {
  /** Position of the block among all blocks of the document (0-based). */
  index: number;
  /** Number of blocks in the document. */
  count: number;
  kind: BlockKind;
  /** The document title (`doc.meta.title`), when known. */
  title?: string;
  /** The author line found by extraction (`doc.meta.byline`), when known. */
  byline?: string;
  /** True when every earlier block has been dropped (this is the first kept block so far). */
  firstKept: boolean;
  /**
   * Set inside a cross-promotion list: how many blocks ago a bare promo label ("Related",
   * "Read more") was seen, counting only promo blocks in between.
   */
  afterPromoLabel?: number;
}

export type BlockRule = (text: string, at: BlockContext) => RuleHit | undefined;

/*
 * Every rule tidies and counts the words of the same block, so both keep the last few results:
 * the stage calls the rules one block at a time, and a tiny cache turns the repeats into lookups.
 */
const CACHE_SIZE = 8;
const tidyCache = new Map<string, string>();
const countCache = new Map<string, number>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, value);
  return value;
}

const TIDY_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** Whitespace collapsed, curly quotes straightened, NFKC: the form rule patterns are written for. */
export function tidy(text: string): string {
  const hit = tidyCache.get(text);
  if (hit !== undefined) return hit;
  // Printable ASCII words separated by single spaces is already tidy: keep the same string object
  // (no copy, and later cache lookups by it stay cheap).
  if (TIDY_ASCII.test(text)) return remember(tidyCache, text, text);
  const folded = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKC').replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"');
  const out = folded.replace(/\s+/g, ' ').trim();
  remember(tidyCache, text, out);
  return remember(tidyCache, out, out);
}

/** While a document is cleaned: the word counts of its blocks, read once by the stage. */
let known: ReadonlyMap<string, number> | undefined;

/** Run `fn` with the word counts of some texts already known to {@link wordCount}. */
export function withWordCounts<T>(counts: ReadonlyMap<string, number>, fn: () => T): T {
  const outer = known;
  known = counts;
  try {
    return fn();
  } finally {
    known = outer;
  }
}

/** Number of words (letters/digits runs) in a text. */
export function wordCount(text: string): number {
  const count = known?.get(text);
  if (count !== undefined) return count;
  const hit = countCache.get(text);
  if (hit !== undefined) return hit;
  return remember(countCache, text, countWords(text));
}
