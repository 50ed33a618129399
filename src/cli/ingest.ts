/**
 * `parley ingest <input...>`: read, process and store articles. Documents flow in batches:
 * reader → (skip known content hashes) → pipeline on worker threads → one store transaction per
 * batch. A crash loses at most the batches in flight; re-running skips what was stored, so every
 * document ends up stored exactly once.
 */
import type { Doc } from '../doc.js';
import { readInputs } from '../ingest/index.js';
import type { ReadStats } from '../ingest/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { createRunner } from '../runner.js';
import type { RawItem, Runner } from '../runner.js';
import { pipelineSpec } from '../stages.js';
import { toStoredDoc } from '../output.js';
import { dateFlag, dbLocation, inputFormatFlag, intFlag, parse, pipelineFlag } from './args.js';
import { reportFailures } from './format.js';
import type { Failure } from './format.js';
import { Progress } from './progress.js';

export const summary = 'read, clean and store articles';

export interface IngestCounts {
  read: number;
  inserted: number;
  updated: number;
  duplicates: number;
  failed: number;
  events: number;
}

export interface IngestOptions {
  store: Store;
  inputs: string[];
  workers?: number;
  batchSize?: number;
  published?: string;
  pipeline?: string;
  inputFormat?: string;
  onProgress?: (c: IngestCounts, stats: ReadStats) => void;
}

/** Ingest inputs into a store; returns the counts and the failures (never throws for bad input). */
export async function ingest(opts: IngestOptions): Promise<{ counts: IngestCounts; failures: Failure[] }> {
  const counts: IngestCounts = { read: 0, inserted: 0, updated: 0, duplicates: 0, failed: 0, events: 0 };
  const failures: Failure[] = [];
  const stats: ReadStats = { filesTotal: 0, filesDone: 0, bytesTotal: 0, bytesRead: 0, records: 0, errors: 0 };
  const batchSize = opts.batchSize ?? 256;
  let runner: Runner | undefined;
  const getRunner = async (expected: number) =>
    (runner ??= await createRunner({
      pipeline: await pipelineSpec(opts.pipeline ?? 'full'),
      config: { published: opts.published },
      workers: opts.workers,
      expected,
    }));

  let writes: Promise<void> = Promise.resolve();
  const inFlight = new Set<Promise<void>>();

  const write = async (docs: Doc[]) => {
    const good: Doc[] = [];
    for (const d of docs) {
      const fatal = d.diagnostics.find((x) => x.severity === 'fatal');
      if (fatal) {
        counts.failed++;
        failures.push({ where: d.meta.origin?.line ? `${d.meta.origin.path}:${d.meta.origin.line}` : d.meta.origin?.path ?? d.id, message: fatal.reason });
      } else good.push(d);
    }
    if (good.length === 0) return;
    const results = await opts.store.putDocuments(good.map(toStoredDoc));
    results.forEach((r, i) => {
      if (r === 'inserted') counts.inserted++;
      else if (r === 'updated') counts.updated++;
      else counts.duplicates++;
      if (r !== 'duplicate') counts.events += good[i].layers.events.length;
    });
  };

  const flush = async (batch: RawItem[], final: boolean) => {
    const known = await opts.store.knownHashes(batch.map((b) => b.hash));
    const seen = new Set<string>();
    const todo = batch.filter((b) => {
      if (known.has(b.hash) || seen.has(b.hash)) {
        counts.duplicates++;
        return false;
      }
      seen.add(b.hash);
      return true;
    });
    if (todo.length === 0) return;
    const r = await getRunner(final && inFlight.size === 0 ? todo.length : Number.MAX_SAFE_INTEGER);
    const p = r
      .process(todo)
      .then((docs) => {
        writes = writes.then(() => write(docs));
        return writes;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    while (inFlight.size >= r.capacity) await Promise.race(inFlight);
  };

  let batch: RawItem[] = [];
  try {
    for await (const item of readInputs(opts.inputs, { stats, format: (opts.inputFormat as never) ?? 'auto' })) {
      if (item.kind === 'error') {
        counts.failed++;
        failures.push({ where: item.line ? `${item.path}:${item.line}` : item.path, message: item.message });
        continue;
      }
      counts.read++;
      for (const w of item.raw.warnings ?? []) process.stderr.write(`parley ingest: warning: ${w}\n`);
      batch.push({ id: item.id, hash: item.hash, raw: item.raw });
      if (batch.length >= batchSize) {
        const b = batch;
        batch = [];
        await flush(b, false);
        opts.onProgress?.(counts, stats);
      }
    }
    if (batch.length > 0) await flush(batch, true);
    await Promise.all(inFlight);
    await writes;
    opts.onProgress?.(counts, stats);
  } finally {
    await runner?.close();
  }
  return { counts, failures };
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, 'ingest');
  if (positionals.length === 0) positionals.push('-');
  const inputFormat = inputFormatFlag(values['input-format']);
  if (values.queue) return (await import('../queue/ingest-command.js')).runIngestQueue(values, positionals);
  // Every flag is checked before the store is opened (or created).
  const options = {
    inputs: positionals,
    workers: values.workers === undefined ? undefined : intFlag('--workers', values.workers, 0),
    batchSize: intFlag('--batch-size', values['batch-size'], 256),
    published: dateFlag('--published', values.published),
    pipeline: pipelineFlag(values.pipeline),
    inputFormat,
  };
  const store = await openStore(dbLocation(values.db));
  const started = performance.now();
  const progress = new Progress(!values.quiet);
  try {
    const { counts, failures } = await ingest({
      ...options,
      store,
      onProgress: (c, s) => progress.update(c, s, performance.now() - started),
    });
    progress.done();
    const secs = (performance.now() - started) / 1000;
    const rate = counts.read / Math.max(secs, 1e-6);
    const rss = process.resourceUsage().maxRSS / 1024;
    process.stderr.write(
      `parley ingest: ${counts.read} read in ${secs.toFixed(1)} s (${Math.round(rate)}/s, peak RSS ${Math.round(rss)} MB) → ` +
        `${counts.inserted} new, ${counts.updated} updated, ${counts.duplicates} duplicate, ${counts.failed} failed; ` +
        `${counts.events} events; store ${store.location}\n`,
    );
    return reportFailures('ingest', failures);
  } finally {
    await store.close();
  }
}
