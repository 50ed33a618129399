/**
 * Where the time of the whole pipeline goes: per-stage milliseconds per article and articles per
 * second on one thread, over generated ~600-word articles (`bench/corpus.ts`), with the ratio of
 * the whole pipeline's time to a bare wink-nlp pass over the same texts (issue 4 aims at ≤ 3×).
 *
 * Each round builds fresh Docs from the raw articles and runs the stages one after another over
 * all of them (stage by stage, so each stage is timed on its own). The whole pipeline is then
 * measured as the runner runs it (batches of 256, stage by stage: `processBatch`) and article by
 * article (`processOne`). The reference is wink's default pipe (what a bare wink-nlp pass runs);
 * the segment stage runs a shorter pipe (see src/nlp/wink.ts), whose pass is printed too. Wall
 * time and CPU time (user + system of the process, which includes the GC threads) are both
 * reported, each the best of the rounds: the 2 cores are shared, so wall time alone overstates
 * the cost when the machine is busy.
 *
 *   node dist/bench/pipeline-profile.js [--n 400] [--rounds 5] [--pipeline full]
 *   node --cpu-prof --cpu-prof-dir /tmp/prof dist/bench/pipeline-profile.js --only article   # a CPU profile
 *
 * `--only stages` times the stages alone; `--only article` only the whole pipeline (both ways).
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Doc } from '../src/doc.js';
import type { Context } from '../src/pipeline.js';
import { buildPipeline, getStage } from '../src/pipeline.js';
import type { StageFn } from '../src/pipeline.js';
import { newDoc } from '../src/output.js';
import { PIPELINES, loadStages } from '../src/stages.js';
import { buildStages, processBatch, processOne } from '../src/runner.js';
import type { RawItem } from '../src/runner.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { WINK_PIPE } from '../src/nlp/wink.js';
import { article } from './corpus.js';

export interface StageFigure {
  name: string;
  /** Best round, wall milliseconds per article. */
  ms: number;
  /** Best round, process CPU milliseconds per article. */
  cpuMs: number;
}

export interface PipelineProfile {
  articles: number;
  words: number;
  rounds: number;
  stages: StageFigure[];
  /** The stages summed (stage by stage). */
  sum: StageFigure;
  /** The pipeline as the runner runs it: batches of 256, stage by stage (`processBatch`). */
  runner: StageFigure;
  /** The pipeline article by article (`processOne`: every stage on one article, then the next). */
  perArticle: StageFigure;
  /** A bare wink-nlp pass (readDoc, POS, lemmas, sentences) over each whole text, wink's default pipe. */
  wink: StageFigure;
  /** The same pass with the pipe the segment stage runs (no NER, sentiment or custom entities). */
  winkLite: StageFigure;
  loadAverage: number[];
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Time `fn` over the articles, `rounds` times; best wall and best CPU per article. */
function measure(name: string, n: number, rounds: number, prepare: () => void, fn: () => void): StageFigure {
  let ms = Infinity;
  let cpuMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    prepare();
    const c0 = cpuNow();
    const t0 = performance.now();
    fn();
    ms = Math.min(ms, (performance.now() - t0) / n);
    cpuMs = Math.min(cpuMs, (cpuNow() - c0) / n);
  }
  return { name, ms, cpuMs };
}

