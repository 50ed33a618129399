/**
 * All stage registrations in one place, and the named pipeline definitions.
 * Stage modules register themselves on import; `loadStages()` imports the ones that exist in this
 * build so that a pipeline can name them.
 */
import type { StageSpec } from './pipeline.js';
import { getStage } from './pipeline.js';
import { table } from './table.js';

const MODULES = ['./extract/index.js', './clean/index.js', './nlp/segment.js', './actors/index.js', './dates/index.js', './code/index.js'];

let loaded: Promise<void> | undefined;

/** Import every stage module (once). */
export function loadStages(): Promise<void> {
  loaded ??= (async () => {
    for (const m of MODULES) {
      try {
        await import(m);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes(m.replace('./', '').replace('.js', ''))) throw e;
      }
    }
  })();
  return loaded;
}

/** Named pipelines. `full` is what `parley extract` and `parley ingest` run. */
export const PIPELINES: Record<string, string[]> = table({
  clean: ['extract', 'clean'],
  full: ['extract', 'clean', 'segment', 'actors', 'times', 'code'],
});

/** The named pipeline, restricted to the stages available in this build (loads them first). */
export async function pipelineSpec(name = 'full'): Promise<StageSpec[]> {
  await loadStages();
  const names = PIPELINES[name];
  if (!names) throw new Error(`unknown pipeline '${name}'`);
  const written = new Set<string>();
  const specs: StageSpec[] = [];
  for (const n of names) {
    const def = getStage(n);
    if (!def || !def.reads.every((r) => written.has(r))) continue;
    def.writes.forEach((w) => written.add(w));
    specs.push({ name: n });
  }
  return specs;
}
