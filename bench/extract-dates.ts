/**
 * Publication-date benchmark on the htmldate "Media Cloud 2020" pages (../shared/bench/
 * htmldate-mediacloud-2020): parley's cascade (`extractHtml(...).published`) against Readability's
 * own `publishedTime`, scored per calendar day over the 195 dated pages.
 *
 * Run: `node --import tsx bench/extract-dates.ts` (add `--rules` for a per-rule breakdown,
 * `--misses` to list wrong and missing answers). Skips with a message when the data is absent.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { extractHtml } from '../src/extract/html.js';
import { parseDocument } from '../src/extract/dom.js';
import { parseDate } from '../src/extract/parse-date.js';
import { sharedPath } from '../src/shared-path.js';

export interface DateScore {
  /** Dated pages (gold date present). */
  dated: number;
  answered: number;
  correct: number;
  precision: number;
  /** Correct answers over all dated pages (a missing answer counts as wrong). */
  accuracy: number;
  f: number;
  /** Pages without a gold date for which no date was returned (the right answer). */
  undatedSilent: number;
  undated: number;
  msPerPage: number;
}

export interface DateBenchResult {
  pages: number;
  parley: DateScore;
  readability: DateScore;
  /** Per rule of the cascade: answers and correct answers. */
  rules: Record<string, { answered: number; correct: number }>;
  misses: { url: string; gold: string | null; got: string | null; from: string | null }[];
}

/** Decode page bytes: the charset named in the first bytes, else UTF-8, else windows-1252. */
export function decodePage(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const label = m?.[1]?.toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      /* unknown label: fall through */
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function score(answers: (string | undefined)[], gold: (string | null)[], ms: number): DateScore {
  let dated = 0;
  let answered = 0;
  let correct = 0;
  let undated = 0;
  let undatedSilent = 0;
  answers.forEach((a, i) => {
    const g = gold[i];
    if (g === null) {
      undated++;
      if (!a) undatedSilent++;
      return;
    }
    dated++;
    if (a) {
      answered++;
      if (a === g) correct++;
    }
  });
  const precision = answered ? correct / answered : 0;
  const accuracy = dated ? correct / dated : 0;
  const f = precision + accuracy ? (2 * precision * accuracy) / (precision + accuracy) : 0;
  return { dated, answered, correct, precision, accuracy, f, undated, undatedSilent, msPerPage: ms / answers.length };
}

/** Run the benchmark; undefined when the shared data is absent. */
export async function runDateBench(): Promise<DateBenchResult | undefined> {
  const dir = sharedPath('bench', 'htmldate-mediacloud-2020');
  if (!dir) return undefined;
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8').replace(/:\s*NaN/g, ': null')) as Record<
    string,
    { file: string; date: string | null }
  >;
  const present = new Set(readdirSync(join(dir, 'html')));
  const items = Object.entries(truth)
    .filter(([, v]) => present.has(`${v.file}.gz`))
    .map(([url, v]) => ({ url, gold: v.date, html: decodePage(gunzipSync(readFileSync(join(dir, 'html', `${v.file}.gz`)))) }));
  const gold = items.map((it) => it.gold);

  const ours: (string | undefined)[] = [];
  const theirs: (string | undefined)[] = [];
  const rules: DateBenchResult['rules'] = {};
  const misses: DateBenchResult['misses'] = [];
  let oursMs = 0;
  let theirsMs = 0;
  // The two systems run page by page, in alternating order, so that load changes on a shared
  // machine hit both alike.
  items.forEach((it, i) => {
    const runOurs = (): void => {
      const t = performance.now();
      const r = extractHtml(it.html, { url: it.url });
      oursMs += performance.now() - t;
      ours.push(r.published);
      if (r.publishedFrom) {
        const rule = r.publishedFrom.startsWith('meta:') ? 'meta' : r.publishedFrom;
        const s = (rules[rule] ??= { answered: 0, correct: 0 });
        if (it.gold !== null) {
          s.answered++;
          if (r.published === it.gold) s.correct++;
        }
      }
      if ((r.published ?? null) !== it.gold) {
        misses.push({ url: it.url, gold: it.gold, got: r.published ?? null, from: r.publishedFrom ?? null });
      }
    };
    const runTheirs = (): void => {
      const t = performance.now();
      let d: string | undefined;
      try {
        const a = new Readability(parseDocument(it.html)).parse();
        d = a?.publishedTime ? parseDate(a.publishedTime) : undefined;
      } catch {
        d = undefined;
      }
      theirsMs += performance.now() - t;
      theirs.push(d);
    };
    if (i % 2 === 0) {
      runOurs();
      runTheirs();
    } else {
      runTheirs();
      runOurs();
    }
  });
  return {
    pages: items.length,
    parley: score(ours, gold, oursMs),
    readability: score(theirs, gold, theirsMs),
    rules,
    misses,
  };
}

function row(name: string, s: DateScore): string {
  return [
    name.padEnd(34),
    String(s.answered).padStart(8),
    String(s.correct).padStart(8),
    s.precision.toFixed(3).padStart(10),
    s.accuracy.toFixed(3).padStart(9),
    s.f.toFixed(3).padStart(7),
    `${s.undatedSilent}/${s.undated}`.padStart(9),
    s.msPerPage.toFixed(1).padStart(9),
  ].join(' ');
}

async function main(): Promise<void> {
  const r = await runDateBench();
  if (!r) {
    console.log('extract-dates: ../shared/bench/htmldate-mediacloud-2020 not found; skipped.');
    return;
  }
  console.log(`Publication dates, htmldate Media Cloud 2020: ${r.pages} pages, ${r.parley.dated} dated`);
  console.log(
    `${'method'.padEnd(34)} answered  correct  precision  accuracy       F  NaN-ok  ms/page`,
  );
  console.log(row('parley extract cascade', r.parley));
  console.log(row('readability publishedTime', r.readability));
  console.log('(ms/page: parley = whole extractHtml incl. text; readability = parse + Readability.parse;');
  console.log(' 2 shared cores, other jobs running: timings are noisy)');
  if (process.argv.includes('--rules')) {
    console.log('\nper rule (dated pages): rule answered correct');
    for (const [k, v] of Object.entries(r.rules).sort((a, b) => b[1].answered - a[1].answered)) {
      console.log(`  ${k.padEnd(12)} ${String(v.answered).padStart(4)} ${String(v.correct).padStart(4)}`);
    }
  }
  if (process.argv.includes('--misses')) {
    for (const m of r.misses) console.log(`  gold ${m.gold ?? 'NaN       '}  got ${m.got ?? '-         '}  ${(m.from ?? '').padEnd(30)} ${m.url}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
