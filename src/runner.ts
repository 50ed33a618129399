/**
 * The batch runner: turns raw inputs into processed Docs, in this thread for small inputs or on a
 * pool of worker threads for large ones (one per core for the full pipeline; one to start with for
 * the light ingest-only pipeline, more when the main thread waits on it). A batch runs stage by
 * stage (see {@link processBatch}). Batches keep their order of submission only per call; callers
 * must not rely on a global order.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { performance as perf } from 'node:perf_hooks';
import type { Doc, LayerName, RawDoc } from './doc.js';
import type { Context, RunConfig, StageSpec, Pipeline } from './pipeline.js';
import { buildPipeline, getStage } from './pipeline.js';
import { newDoc } from './output.js';
import { loadStages } from './stages.js';

export interface RawItem {
  id: string;
  hash: string;
  raw: RawDoc;
}

export interface RunnerOptions {
  pipeline: (string | StageSpec)[];
  config: RunConfig;
  /** Worker threads (at most); 0 runs in this thread. Default: min(cores, 4). */
  workers?: number;
  /** Keep the token layer in results (large; not needed for storage). */
  keepTokens?: boolean;
}

/** Process one raw item through a built pipeline. */
export function processOne(pipeline: Pipeline, item: RawItem, keepTokens: boolean): Doc {
  const doc = newDoc(item.id, item.hash, item.raw);
  pipeline.run(doc);
  delete doc.raw;
  if (!keepTokens) doc.layers.tokens = [];
  return doc;
}

/**
 * A pipeline split into one single-stage pipeline per stage, so that a batch can run stage by
 * stage. Building it checks the same things as `buildPipeline` on the whole list (unknown stages,
 * reads no earlier stage writes) and creates each stage once; throws the same errors.
 */
export function buildStages(specs: (string | StageSpec)[], ctx: Context, provided: LayerName[] = []): Pipeline[] {
  const written: LayerName[] = [...provided];
  return specs.map((raw) => {
    const spec: StageSpec = typeof raw === 'string' ? { name: raw } : raw;
    const part = buildPipeline([spec], ctx, [...written]);
    written.push(...(getStage(spec.name)?.writes ?? []));
    return part;
  });
}

/** Docs run through the stages together, at most this many at a time (bounds the live token layers). */
export const STAGE_CHUNK = 128;

/**
 * Process raw items stage by stage: every doc of a chunk through the first stage, then through
 * the second, and so on. Each doc goes through the same stages in the same order as with
 * `Pipeline.run` (a stage that throws on a doc records the fatal diagnostic and the doc skips the
 * later stages); running one stage over many docs in a row keeps its code and data (wink's model,
 * the KB, the lexicon) in the CPU caches, which makes the full pipeline about 20% cheaper than
 * running each doc through every stage in turn (bench/pipeline-profile.ts).
 */
export function processBatch(stages: readonly Pipeline[], items: readonly RawItem[], keepTokens: boolean): Doc[] {
  const docs = items.map((it) => newDoc(it.id, it.hash, it.raw));
  const stopped = new Uint8Array(docs.length);
  for (let from = 0; from < docs.length; from += STAGE_CHUNK) {
    const to = Math.min(docs.length, from + STAGE_CHUNK);
    for (const part of stages) {
      for (let i = from; i < to; i++) {
        if (stopped[i]) continue;
        const doc = docs[i];
        const before = doc.diagnostics.length;
        part.run(doc);
        const last = doc.diagnostics.length > before ? doc.diagnostics[doc.diagnostics.length - 1] : undefined;
        if (last?.ruleId === 'pipeline:stage-failed') stopped[i] = 1;
      }
    }
    for (let i = from; i < to; i++) {
      delete docs[i].raw;
      if (!keepTokens) docs[i].layers.tokens = [];
    }
  }
  return docs;
}

