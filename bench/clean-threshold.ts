/**
 * How the near-duplicate threshold was chosen.
 *
 * Positives: paragraphs of the Zyte benchmark's ground truth (≥ 8 words) edited the way editing
 * slips edit them: one word added (a title word), one word removed, one word replaced, a run of
 * three words replaced by three others ("A and B" → "the two sides"), and two of those at once.
 * Negatives: every pair of different paragraphs (≥ 8 words) of the same ground-truth article.
 * For shingle sizes 1–3 the script prints, per Jaccard threshold, the share of positives caught
 * (by paragraph length) and the number of negative pairs that would be wrongly merged.
 * Run: `node --import tsx bench/clean-threshold.ts`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { lineBlocks } from '../src/doc.js';
import { sharedPath } from '../src/shared-path.js';
import { jaccard, containment, normalizedWords, wordShingles } from '../src/clean/shingles.js';

export interface ThresholdRow {
  shingleSize: number;
  threshold: number;
  /** Share of edited copies with Jaccard ≥ threshold, per length bucket. */
  recall: Record<string, number>;
  /** Negative pairs with Jaccard ≥ threshold. */
  falsePairs: number;
  /** Documents holding at least one such pair. */
  falseDocs: number;
}

export interface ThresholdReport {
  paragraphs: number;
  negativePairs: number;
  rows: ThresholdRow[];
  /**
   * Cut copies (k = 2): a paragraph's first 60% or last 75% of words. For each containment threshold
   * and minimum length ratio (shorter / longer shingle set), the share caught and the negative
   * pairs (in documents) that would be merged.
   */
  containmentRows: { threshold: number; minRatio: number; recall: number; falsePairs: number; falseDocs: number }[];
  /** The highest-scoring negative pair (k = 2) of each document, for inspection. */
  worstNegatives: { doc: string; jaccard: number; containment: number; a: string; b: string }[];
}

const BUCKETS: [string, number, number][] = [
  ['8-12', 8, 12],
  ['13-20', 13, 20],
  ['21-40', 21, 40],
  ['41+', 41, Infinity],
];