/** Profile the named pipeline (default `full`) on `n` generated articles. */
export async function runPipelineProfile(
  opts: { n?: number; rounds?: number; pipeline?: string; only?: 'stages' | 'article' } = {},
): Promise<PipelineProfile> {
  const n = opts.n ?? 400;
  const rounds = opts.rounds ?? 5;
  await loadStages();
  const names = (PIPELINES[opts.pipeline ?? 'full'] ?? []).filter((s) => getStage(s));
  const ctx: Context = { config: {} };
  const fns: { name: string; fn: StageFn }[] = names.map((name) => {
    const def = getStage(name)!;
    return { name, fn: def.create({ ...def.defaults }, ctx) };
  });
  const raws = Array.from({ length: n }, (_, i) => {
    const a = article(7, i);
    return { id: a.id, hash: String(i), raw: { id: a.id, title: a.title, published: a.published, source: a.source, text: a.text, origin: { path: `${a.id}.txt`, format: 'text' as const } } };
  });
  const words = raws.reduce((s, r) => s + r.raw.text.split(/\s+/).length, 0) / n;
  const fresh = (): Doc[] => raws.map((r) => newDoc(r.id, r.hash, { ...r.raw }));

  // Warm-up: every stage over a few articles, so that the JIT has seen the code.
  for (const d of fresh().slice(0, Math.min(50, n))) for (const { fn } of fns) fn(d);

  // Stage by stage: docs for stage k are prepared by stages 0..k-1 outside the timing.
  const stages: StageFigure[] = [];
  for (let k = 0; k < (opts.only === 'article' ? 0 : fns.length); k++) {
    let docs: Doc[] = [];
    stages.push(
      measure(
        fns[k].name,
        n,
        rounds,
        () => {
          docs = fresh();
          for (const d of docs) for (let j = 0; j < k; j++) fns[j].fn(d);
        },
        () => {
          const f = fns[k].fn;
          for (const d of docs) f(d);
        },
      ),
    );
  }
  const sum: StageFigure = {
    name: 'sum of stages',
    ms: stages.reduce((s, x) => s + x.ms, 0),
    cpuMs: stages.reduce((s, x) => s + x.cpuMs, 0),
  };
  // As the runner does it: batches of 256 (parley ingest's batch size) run stage by stage.
  const stagesBuilt = buildStages(names, ctx);
  const batches: RawItem[][] = [];
  for (let i = 0; i < n; i += 256) batches.push(raws.slice(i, i + 256));
  const runner = measure(
    'pipeline as the runner runs it',
    n,
    opts.only === 'stages' ? 0 : rounds,
    () => {},
    () => {
      for (const b of batches) processBatch(stagesBuilt, b.map((r) => ({ ...r, raw: { ...r.raw } })), false);
    },
  );
  // One article through every stage, then the next (what the runner did before issue 4's work).
  const pipeline = buildPipeline(names, ctx);
  const perArticle = measure(
    'pipeline, article by article',
    n,
    opts.only === 'stages' ? 0 : rounds,
    () => {},
    () => {
      for (const r of raws) processOne(pipeline, { id: r.id, hash: r.hash, raw: { ...r.raw } }, false);
    },
  );
  const texts = raws.map((r) => r.raw.text);
  const barePass = (name: string, nlp: ReturnType<typeof winkNLP>) =>
    measure(name, n, rounds, () => {}, () => {
      const its = nlp.its;
      for (const text of texts) {
        const d = nlp.readDoc(text);
        const t = d.tokens() as unknown as { out(f: unknown): unknown[] };
        t.out(its.pos);
        t.out(its.lemma);
        d.sentences().out();
      }
    });
  const bare = barePass('bare wink-nlp pass', winkNLP(model));
  const lite = barePass(`wink pass, ${WINK_PIPE.join('+')}`, winkNLP(model, WINK_PIPE));
  return { articles: n, words, rounds, stages, sum, runner, perArticle, wink: bare, winkLite: lite, loadAverage: loadavg() };
}

export function formatPipelineProfile(p: PipelineProfile): string {
  const row = (f: StageFigure, ratio = true) =>
    `${f.name.padEnd(32)} ${f.ms.toFixed(3).padStart(8)} ${f.cpuMs.toFixed(3).padStart(8)} ${Math.round(1000 / f.ms).toString().padStart(8)} ${Math.round(1000 / f.cpuMs).toString().padStart(8)}` +
    (ratio ? `   ${(f.cpuMs / p.wink.cpuMs).toFixed(2).padStart(5)}x` : '');
  return [
    `${p.articles} generated articles of ~${Math.round(p.words)} words, one thread, best of ${p.rounds} rounds; load average ${p.loadAverage.map((x) => x.toFixed(2)).join(' ')}`,
    `${'stage'.padEnd(32)} ${'ms/art'.padStart(8)} ${'cpu ms'.padStart(8)} ${'art/s'.padStart(8)} ${'cpu art/s'.padStart(8)}   ÷wink (cpu)`,
    ...p.stages.map((s) => row(s)),
    row(p.sum),
    row(p.runner),
    row(p.perArticle),
    row(p.wink),
    row(p.winkLite),
    `whole pipeline as the runner runs it: ${Math.round(1000 / p.runner.cpuMs)} articles/s per core (cpu), ${(p.runner.cpuMs / p.wink.cpuMs).toFixed(2)}x a bare wink-nlp pass (targets: ≥ 300/s, ≤ 3x)`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const p = await runPipelineProfile({
    n: arg('--n') ? Number(arg('--n')) : undefined,
    rounds: arg('--rounds') ? Number(arg('--rounds')) : undefined,
    pipeline: arg('--pipeline'),
    only: arg('--only') as 'stages' | 'article' | undefined,
  });
  console.log(formatPipelineProfile(p));
}