export interface Runner {
  /** Process a batch; resolves with the processed docs in the batch's order. */
  process(items: RawItem[]): Promise<Doc[]>;
  /** Batches the runner can usefully hold at once (for back-pressure). */
  readonly capacity: number;
  /** Worker threads now in use (0: this thread). */
  readonly threads: number;
  close(): Promise<void>;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** A runner in this thread. */
export async function inThreadRunner(opts: RunnerOptions): Promise<Runner> {
  await loadStages();
  const ctx: Context = { config: opts.config };
  const stages = buildStages(opts.pipeline, ctx);
  return {
    capacity: 1,
    threads: 0,
    async process(items) {
      return processBatch(stages, items, opts.keepTokens ?? false);
    },
    async close() {},
  };
}

interface Pending {
  resolve: (docs: Doc[]) => void;
  reject: (e: Error) => void;
}

/**
 * Growth of a pool that starts below its size: every {@link GROW_EVERY_MS} the runner looks at the
 * main thread's event-loop utilisation; when, with batches in the workers, it was busy less than
 * {@link GROW_BELOW} of the time at two looks in a row (it mostly waits on the workers; the first
 * look may fall in their warm-up), one more worker starts. Below half, the workers are at least
 * twice as slow as the main thread, so another one pays for the CPU it takes from it; above, the
 * main thread is the slower side and a further worker would only compete with it for a core.
 */
export const GROW_BELOW = 0.5;
export const GROW_EVERY_MS = 250;

/**
 * A pool of worker threads, each with its own pipeline (and its own loaded KB and lexicon).
 * `workers` threads at most; `initialWorkers` (default: all) start at once and the others when
 * the main thread is found waiting on them (see {@link GROW_BELOW}).
 */
export async function workerRunner(opts: RunnerOptions & { initialWorkers?: number }): Promise<Runner> {
  const max = opts.workers ?? defaultWorkers();
  if (max <= 0) return inThreadRunner(opts);
  const initial = Math.max(1, Math.min(max, opts.initialWorkers ?? max));
  const isTs = import.meta.url.endsWith('.ts');
  // Under tsx (tests, development runs), the worker registers tsx's loader before loading the
  // TypeScript entry: `--import tsx` in a worker's execArgv does not reach its module loader on Node 20.
  const script = isTs
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(new URL('./runner-worker.ts', import.meta.url).href)}); })`
    : new URL('./runner-worker.js', import.meta.url);
  const workers: { w: Worker; busy: number }[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failed: Error | undefined;

  /** Start one worker; it joins the pool once its pipeline is built. */
  const start = (): Promise<void> => {
    const w = new Worker(script, {
      eval: isTs,
      workerData: { pipeline: opts.pipeline, config: opts.config, keepTokens: opts.keepTokens ?? false },
      execArgv: [],
    });
    return new Promise<void>((resolve, reject) => {
      w.once('message', (m: { type: string; error?: string }) =>
        m.type === 'ready' ? resolve() : reject(new Error(m.error ?? 'worker failed to start')),
      );
      w.once('error', reject);
    }).then(() => {
      const slot = { w, busy: 0 };
      w.on('message', (m: { type: string; id: number; docs?: Doc[]; error?: string }) => {
        if (m.type !== 'done' && m.type !== 'failed') return;
        slot.busy--;
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (!p) return;
        if (m.type === 'done') p.resolve(m.docs ?? []);
        else p.reject(new Error(m.error));
      });
      w.on('error', (e) => {
        failed = e;
        for (const p of pending.values()) p.reject(e);
        pending.clear();
      });
      workers.push(slot);
    });
  };

  await Promise.all(Array.from({ length: initial }, start));
  let starting: Promise<void> | undefined;
  let elu = perf.eventLoopUtilization();
  let lowLooks = 0;
  /** Every GROW_EVERY_MS while the pool can grow: start one more worker when the main thread mostly waits on them. */
  const look = () => {
    const now = perf.eventLoopUtilization();
    const busy = perf.eventLoopUtilization(now, elu).utilization;
    elu = now;
    if (starting || failed) return;
    lowLooks = pending.size > 0 && busy < GROW_BELOW ? lowLooks + 1 : 0;
    if (lowLooks < 2) return;
    lowLooks = 0;
    starting = start()
      .catch((e: Error) => {
        failed ??= e;
      })
      .finally(() => {
        starting = undefined;
        elu = perf.eventLoopUtilization();
        if (workers.length >= max) clearInterval(timer);
      });
  };
  const timer = setInterval(look, GROW_EVERY_MS);
  timer.unref();
  if (workers.length >= max) clearInterval(timer);

  return {
    /** Two batches per worker: one being processed, one queued. */
    get capacity() {
      return workers.length * 2;
    },
    get threads() {
      return workers.length;
    },
    process(items) {
      if (failed) return Promise.reject(failed);
      const slot = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy++;
      return new Promise<Doc[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        slot.w.postMessage({ type: 'batch', id, items });
      });
    },
    async close() {
      clearInterval(timer);
      await starting;
      await Promise.all(workers.map((s) => s.w.terminate()));
    },
  };
}

/**
 * Stages that cost about what storing an article costs (extract on text, clean): a pipeline made
 * only of them starts with one worker, so that the main thread, which reads and stores, keeps a
 * core of its own; the pool grows when the workers turn out to be the slower side (HTML pages).
 */
export const LIGHT_STAGES: readonly string[] = ['extract', 'clean'];

/**
 * Choose a runner: threads only when the input is large enough to pay for their start-up; for a
 * light pipeline (see {@link LIGHT_STAGES}) one worker to start with, more when they are needed.
 */
export async function createRunner(opts: RunnerOptions & { expected?: number }): Promise<Runner> {
  const workers = opts.workers ?? (opts.expected !== undefined && opts.expected < 200 ? 0 : defaultWorkers());
  if (workers <= 0) return inThreadRunner(opts);
  const light = opts.pipeline.every((s) => LIGHT_STAGES.includes(typeof s === 'string' ? s : s.name));
  // An explicit worker count is used as given.
  return workerRunner({ ...opts, workers, initialWorkers: opts.workers === undefined && light ? 1 : workers });
}
