/**
 * Document-level event scoring, exactly as shared/corpus/GUIDE.md ("Scoring") defines it.
 *
 * Per document present in the gold file:
 * - predictions repeating the same (source, target, root) count once (the first is kept);
 * - predictions without a source or a target are left out and counted apart
 *   (`incompletePredictions`): gold events always have both, so they are neither right nor wrong
 *   under the guide (pass `{ requireDyad: false }` to count them as false positives instead);
 * - a prediction matches a gold event when source and target are equal and its root is the gold
 *   root or one of the gold `alt_roots`; each gold event matches at most one prediction. The
 *   matching is a maximum bipartite matching, so an alternative root never steals a prediction
 *   another gold event needed (greedy order can lose matches; this cannot); exact-root
 *   candidates are tried first.
 * Documents missing from the predictions count as predicting nothing (all gold events missed);
 * predictions for documents not in the gold file are ignored (counted in `ignoredDocs`).
 *
 * Figures: precision, recall, F1 over all events; dyad precision/recall/F1 over distinct
 * (source, target) pairs per document; date accuracy over matched events whose gold event has a
 * date (a prediction without a date is wrong there); code accuracy (exact CAMEO code) over matched
 * events; extra-event rate = unmatched predictions / gold events.
 */
import { maxMatching } from './bipartite.js';
import { normaliseRoot } from './codes.js';
import type { GoldDoc, GoldEvent } from './gold.js';
import type { PredEvent } from './pred-event.js';

export type Figures = Record<string, number | null>;

export interface RootCounts {
  gold: number;
  predicted: number;
  /** Gold events of this root that were matched. */
  matched: number;
  /** Predictions of this root that matched a gold event (of this root or one listing it as alternative). */
  matchedPredicted: number;
}

export interface FalsePositive {
  docId: string;
  source: string;
  target: string;
  root: string;
  code: string;
  date: string | null;
  line?: number;
  sentence?: string;
}

export interface FalseNegative {
  docId: string;
  src: string;
  tgt: string;
  root: string;
  code: string;
  altRoots: string[];
  date: string | null;
  line: number;
  quote: string;
}

export interface DateMiss {
  docId: string;
  line: number;
  quote: string;
  src: string;
  tgt: string;
  root: string;
  gold: string;
  predicted: string | null;
}

export interface EventScore {
  kind: 'events';
  /** Name of the gold set (the floors key), e.g. 'seed' or 'agnews-world'. */
  set: string;
  figures: Figures;
  counts: {
    docs: number;
    docsWithoutPredictions: number;
    ignoredDocs: number;
    goldEvents: number;
    predictedEvents: number;
    matched: number;
    duplicatePredictions: number;
    incompletePredictions: number;
    goldDyads: number;
    predictedDyads: number;
    matchedDyads: number;
    datedMatches: number;
    correctDates: number;
    correctCodes: number;
  };
  perRoot: Record<string, RootCounts>;
  falsePositives: FalsePositive[];
  falseNegatives: FalseNegative[];
  dateMisses: DateMiss[];
}

export interface ScoreOptions {
  /** Set name recorded in the result (default 'events'). */
  set?: string;
  /** Leave out predictions without source or target (default true). */
  requireDyad?: boolean;
}

/** a / b, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** Harmonic mean of precision and recall; 0 when either is 0 or missing. */
export function f1(p: number | null, r: number | null): number {
  return p && r ? (2 * p * r) / (p + r) : 0;
}

interface Scored {
  source: string;
  target: string;
  root: string;
  pred: PredEvent;
}

function normCode(c: string | null | undefined): string | null {
  return typeof c === 'string' && c.trim() ? c.trim().toUpperCase() : null;
}

function day(d: string | null | undefined): string | null {
  return typeof d === 'string' && d.length >= 10 ? d.slice(0, 10) : null;
}

