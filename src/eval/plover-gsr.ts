/**
 * The PLOVER gold-standard records built from CAMEO-manual example sentences
 * (shared/event-gold/plover-gsr-cameo/PLOVER_GSR_CAMEO.json): one sentence, one event each.
 *
 * The file labels events with PLOVER 0.5b1 names (AGREE, DEMAND, FIGHT, ...), not CAMEO codes, so
 * a predicted CAMEO root is right when it maps to the gold PLOVER event (ROOT_TO_PLOVER05, written
 * from the CAMEO→PLOVER conversion: 02/10 → DEMAND, 09 → INVESTIGATE, 08 → CONCEDE or RETREAT,
 * 16 → SANCTION or COERCE, 17 → COERCE or ASSAULT, 19/20 → FIGHT or ASSAULT; 01 maps to nothing).
 *
 * Actor codes: gold sources and targets are lists (compound actors); a side is scored when its
 * list holds an ISO 3166-1 country code (legacy JAP/ITL/VTN mapped) or the generic 'IGO', which
 * any organisation code matches (APEC, UNO, ...). NGO/IMG/ISM and empty targets are not scored.
 * When the markup marks the actors as reciprocal (SRC/TAR) and there is no target list, the
 * source list serves as the target list too.
 *
 * Records sharing an id (the file has one such pair) are both kept, the later as `<id>#2`.
 *
 * Each item is scored on one "primary" prediction: the first predicted event whose root fits the
 * gold event, else the first with both actors, else the first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sharedPath } from '../shared-path.js';
import { IGO_CODES, isCountryCode, normaliseCountry, normaliseRoot } from './codes.js';
import type { EvalItem, LoadedSet } from './eval-item.js';
import type { PredEvent } from './pred-event.js';
import type { Figures } from './score-events.js';
import { ratio } from './score-events.js';

export const PLOVER_GSR_SET = 'plover-gsr-cameo';

/** CAMEO root → the PLOVER 0.5b1 event names it may be coded as. */
export const ROOT_TO_PLOVER05: Readonly<Record<string, readonly string[]>> = {
  '01': [],
  '02': ['DEMAND'],
  '03': ['AGREE'],
  '04': ['CONSULT'],
  '05': ['SUPPORT'],
  '06': ['COOPERATE'],
  '07': ['AID'],
  '08': ['CONCEDE', 'RETREAT'],
  '09': ['INVESTIGATE'],
  '10': ['DEMAND'],
  '11': ['DISAPPROVE'],
  '12': ['REJECT'],
  '13': ['THREATEN'],
  '14': ['PROTEST'],
  '15': ['MOBILIZE'],
  '16': ['SANCTION', 'COERCE'],
  '17': ['COERCE', 'ASSAULT'],
  '18': ['ASSAULT'],
  '19': ['FIGHT', 'ASSAULT'],
  '20': ['ASSAULT', 'FIGHT'],
};

export interface PloverGsrGold {
  id: string;
  /** PLOVER 0.5b1 event name. */
  event: string;
  mode: string | null;
  /** Source actor codes as given (legacy country codes mapped to ISO); may include 'IGO'. */
  sources: string[];
  targets: string[];
  /** The markup marks the actors as reciprocal (SRC/TAR). */
  reciprocal: boolean;
}

/** True when a predicted root can be coded as the gold PLOVER event. */
export function rootFitsPlover(root: string | null | undefined, event: string): boolean {
  const r = normaliseRoot(root ?? null);
  return r !== null && (ROOT_TO_PLOVER05[r] ?? []).includes(event);
}

/** A gold side's code that can be scored (country or generic organisation), or null. */
function scorable(code: string): string | null {
  const c = normaliseCountry(code);
  if (c === 'IGO') return c;
  return isCountryCode(c) ? c : null;
}

/** True when a predicted actor code matches a (scorable) gold code. */
export function actorCodeMatches(predicted: string | null | undefined, gold: string): boolean {
  if (!predicted) return false;
  const p = normaliseCountry(predicted);
  if (gold === 'IGO') return IGO_CODES.has(p);
  if (p === gold) return true;
  // A country code with a sector appended ("USAGOV") still names the country.
  return p.length > 3 && p.slice(0, 3) === gold && !IGO_CODES.has(p);
}

