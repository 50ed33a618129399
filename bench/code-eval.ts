/**
 * Evaluation of the event coder with the whole pipeline (extract, clean, segment, actors, times,
 * code) on the shared gold sets, scored as shared/corpus/GUIDE.md says:
 *
 * - seed: event figures and the four phone-call events (CHN<->IRN, CHN<->POL, 041, 2022-07-29);
 * - agnews-world: figures on the whole gold set and on two halves split by a hash of the id:
 *   `dev` (looked at while writing patterns) and `held-out` (only ever scored).
 *
 * Reads ../shared at run time (PARLEY_SHARED overrides) and prints what exists.
 * Run: `node --import tsx bench/code-eval.ts [seed|agnews ...] [--misses dev]`.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { GoldDoc } from '../src/eval/gold.js';
import type { EventScore } from '../src/eval/score-events.js';
import type { PredEvent } from '../src/eval/pred-event.js';
import { pipelineCoder } from '../src/eval/run.js';
import { scoreEvents } from '../src/eval/score-events.js';
import { loadCorpusSet } from '../src/eval/sets.js';
import { loadStages } from '../src/stages.js';
import { sharedPath } from '../src/shared-path.js';

/** Which half of a gold set an id belongs to: decided by the first byte of sha256(id). */
export function halfOf(id: string): 'dev' | 'held-out' {
  return (createHash('sha256').update(id).digest()[0] & 1) === 0 ? 'dev' : 'held-out';
}

export interface PhoneCheck {
  dyad: string;
  found: boolean;
  date: string | null;
}

export interface CodeEvalReport {
  seed?: { score: EventScore; phone: PhoneCheck[] };
  agnews?: { all: EventScore; dev: EventScore; heldOut: EventScore };
}

const PHONE = [
  ['CHN', 'IRN'],
  ['IRN', 'CHN'],
  ['CHN', 'POL'],
  ['POL', 'CHN'],
];

function subset(gold: Map<string, GoldDoc>, half: 'dev' | 'held-out'): Map<string, GoldDoc> {
  return new Map([...gold].filter(([id]) => halfOf(id) === half));
}

/** Run the evaluation of the sets named in `which` (default: all present). */
export async function runCodeEval(which: string[] = []): Promise<CodeEvalReport> {
  await loadStages();
  const want = (k: string) => which.length === 0 || which.includes(k);
  const coder = await pipelineCoder();
  const report: CodeEvalReport = {};
  const seedDir = sharedPath('corpus', 'seed');
  if (want('seed') && seedDir) {
    const set = loadCorpusSet(seedDir, 'seed');
    const items = set.items.map((it) => ({ ...it, published: it.published ?? '2022-07-30' }));
    const predicted = await coder(items);
    const score = scoreEvents(set.gold, predicted, { set: 'seed' });
    const preds: PredEvent[] = predicted.get('seed') ?? [];
    const phone = PHONE.map(([s, t]) => {
      const p = preds.find((e) => e.source === s && e.target === t && e.code === '041');
      return { dyad: `${s}->${t}`, found: !!p, date: p?.date ?? null };
    });
    report.seed = { score, phone };
  }
  const agDir = sharedPath('corpus', 'agnews-world');
  if (want('agnews') && agDir) {
    const set = loadCorpusSet(agDir, 'agnews-world');
    const predicted = await coder(set.items);
    report.agnews = {
      all: scoreEvents(set.gold, predicted, { set: 'agnews-world' }),
      dev: scoreEvents(subset(set.gold, 'dev'), predicted, { set: 'agnews-world:dev' }),
      heldOut: scoreEvents(subset(set.gold, 'held-out'), predicted, { set: 'agnews-world:held-out' }),
    };
  }
  return report;
}

const f = (x: number | null | undefined) => (x === null || x === undefined ? '  -  ' : x.toFixed(3));

function line(name: string, s: EventScore): string {
  const g = s.figures;
  return `${name.padEnd(22)} docs ${String(s.counts.docs).padStart(4)}  P ${f(g.precision)}  R ${f(g.recall)}  F1 ${f(g.f1)}  dyadF1 ${f(g.dyadF1)}  extra ${f(g.extraRate)}  date ${f(g.dateAccuracy)}  code ${f(g.codeAccuracy)}`;
}

/** The report as printed text. */
export function formatCodeEval(r: CodeEvalReport, misses?: 'dev' | 'seed'): string {
  const out: string[] = [];
  if (r.seed) {
    out.push(line('seed', r.seed.score));
    out.push('  phone calls 041: ' + r.seed.phone.map((p) => `${p.dyad} ${p.found ? p.date : 'MISSING'}`).join(', '));
  }
  if (r.agnews) {
    out.push(line('agnews-world (all)', r.agnews.all));
    out.push(line('agnews-world dev', r.agnews.dev));
    out.push(line('agnews-world held-out', r.agnews.heldOut));
  }
  const s = misses === 'seed' ? r.seed?.score : misses === 'dev' ? r.agnews?.dev : undefined;
  if (s) {
    for (const fp of s.falsePositives) out.push(`  FP ${fp.docId} ${fp.source}->${fp.target} ${fp.code} | ${fp.sentence?.slice(0, 140) ?? ''}`);
    for (const fn of s.falseNegatives) out.push(`  FN ${fn.docId} ${fn.src}->${fn.tgt} ${fn.code} [${fn.altRoots.join(',')}] | ${fn.quote}`);
  }
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const mi = args.indexOf('--misses');
  const misses = mi >= 0 ? (args.splice(mi, 2)[1] as 'dev' | 'seed') : undefined;
  const report = await runCodeEval(args);
  console.log(formatCodeEval(report, misses));
  process.exit(0);
}
