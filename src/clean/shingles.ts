/**
 * Word shingles and exact set overlap.
 *
 * Texts are compared as sets of word k-grams ("shingles") over a normalised word sequence:
 * Unicode NFKC, lower case, curly quotes straightened, and split on anything that is not a
 * letter, digit or apostrophe inside a word. Punctuation and spacing therefore never make two
 * paragraphs differ.
 */

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/*
 * The clean rules ask for the words of the same block (and of the title) several times in a row,
 * so the last few results are kept. Callers must not modify the returned arrays.
 */
const WORDS_CACHE_SIZE = 64;
const wordsCache = new Map<string, readonly string[]>();

/** The normalised words of a text (lower case, NFKC, straight apostrophes), in order. Do not modify the result. */
export function normalizedWords(text: string): readonly string[] {
  const hit = wordsCache.get(text);
  if (hit !== undefined) return hit;
  const ascii = /^[\x00-\x7f]*$/.test(text);
  const folded = (ascii ? text : text.normalize('NFKC').replace(/’/g, "'")).toLowerCase();
  const words: readonly string[] = folded.match(WORD) ?? [];
  if (wordsCache.size >= WORDS_CACHE_SIZE) wordsCache.clear();
  wordsCache.set(text, words);
  return words;
}

/**
 * The set of word k-grams of a text (or of an already normalised word list). A text with fewer
 * than `k` words yields one shingle made of all its words; an empty text yields the empty set.
 */
export function wordShingles(input: string | readonly string[], k = 3): Set<string> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`shingle size must be a positive integer, got ${k}`);
  const words = typeof input === 'string' ? normalizedWords(input) : input;
  const set = new Set<string>();
  if (words.length === 0) return set;
  if (words.length < k) {
    set.add(words.join(' '));
    return set;
  }
  for (let i = 0; i + k <= words.length; i++) set.add(words.slice(i, i + k).join(' '));
  return set;
}

/** Size of the intersection of two sets (iterates over the smaller one). */
export function intersectionSize<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** Jaccard similarity |a ∩ b| / |a ∪ b|; 1 when both sets are empty. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const inter = intersectionSize(a, b);
  return inter / (a.size + b.size - inter);
}

/**
 * Containment of `a` in `b`: |a ∩ b| / |a|, the share of `a`'s shingles that also occur in `b`
 * (1 when `a` is empty). A copy cut to 60% of its source has a low Jaccard with the source but a
 * containment near 1.
 */
export function containment<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0) return 1;
  return intersectionSize(a, b) / a.size;
}