/**
 * Load the PLOVER GSR records; undefined when the file is absent. Items are the sentences, dated
 * with the record's date. Records without text or event are listed in `problems`.
 */
export function loadPloverGsr(
  path = sharedPath('event-gold', 'plover-gsr-cameo', 'PLOVER_GSR_CAMEO.json'),
): LoadedSet<PloverGsrGold> | undefined {
  if (!path || !existsSync(path)) return undefined;
  let records: unknown;
  try {
    records = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { set: PLOVER_GSR_SET, items: [], gold: new Map(), problems: [`${path}: ${(e as Error).message}`] };
  }
  const out: LoadedSet<PloverGsrGold> = { set: PLOVER_GSR_SET, items: [], gold: new Map(), problems: [] };
  if (!Array.isArray(records)) {
    out.problems.push(`${path}: expected a JSON array of records`);
    return out;
  }
  records.forEach((r: Record<string, any>, i) => {
    if (!r || r.event === 'DOCUMENT') return;
    const where = `${path}: record ${i} (${r?.id ?? 'no id'})`;
    if (typeof r.id !== 'string' || typeof r.text !== 'string' || typeof r.event !== 'string') {
      out.problems.push(`${where}: needs id, text and event`);
      return;
    }
    const codes = (side: unknown): string[] =>
      Array.isArray(side)
        ? side.map((a) => (a && typeof a.code === 'string' ? normaliseCountry(a.code) : '')).filter((c) => c.length > 0)
        : [];
    const sources = codes(r.source);
    let targets = codes(r.target);
    const reciprocal = typeof r.textInfo?.markup === 'string' && r.textInfo.markup.includes('SRC/TAR');
    if (reciprocal && targets.length === 0) targets = [...sources];
    // Two different records may share an id; the later one gets a suffix so both are scored.
    let id: string = r.id;
    for (let n = 2; out.gold.has(id); n++) id = `${r.id}#${n}`;
    if (id !== r.id) out.problems.push(`${where}: repeats id ${r.id}; scored as ${id}`);
    const item: EvalItem = { id, text: r.text };
    if (typeof r.date === 'string') item.published = r.date;
    out.items.push(item);
    out.gold.set(id, {
      id,
      event: r.event.toUpperCase(),
      mode: typeof r.mode === 'string' && r.mode ? r.mode : null,
      sources,
      targets,
      reciprocal,
    });
  });
  return out;
}

/** The prediction an item is scored on (see the module comment). */
export function primaryPrediction(preds: PredEvent[] | undefined, event: string): PredEvent | undefined {
  if (!preds || preds.length === 0) return undefined;
  return preds.find((p) => rootFitsPlover(p.root, event)) ?? preds.find((p) => p.source && p.target) ?? preds[0];
}

export interface ActorMiss {
  id: string;
  side: 'source' | 'target';
  gold: string[];
  predicted: string | null;
}

export interface ActorCodeScore {
  figures: Figures;
  counts: { sourceItems: number; sourceCovered: number; sourceCorrect: number; targetItems: number; targetCovered: number; targetCorrect: number };
  misses: ActorMiss[];
}

/**
 * Accuracy of resolved actor codes against the gold codes, per side, over the items whose gold
 * side has a scorable code. `sourceAccuracy`, `targetAccuracy` and `actorAccuracy` count only
 * items the coder produced an event for (actor resolution); `actorAccuracyAll` counts an item
 * without prediction as wrong; `actorCoverage` is the share of scorable sides with a prediction.
 */
