/** Paging options shared by both dialects. */

/** Rows returned by list and search calls when no limit is given. */
export const DEFAULT_LIMIT = 100;

/** A non-negative integer option (limit, offset), or the default when absent or not finite. */
export function count(v: number | undefined, dflt: number): number {
  if (v === undefined || !Number.isFinite(v)) return dflt;
  return Math.max(0, Math.floor(v));
}
