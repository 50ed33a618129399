/**
 * `parley worker`: take batch jobs from the queue (PARLEY_QUEUE, default redis://127.0.0.1:6379),
 * run the full pipeline, write to the store (PARLEY_DB: a postgres:// URL or a SQLite path) and
 * resolve across documents. Run as many as wanted, on as many machines. SIGTERM or SIGINT stops it
 * gracefully (jobs in flight finish); a second signal, or --shutdown-timeout, hands them back to
 * the queue at once.
 */
import { openStore } from '../store/index.js';
import { checkReachable } from '../queue/admin.js';
import { queueConfig } from '../queue/config.js';
import { startWorker } from '../queue/worker.js';
import { dbLocation, intFlag, parse, pipelineFlag } from './args.js';

export const summary = 'process queued articles (run on each worker machine)';

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, 'worker');
  const cfg = queueConfig({
    url: typeof values.queue === 'string' ? values.queue : undefined,
    name: typeof values['queue-name'] === 'string' ? values['queue-name'] : undefined,
  });
  const concurrency = Math.max(1, intFlag('--concurrency', values.concurrency, 1));
  // Every flag is checked before the queue and the store are reached.
  const options = {
    concurrency,
    threads: values.threads === undefined ? undefined : intFlag('--threads', values.threads, concurrency),
    pipeline: pipelineFlag(values.pipeline),
    resolve: values['no-resolve'] !== true,
    lockMs: values['lock-ms'] === undefined ? undefined : intFlag('--lock-ms', values['lock-ms'], 30_000),
    stalledMs: values['stalled-ms'] === undefined ? undefined : intFlag('--stalled-ms', values['stalled-ms'], 15_000),
  };
  const timeoutMs = 1000 * intFlag('--shutdown-timeout', values['shutdown-timeout'], 60);
  await checkReachable(cfg);
  const store = await openStore(dbLocation(values.db));
  const log = (line: string) => process.stderr.write(`parley worker: ${line}\n`);
  const started = performance.now();
  try {
    const worker = await startWorker({
      ...options,
      queue: cfg,
      store,
      verbose: values.verbose === true,
      log,
    });
    await new Promise<void>((resolve) => {
      let signals = 0;
      const stop = (sig: NodeJS.Signals) => {
        signals++;
        if (signals === 1) {
          log(`${sig}: finishing the jobs in flight (at most ${timeoutMs / 1000} s; ${sig} again hands them back at once)`);
          worker.close({ timeoutMs }).then(resolve, resolve);
        } else {
          log(`${sig}: handing the jobs in flight back to the queue`);
          void worker.close({ force: true });
        }
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    const t = worker.totals;
    const secs = (performance.now() - started) / 1000;
    log(
      `stopped after ${secs.toFixed(1)} s: ${t.jobs} jobs, ${t.documents} documents (${t.inserted} new, ${t.duplicates} duplicate, ` +
        `${t.failed} poison), ${t.resolved} resolved; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
