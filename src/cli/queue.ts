/**
 * `parley queue status|retry|drain|clean|pause|resume`: look after the queue the workers take jobs
 * from (PARLEY_QUEUE, PARLEY_QUEUE_NAME, or --queue / --queue-name).
 *
 *   status [--json] [--failures N]   depth, running, done, failed, workers, rates, latency, failures with reasons
 *   retry (--all | <job-id>...)      move failed jobs back to waiting
 *   drain                            remove every waiting and delayed job (running ones finish)
 *   clean [--failed] [--all]         remove completed jobs (and failed ones; --all also resets the counters)
 *   pause | resume                   stop or restart handing out jobs
 */
import { ParleyError } from '../errors.js';
import { checkReachable, cleanQueue, drainQueue, pauseQueue, queueStatus, retryFailed } from '../queue/admin.js';
import { queueConfig } from '../queue/config.js';
import type { Counts } from '../queue/stats.js';
import { intFlag, out, parse } from './args.js';

export const summary = 'queue status, retry failed jobs, drain, clean, pause, resume';

const SUBCOMMANDS = ['status', 'retry', 'drain', 'clean', 'pause', 'resume'];

function perMinute(c: Counts & { span: number }): string {
  const perMin = c.documents / Math.max(c.span, 1 / 60);
  return `${Math.round(perMin)} documents/min (${(perMin / 60).toFixed(1)}/s)`;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, 'queue');
  const [sub = 'status', ...ids] = positionals;
  if (!SUBCOMMANDS.includes(sub)) {
    throw new ParleyError('PARLEY_CLI_USAGE', { why: `parley queue: unknown subcommand '${sub}' (use ${SUBCOMMANDS.join(', ')}).` });
  }
  const cfg = queueConfig({
    url: typeof values.queue === 'string' ? values.queue : undefined,
    name: typeof values['queue-name'] === 'string' ? values['queue-name'] : undefined,
  });
  await checkReachable(cfg);

  if (sub === 'status') {
    const s = await queueStatus(cfg, { failures: intFlag('--failures', values.failures, 20) });
    if (values.json) {
      out(JSON.stringify(s, null, 2) + '\n');
      return 0;
    }
    const t = s.totals;
    const lines = [
      `queue '${s.name}' at ${s.url} (prefix ${s.prefix})${s.paused ? ' — PAUSED' : ''}`,
      `  jobs: ${s.jobs.waiting} waiting · ${s.jobs.active} running · ${s.jobs.delayed} waiting to retry · ${s.jobs.completed} completed (kept) · ${s.jobs.failed} failed`,
      `  workers: ${s.workers}`,
      `  documents: ${t.documents} in ${t.jobs} finished jobs → ${t.inserted} new, ${t.updated} updated, ${t.duplicates} duplicate, ${t.failed} poison; ${t.events} events`,
      `  failed jobs: ${t.failedJobs} (${t.failedDocuments} documents)`,
      `  rate: ${perMinute(s.lastMinute)} over the last minute, ${perMinute(s.lastFiveMinutes)} over the last 5 minutes`,
      `  latency: waited ${t.jobs ? (t.waitMs / t.jobs / 1000).toFixed(2) : '0.00'} s on average (max ${(t.maxWaitMs / 1000).toFixed(2)} s) before a worker took a job; ` +
        `${t.jobs ? (t.runMs / t.jobs / 1000).toFixed(2) : '0.00'} s per job`,
    ];
    if (s.failures.length > 0) {
      lines.push(`  failures (newest first; \`parley queue retry <id>\` or \`--all\` retries them):`);
      for (const f of s.failures) {
        lines.push(`    ${f.id} [${f.name}, ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}${f.failedAt ? `, ${f.failedAt}` : ''}]: ${f.reason}`);
        const docs = f.documents.slice(0, 3).join(', ');
        if (docs) lines.push(`      documents: ${docs}${f.documents.length > 3 ? `, … (${f.documents.length})` : ''}`);
      }
    }
    out(lines.join('\n') + '\n');
    return 0;
  }
  if (sub === 'retry') {
    if (!values.all && ids.length === 0) throw new ParleyError('PARLEY_CLI_USAGE', { why: 'parley queue retry: give job ids or --all.' });
    const r = await retryFailed(cfg, values.all ? 'all' : ids);
    process.stderr.write(`parley queue: ${r.retried} failed job${r.retried === 1 ? '' : 's'} moved back to waiting\n`);
    if (r.missing.length > 0) throw new ParleyError('PARLEY_QUEUE_NO_JOB', { id: r.missing.join("', '"), queue: cfg.name });
    return 0;
  }
  if (sub === 'drain') {
    const n = await drainQueue(cfg);
    process.stderr.write(`parley queue: removed ${n} waiting job${n === 1 ? '' : 's'}\n`);
    return 0;
  }
  if (sub === 'clean') {
    const n = await cleanQueue(cfg, { completed: true, failed: values.failed === true || values.all === true, all: values.all === true });
    process.stderr.write(`parley queue: removed ${n} finished job${n === 1 ? '' : 's'}${values.all ? ' and reset the counters' : ''}\n`);
    return 0;
  }
  await pauseQueue(cfg, sub === 'pause');
  process.stderr.write(`parley queue: ${sub === 'pause' ? 'paused (workers finish what they hold and wait)' : 'resumed'}\n`);
  return 0;
}
