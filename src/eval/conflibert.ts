/**
 * The CAMEO_ConfliBERT multi-coder set (shared/event-gold/cameo-conflibert-multicoder): news
 * sentences coded by up to five coders in ten training rounds, with CAMEO roots per action.
 *
 * Loading: every `round_*_summary*.csv`. A sentence is identified by its pool and number
 * (`cameo_100-10`: pool file and the "No. 10" of the row), and gathers the complete annotations
 * (`anncomplete_k` true) of every round; an annotation is the list of roots of its actions
 * ("3-11 Disapprove" → "11"), possibly empty (no event).
 *
 * Gold per sentence:
 * - `noEvent`: more than half of the complete annotations coded no action;
 * - `majorityRoot`: the root named (by any action) in more than half of the annotations that coded
 *   an action, when there is one; otherwise null;
 * - `anyRoots`: every root any coder named.
 * Human agreement, printed beside the coder's figures: for every CSV row, every pair of coders who
 * both coded a first action, the share of pairs with the same first-action root (the set's README
 * reports 0.609 over the nine rounds with `summary.csv`).
 *
 * Scoring uses the coder's first predicted event (text order) as its answer for a sentence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sharedPath } from '../shared-path.js';
import { normaliseRoot } from './codes.js';
import type { EvalItem, LoadedSet } from './eval-item.js';
import type { PredEvent } from './pred-event.js';
import type { Figures } from './score-events.js';
import { ratio } from './score-events.js';

export const CONFLIBERT_SET = 'cameo-conflibert-multicoder';

export interface ConflibertAnnotation {
  round: string;
  coder: number;
  roots: string[];
}

export interface ConflibertGold {
  id: string;
  annotations: ConflibertAnnotation[];
  /** Number of annotations naming each root. */
  rootVotes: Record<string, number>;
  majorityRoot: string | null;
  anyRoots: string[];
  noEvent: boolean;
}

export interface CoderAgreement {
  pairs: number;
  agreeing: number;
  rate: number | null;
}

export interface ConflibertSet extends LoadedSet<ConflibertGold> {
  agreement: CoderAgreement;
}

const ROUND_FILE = /^round_(\d+)_summary.*\.csv$/;

/** The root of a coder's CAMEO value ("3-11 Disapprove" → "11"), or null. */
export function rootOfCoderValue(value: string | undefined): string | null {
  const m = /^\s*\d+\s*-\s*(\d{1,2})\b/.exec(value ?? '');
  return m ? normaliseRoot(m[1]) : null;
}

/**
 * Load the round summaries from `dir`; undefined when the folder is absent. Rows without a
 * sentence are listed in `problems`.
 */
export function loadConflibert(
  dir = sharedPath('event-gold', 'cameo-conflibert-multicoder'),
): ConflibertSet | undefined {
  if (!dir) return undefined;
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => ROUND_FILE.test(f));
  } catch {
    return undefined;
  }
  files.sort((a, b) => Number(ROUND_FILE.exec(a)![1]) - Number(ROUND_FILE.exec(b)![1]));
  const out: ConflibertSet = {
    set: CONFLIBERT_SET,
    items: [],
    gold: new Map(),
    problems: [],
    agreement: { pairs: 0, agreeing: 0, rate: null },
  };
  const texts = new Map<string, string>();
  for (const f of files) {
    const round = ROUND_FILE.exec(f)![1];
    let rows: Record<string, string>[];
    try {
      rows = parse(readFileSync(join(dir, f), 'utf8'), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
    } catch (e) {
      out.problems.push(`${join(dir, f)}: ${(e as Error).message}`);
      continue;
    }
    rows.forEach((row, i) => {
      const text = (row.sentences ?? '').replace(/\s+/g, ' ').trim();
      if (!text) {
        out.problems.push(`${join(dir, f)}: row ${i + 2} has no sentence`);
        return;
      }
      const id = itemId(row, text);
      if (!texts.has(id)) texts.set(id, text);
      const g = gold(out.gold, id);
      const firsts: string[] = [];
      for (let k = 1; k <= 5; k++) {
        if (!/^true$/i.test((row[`anncomplete_${k}`] ?? '').trim())) continue;
        const roots: string[] = [];
        for (let a = 1; a <= 4; a++) {
          const r = rootOfCoderValue(row[`Action${a}_CAMEO_${k}`]);
          if (r && !roots.includes(r)) roots.push(r);
        }
        g.annotations.push({ round, coder: k, roots });
        const first = rootOfCoderValue(row[`Action1_CAMEO_${k}`]);
        if (first) firsts.push(first);
      }
      for (let x = 0; x < firsts.length; x++) {
        for (let y = x + 1; y < firsts.length; y++) {
          out.agreement.pairs++;
          if (firsts[x] === firsts[y]) out.agreement.agreeing++;
        }
      }
    });
  }
  out.agreement.rate = ratio(out.agreement.agreeing, out.agreement.pairs);
  for (const [id, g] of out.gold) {
    finishGold(g);
    const item: EvalItem = { id, text: texts.get(id)! };
    out.items.push(item);
  }
  return out;
}

