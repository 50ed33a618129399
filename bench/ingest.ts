/**
 * Ingest throughput: generated plain-text articles (~600 words) through `parley ingest` into a
 * fresh SQLite file, as a child process (what a user runs). Prints articles/s and peak RSS for the
 * ingest-only pipeline (extract + clean) and for the full pipeline (with actors and events).
 *
 *   node dist/bench/ingest.js [--n 20000] [--workers 2]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { article } from './corpus.js';

export interface IngestBenchRow {
  input: string;
  pipeline: string;
  articles: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
}

const ROOT = resolve(import.meta.dirname, '..', import.meta.url.includes('/dist/') ? '..' : '');

function runIngest(args: string[]): { seconds: number; rss: number; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'parley.js'), 'ingest', '--quiet', ...args], { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`ingest failed: ${r.stderr}`);
  const m = /peak RSS (\d+) MB/.exec(r.stderr);
  return { seconds, rss: m ? Number(m[1]) : NaN, stderr: r.stderr };
}

export async function runIngestBench(opts: { n?: number; workers?: number; pipelines?: string[] } = {}): Promise<IngestBenchRow[]> {
  const n = opts.n ?? 20_000;
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
      if (i < Math.min(n, 5000)) writeFileSync(join(txtDir, `${a.id}.txt`), a.text);
    }
    writeFileSync(jsonl, lines.join('\n') + '\n');
    const workers = opts.workers !== undefined ? ['--workers', String(opts.workers)] : [];
    for (const pipeline of opts.pipelines ?? ['clean', 'full']) {
      for (const [input, count] of [
        [jsonl, n],
        [txtDir, Math.min(n, 5000)],
      ] as const) {
        const db = join(dir, `b-${pipeline}-${rows.length}.db`);
        const r = runIngest(['--db', db, '--pipeline', pipeline, ...workers, input]);
        rows.push({
          input: input === jsonl ? 'jsonl' : 'txt directory',
          pipeline,
          articles: count,
          seconds: r.seconds,
          perSecond: count / r.seconds,
          peakRssMb: r.rss,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function formatIngestBench(rows: IngestBenchRow[]): string {
  const head = '| input | pipeline | articles | seconds | articles/s | peak RSS MB |\n|---|---|---|---|---|---|\n';
  return head + rows.map((r) => `| ${r.input} | ${r.pipeline} | ${r.articles} | ${r.seconds.toFixed(1)} | ${Math.round(r.perSecond)} | ${r.peakRssMb} |`).join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const rows = await runIngestBench({ n: arg('--n'), workers: arg('--workers') });
  process.stdout.write(formatIngestBench(rows));
}
