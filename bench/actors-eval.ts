/**
 * Evaluation of the `actors` stage on the shared data: the seed article check, the PLOVER GSR
 * actor-code accuracy with its misses, the AG News over-generation listing and the held-out AG
 * News gold actor check. Reads ../shared at run time (PARLEY_SHARED overrides); prints what exists.
 * Run: `node --import tsx bench/actors-eval.ts [seed|gsr|over|gold ...]`.
 */
import { pathToFileURL } from 'node:url';
import { loadKb } from '../src/actors/kb.js';
import { agnewsGoldActors, agnewsOvergeneration, formatActorEval, ploverGsrActors, seedCheck } from '../src/actors/eval.js';

/** Run the evaluations named in `which` (all by default) and return the printed report. */
export function runActorsEval(which: string[] = []): string {
  const want = (k: string) => which.length === 0 || which.includes(k);
  const kb = loadKb();
  return formatActorEval({
    seed: want('seed') ? seedCheck(kb) : undefined,
    gsr: want('gsr') ? ploverGsrActors(kb) : undefined,
    over: want('over') ? agnewsOvergeneration(kb) : undefined,
    gold: want('gold') ? agnewsGoldActors(kb) : undefined,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(runActorsEval(process.argv.slice(2)));
}
