/**
 * `parley ingest --queue <input...>`: enqueue the inputs as batch jobs on the queue named by
 * PARLEY_QUEUE (and PARLEY_QUEUE_NAME), then show queued/done/failed until the run is finished
 * (or return at once with `--no-wait`). Workers (`parley worker`) do the processing and storing.
 */
import { dateFlag, intFlag } from '../cli/args.js';
import type { Parsed } from '../cli/args.js';
import { reportFailures } from '../cli/format.js';
import { checkReachable } from './admin.js';
import { displayUrl, queueConfig } from './config.js';
import { enqueueInputs, waitForRun } from './enqueue.js';
import type { RunProgress } from './enqueue.js';

/** Run the queue path of `parley ingest`; returns the exit code. */
export async function runIngestQueue(values: Parsed['values'], inputs: string[]): Promise<number> {
  const cfg = queueConfig();
  await checkReachable(cfg);
  const quiet = values.quiet === true;
  const tty = !quiet && Boolean(process.stderr.isTTY);
  const say = (s: string) => process.stderr.write(`parley ingest: ${s}\n`);
  // The workers run the pipeline into their own store: these flags do nothing here, and saying
  // so beats a run that silently does something else than asked.
  const ignored = (['db', 'pipeline', 'workers'] as const).filter((f) => values[f] !== undefined);
  if (ignored.length > 0) {
    say(
      `${ignored.map((f) => `--${f}`).join(', ')} ignored with --queue: the workers choose the store (their PARLEY_DB or --db) and their pipeline (--pipeline) and threads (--threads)`,
    );
  }
  let lastLine = 0;
  const live = (s: string) => {
    const now = Date.now();
    if (tty) process.stderr.write(`\r${s}\x1b[K`);
    else if (!quiet && now - lastLine >= 5000) {
      lastLine = now;
      say(s);
    }
  };
  const started = performance.now();
  const enq = await enqueueInputs({
    queue: cfg,
    inputs,
    batchSize: intFlag('--batch-size', values['batch-size'], 32) || 32,
    published: dateFlag('--published', values.published),
    inputFormat: typeof values['input-format'] === 'string' ? values['input-format'] : undefined,
    onProgress: (r) => live(`enqueued ${r.documents} documents in ${r.jobs} jobs`),
  });
  if (tty) process.stderr.write('\r\x1b[K');
  if (!quiet) {
    say(
      `enqueued ${enq.documents} documents in ${enq.jobs} jobs on queue '${cfg.name}' at ${displayUrl(cfg.url)} (run ${enq.run})` +
        (enq.duplicates > 0 ? `; ${enq.duplicates} repeated in the input were left out` : '') +
        (enq.known > 0 ? `; ${enq.known} were in batches the queue already had` : ''),
    );
  }
  if (values['no-wait'] === true || enq.documents === 0) return reportFailures('ingest', enq.failures);

  let problem = '';
  let noWorkerSince = 0;
  let warned = false;
  const show = (p: RunProgress) => {
    if (p.workers === 0 && p.done < p.queued) {
      noWorkerSince ||= Date.now();
      if (!warned && Date.now() - noWorkerSince > 5000) {
        warned = true;
        if (tty) process.stderr.write('\r\x1b[K');
        say(`no worker is connected to queue '${cfg.name}'; start \`parley worker\` (with the same PARLEY_QUEUE) to process the jobs`);
      }
    } else noWorkerSince = 0;
    const secs = (performance.now() - started) / 1000;
    live(
      `queued ${Math.max(0, p.queued - p.done)} · done ${p.done} · failed ${p.failed} · ${Math.round(p.done / Math.max(secs, 1e-3))}/s` +
        ` · jobs waiting ${p.waiting}, running ${p.active}, retrying ${p.delayed} · workers ${p.workers}`,
    );
    problem = '';
  };
  const end = await waitForRun(cfg, enq.run, {
    onProgress: show,
    onProblem: (why) => {
      if (why !== problem) say(`queue unreachable (${why}); still waiting`);
      problem = why;
    },
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const secs = (performance.now() - started) / 1000;
  const c = end.counts;
  say(
    `${end.done} of ${end.queued} documents done in ${secs.toFixed(1)} s (${Math.round(end.done / Math.max(secs, 1e-3))}/s) → ` +
      `${c.inserted} new, ${c.updated} updated, ${c.duplicates} duplicate, ${end.failed} failed; ${c.events} events`,
  );
  if (!end.complete) say(`the queue has nothing left to do but ${end.queued - end.done} documents were not accounted for; see \`parley queue status\``);
  if (end.failed > 0) say(`failed documents and jobs are listed, with their reasons, by \`parley queue status\`; \`parley queue retry --all\` retries them`);
  const code = reportFailures('ingest', enq.failures);
  return code !== 0 || end.failed > 0 || !end.complete ? 1 : 0;
}
