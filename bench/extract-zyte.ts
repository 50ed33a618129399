/**
 * Article-extraction benchmark on the Zyte set (../shared/bench/zyte-article-extraction, 181 pages).
 *
 * Scores, with the benchmark's own scorer (`score.mjs`, loaded from the shared folder at run time):
 * - parley: the `extract` stage, then the `clean` stage when `src/clean/index.ts` exists (imported
 *   dynamically; when it is absent the row says so and extract alone is parley's output). The
 *   scored text is the clean text: kept blocks joined by newlines.
 * - parley extract alone (blocks the markup marks as boilerplate already dropped);
 * - parley extract, every block (no boilerplate marking: Readability's container, block by block);
 * - plain Readability `textContent` (@mozilla/readability on the same linkedom parse).
 * Also prints the ids of empty outputs and ms/page. Timings on a shared 2-core machine are noisy.
 *
 * Run: `node --import tsx bench/extract-zyte.ts` (`--halves` adds the scores on the two halves of
 * the set split by the first hex digit of the page id, a check that a change helps across pages).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import type { Doc } from '../src/doc.js';
import { cleanText, emptyLayers } from '../src/doc.js';
import type { Context, StageFn } from '../src/pipeline.js';
import { getStage } from '../src/pipeline.js';
import { sharedPath } from '../src/shared-path.js';
import { parseDocument } from '../src/extract/dom.js';
import { makeExtract } from '../src/extract/stage.js';

type Bodies = Record<string, { articleBody?: string; url?: string }>;
interface Metrics {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
}
interface Scorer {
  evaluate(gt: Bodies, pred: Bodies): Metrics;
}

export interface ZyteRow extends Metrics {
  system: string;
  empty: number;
  emptyIds: string[];
  msPerPage?: number;
  halves?: { a: Metrics; b: Metrics };
}

export interface ZyteBenchResult {
  pages: number;
  /** True when the clean stage was found and run after extract. */
  cleanStage: boolean;
  rows: ZyteRow[];
}

async function loadClean(ctx: Context): Promise<StageFn | undefined> {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, '..', 'src', 'clean', 'index.ts'), join(here, '..', 'src', 'clean', 'index.js')];
  if (!candidates.some((p) => existsSync(p))) return undefined;
  try {
    await import('../src/clean/index.js');
  } catch {
    return undefined;
  }
  const def = getStage('clean');
  return def ? def.create({ ...def.defaults }, ctx) : undefined;
}

function newDoc(id: string, html: string, url: string | undefined): Doc {
  return {
    id,
    hash: '',
    text: '',
    meta: {},
    layers: emptyLayers(),
    diagnostics: [],
    raw: { html, url, origin: { path: `${id}.html.gz`, format: 'html' } },
  };
}

