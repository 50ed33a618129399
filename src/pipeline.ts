/**
 * The stage registry and the pipeline runner.
 *
 * A stage is registered by name with what it reads and writes. `create(options, ctx)` runs once
 * when the pipeline is built (expensive set-up happens there) and returns the per-document
 * function. The pipeline itself is data: an ordered list of stage names with options. Building it
 * checks that every layer a stage reads is written by an earlier stage, then freezes it.
 * If a stage throws on one document, the runner records a fatal diagnostic naming the stage and
 * stops processing that document (the rest of the batch goes on).
 */
import type { Doc, LayerName } from './doc.js';
import { ParleyError } from './errors.js';

/**
 * What is loaded once and shared by every document: knowledge base, lexicon, CAMEO table, config.
 * Modules extend it by declaration merging:
 * `declare module '../pipeline.js' { interface Context { kb?: Kb } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Context {
  /** Options that apply to the whole run (e.g. a publication date given on the command line). */
  config: RunConfig;
}

export interface RunConfig {
  /** Publication date to assume when a document has none (ISO date). */
  published?: string;
  /** Reference date for actor resolution when a document has no date (ISO date). */
  date?: string;
}

export type StageFn = (doc: Doc) => void;

export interface StageDef<O extends object = Record<string, unknown>> {
  name: string;
  version: number;
  reads: LayerName[];
  writes: LayerName[];
  defaults: O;
  /** Called once per pipeline build; returns the per-document function. */
  create(options: O, ctx: Context): StageFn;
}

const registry = new Map<string, StageDef<any>>();

/**
 * Register a stage definition under its name. Registering the same definition again is a no-op
 * (modules may be reached by several import paths); another definition under a taken name throws.
 */
export function registerStage<O extends object>(def: StageDef<O>): StageDef<O> {
  if (registry.get(def.name) === def) return def;
  if (registry.has(def.name)) {
    throw new ParleyError('PARLEY_PIPELINE_DUPLICATE_STAGE', { stage: def.name });
  }
  registry.set(def.name, def);
  return def;
}

/** Convenience constructor matching the house style: `stage('segment', 1, {reads, writes}, create)`. */
export function stage<O extends object>(
  name: string,
  version: number,
  io: { reads: LayerName[]; writes: LayerName[]; defaults?: O },
  create: (options: O, ctx: Context) => StageFn,
): StageDef<O> {
  return { name, version, reads: io.reads, writes: io.writes, defaults: (io.defaults ?? {}) as O, create };
}

export function registeredStages(): string[] {
  return [...registry.keys()].sort();
}

export function getStage(name: string): StageDef<any> | undefined {
  return registry.get(name);
}

/** One entry of a pipeline definition. */
export interface StageSpec {
  name: string;
  options?: Record<string, unknown>;
}

/** The resolved definition stored with each run so that every output can say what coded it. */
export interface PipelineInfo {
  stages: { name: string; version: number; options: Record<string, unknown> }[];
}

export interface Pipeline {
  readonly info: PipelineInfo;
  /** Run every stage on the doc. Never throws for a stage failure: a fatal diagnostic is recorded. */
  run(doc: Doc): Doc;
}

/**
 * Build a frozen pipeline from stage specs. Throws `PARLEY_PIPELINE_UNKNOWN_STAGE` or
 * `PARLEY_PIPELINE_UNMET_READ` (a stage reads a layer that no earlier stage writes).
 * `provided` names layers the docs already carry (e.g. docs built by hand, or a partial re-run).
 */
export function buildPipeline(
  specs: (string | StageSpec)[],
  ctx: Context,
  provided: LayerName[] = [],
): Pipeline {
  const written = new Set<LayerName>(provided);
  const fns: { name: string; fn: StageFn }[] = [];
  const info: PipelineInfo = { stages: [] };
  for (const raw of specs) {
    const spec: StageSpec = typeof raw === 'string' ? { name: raw } : raw;
    const def = registry.get(spec.name);
    if (!def) {
      throw new ParleyError('PARLEY_PIPELINE_UNKNOWN_STAGE', {
        stage: spec.name,
        available: registeredStages().join(', '),
      });
    }
    for (const r of def.reads) {
      if (!written.has(r)) {
        throw new ParleyError('PARLEY_PIPELINE_UNMET_READ', { stage: def.name, layer: r });
      }
    }
    for (const w of def.writes) written.add(w);
    const options = { ...def.defaults, ...(spec.options ?? {}) };
    fns.push({ name: def.name, fn: def.create(options, ctx) });
    info.stages.push({ name: def.name, version: def.version, options });
  }
  Object.freeze(info);
  const pipeline: Pipeline = {
    info,
    run(doc: Doc): Doc {
      for (const { name, fn } of fns) {
        try {
          fn(doc);
        } catch (err) {
          const e = err as Error;
          doc.diagnostics.push({
            severity: 'fatal',
            source: name,
            ruleId: 'pipeline:stage-failed',
            reason: `stage '${name}' failed: ${e?.message ?? String(err)}`,
            note: e?.stack?.split('\n').slice(1, 4).join('\n'),
          });
          break;
        }
      }
      return doc;
    },
  };
  return Object.freeze(pipeline);
}

/** True when a stage failed on the doc. */
export function hasFatal(doc: Doc): boolean {
  return doc.diagnostics.some((d) => d.severity === 'fatal');
}
