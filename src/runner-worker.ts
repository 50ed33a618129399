/** Worker-thread side of the batch runner: builds the pipeline once, then processes batches. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Context, RunConfig, StageSpec } from './pipeline.js';
import { loadStages } from './stages.js';
import { buildStages, processBatch } from './runner.js';
import type { RawItem } from './runner.js';

const data = workerData as { pipeline: (string | StageSpec)[]; config: RunConfig; keepTokens: boolean };
try {
  await loadStages();
  const ctx: Context = { config: data.config };
  const stages = buildStages(data.pipeline, ctx);
  parentPort!.on('message', (m: { type: string; id: number; items: RawItem[] }) => {
    if (m.type !== 'batch') return;
    try {
      const docs = processBatch(stages, m.items, data.keepTokens);
      parentPort!.postMessage({ type: 'done', id: m.id, docs });
    } catch (e) {
      parentPort!.postMessage({ type: 'failed', id: m.id, error: (e as Error).message });
    }
  });
  parentPort!.postMessage({ type: 'ready' });
} catch (e) {
  parentPort!.postMessage({ type: 'error', error: (e as Error).message });
}
