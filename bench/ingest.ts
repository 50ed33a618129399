/**
 * Ingest throughput: generated plain-text articles (~600 words, `bench/corpus.ts`) through
 * `parley ingest` into a fresh SQLite file, as a child process (what a user runs). Prints
 * articles/s and peak RSS for the ingest-only pipeline (`--pipeline clean`: extract + clean +
 * store; issue 2 aims at ≥ 2,000 articles/s on 2 cores) and for the full pipeline (with actors,
 * times and events), from one JSONL file and from a directory of .txt files.
 *
 * The cores are often shared: each row also gives the CPU seconds of the whole ingest process
 * (all its threads; from /usr/bin/time when the machine has it) and the load average before the
 * run, so that a slow row can be told apart from a busy machine. With `--rounds`, each row is the
 * best of that many runs.
 *
 *   node dist/bench/ingest.js [--n 20000] [--workers N] [--rounds 1] [--pipelines clean,full] [--inputs jsonl,txt]
 *   npm run bench -- ingest
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { article } from './corpus.js';

export interface IngestBenchRow {
  input: string;
  pipeline: string;
  articles: number;
  seconds: number;
  perSecond: number;
  /** CPU seconds (user + system) of the ingest process, all threads; NaN when not measured. */
  cpuSeconds: number;
  peakRssMb: number;
  /** 1-minute load average just before the run. */
  load: number;
}

const ROOT = resolve(import.meta.dirname, '..', import.meta.url.includes('/dist/') ? '..' : '');
const TIME = '/usr/bin/time';

function runIngest(args: string[]): { seconds: number; cpu: number; rss: number; stderr: string } {
  const parley = [join(ROOT, 'bin', 'parley.js'), 'ingest', '--quiet', ...args];
  const timed = existsSync(TIME);
  const t0 = performance.now();
  const r = timed
    ? spawnSync(TIME, ['-f', 'cpu %U %S', process.execPath, ...parley], { encoding: 'utf8' })
    : spawnSync(process.execPath, parley, { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`ingest failed: ${r.stderr}`);
  const m = /peak RSS (\d+) MB/.exec(r.stderr);
  const c = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { seconds, cpu: c ? Number(c[1]) + Number(c[2]) : NaN, rss: m ? Number(m[1]) : NaN, stderr: r.stderr };
}

export interface IngestBenchOptions {
  n?: number;
  workers?: number;
  pipelines?: string[];
  inputs?: ('jsonl' | 'txt')[];
  rounds?: number;
  /** Called with each row as it is measured. */
  log?: (row: IngestBenchRow) => void;
}

export async function runIngestBench(opts: IngestBenchOptions = {}): Promise<IngestBenchRow[]> {
  const n = opts.n ?? 20_000;
  const txtCount = Math.min(n, 20000);
  const inputs = opts.inputs ?? ['jsonl', 'txt'];
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-ingest-'));
  const rows: IngestBenchRow[] = [];
  try {
    const jsonl = join(dir, 'articles.jsonl');
    const txtDir = join(dir, 'txt');
    mkdirSync(txtDir);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const a = article(7, i);
      lines.push(JSON.stringify(a));
      if (inputs.includes('txt') && i < txtCount) writeFileSync(join(txtDir, `${a.id}.txt`), a.text);
    }
    writeFileSync(jsonl, lines.join('\n') + '\n');
    const workers = opts.workers !== undefined ? ['--workers', String(opts.workers)] : [];
    for (const pipeline of opts.pipelines ?? ['clean', 'full']) {
      for (const input of inputs) {
        const [path, count] = input === 'jsonl' ? [jsonl, n] : [txtDir, txtCount];
        let best: IngestBenchRow | undefined;
        for (let round = 0; round < (opts.rounds ?? 1); round++) {
          const db = join(dir, `b-${pipeline}-${input}-${round}.db`);
          const load = loadavg()[0];
          const r = runIngest(['--db', db, '--pipeline', pipeline, ...workers, path]);
          rmSync(db, { force: true });
          rmSync(`${db}-wal`, { force: true });
          rmSync(`${db}-shm`, { force: true });
          const row: IngestBenchRow = {
            input: input === 'jsonl' ? 'jsonl' : 'txt directory',
            pipeline,
            articles: count,
            seconds: r.seconds,
            perSecond: count / r.seconds,
            cpuSeconds: r.cpu,
            peakRssMb: r.rss,
            load,
          };
          if (!best || row.perSecond > best.perSecond) best = row;
        }
        rows.push(best!);
        opts.log?.(best!);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

const HEAD =
  '| input | pipeline | articles | seconds | articles/s | CPU s | articles per CPU s | peak RSS MB | load before |\n|---|---|---|---|---|---|---|---|---|\n';

function formatRow(r: IngestBenchRow): string {
  const cpu = Number.isFinite(r.cpuSeconds) ? r.cpuSeconds.toFixed(1) : '–';
  const perCpu = Number.isFinite(r.cpuSeconds) ? String(Math.round(r.articles / r.cpuSeconds)) : '–';
  return `| ${r.input} | ${r.pipeline} | ${r.articles} | ${r.seconds.toFixed(1)} | ${Math.round(r.perSecond)} | ${cpu} | ${perCpu} | ${r.peakRssMb} | ${r.load.toFixed(2)} |`;
}

export function formatIngestBench(rows: IngestBenchRow[]): string {
  return HEAD + rows.map(formatRow).join('\n') + '\n';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const num = (k: string) => (arg(k) === undefined ? undefined : Number(arg(k)));
  process.stdout.write(HEAD);
  await runIngestBench({
    n: num('--n'),
    workers: num('--workers'),
    rounds: num('--rounds'),
    pipelines: arg('--pipelines')?.split(','),
    inputs: arg('--inputs')?.split(',') as ('jsonl' | 'txt')[] | undefined,
    log: (row) => process.stdout.write(formatRow(row) + '\n'),
  });
}
