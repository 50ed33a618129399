/**
 * `npm run bench`: runs every benchmark in turn, each as its own process (so that one's memory
 * and JIT state do not colour another's figures), and prints their tables.
 *
 *   npm run bench                    # all
 *   npm run bench -- zyte ingest     # only those whose name contains one of the words
 *
 * Benchmarks that need ../shared (or PARLEY_SHARED) print a skip line when it is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const HERE = resolve(import.meta.dirname);

/** In order: quality first, then speed. Arguments keep each run to a few minutes. */
const BENCHES: { name: string; file: string; args?: string[]; what: string }[] = [
  { name: 'extract-zyte', file: 'extract-zyte', what: 'article extraction F1 on the Zyte benchmark (parley vs Readability)' },
  { name: 'extract-dates', file: 'extract-dates', what: 'publication-date accuracy on the htmldate pages' },
  { name: 'clean-drops', file: 'clean-drops', what: 'dropped lines vs gold drop_lines' },
  { name: 'actors-eval', file: 'actors-eval', what: 'actor resolution: seed check, PLOVER-GSR codes' },
  { name: 'code-eval', file: 'code-eval', what: 'event coding on the seed and AG News (dev/held-out halves)' },
  { name: 'kb-load', file: 'kb-load', what: 'knowledge-base load time' },
  { name: 'clean-speed', file: 'clean-speed', what: 'clean stage speed' },
  { name: 'actors-speed', file: 'actors-speed', what: 'actor stage vs the wink tokenizer' },
  { name: 'code-speed', file: 'code-speed', what: 'whole pipeline vs a bare wink-nlp pass (short texts)' },
  { name: 'pipeline-profile', file: 'pipeline-profile', what: 'per-stage cost on 600-word articles and the ratio to a bare wink-nlp pass' },
  { name: 'ingest-read', file: 'ingest-read', what: 'readers alone' },
  { name: 'store-put', file: 'store-put', what: 'store writes (SQLite, PostgreSQL)' },
  { name: 'ingest', file: 'ingest', args: ['--n', '20000'], what: 'parley ingest into SQLite, ingest-only and full pipelines' },
  { name: 'api-load', file: 'api-load', what: 'API latency on a 1,000,000-event store' },
  { name: 'scale-dedup', file: 'scale-dedup', what: 'cross-document merge precision/recall' },
  { name: 'scale-throughput', file: 'scale-throughput', what: '1 process on SQLite vs 2 workers on PostgreSQL via Redis' },
];

const filters = process.argv.slice(2);
let failed = 0;
for (const b of BENCHES) {
  if (filters.length > 0 && !filters.some((f) => b.name.includes(f))) continue;
  const file = join(HERE, `${b.file}.js`);
  if (!existsSync(file)) continue;
  process.stdout.write(`\n=== ${b.name}: ${b.what}\n`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [file, ...(b.args ?? [])], { stdio: 'inherit' });
  process.stdout.write(`--- ${b.name}: ${r.status === 0 ? 'done' : `FAILED (exit ${r.status})`} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
