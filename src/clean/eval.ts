/**
 * Scoring of dropped lines against a gold set's `drop_lines` (see the corpus GUIDE): precision and
 * recall of the predicted set of dropped 0-based line numbers, and whether it matches exactly.
 */

export interface DropScore {
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); 1 when nothing was predicted. */
  precision: number;
  /** tp / (tp + fn); 1 when the gold set is empty. */
  recall: number;
  /** True when the predicted and gold sets are equal. */
  exact: boolean;
}

/** Compare predicted and gold dropped line numbers (duplicates in either list count once). */
export function scoreDropLines(predicted: readonly number[], gold: readonly number[]): DropScore {
  const p = new Set(predicted);
  const g = new Set(gold);
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  const fp = p.size - tp;
  const fn = g.size - tp;
  return {
    tp,
    fp,
    fn,
    precision: p.size === 0 ? 1 : tp / p.size,
    recall: g.size === 0 ? 1 : tp / g.size,
    exact: fp === 0 && fn === 0,
  };
}
