/**
 * What a worker does with one job's documents, without the queue: skip hashes the store already
 * holds, run the pipeline, store the good documents in one idempotent `putDocuments` transaction,
 * and set aside poison documents (the pipeline marked them fatal, or threw on them) with their
 * reason. A pipeline failure on the whole batch is narrowed down document by document on a fresh
 * runner, so one poison document never costs the others.
 */
import type { Doc } from '../doc.js';
import { toStoredDoc } from '../output.js';
import type { RawItem, Runner } from '../runner.js';
import type { Store } from '../store/store.js';
import type { PoisonDocument } from './jobs.js';
import { whereOf } from './jobs.js';

/** A runner that can be replaced when it breaks (a crashed worker thread fails every later batch). */
export interface RunnerSlot {
  get(): Promise<Runner>;
  /** Close the current runner; the next `get` makes a fresh one. */
  reset(): Promise<void>;
}

export function runnerSlot(make: () => Promise<Runner>): RunnerSlot {
  let current: Promise<Runner> | undefined;
  return {
    get: () => (current ??= make()),
    async reset() {
      const r = current;
      current = undefined;
      if (r) await (await r).close().catch(() => undefined);
    },
  };
}

export interface BatchOutcome {
  documents: number;
  inserted: number;
  updated: number;
  duplicates: number;
  events: number;
  poison: PoisonDocument[];
  /** Ids of this batch's documents that are in the store now (to queue for resolution). */
  stored: string[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Run the pipeline; on a batch failure, one document at a time on a fresh runner. */
async function pipeline(items: RawItem[], runners: RunnerSlot): Promise<{ docs: Doc[]; thrown: PoisonDocument[] }> {
  try {
    return { docs: await (await runners.get()).process(items), thrown: [] };
  } catch {
    await runners.reset();
    const docs: Doc[] = [];
    const thrown: PoisonDocument[] = [];
    for (const it of items) {
      try {
        docs.push(...(await (await runners.get()).process([it])));
      } catch (e) {
        thrown.push({ id: it.id, hash: it.hash, where: whereOf(it), reason: `the pipeline threw: ${message(e)}` });
        await runners.reset();
      }
    }
    return { docs, thrown };
  }
}

/** Process one job's documents into the store (see the module comment). Throws only for store errors. */
export async function processBatch(items: RawItem[], store: Store, runners: RunnerSlot): Promise<BatchOutcome> {
  const out: BatchOutcome = { documents: items.length, inserted: 0, updated: 0, duplicates: 0, events: 0, poison: [], stored: [] };
  const known = await store.knownHashes(items.map((it) => it.hash));
  const seen = new Set<string>();
  const todo: RawItem[] = [];
  for (const it of items) {
    if (known.has(it.hash) || seen.has(it.hash)) {
      out.duplicates++;
      out.stored.push(it.id);
      continue;
    }
    seen.add(it.hash);
    todo.push(it);
  }
  if (todo.length === 0) return out;
  const { docs, thrown } = await pipeline(todo, runners);
  out.poison.push(...thrown);
  const good: Doc[] = [];
  const byId = new Map(todo.map((it) => [it.id, it]));
  for (const d of docs) {
    const fatal = d.diagnostics.find((x) => x.severity === 'fatal');
    if (fatal) {
      const it = byId.get(d.id);
      out.poison.push({ id: d.id, hash: d.hash, where: it ? whereOf(it) : undefined, reason: `${fatal.ruleId}: ${fatal.reason}` });
    } else good.push(d);
  }
  if (good.length > 0) {
    const results = await store.putDocuments(good.map(toStoredDoc));
    results.forEach((r, i) => {
      out[r === 'inserted' ? 'inserted' : r === 'updated' ? 'updated' : 'duplicates']++;
      if (r !== 'duplicate') out.events += good[i].layers.events.length;
      out.stored.push(good[i].id);
    });
  }
  return out;
}