export function scoreActorCodes(gold: Map<string, PloverGsrGold>, predicted: Map<string, PredEvent[]>): ActorCodeScore {
  const counts = { sourceItems: 0, sourceCovered: 0, sourceCorrect: 0, targetItems: 0, targetCovered: 0, targetCorrect: 0 };
  const misses: ActorMiss[] = [];
  for (const [id, g] of gold) {
    const p = primaryPrediction(predicted.get(id), g.event);
    const sides: ['source' | 'target', string[], string | null | undefined][] = [
      ['source', g.sources, p?.source],
      ['target', g.targets, p?.target],
    ];
    for (const [side, codes, got] of sides) {
      const ok = codes.map(scorable).filter((c): c is string => c !== null);
      if (ok.length === 0) continue;
      if (side === 'source') counts.sourceItems++;
      else counts.targetItems++;
      if (!p) continue;
      if (side === 'source') counts.sourceCovered++;
      else counts.targetCovered++;
      if (ok.some((c) => actorCodeMatches(got, c))) {
        if (side === 'source') counts.sourceCorrect++;
        else counts.targetCorrect++;
      } else misses.push({ id, side, gold: ok, predicted: got ?? null });
    }
  }
  const correct = counts.sourceCorrect + counts.targetCorrect;
  const covered = counts.sourceCovered + counts.targetCovered;
  const total = counts.sourceItems + counts.targetItems;
  return {
    figures: {
      sourceAccuracy: ratio(counts.sourceCorrect, counts.sourceCovered),
      targetAccuracy: ratio(counts.targetCorrect, counts.targetCovered),
      actorAccuracy: ratio(correct, covered),
      actorAccuracyAll: ratio(correct, total),
      actorCoverage: ratio(covered, total),
    },
    counts,
    misses,
  };
}

export interface PloverEventMiss {
  id: string;
  gold: string;
  predictedRoots: string[];
}

export interface PloverGsrScore {
  kind: 'plover-gsr';
  set: string;
  figures: Figures;
  counts: ActorCodeScore['counts'] & { items: number; covered: number; eventCorrect: number; eventAnyCorrect: number };
  /** Per gold PLOVER event: items, items right (primary prediction), and the roots predicted. */
  perEvent: Record<string, { items: number; correct: number; predictedRoots: Record<string, number> }>;
  eventMisses: PloverEventMiss[];
  actorMisses: ActorMiss[];
}

/**
 * Score coder output on the PLOVER GSR items: event accuracy (the primary prediction's root fits
 * the gold PLOVER event; items without a prediction are wrong), event-any accuracy (any predicted
 * root fits), coverage (items with a prediction), plus the actor-code figures of
 * {@link scoreActorCodes}.
 */
export function scorePloverGsr(gold: Map<string, PloverGsrGold>, predicted: Map<string, PredEvent[]>): PloverGsrScore {
  const actors = scoreActorCodes(gold, predicted);
  let covered = 0;
  let eventCorrect = 0;
  let eventAnyCorrect = 0;
  const perEvent: PloverGsrScore['perEvent'] = {};
  const eventMisses: PloverEventMiss[] = [];
  for (const [id, g] of gold) {
    const preds = predicted.get(id) ?? [];
    const row = (perEvent[g.event] ??= { items: 0, correct: 0, predictedRoots: {} });
    row.items++;
    const p = primaryPrediction(preds, g.event);
    if (p) covered++;
    const root = normaliseRoot(p?.root ?? null);
    if (root) row.predictedRoots[root] = (row.predictedRoots[root] ?? 0) + 1;
    if (p && rootFitsPlover(p.root, g.event)) {
      eventCorrect++;
      row.correct++;
    } else {
      eventMisses.push({ id, gold: g.event, predictedRoots: preds.map((x) => normaliseRoot(x.root) ?? x.root) });
    }
    if (preds.some((x) => rootFitsPlover(x.root, g.event))) eventAnyCorrect++;
  }
  const items = gold.size;
  return {
    kind: 'plover-gsr',
    set: PLOVER_GSR_SET,
    figures: {
      eventAccuracy: ratio(eventCorrect, items),
      eventAnyAccuracy: ratio(eventAnyCorrect, items),
      coverage: ratio(covered, items),
      ...actors.figures,
    },
    counts: { items, covered, eventCorrect, eventAnyCorrect, ...actors.counts },
    perEvent,
    eventMisses,
    actorMisses: actors.misses,
  };
}
