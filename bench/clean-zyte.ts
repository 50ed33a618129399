/**
 * What the `clean` stage does to extraction output on the Zyte article-extraction benchmark.
 *
 * The published outputs of other extractors (<shared>/bench/zyte-article-extraction/
 * reference-outputs/*.json) are read as text (one block per line), cleaned (with the page's
 * <title> as `doc.meta.title`), and scored before and after with the benchmark's scorer
 * (`score.mjs`, loaded from the shared folder at run time). The ground truth has no headlines,
 * bylines or promo lines, and keeps a few legitimately repeated paragraphs, so a good clean stage
 * raises F1 and a greedy one lowers recall. When src/extract exists, parley's own extraction (its
 * kept blocks, one per line) is cleaned and scored the same way (note: re-read as lines, the blocks
 * lose their HTML kinds, so figure captions count as plain lines here).
 * Run: `node --import tsx bench/clean-zyte.ts` (`--verbose` lists dropped blocks found in the truth).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { Doc } from '../src/doc.js';
import { cleanText, emptyLayers, lineBlocks } from '../src/doc.js';
import { sharedPath } from '../src/shared-path.js';
import { makeClean } from '../src/clean/stage.js';
import type { CleanOptions } from '../src/clean/stage.js';

interface Metrics {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
}
type Bodies = Record<string, { articleBody?: string }>;
interface Scorer {
  evaluate(gt: Bodies, pred: Bodies): Metrics;
}

export interface ZyteCleanRow {
  system: string;
  before: Metrics;
  after: Metrics;
  dropped: Record<string, number>;
  /**
   * Dropped blocks (of 2+ words) whose words occur in the page's ground truth more often than they
   * remain in the cleaned text (content removed by mistake), by rule id.
   */
  droppedTruth: Record<string, number>;
  truthExamples: { id: string; ruleId: string; reason: string; text: string }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The page title from <title> (entities decoded), when present. */
