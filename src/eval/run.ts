/**
 * Running an evaluation set end to end: load it, code its items with a coder, score the output.
 * `pipelineCoder` codes items with parley's own pipeline (in this thread); any other function
 * from items to predicted events can be evaluated the same way.
 */
import { createHash } from 'node:crypto';
import type { Doc, RawDoc } from '../doc.js';
import type { RunConfig, StageSpec } from '../pipeline.js';
import { inThreadRunner } from '../runner.js';
import { pipelineSpec } from '../stages.js';
import { loadConflibert, scoreConflibert } from './conflibert.js';
import type { EvalItem } from './eval-item.js';
import { loadPetrarchUnit, scorePetrarchUnit } from './petrarch-unit.js';
import { loadPloverGsr, scorePloverGsr } from './plover-gsr.js';
import type { PredEvent } from './pred-event.js';
import { toPredEvent } from './pred-event.js';
import type { EvalResult } from './report.js';
import { scoreEvents } from './score-events.js';
import type { GoldDateScore } from './gold-dates.js';
import { scoreGoldDates } from './gold-dates.js';
import type { SetLocation } from './sets.js';
import { loadCorpusSet } from './sets.js';

/** Codes a batch of items; returns the predicted events per item id, in text order. */
export type Coder = (items: EvalItem[]) => Promise<Map<string, PredEvent[]>>;

export interface PipelineCoderOptions {
  /** Stage list (default: the `full` pipeline, restricted to the stages of this build). */
  pipeline?: (string | StageSpec)[];
  config?: RunConfig;
}

/** A coder that runs parley's pipeline on each item's text (as a plain-text document). */
export async function pipelineCoder(options: PipelineCoderOptions = {}): Promise<Coder> {
  const runner = await inThreadRunner({
    pipeline: options.pipeline ?? (await pipelineSpec('full')),
    config: options.config ?? {},
    workers: 0,
  });
  return async (items) => {
    const docs = await runner.process(rawItems(items));
    const out = new Map<string, PredEvent[]>();
    for (const doc of docs) {
      const events = [...doc.layers.events].sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
      out.set(doc.id, events.map((e) => toPredEvent(e, doc.text)));
    }
    return out;
  };
}

export interface SetRun {
  result: EvalResult;
  /** Problems met while loading the set. */
  problems: string[];
  items: number;
}

/** Load a set, code it with `coder` and score it; undefined when the set's files are absent. */
export async function evaluateSet(loc: SetLocation, coder: Coder): Promise<SetRun | undefined> {
  switch (loc.kind) {
    case 'events': {
      const set = loadCorpusSet(loc.path, loc.name);
      const predicted = await coder(set.items);
      return { result: scoreEvents(set.gold, predicted, { set: loc.name }), problems: set.problems, items: set.items.length };
    }
    case 'plover-gsr': {
      const set = loadPloverGsr(loc.path);
      if (!set) return undefined;
      return { result: scorePloverGsr(set.gold, await coder(set.items)), problems: set.problems, items: set.items.length };
    }
    case 'conflibert': {
      const set = loadConflibert(loc.path);
      if (!set) return undefined;
      return {
        result: scoreConflibert(set.gold, await coder(set.items), set.agreement),
        problems: set.problems,
        items: set.items.length,
      };
    }
    case 'petrarch-unit': {
      const set = loadPetrarchUnit(loc.path);
      if (!set) return undefined;
      return { result: scorePetrarchUnit(set.gold, await coder(set.items)), problems: set.problems, items: set.items.length };
    }
  }
}

/** The raw documents of evaluation items (plain text, with their publication dates). */
function rawItems(items: EvalItem[]) {
  return items.map((it) => {
    const raw: RawDoc = { id: it.id, text: it.text, origin: { path: 'eval', format: 'text' } };
    if (it.published) raw.published = it.published;
    if (it.title) raw.title = it.title;
    return { id: it.id, hash: createHash('sha256').update(it.text).digest('hex'), raw };
  });
}

/**
 * Date accuracy of the dates stage with the events given (see gold-dates.ts) on a document-level
 * corpus folder: runs the pipeline up to `times` and scores `eventDate` on the sentences of dated
 * gold events. The result's set name is `<name>:dates`.
 */
export async function evaluateGoldDates(loc: SetLocation, config: RunConfig = {}): Promise<GoldDateScore> {
  const set = loadCorpusSet(loc.path, loc.name);
  const runner = await inThreadRunner({ pipeline: ['extract', 'clean', 'segment', 'times'], config, workers: 0 });
  const docs = new Map<string, Doc>();
  for (const doc of await runner.process(rawItems(set.items))) docs.set(doc.id, doc);
  await runner.close();
  return scoreGoldDates(set.gold, docs, { set: `${loc.name}:dates`, published: config.published });
}
