/**
 * Near-duplicate paragraphs inside one document.
 *
 * A later block is a near-duplicate of an earlier one when it has at least `minWords` words and
 * its word shingles overlap the earlier block's a lot: Jaccard ≥ `jaccard`, or containment of the
 * later block in the earlier one ≥ `containment` (a cut-down copy). The first copy is kept and
 * later copies point to it. Short blocks (list items, section labels) and single questions are
 * never dropped. A text that recurs `templateCopies` times or more (an interview that asks every guest
 * the same questions, a product feature list repeated per item) is a template, not an editing
 * slip, and all its copies are kept.
 *
 * Candidate pairs come from an inverted index of shingles, so only blocks that share a shingle
 * are scored.
 */
import { normalizedWords, wordShingles } from './shingles.js';

export interface DuplicateOptions {
  /** Blocks with fewer words are never dropped as duplicates. */
  minWords: number;
  /** Keep repeated questions (a block that is one sentence ending in "?"): interviews repeat them on purpose. */
  keepQuestions: boolean;
  /** Words per shingle. */
  shingleSize: number;
  /** Jaccard similarity at or above which a later block is a duplicate. */
  jaccard: number;
  /** Containment of the later block in the earlier one at or above which it is a duplicate… */
  containment: number;
  /**
   * …provided the later block has at least this share of the earlier one's shingles (a copy cut
   * to 60% is a duplicate; a one-sentence pull quote out of a long paragraph is not).
   */
  containmentMinRatio: number;
  /** A text with this many copies or more is a template: keep every copy (0 turns this off). */
  templateCopies: number;
}

/**
 * Defaults chosen by measurement (`bench/clean-threshold.ts`, on the 3,323 paragraphs of ≥ 8 words
 * in the Zyte benchmark's ground truth). With 2-word shingles and Jaccard ≥ 0.6, edited copies (a
 * word added, removed or replaced, three words swapped for three others, or two such edits) are
 * caught for 98.5% of 21–40-word and 100% of longer paragraphs, 76% of 13–20-word ones and 54% of
 * 8–12-word ones, while only 4 of 181 articles hold a pair of different paragraphs that score as
 * high (recipe and product lists, a poem's refrain, a quoted tweet). Copies cut to 60% or 75% are
 * all caught by containment ≥ 0.9 with a length ratio ≥ 0.5, which 3 articles' distinct pairs reach.
 * Blocks under 10 words are left alone: one changed word moves short blocks below any safe
 * threshold, and their repeats in the benchmark are list items and template lines, not slips.
 */
export const DUPLICATE_DEFAULTS: DuplicateOptions = {
  minWords: 10,
  keepQuestions: true,
  shingleSize: 2,
  jaccard: 0.6,
  containment: 0.9,
  containmentMinRatio: 0.5,
  templateCopies: 3,
};

/** A block that is one sentence ending in a question mark ("Q: What happens next?"). */
export function isQuestion(text: string): boolean {
  const t = text.trim().replace(/["'”’)\]]+$/, '');
  return t.endsWith('?') && !/[.!?]["'”’)\]]?\s+\S/.test(t.slice(0, -1));
}

export interface DuplicateMatch {
  /** Index (into the input list) of the later copy. */
  index: number;
  /** Index of the first copy. */
  of: number;
  jaccard: number;
  containment: number;
}

/**
 * Find later near-copies among texts. `undefined` entries (blocks already dropped) are skipped.
 * Returns one match per dropped copy, in input order; the first copy of each text is never listed.
 */
export function findNearDuplicates(
  texts: readonly (string | undefined)[],
  options: Partial<DuplicateOptions> = {},
): DuplicateMatch[] {
  const opts = { ...DUPLICATE_DEFAULTS, ...options };
  const shingles: (Set<string> | undefined)[] = texts.map((t) => {
    if (t === undefined || (opts.keepQuestions && isQuestion(t))) return undefined;
    const words = normalizedWords(t);
    return words.length >= opts.minWords ? wordShingles(words, opts.shingleSize) : undefined;
  });
  /** shingle → indexes of first copies containing it. */
  const postings = new Map<string, number[]>();
  const matches: DuplicateMatch[] = [];
  for (let i = 0; i < shingles.length; i++) {
    const own = shingles[i];
    if (!own || own.size === 0) continue;
    const shared = new Map<number, number>();
    for (const sh of own) {
      const list = postings.get(sh);
      if (list) for (const j of list) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    let best: DuplicateMatch | undefined;
    for (const [j, inter] of shared) {
      const other = shingles[j]!;
      const jac = inter / (own.size + other.size - inter);
      const con = inter / own.size;
      const contained = con >= opts.containment && own.size >= opts.containmentMinRatio * other.size;
      if (jac < opts.jaccard && !contained) continue;
      if (!best || jac > best.jaccard || (jac === best.jaccard && j < best.of)) {
        best = { index: i, of: j, jaccard: jac, containment: con };
      }
    }
    if (best) {
      matches.push(best);
      continue;
    }
    for (const sh of own) {
      const list = postings.get(sh);
      if (list) list.push(i);
      else postings.set(sh, [i]);
    }
  }
  if (opts.templateCopies > 0) {
    const copies = new Map<number, number>();
    for (const m of matches) copies.set(m.of, (copies.get(m.of) ?? 1) + 1);
    return matches.filter((m) => (copies.get(m.of) ?? 0) < opts.templateCopies);
  }
  return matches;
}
