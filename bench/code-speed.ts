/**
 * Speed of the event coder: articles per second of segment + code (with hand-made mentions),
 * of segment + actors + times + code (the real stages, when present), and of a bare wink-nlp pass
 * (readDoc + tokens with POS and lemma) over the same generated texts; prints the ratios.
 *
 * The texts are generated here from a few sentence templates and actor names written for this
 * benchmark (no shared data), so the figure is reproducible anywhere. Timings are noisy on shared
 * cores: the best of several rounds is reported.
 * Run: `node --import tsx bench/code-speed.ts [articles] [rounds]`.
 */
import { pathToFileURL } from 'node:url';
import type { Doc, Mention } from '../src/doc.js';
import { emptyLayers, lineBlocks } from '../src/doc.js';
import { buildPipeline, getStage } from '../src/pipeline.js';
import type { Pipeline } from '../src/pipeline.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import '../src/nlp/segment.js';
import '../src/code/index.js';
import { loadStages } from '../src/stages.js';
import { buildStages } from '../src/runner.js';

const ACTORS: [string, string][] = [
  ['Kenya', 'KEN'],
  ['Uganda', 'UGA'],
  ['Japan', 'JPN'],
  ['Vietnam', 'VNM'],
  ['Brazil', 'BRA'],
  ['Argentina', 'ARG'],
  ['Egypt', 'EGY'],
  ['Jordan', 'JOR'],
  ['Norway', 'NOR'],
  ['Poland', 'POL'],
];
const TEMPLATES = [
  'A held talks with B on Monday about trade and security in the region.',
  'The foreign minister of A said the government would not accept the proposal from B without changes.',
  'A condemned the attack on its embassy and urged B to find those responsible.',
  'Officials in A said on Tuesday that the two countries had signed an agreement on fishing rights.',
  'A and B agreed to expand cooperation in energy, transport and education over the next five years.',
  'Prices rose sharply in the capital as the central bank kept interest rates unchanged for a third month.',
  'The president of A arrived in B for a two-day visit that will include meetings with business leaders.',
  'Thousands of people gathered in the main square to mark the national holiday with music and parades.',
  'A accused B of violating the ceasefire and warned that it would respond to any further provocation.',
  'Local media reported heavy rain in the north, where several roads were closed and schools shut.',
];

/** Deterministic articles of 8-14 sentences each. */
export function generateArticles(n: number): string[] {
  const out: string[] = [];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < n; i++) {
    const lines: string[] = [];
    const len = 8 + Math.floor(rnd() * 7);
    for (let j = 0; j < len; j++) {
      const a = ACTORS[Math.floor(rnd() * ACTORS.length)];
      let b = ACTORS[Math.floor(rnd() * ACTORS.length)];
      if (b === a) b = ACTORS[(ACTORS.indexOf(a) + 1) % ACTORS.length];
      lines.push(TEMPLATES[Math.floor(rnd() * TEMPLATES.length)].replace(/\bA\b/g, a[0]).replace(/\bB\b/g, b[0]));
    }
    out.push(lines.join(' '));
  }
  return out;
}

function docOf(text: string, i: number): Doc {
  return { id: `bench-${i}`, hash: '', text, meta: { published: '2022-07-30' }, layers: { ...emptyLayers(), blocks: lineBlocks(text) }, diagnostics: [] };
}

const NAME_RE = new RegExp(`\\b(${ACTORS.map((a) => a[0]).join('|')})\\b`, 'g');
const CODE = new Map(ACTORS);

/** Mentions for the benchmark's own actor names (stands in for the actors stage). */
function markMentions(doc: Doc): void {
  const mentions: Mention[] = [];
  let si = 0;
  const sentences = doc.layers.sentences;
  for (const m of doc.text.matchAll(NAME_RE)) {
    const start = m.index!;
    while (si < sentences.length - 1 && sentences[si].end <= start) si++;
    const code = CODE.get(m[0])!;
    mentions.push({ id: mentions.length, start, end: start + m[0].length, text: m[0], actor: code, country: code, sector: null, role: null, person: null, sentence: si, resolvedBy: 'name' });
  }
  doc.layers.mentions = mentions;
}