function pageTitle(html: string): string | undefined {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (!m) return undefined;
  return m[1]
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (all, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? all;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function occurrences(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

const words = (s: string) => (s.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ');

/** Clean every prediction of one system; returns the cleaned bodies and the drop counts by rule id. */
function cleanBodies(pred: Bodies, gt: Bodies, titles: Map<string, string | undefined>, clean: (d: Doc) => void) {
  const out: Bodies = {};
  const dropped: Record<string, number> = {};
  const droppedTruth: Record<string, number> = {};
  const truthExamples: ZyteCleanRow['truthExamples'] = [];
  for (const [id, v] of Object.entries(pred)) {
    const text = v.articleBody ?? '';
    const doc: Doc = { id, hash: '', text, meta: { title: titles.get(id) }, layers: { ...emptyLayers(), blocks: lineBlocks(text) }, diagnostics: [] };
    clean(doc);
    const truth = ` ${words(gt[id]?.articleBody ?? '')} `;
    const keptText = ` ${words(cleanText(doc))} `;
    for (const d of doc.diagnostics) {
      dropped[d.ruleId] = (dropped[d.ruleId] ?? 0) + 1;
      const w = words(text.slice(d.start, d.end));
      // A mistake: the dropped words are in the truth more often than they remain in the cleaned text
      // (one-word lines such as "Twitter" are skipped: they occur inside any sentence).
      if (w.split(' ').length < 2 || occurrences(truth, ` ${w} `) <= occurrences(keptText, ` ${w} `)) continue;
      droppedTruth[d.ruleId] = (droppedTruth[d.ruleId] ?? 0) + 1;
      truthExamples.push({ id, ruleId: d.ruleId, reason: d.reason, text: text.slice(d.start, d.end) });
    }
    out[id] = { articleBody: cleanText(doc) };
  }
  return { out, dropped, droppedTruth, truthExamples };
}

/**
 * parley's own extraction of every page (src/extract, loaded dynamically so that this bench runs
 * without it), as bodies with one block per line; undefined when the extract stage is missing.
 */
async function parleyExtract(dir: string, ids: string[]): Promise<Bodies | undefined> {
  let make: ((o: object, ctx: { config: object }) => (d: Doc) => void) | undefined;
  try {
    const mod = (await import('../src/extract/stage.js')) as { makeExtract?: typeof make };
    make = mod.makeExtract;
  } catch {
    return undefined;
  }
  if (!make) return undefined;
  const extract = make({}, { config: {} });
  const out: Bodies = {};
  for (const id of ids) {
    const page = join(dir, 'html', `${id}.html.gz`);
    if (!existsSync(page)) continue;
    const html = gunzipSync(readFileSync(page)).toString('utf8');
    const doc: Doc = { id, hash: '', text: '', meta: {}, layers: emptyLayers(), diagnostics: [], raw: { html, origin: { path: page, format: 'html' } } };
    extract(doc);
    out[id] = { articleBody: cleanText(doc) };
  }
  return out;
}

/** Score each reference system before and after cleaning; undefined when the benchmark is absent. */
export async function runCleanZyte(options: Partial<CleanOptions> = {}): Promise<ZyteCleanRow[] | undefined> {
  const dir = sharedPath('bench', 'zyte-article-extraction');
  if (!dir || !existsSync(join(dir, 'score.mjs')) || !existsSync(join(dir, 'reference-outputs'))) return undefined;
  const scorer = (await import(pathToFileURL(join(dir, 'score.mjs')).href)) as Scorer;
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Bodies;
  const titles = new Map<string, string | undefined>();
  for (const id of Object.keys(gt)) {
    const page = join(dir, 'html', `${id}.html.gz`);
    titles.set(id, existsSync(page) ? pageTitle(gunzipSync(readFileSync(page)).toString('utf8')) : undefined);
  }
  const clean = makeClean(options);
  const rows: ZyteCleanRow[] = [];
  const parley = await parleyExtract(dir, Object.keys(gt));
  if (parley) {
    const { out, dropped, droppedTruth, truthExamples } = cleanBodies(parley, gt, titles, clean);
    rows.push({ system: 'parley-extract', before: scorer.evaluate(gt, parley), after: scorer.evaluate(gt, out), dropped, droppedTruth, truthExamples });
  }
  for (const f of readdirSync(join(dir, 'reference-outputs')).sort()) {
    if (!f.endsWith('.json')) continue;
    let pred = JSON.parse(readFileSync(join(dir, 'reference-outputs', f), 'utf8')) as Bodies & { output?: Bodies; version?: unknown };
    if (pred.output && pred.version !== undefined) pred = pred.output;
    const { out, dropped, droppedTruth, truthExamples } = cleanBodies(pred, gt, titles, clean);
    rows.push({ system: f.replace(/\.json$/, ''), before: scorer.evaluate(gt, pred), after: scorer.evaluate(gt, out), dropped, droppedTruth, truthExamples });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const verbose = process.argv.includes('--verbose');
  const rows = await runCleanZyte();
  if (!rows) {
    console.log('zyte benchmark not found under <shared>/bench; skipped');
  } else {
    const f = (m: Metrics) => `F1 ${m.f1.toFixed(3)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)}`;
    for (const r of rows) {
      console.log(`${r.system.padEnd(16)} before ${f(r.before)}  after clean ${f(r.after)}  ΔF1 ${(r.after.f1 - r.before.f1 >= 0 ? '+' : '')}${(r.after.f1 - r.before.f1).toFixed(4)}`);
      const list = (o: Record<string, number>) => Object.entries(o).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k.replace('clean:', '')} ${v}`).join(', ');
      console.log(`${''.padEnd(16)} drops: ${list(r.dropped) || 'none'}`);
      console.log(`${''.padEnd(16)} of which ground-truth text: ${list(r.droppedTruth) || 'none'}`);
      if (verbose) for (const x of r.truthExamples) console.log(`    ${x.id.slice(0, 10)} ${x.ruleId} ${x.reason} | ${x.text.slice(0, 100)}`);
    }
  }
}
