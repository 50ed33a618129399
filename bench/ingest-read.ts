/**
 * Reading speed of the ingest readers alone (no extraction): generates a corpus of ≈600-word
 * articles in a temp dir — one JSONL file, the same gzipped, the same as CSV, and a directory of
 * .txt files — then times `readInputs` over each and prints records/s, MB/s (bytes on disk) and the
 * peak RSS seen while reading. The articles are made up from a small vocabulary written here.
 * Run: `node --import tsx bench/ingest-read.ts [--records N] [--files N]`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { newReadStats, readInputs } from '../src/ingest/index.js';

export interface ReadBenchCase {
  name: string;
  records: number;
  errors: number;
  bytes: number;
  seconds: number;
  recordsPerSecond: number;
  mbPerSecond: number;
  /** Highest resident set size sampled while reading, in MB. */
  peakRssMb: number;
}

export interface ReadBenchResult {
  cases: ReadBenchCase[];
  /** Peak RSS of the whole process (generation included), in MB. */
  processMaxRssMb: number;
}

export interface ReadBenchOptions {
  /** Articles in the JSONL/CSV corpus. Default 10000. */
  records?: number;
  /** .txt files in the directory corpus. Default 2000. */
  files?: number;
  /** Words per article. Default 600. */
  words?: number;
}

/** A small deterministic PRNG (mulberry32), so every run reads the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTORS = ['Freedonia', 'Sylvania', 'Marovia', 'the Aldport council', 'the foreign minister', 'rebel commanders', 'the customs agency', 'a United Nations envoy'];
const VERBS = ['met', 'criticised', 'praised', 'warned', 'signed an accord with', 'called on', 'sent aid to', 'accused', 'hosted', 'rejected a proposal from'];
const TAILS = ['on Tuesday', 'after weeks of talks', 'in the border town of Aldport', 'despite objections', 'according to officials', 'late on Friday', 'in a televised statement', 'for the second time this year'];
const FILLER = ['the', 'talks', 'over', 'fishing', 'rights', 'and', 'grain', 'exports', 'continued', 'while', 'observers', 'said', 'progress', 'was', 'slow', 'but', 'steady', 'with', 'further', 'meetings', 'planned'];

/** One made-up article of about `words` words, in paragraphs. */
function article(next: () => number, words: number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const paras: string[] = [];
  let n = 0;
  while (n < words) {
    const sentences: string[] = [];
    for (let s = 0; s < 4 && n < words; s++) {
      const extra = Array.from({ length: 6 + Math.floor(next() * 8) }, () => pick(FILLER)).join(' ');
      const sentence = `${pick(ACTORS)} ${pick(VERBS)} ${pick(ACTORS)} ${pick(TAILS)}, ${extra}.`;
      sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
      n += sentence.split(' ').length;
    }
    paras.push(sentences.join(' '));
  }
  return paras.join('\n\n');
}

function csvField(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

async function writeCorpus(dir: string, opts: Required<ReadBenchOptions>): Promise<{ jsonl: string; gz: string; csv: string; txtDir: string }> {
  const jsonl = join(dir, 'corpus.jsonl');
  const csv = join(dir, 'corpus.csv');
  const next = rng(20240601);
  const j = createWriteStream(jsonl);
  const c = createWriteStream(csv);
  const write = (s: NodeJS.WritableStream, data: string) =>
    new Promise<void>((resolve) => (s.write(data) ? resolve() : s.once('drain', () => resolve())));
  await write(c, 'id,title,published,text\n');
  for (let i = 0; i < opts.records; i++) {
    const text = article(next, opts.words);
    const title = `Bench article ${i}`;
    await write(j, JSON.stringify({ id: `b-${i}`, title, published: '2024-06-01', text }) + '\n');
    await write(c, `b-${i},${csvField(title)},2024-06-01,${csvField(text)}\n`);
  }
  await Promise.all([new Promise((r) => j.end(r)), new Promise((r) => c.end(r))]);
  const gz = `${jsonl}.gz`;
  await pipeline(createReadStream(jsonl), createGzip({ level: 6 }), createWriteStream(gz));
  const txtDir = join(dir, 'txt');
  for (let i = 0; i < opts.files; i++) {
    const sub = join(txtDir, String(Math.floor(i / 500)).padStart(3, '0'));
    if (i % 500 === 0) await mkdir(sub, { recursive: true });
    await writeFile(join(sub, `article-${String(i).padStart(6, '0')}.txt`), article(next, opts.words));
  }
  return { jsonl, gz, csv, txtDir };
}

async function timeRead(name: string, inputs: string[], bytes: number): Promise<ReadBenchCase> {
  const stats = newReadStats();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const t0 = process.hrtime.bigint();
  let n = 0;
  for await (const item of readInputs(inputs, { stats })) {
    if (item.kind === 'doc') n++;
    if ((n & 1023) === 0) peak = Math.max(peak, process.memoryUsage.rss());
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return {
    name,
    records: stats.records,
    errors: stats.errors,
    bytes,
    seconds,
    recordsPerSecond: stats.records / seconds,
    mbPerSecond: bytes / 1e6 / seconds,
    peakRssMb: peak / 1e6,
  };
}

async function dirBytes(files: number, dir: string): Promise<number> {
  let total = 0;
  for (let i = 0; i < files; i++) {
    const sub = join(dir, String(Math.floor(i / 500)).padStart(3, '0'));
    total += (await stat(join(sub, `article-${String(i).padStart(6, '0')}.txt`))).size;
  }
  return total;
}

/** Generate the corpus, time each reader, remove the corpus, and return the figures. */
export async function runReadBench(options: ReadBenchOptions = {}): Promise<ReadBenchResult> {
  const opts: Required<ReadBenchOptions> = {
    records: options.records ?? 10_000,
    files: options.files ?? 2_000,
    words: options.words ?? 600,
  };
  const dir = await mkdtemp(join(tmpdir(), 'parley-read-bench-'));
  try {
    const c = await writeCorpus(dir, opts);
    const cases: ReadBenchCase[] = [];
    cases.push(await timeRead('jsonl', [c.jsonl], (await stat(c.jsonl)).size));
    cases.push(await timeRead('jsonl.gz', [c.gz], (await stat(c.gz)).size));
    cases.push(await timeRead('csv', [c.csv], (await stat(c.csv)).size));
    cases.push(await timeRead('txt dir', [c.txtDir], await dirBytes(opts.files, c.txtDir)));
    return { cases, processMaxRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Print the figures as a small table. */
export function printReadBench(r: ReadBenchResult): void {
  console.log('ingest read bench (reading only; MB = 10^6 bytes on disk)');
  console.log('case        records  errors      MB   seconds   records/s     MB/s  peak RSS MB');
  for (const c of r.cases) {
    console.log(
      `${c.name.padEnd(10)} ${String(c.records).padStart(8)} ${String(c.errors).padStart(7)} ${(c.bytes / 1e6).toFixed(1).padStart(7)} ${c.seconds.toFixed(2).padStart(9)} ${c.recordsPerSecond.toFixed(0).padStart(11)} ${c.mbPerSecond.toFixed(1).padStart(8)} ${c.peakRssMb.toFixed(0).padStart(12)}`,
    );
  }
  console.log(`process max RSS (generation included): ${r.processMaxRssMb.toFixed(0)} MB`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  printReadBench(await runReadBench({ records: arg('--records'), files: arg('--files') }));
}