/** A deterministic generator so the edits are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Edit = (w: readonly string[], r: () => number) => string[];
const EDITS: Record<string, Edit> = {
  add: (w, r) => {
    const i = Math.floor(r() * w.length);
    return [...w.slice(0, i), 'president', ...w.slice(i)];
  },
  remove: (w, r) => {
    const i = Math.floor(r() * w.length);
    return [...w.slice(0, i), ...w.slice(i + 1)];
  },
  replace: (w, r) => {
    const i = Math.floor(r() * w.length);
    return [...w.slice(0, i), 'officials', ...w.slice(i + 1)];
  },
  swap3: (w, r) => {
    const i = Math.floor(r() * Math.max(1, w.length - 3));
    return [...w.slice(0, i), 'the', 'two', 'sides', ...w.slice(i + 3)];
  },
  twoEdits: (w, r) => EDITS.swap3(EDITS.add(w, r), r),
};

export function runThreshold(): ThresholdReport | undefined {
  const path = sharedPath('bench', 'zyte-article-extraction', 'ground-truth.json');
  if (!path) return undefined;
  const gt = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { articleBody?: string }>;
  const docs = Object.entries(gt).map(([id, v]) => {
    const text = v.articleBody ?? '';
    const paras = lineBlocks(text)
      .map((b) => normalizedWords(text.slice(b.start, b.end)))
      .filter((w) => w.length >= 8);
    return { id, paras };
  });
  const sizes = [1, 2, 3];
  const thresholds = [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
  const rows: ThresholdRow[] = [];
  const r = rng(7);
  // Positives: one edited copy per paragraph and edit kind.
  const positives: { bucket: string; words: readonly string[]; copy: string[] }[] = [];
  for (const d of docs) {
    for (const p of d.paras) {
      const bucket = BUCKETS.find(([, lo, hi]) => p.length >= lo && p.length <= hi)![0];
      for (const edit of Object.values(EDITS)) positives.push({ bucket, words: p, copy: edit(p, r) });
    }
  }
  let negativePairs = 0;
  const worst: ThresholdReport['worstNegatives'] = [];
  for (const k of sizes) {
    const posScores = positives.map((p) => ({ bucket: p.bucket, j: jaccard(wordShingles(p.words, k), wordShingles(p.copy, k)) }));
    const negScores: { doc: string; j: number }[] = [];
    for (const d of docs) {
      const sets = d.paras.map((p) => wordShingles(p, k));
      const keys = d.paras.map((p) => p.join(' '));
      for (let i = 0; i < sets.length; i++) {
        for (let j = i + 1; j < sets.length; j++) {
          if (keys[i] === keys[j]) continue;
          const jac = jaccard(sets[i], sets[j]);
          negScores.push({ doc: d.id, j: jac });
          if (k === 2 && jac >= 0.3) {
            worst.push({ doc: d.id.slice(0, 12), jaccard: jac, containment: containment(sets[j], sets[i]), a: keys[i].slice(0, 90), b: keys[j].slice(0, 90) });
          }
        }
      }
    }
    negativePairs = negScores.length;
    for (const t of thresholds) {
      const recall: Record<string, number> = {};
      for (const [name] of BUCKETS) {
        const inBucket = posScores.filter((p) => p.bucket === name);
        recall[name] = inBucket.length ? inBucket.filter((p) => p.j >= t).length / inBucket.length : NaN;
      }
      const hits = negScores.filter((x) => x.j >= t);
      rows.push({ shingleSize: k, threshold: t, recall, falsePairs: hits.length, falseDocs: new Set(hits.map((x) => x.doc)).size });
    }
  }
  // Containment of cut copies against negatives, k = 2.
  const cuts: { c: number; ratio: number }[] = [];
  for (const d of docs) {
    for (const p of d.paras) {
      for (const copy of [p.slice(0, Math.ceil(p.length * 0.6)), p.slice(Math.floor(p.length * 0.25))]) {
        if (copy.length < 8) continue;
        const a = wordShingles(copy, 2);
        const b = wordShingles(p, 2);
        cuts.push({ c: containment(a, b), ratio: a.size / b.size });
      }
    }
  }
  const negC: { doc: string; c: number; ratio: number }[] = [];
  for (const d of docs) {
    const sets = d.paras.map((p) => wordShingles(p, 2));
    const keys = d.paras.map((p) => p.join(' '));
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        if (keys[i] === keys[j]) continue;
        const [small, large] = sets[i].size <= sets[j].size ? [sets[i], sets[j]] : [sets[j], sets[i]];
        negC.push({ doc: d.id, c: containment(small, large), ratio: small.size / large.size });
      }
    }
  }
  const containmentRows: ThresholdReport['containmentRows'] = [];
  for (const minRatio of [0, 0.3, 0.5]) {
    for (const threshold of [0.7, 0.8, 0.85, 0.9]) {
      const hits = negC.filter((x) => x.c >= threshold && x.ratio >= minRatio);
      containmentRows.push({
        threshold,
        minRatio,
        recall: cuts.filter((x) => x.c >= threshold && x.ratio >= minRatio).length / cuts.length,
        falsePairs: hits.length,
        falseDocs: new Set(hits.map((x) => x.doc)).size,
      });
    }
  }
  worst.sort((a, b) => b.jaccard - a.jaccard);
  // The highest pair of each document, so one repetitive page does not fill the list.
  const perDoc = new Map<string, ThresholdReport['worstNegatives'][number]>();
  for (const w of worst) if (!perDoc.has(w.doc)) perDoc.set(w.doc, w);
  return { paragraphs: docs.reduce((n, d) => n + d.paras.length, 0), negativePairs, rows, containmentRows, worstNegatives: [...perDoc.values()].slice(0, 20) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rep = runThreshold();
  if (!rep) {
    console.log('zyte ground truth not found under <shared>/bench; skipped');
  } else {
    console.log(`${rep.paragraphs} paragraphs (≥ 8 words), ${rep.negativePairs} negative pairs per shingle size`);
    console.log(`k  J≥    ${BUCKETS.map(([n]) => `rec ${n}`.padStart(10)).join('')}  false pairs (docs)`);
    for (const row of rep.rows) {
      console.log(
        `${row.shingleSize}  ${row.threshold.toFixed(2)}  ${BUCKETS.map(([n]) => `${(100 * row.recall[n]).toFixed(1)}%`.padStart(10)).join('')}  ${row.falsePairs} (${row.falseDocs})`,
      );
    }
    console.log('cut copies (first 60% / last 75% of a paragraph), k = 2: containment of the shorter in the longer');
    for (const c of rep.containmentRows) {
      console.log(`  C≥${c.threshold.toFixed(2)} ratio≥${c.minRatio.toFixed(1)}  caught ${(100 * c.recall).toFixed(1)}%  false pairs ${c.falsePairs} (${c.falseDocs})`);
    }
    console.log('highest-scoring negative pair per document (k = 2):');
    for (const w of rep.worstNegatives) console.log(`  ${w.doc} J ${w.jaccard.toFixed(2)} C ${w.containment.toFixed(2)} | ${w.a} || ${w.b}`);
  }
}