function itemId(row: Record<string, string>, text: string): string {
  const pool = /(cameo_\d+)\.csv_\d+\s*$/.exec(row.ids ?? '')?.[1];
  const no = /No\.\s*(\d+)/.exec(row.No ?? '')?.[1] ?? /^\s*No\.\s*(\d+)/.exec(row.plain_text ?? '')?.[1];
  if (pool && no) return `${pool}-${no}`;
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return `sentence-${h.toString(16)}`;
}

function gold(map: Map<string, ConflibertGold>, id: string): ConflibertGold {
  let g = map.get(id);
  if (!g) {
    g = { id, annotations: [], rootVotes: {}, majorityRoot: null, anyRoots: [], noEvent: false };
    map.set(id, g);
  }
  return g;
}

/** Fill the derived gold fields from the annotations (exported for tests). */
export function finishGold(g: ConflibertGold): ConflibertGold {
  const coding = g.annotations.filter((a) => a.roots.length > 0);
  g.rootVotes = {};
  for (const a of coding) for (const r of a.roots) g.rootVotes[r] = (g.rootVotes[r] ?? 0) + 1;
  g.anyRoots = Object.keys(g.rootVotes).sort();
  g.noEvent = (g.annotations.length - coding.length) * 2 > g.annotations.length;
  const top = Object.entries(g.rootVotes).sort((a, b) => b[1] - a[1]);
  g.majorityRoot = top.length > 0 && top[0][1] * 2 > coding.length ? top[0][0] : null;
  return g;
}

export interface ConflibertMiss {
  id: string;
  majorityRoot: string | null;
  anyRoots: string[];
  noEvent: boolean;
  predicted: string | null;
}

export interface ConflibertScore {
  kind: 'conflibert';
  set: string;
  figures: Figures;
  counts: {
    items: number;
    eventItems: number;
    majorityItems: number;
    majorityCorrect: number;
    anyCoderCorrect: number;
    covered: number;
    noEventItems: number;
    falseAlarms: number;
    agreementPairs: number;
  };
  misses: ConflibertMiss[];
}

/**
 * Root accuracy against the coders. `majorityAccuracy`: first predicted root = majority root,
 * over sentences that have one. `anyCoderAccuracy`: first predicted root named by some coder,
 * over sentences that most coders coded. Sentences without prediction count as wrong in both.
 * `coverage`: share of those sentences with a prediction. `falseAlarmRate`: share of sentences
 * most coders left without an event on which the coder predicted one. `humanAgreement`: the
 * coders' pairwise first-root agreement, the noise ceiling for these figures.
 */
export function scoreConflibert(
  gold: Map<string, ConflibertGold>,
  predicted: Map<string, PredEvent[]>,
  agreement?: CoderAgreement,
): ConflibertScore {
  const counts: ConflibertScore['counts'] = {
    items: 0,
    eventItems: 0,
    majorityItems: 0,
    majorityCorrect: 0,
    anyCoderCorrect: 0,
    covered: 0,
    noEventItems: 0,
    falseAlarms: 0,
    agreementPairs: agreement?.pairs ?? 0,
  };
  const misses: ConflibertMiss[] = [];
  for (const [id, g] of gold) {
    counts.items++;
    const first = predicted.get(id)?.[0];
    const root = first ? normaliseRoot(first.root) : null;
    if (g.noEvent) {
      counts.noEventItems++;
      if (first) {
        counts.falseAlarms++;
        misses.push({ id, majorityRoot: g.majorityRoot, anyRoots: g.anyRoots, noEvent: true, predicted: root });
      }
      continue;
    }
    counts.eventItems++;
    if (first) counts.covered++;
    const anyOk = root !== null && g.anyRoots.includes(root);
    if (anyOk) counts.anyCoderCorrect++;
    let majorityOk = true;
    if (g.majorityRoot) {
      counts.majorityItems++;
      majorityOk = root === g.majorityRoot;
      if (majorityOk) counts.majorityCorrect++;
    }
    if (!anyOk || !majorityOk) misses.push({ id, majorityRoot: g.majorityRoot, anyRoots: g.anyRoots, noEvent: false, predicted: root });
  }
  return {
    kind: 'conflibert',
    set: CONFLIBERT_SET,
    figures: {
      majorityAccuracy: ratio(counts.majorityCorrect, counts.majorityItems),
      anyCoderAccuracy: ratio(counts.anyCoderCorrect, counts.eventItems),
      coverage: ratio(counts.covered, counts.eventItems),
      falseAlarmRate: ratio(counts.falseAlarms, counts.noEventItems),
      humanAgreement: agreement?.rate ?? null,
    },
    counts,
    misses,
  };
}