/** Run the benchmark; undefined when the shared data is absent. */
export async function runZyteBench(opts: { halves?: boolean } = {}): Promise<ZyteBenchResult | undefined> {
  const dir = sharedPath('bench', 'zyte-article-extraction');
  if (!dir || !existsSync(join(dir, 'score.mjs'))) return undefined;
  const scorer = (await import(pathToFileURL(join(dir, 'score.mjs')).href)) as Scorer;
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Bodies;
  const ids = Object.keys(gt).filter((id) => existsSync(join(dir, 'html', `${id}.html.gz`)));
  const pages = ids.map((id) => ({ id, url: gt[id].url, html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8') }));
  const truth: Bodies = Object.fromEntries(ids.map((id) => [id, gt[id]]));

  const ctx: Context = { config: {} };
  const extract = makeExtract({}, ctx);
  const extractAll = makeExtract({ boilerplate: false }, ctx);
  const clean = await loadClean(ctx);

  const row = (system: string, pred: Bodies, ms?: number): ZyteRow => {
    const m = scorer.evaluate(truth, pred);
    const emptyIds = ids.filter((id) => !(pred[id]?.articleBody ?? '').trim());
    const r: ZyteRow = { system, f1: m.f1, precision: m.precision, recall: m.recall, accuracy: m.accuracy, empty: emptyIds.length, emptyIds };
    if (ms !== undefined) r.msPerPage = ms;
    if (opts.halves) {
      const half = (lo: boolean): Metrics => {
        const sel = ids.filter((id) => parseInt(id[0], 16) < 8 === lo);
        return scorer.evaluate(Object.fromEntries(sel.map((id) => [id, truth[id]])), Object.fromEntries(sel.map((id) => [id, pred[id] ?? {}])));
      };
      r.halves = { a: half(true), b: half(false) };
    }
    return r;
  };

  // Warm up both code paths (JIT, linkedom) on a few pages so that neither timing pays for it.
  for (const p of pages.slice(0, 10)) {
    extract(newDoc(p.id, p.html, p.url));
    try {
      new Readability(parseDocument(p.html)).parse();
    } catch {
      /* scored below */
    }
  }

  // Scoring: parley is extract then clean; extract alone is the same docs before clean.
  const parley: Bodies = {};
  const alone: Bodies = {};
  for (const p of pages) {
    const doc = newDoc(p.id, p.html, p.url);
    extract(doc);
    alone[p.id] = { articleBody: cleanText(doc) };
    clean?.(doc);
    parley[p.id] = { articleBody: cleanText(doc) };
  }
  const every: Bodies = {};
  for (const p of pages) {
    const doc = newDoc(p.id, p.html, p.url);
    extractAll(doc);
    every[p.id] = { articleBody: cleanText(doc) };
  }
  const plain: Bodies = {};
  for (const p of pages) {
    let text = '';
    try {
      text = new Readability(parseDocument(p.html)).parse()?.textContent ?? '';
    } catch {
      text = '';
    }
    plain[p.id] = { articleBody: text };
  }

  // Timing: page by page, the systems interleaved (order alternating) so that load changes on a
  // shared machine hit them alike.
  const times = { plain: [] as number[], extract: [] as number[], clean: [] as number[] };
  pages.forEach((p, i) => {
    const runPlain = (): void => {
      const t = performance.now();
      try {
        new Readability(parseDocument(p.html)).parse();
      } catch {
        /* scored above */
      }
      times.plain.push(performance.now() - t);
    };
    const runParley = (): void => {
      const doc = newDoc(p.id, p.html, p.url);
      let t = performance.now();
      extract(doc);
      times.extract.push(performance.now() - t);
      t = performance.now();
      clean?.(doc);
      times.clean.push(performance.now() - t);
    };
    if (i % 2 === 0) {
      runPlain();
      runParley();
    } else {
      runParley();
      runPlain();
    }
  });
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const extractMs = mean(times.extract);
  const cleanMs = mean(times.clean);
  const plainMs = mean(times.plain);
  const n = pages.length;
  const rows: ZyteRow[] = [
    row(clean ? 'parley extract + clean' : 'parley extract (no clean stage found)', parley, extractMs + cleanMs),
    row('parley extract alone', alone, extractMs),
    row('parley extract, all blocks kept', every),
    row('readability textContent (linkedom)', plain, plainMs),
  ];
  return { pages: n, cleanStage: clean !== undefined, rows };
}

function fmt(m: Metrics): string {
  return `${m.f1.toFixed(3)} ${m.precision.toFixed(3)} ${m.recall.toFixed(3)}`;
}

async function main(): Promise<void> {
  const halves = process.argv.includes('--halves');
  const r = await runZyteBench({ halves });
  if (!r) {
    console.log('extract-zyte: ../shared/bench/zyte-article-extraction not found; skipped.');
    return;
  }
  console.log(`Zyte article-extraction benchmark: ${r.pages} pages${r.cleanStage ? '' : ' (src/clean not found: extract alone)'}`);
  console.log(`${'system'.padEnd(40)}    F1     P     R   acc  empty  ms/page${halves ? '   half 0-7 F1 P R     half 8-f F1 P R' : ''}`);
  for (const x of r.rows) {
    console.log(
      [
        x.system.padEnd(40),
        x.f1.toFixed(3).padStart(5),
        x.precision.toFixed(3),
        x.recall.toFixed(3),
        x.accuracy.toFixed(3),
        String(x.empty).padStart(5),
        (x.msPerPage === undefined ? '-' : x.msPerPage.toFixed(1)).padStart(8),
        halves && x.halves ? `   ${fmt(x.halves.a)}   ${fmt(x.halves.b)}` : '',
      ].join(' '),
    );
  }
  for (const x of r.rows) if (x.empty) console.log(`empty outputs of ${x.system}: ${x.emptyIds.join(', ')}`);
  console.log('(published: Readability.js 0.947, trafilatura 0.958; 2 shared cores, timings are noisy)');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
