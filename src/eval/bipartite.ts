/**
 * Maximum bipartite matching (augmenting paths). Documents hold a handful of events, so the
 * simple O(V·E) method is plenty.
 */

/**
 * A maximum matching between `left` items 0..n-1 and right items 0..m-1, where `edges[i]` lists
 * the right items left item i may take, in order of preference (earlier ones are tried first).
 * Returns, for each left item, the matched right item or -1.
 */
export function maxMatching(edges: number[][], rightCount: number): number[] {
  const rightTo = new Array<number>(rightCount).fill(-1);
  const leftTo = new Array<number>(edges.length).fill(-1);

  const augment = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]) {
      if (seen[j]) continue;
      seen[j] = true;
      if (rightTo[j] < 0 || augment(rightTo[j], seen)) {
        rightTo[j] = i;
        leftTo[i] = j;
        return true;
      }
    }
    return false;
  };

  for (let i = 0; i < edges.length; i++) augment(i, new Array<boolean>(rightCount).fill(false));
  return leftTo;
}