/** Score predicted events against gold documents (see the module comment for the rules). */
export function scoreEvents(
  gold: Map<string, GoldDoc>,
  predicted: Map<string, PredEvent[]>,
  options: ScoreOptions = {},
): EventScore {
  const requireDyad = options.requireDyad ?? true;
  const result: EventScore = {
    kind: 'events',
    set: options.set ?? 'events',
    figures: {},
    counts: {
      docs: 0,
      docsWithoutPredictions: 0,
      ignoredDocs: 0,
      goldEvents: 0,
      predictedEvents: 0,
      matched: 0,
      duplicatePredictions: 0,
      incompletePredictions: 0,
      goldDyads: 0,
      predictedDyads: 0,
      matchedDyads: 0,
      datedMatches: 0,
      correctDates: 0,
      correctCodes: 0,
    },
    perRoot: {},
    falsePositives: [],
    falseNegatives: [],
    dateMisses: [],
  };
  const c = result.counts;
  const rootRow = (r: string): RootCounts => (result.perRoot[r] ??= { gold: 0, predicted: 0, matched: 0, matchedPredicted: 0 });

  for (const id of predicted.keys()) if (!gold.has(id)) c.ignoredDocs++;

  for (const [docId, doc] of gold) {
    c.docs++;
    const raw = predicted.get(docId);
    if (raw === undefined) c.docsWithoutPredictions++;

    // Predictions: normalise, drop incomplete ones, keep one per (source, target, root).
    const preds: Scored[] = [];
    const seen = new Set<string>();
    for (const p of raw ?? []) {
      const root = normaliseRoot(p.root) ?? normaliseRoot((p.code ?? '').slice(0, 2));
      const source = normCode(p.source);
      const target = normCode(p.target);
      if (!root || ((!source || !target) && requireDyad)) {
        c.incompletePredictions++;
        continue;
      }
      const key = `${source}\u0000${target}\u0000${root}`;
      if (seen.has(key)) {
        c.duplicatePredictions++;
        continue;
      }
      seen.add(key);
      preds.push({ source: source ?? '', target: target ?? '', root, pred: p });
    }

    const golds: GoldEvent[] = doc.events;
    c.goldEvents += golds.length;
    c.predictedEvents += preds.length;
    for (const g of golds) rootRow(g.root).gold++;
    for (const p of preds) rootRow(p.root).predicted++;

    // Candidate edges: exact root first, then alternative roots.
    const edges = golds.map((g) => {
      const exact: number[] = [];
      const alt: number[] = [];
      preds.forEach((p, j) => {
        if (p.source !== g.src || p.target !== g.tgt) return;
        if (p.root === g.root) exact.push(j);
        else if (g.alt_roots.includes(p.root)) alt.push(j);
      });
      return [...exact, ...alt];
    });
    const match = maxMatching(edges, preds.length);
    const predMatched = new Array<boolean>(preds.length).fill(false);
    golds.forEach((g, i) => {
      const j = match[i];
      if (j < 0) {
        result.falseNegatives.push({
          docId,
          src: g.src,
          tgt: g.tgt,
          root: g.root,
          code: g.code,
          altRoots: g.alt_roots,
          date: g.date,
          line: g.line,
          quote: g.quote,
        });
        return;
      }
      const p = preds[j];
      predMatched[j] = true;
      c.matched++;
      rootRow(g.root).matched++;
      rootRow(p.root).matchedPredicted++;
      if (p.pred.code && p.pred.code.trim() === g.code) c.correctCodes++;
      if (g.date) {
        c.datedMatches++;
        const pd = day(p.pred.date);
        if (pd === g.date) c.correctDates++;
        else
          result.dateMisses.push({
            docId,
            line: g.line,
            quote: g.quote,
            src: g.src,
            tgt: g.tgt,
            root: g.root,
            gold: g.date,
            predicted: pd,
          });
      }
    });
    preds.forEach((p, j) => {
      if (predMatched[j]) return;
      const fp: FalsePositive = {
        docId,
        source: p.source,
        target: p.target,
        root: p.root,
        code: p.pred.code,
        date: day(p.pred.date),
      };
      if (p.pred.line !== undefined) fp.line = p.pred.line;
      if (p.pred.sentence !== undefined) fp.sentence = p.pred.sentence;
      result.falsePositives.push(fp);
    });

    // Dyads: distinct (source, target) pairs on each side.
    const goldDyads = new Set(golds.map((g) => `${g.src}\u0000${g.tgt}`));
    const predDyads = new Set(preds.map((p) => `${p.source}\u0000${p.target}`));
    c.goldDyads += goldDyads.size;
    c.predictedDyads += predDyads.size;
    for (const d of predDyads) if (goldDyads.has(d)) c.matchedDyads++;
  }

  const precision = ratio(c.matched, c.predictedEvents);
  const recall = ratio(c.matched, c.goldEvents);
  const dyadPrecision = ratio(c.matchedDyads, c.predictedDyads);
  const dyadRecall = ratio(c.matchedDyads, c.goldDyads);
  result.figures = {
    precision,
    recall,
    f1: f1(precision, recall),
    dyadPrecision,
    dyadRecall,
    dyadF1: f1(dyadPrecision, dyadRecall),
    dateAccuracy: ratio(c.correctDates, c.datedMatches),
    codeAccuracy: ratio(c.correctCodes, c.matched),
    extraRate: ratio(c.predictedEvents - c.matched, c.goldEvents),
  };
  return result;
}
