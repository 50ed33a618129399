/**
 * Dropped-line evaluation of the `clean` stage.
 *
 * For every gold file under <shared>/corpus/<set>/gold.jsonl, each document is read as text
 * (`<set>/<id>.txt`, or the `text` of the record with that id in another JSONL file of the set),
 * split with `lineBlocks`, cleaned, and the dropped line numbers are scored against `drop_lines`.
 * Two precision checks follow, on texts where (almost) nothing should be dropped: the article
 * bodies of the Zyte extraction benchmark's ground truth, and every record of the sets' JSONL
 * files. Run: `node --import tsx bench/clean-drops.ts` (add `--verbose` to list every error).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Doc } from '../src/doc.js';
import { emptyLayers, lineBlocks } from '../src/doc.js';
import { sharedPath } from '../src/shared-path.js';
import { makeClean } from '../src/clean/stage.js';
import type { CleanOptions } from '../src/clean/stage.js';
import type { DropScore } from '../src/clean/eval.js';
import { scoreDropLines } from '../src/clean/eval.js';

export interface SetResult {
  set: string;
  docs: number;
  score: DropScore;
  /** Documents whose predicted drops equal the gold drops. */
  exactDocs: number;
  errors: { id: string; line: number; kind: 'fp' | 'fn'; rule?: string }[];
}

export interface NoDropResult {
  set: string;
  docs: number;
  lines: number;
  dropped: number;
  byRule: Record<string, number>;
  examples: { id: string; line: number; rule: string; text: string }[];
}

export interface DropEval {
  sets: SetResult[];
  seedExact?: boolean;
  noDrop: NoDropResult[];
}

interface GoldRow {
  id: string;
  drop_lines?: number[];
}

function makeDoc(id: string, text: string, title?: string): Doc {
  return { id, hash: '', text, meta: { title }, layers: { ...emptyLayers(), blocks: lineBlocks(text) }, diagnostics: [] };
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as T);
}

/** Records of the set's non-gold JSONL files, by id. */
function setRecords(dir: string): Map<string, { text: string; title?: string }> {
  const map = new Map<string, { text: string; title?: string }>();
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.jsonl') || f === 'gold.jsonl') continue;
    for (const r of readJsonl<{ id?: string; text?: string; title?: string }>(join(dir, f))) {
      if (r.id && typeof r.text === 'string') map.set(r.id, { text: r.text, title: r.title });
    }
  }
  return map;
}

/** Run the evaluation; sets whose data are absent are skipped. */
export function runDropEval(options: Partial<CleanOptions> = {}): DropEval {
  const clean = makeClean(options);
  const out: DropEval = { sets: [], noDrop: [] };
  const corpus = sharedPath('corpus');
  if (corpus) {
    for (const set of readdirSync(corpus).sort()) {
      const dir = join(corpus, set);
      const goldPath = join(dir, 'gold.jsonl');
      if (!existsSync(goldPath)) continue;
      const records = setRecords(dir);
      const predictedAll: number[] = [];
      const goldAll: number[] = [];
      const result: SetResult = { set, docs: 0, score: scoreDropLines([], []), exactDocs: 0, errors: [] };
      let offset = 0;
      for (const row of readJsonl<GoldRow>(goldPath)) {
        const txt = join(dir, `${row.id}.txt`);
        const rec = existsSync(txt) ? { text: readFileSync(txt, 'utf8'), title: undefined } : records.get(row.id);
        if (!rec) continue;
        const doc = makeDoc(row.id, rec.text, rec.title);
        clean(doc);
        const dropped = doc.layers.blocks.filter((b) => b.dropped !== undefined);
        const predicted = dropped.map((b) => b.line);
        const gold = row.drop_lines ?? [];
        const s = scoreDropLines(predicted, gold);
        if (s.exact) result.exactDocs++;
        if (row.id === 'seed') out.seedExact = s.exact;
        for (const b of dropped) if (!gold.includes(b.line)) result.errors.push({ id: row.id, line: b.line, kind: 'fp', rule: b.dropped });
        for (const l of gold) if (!predicted.includes(l)) result.errors.push({ id: row.id, line: l, kind: 'fn' });
        // Offset line numbers so that documents do not collide in the pooled score.
        predictedAll.push(...predicted.map((l) => l + offset));
        goldAll.push(...gold.map((l) => l + offset));
        offset += doc.text.split('\n').length + 1;
        result.docs++;
      }
      result.score = scoreDropLines(predictedAll, goldAll);
      out.sets.push(result);
      if (records.size > 0) out.noDrop.push(noDrop(`${set} (all records)`, [...records].map(([id, r]) => ({ id, ...r })), clean));
    }
  }
  const zyte = sharedPath('bench', 'zyte-article-extraction', 'ground-truth.json');
  if (zyte) {
    const gt = JSON.parse(readFileSync(zyte, 'utf8')) as Record<string, { articleBody?: string }>;
    const docs = Object.entries(gt).map(([id, v]) => ({ id, text: v.articleBody ?? '' }));
    out.noDrop.push(noDrop('zyte ground truth', docs, clean));
  }
  return out;
}

function noDrop(set: string, docs: { id: string; text: string; title?: string }[], clean: (d: Doc) => void): NoDropResult {
  const r: NoDropResult = { set, docs: 0, lines: 0, dropped: 0, byRule: {}, examples: [] };
  for (const d of docs) {
    const doc = makeDoc(d.id, d.text, d.title);
    clean(doc);
    r.docs++;
    r.lines += doc.layers.blocks.length;
    for (const b of doc.layers.blocks) {
      if (b.dropped === undefined) continue;
      r.dropped++;
      const diag = doc.diagnostics.find((x) => x.start === b.start && x.source === 'clean');
      const rule = diag ? `${diag.ruleId} ${diag.reason.replace(/.*\(rule ([^)]+)\).*/, '$1')}` : String(b.dropped);
      const key = rule.startsWith('clean:duplicate-of') ? 'clean:duplicate-of' : rule;
      r.byRule[key] = (r.byRule[key] ?? 0) + 1;
      r.examples.push({ id: d.id, line: b.line, rule: key, text: doc.text.slice(b.start, b.end) });
    }
  }
  return r;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function print(e: DropEval, verbose: boolean): void {
  if (e.sets.length === 0) console.log('no gold sets found under <shared>/corpus (set PARLEY_SHARED)');
  for (const s of e.sets) {
    console.log(
      `${s.set.padEnd(14)} docs ${String(s.docs).padStart(4)}  tp ${s.score.tp} fp ${s.score.fp} fn ${s.score.fn}  ` +
        `precision ${pct(s.score.precision)}%  recall ${pct(s.score.recall)}%  exact docs ${s.exactDocs}/${s.docs}`,
    );
    for (const err of s.errors.slice(0, verbose ? Infinity : 10)) console.log(`    ${err.kind} ${err.id}:${err.line} ${err.rule ?? ''}`);
  }
  if (e.seedExact !== undefined) console.log(`seed exact match: ${e.seedExact ? 'yes' : 'no'}`);
  for (const n of e.noDrop) {
    console.log(`${n.set}: ${n.dropped} of ${n.lines} lines dropped in ${n.docs} docs (nothing or almost nothing should be)`);
    for (const [rule, c] of Object.entries(n.byRule).sort((a, b) => b[1] - a[1])) console.log(`    ${String(c).padStart(4)} ${rule}`);
    if (verbose) for (const x of n.examples) console.log(`    ${x.id.slice(0, 12)}:${x.line} ${x.rule} | ${x.text.slice(0, 110)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  print(runDropEval(), process.argv.includes('--verbose'));
}