function time(texts: string[], rounds: number, fn: (text: string, i: number) => void): number {
  let best = Infinity;
  texts.slice(0, Math.min(50, texts.length)).forEach(fn); // warm-up
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    texts.forEach(fn);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return texts.length / best;
}

export interface SpeedReport {
  articles: number;
  wink: number;
  segment: number;
  /** The code stage alone on segmented documents with mentions. */
  code: number;
  segmentCode: number;
  full?: number;
  events: number;
}

/** Measure; figures are articles per second on one thread. */
export async function runCodeSpeed(n = 400, rounds = 3): Promise<SpeedReport> {
  const texts = generateArticles(n);
  // The reference is wink's default pipe (the segment stage itself runs a shorter one: src/nlp/wink.ts).
  const nlp = winkNLP(model);
  const its = nlp.its;
  const bare = time(texts, rounds, (text) => {
    const d = nlp.readDoc(text);
    const t = d.tokens() as unknown as { out(f: unknown): unknown[] };
    t.out(its.pos);
    t.out(its.lemma);
    d.sentences().out();
  });
  const segment = buildPipeline(['segment'], { config: {} }, ['text', 'blocks']);
  const segOnly = time(texts, rounds, (text, i) => segment.run(docOf(text, i)));
  const code = buildPipeline(['code'], { config: {} }, ['text', 'blocks', 'sentences', 'tokens', 'mentions', 'times']);
  let events = 0;
  const segCode = time(texts, rounds, (text, i) => {
    const doc = docOf(text, i);
    segment.run(doc);
    markMentions(doc);
    code.run(doc);
    events += doc.layers.events.length;
  });
  // the code stage alone, on documents segmented beforehand
  const ready = texts.map((text, i) => {
    const doc = docOf(text, i);
    segment.run(doc);
    markMentions(doc);
    return doc;
  });
  const codeOnly = time(texts, rounds, (_t, i) => code.run(ready[i]));
  const report: SpeedReport = { articles: n, wink: bare, segment: segOnly, code: codeOnly, segmentCode: segCode, events: Math.round(events / rounds) };
  await loadStages();
  if (getStage('actors') && getStage('times')) {
    // As the runner runs a batch: every doc through one stage, then the next stage.
    const stages: Pipeline[] = buildStages(['segment', 'actors', 'times', 'code'], { config: {} }, ['text', 'blocks']);
    const runAll = (list: string[]) => {
      for (let from = 0; from < list.length; from += 256) {
        const batch = list.slice(from, from + 256).map((text, i) => docOf(text, from + i));
        for (const stage of stages) for (const doc of batch) stage.run(doc);
      }
    };
    runAll(texts.slice(0, 50)); // warm-up
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t0 = process.hrtime.bigint();
      runAll(texts);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    }
    report.full = texts.length / best;
  }
  return report;
}

export function formatCodeSpeed(r: SpeedReport): string {
  const lines = [
    `${r.articles} generated articles, best of rounds, one thread`,
    `bare wink-nlp pass           ${r.wink.toFixed(0).padStart(6)} articles/s`,
    `segment alone                ${r.segment.toFixed(0).padStart(6)} articles/s   time ratio to wink ${(r.wink / r.segment).toFixed(2)}x`,
    `code stage alone             ${r.code.toFixed(0).padStart(6)} articles/s`,
    `segment + code               ${r.segmentCode.toFixed(0).padStart(6)} articles/s   time ratio to wink ${(r.wink / r.segmentCode).toFixed(2)}x   (${r.events} events)`,
  ];
  if (r.full !== undefined) {
    lines.push(`segment + actors + times + code ${r.full.toFixed(0).padStart(3)} articles/s   time ratio to wink ${(r.wink / r.full).toFixed(2)}x`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 400);
  const rounds = Number(process.argv[3] ?? 3);
  console.log(formatCodeSpeed(await runCodeSpeed(n, rounds)));
}
