/**
 * Reports of evaluation results: a human-readable table (with the misses on request) and a JSON
 * view. Both take any result of this folder (discriminated by `kind`).
 */
import type { ConflibertScore } from './conflibert.js';
import type { PetrarchScore } from './petrarch-unit.js';
import type { PloverGsrScore } from './plover-gsr.js';
import type { GoldDateScore } from './gold-dates.js';
import type { EventScore } from './score-events.js';

export type EvalResult = EventScore | PloverGsrScore | ConflibertScore | PetrarchScore | GoldDateScore;

export interface ReportOptions {
  /** List false positives, false negatives and wrong dates (or the set's misses). */
  misses?: boolean;
  /** Cap on listed misses per kind (default: all). */
  limit?: number;
}

/** A figure with three decimals, or '-' when it cannot be computed. */
export function fmt(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? '-' : x.toFixed(3);
}

function pad(s: string | number, n: number): string {
  return String(s).padEnd(n);
}

function lpad(s: string | number, n: number): string {
  return String(s).padStart(n);
}

function clip(s: string | undefined, n = 90): string {
  if (!s) return '';
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function take<T>(xs: T[], limit?: number): T[] {
  return limit === undefined ? xs : xs.slice(0, limit);
}

/** The report of one result as text (lines end with "\n"). */
export function formatReport(result: EvalResult, options: ReportOptions = {}): string {
  switch (result.kind) {
    case 'events':
      return formatEvents(result, options);
    case 'plover-gsr':
      return formatPlover(result, options);
    case 'conflibert':
      return formatConflibert(result, options);
    case 'petrarch-unit':
      return formatPetrarch(result, options);
    case 'gold-dates':
      return formatGoldDates(result, options);
  }
}

function formatGoldDates(r: GoldDateScore, o: ReportOptions): string {
  const c = r.counts;
  const out: string[] = [];
  out.push(`${r.set}: ${c.dated} gold events with a date, ${c.located} sentences located`);
  out.push(`  date accuracy (events given)  ${fmt(r.figures.dateAccuracy)}  (${c.correct}/${c.dated})`);
  if (o.misses) {
    for (const m of take(r.misses, o.limit)) {
      out.push(`    DATE  ${m.docId}:${m.line}  gold ${m.gold}, predicted ${m.predicted ?? 'none'} (${m.basis})  "${clip(m.quote, 60)}"`);
    }
  }
  return out.join('\n') + '\n';
}

function formatEvents(r: EventScore, o: ReportOptions): string {
  const c = r.counts;
  const f = r.figures;
  const out: string[] = [];
  out.push(
    `${r.set}: ${c.docs} documents (${c.docsWithoutPredictions} without predictions), ${c.goldEvents} gold events, ` +
      `${c.predictedEvents} predicted (${c.duplicatePredictions} repeats counted once, ${c.incompletePredictions} without source or target left out)`,
  );
  if (c.ignoredDocs > 0) out.push(`  ${c.ignoredDocs} predicted documents are not in the gold file and were ignored`);
  out.push(`  ${pad('', 10)} ${lpad('precision', 9)} ${lpad('recall', 7)} ${lpad('F1', 6)}`);
  out.push(`  ${pad('events', 10)} ${lpad(fmt(f.precision), 9)} ${lpad(fmt(f.recall), 7)} ${lpad(fmt(f.f1), 6)}   (${c.matched} matched)`);
  out.push(
    `  ${pad('dyads', 10)} ${lpad(fmt(f.dyadPrecision), 9)} ${lpad(fmt(f.dyadRecall), 7)} ${lpad(fmt(f.dyadF1), 6)}   (${c.matchedDyads} of ${c.goldDyads} gold, ${c.predictedDyads} predicted)`,
  );
  out.push(`  date accuracy    ${lpad(fmt(f.dateAccuracy), 5)}  (${c.correctDates}/${c.datedMatches} matched events with a gold date)`);
  out.push(`  code accuracy    ${lpad(fmt(f.codeAccuracy), 5)}  (${c.correctCodes}/${c.matched} matched events with the exact CAMEO code)`);
  out.push(`  extra-event rate ${lpad(fmt(f.extraRate), 5)}  (${c.predictedEvents - c.matched} unmatched predictions / ${c.goldEvents} gold events)`);
  const roots = Object.keys(r.perRoot).sort();
  if (roots.length > 0) {
    out.push(`  ${pad('root', 5)} ${lpad('gold', 5)} ${lpad('pred', 5)} ${lpad('match', 6)} ${lpad('P', 6)} ${lpad('R', 6)}`);
    for (const root of roots) {
      const x = r.perRoot[root];
      const p = x.predicted ? x.matchedPredicted / x.predicted : null;
      const rec = x.gold ? x.matched / x.gold : null;
      out.push(`  ${pad(root, 5)} ${lpad(x.gold, 5)} ${lpad(x.predicted, 5)} ${lpad(x.matched, 6)} ${lpad(fmt(p), 6)} ${lpad(fmt(rec), 6)}`);
    }
  }
  if (o.misses) {
    if (r.falseNegatives.length > 0) out.push(`  missed gold events (${r.falseNegatives.length}):`);
    for (const m of take(r.falseNegatives, o.limit)) {
      const alt = m.altRoots.length ? ` alt ${m.altRoots.join(',')}` : '';
      out.push(`    MISS  ${m.docId}:${m.line}  ${m.src}->${m.tgt} ${m.root}${alt} (${m.code})  "${clip(m.quote)}"`);
    }
    if (r.falsePositives.length > 0) out.push(`  extra predictions (${r.falsePositives.length}):`);
    for (const m of take(r.falsePositives, o.limit)) {
      const where = m.line === undefined ? m.docId : `${m.docId}:${m.line}`;
      out.push(`    EXTRA ${where}  ${m.source}->${m.target} ${m.root} (${m.code})  "${clip(m.sentence)}"`);
    }
    if (r.dateMisses.length > 0) out.push(`  wrong dates (${r.dateMisses.length}):`);
    for (const m of take(r.dateMisses, o.limit)) {
      out.push(`    DATE  ${m.docId}:${m.line}  ${m.src}->${m.tgt} ${m.root}  gold ${m.gold}, predicted ${m.predicted ?? 'none'}  "${clip(m.quote, 60)}"`);
    }
  }
  return out.join('\n') + '\n';
}

function formatPlover(r: PloverGsrScore, o: ReportOptions): string {
  const c = r.counts;
  const f = r.figures;
  const out: string[] = [];
  out.push(`${r.set}: ${c.items} sentences, ${c.covered} with a prediction`);
  out.push(`  event accuracy      ${fmt(f.eventAccuracy)}  (${c.eventCorrect}/${c.items}; first fitting prediction)`);
  out.push(`  event-any accuracy  ${fmt(f.eventAnyAccuracy)}  (${c.eventAnyCorrect}/${c.items})`);
  out.push(`  coverage            ${fmt(f.coverage)}`);
  out.push(`  source accuracy     ${fmt(f.sourceAccuracy)}  (${c.sourceCorrect}/${c.sourceCovered} predicted; ${c.sourceItems} scorable)`);
  out.push(`  target accuracy     ${fmt(f.targetAccuracy)}  (${c.targetCorrect}/${c.targetCovered} predicted; ${c.targetItems} scorable)`);
  out.push(`  actor accuracy      ${fmt(f.actorAccuracy)}  (all scorable sides: ${fmt(f.actorAccuracyAll)}, coverage ${fmt(f.actorCoverage)})`);
  out.push(`  ${pad('PLOVER', 12)} ${lpad('items', 5)} ${lpad('right', 6)}  predicted roots`);
  for (const ev of Object.keys(r.perEvent).sort()) {
    const x = r.perEvent[ev];
    const roots = Object.entries(x.predictedRoots)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k}×${v}`)
      .join(' ');
    out.push(`  ${pad(ev, 12)} ${lpad(x.items, 5)} ${lpad(x.correct, 6)}  ${roots}`);
  }
  if (o.misses) {
    for (const m of take(r.eventMisses, o.limit)) out.push(`    EVENT ${m.id}  gold ${m.gold}, predicted roots ${m.predictedRoots.join(',') || 'none'}`);
    for (const m of take(r.actorMisses, o.limit)) out.push(`    ACTOR ${m.id}  ${m.side} gold ${m.gold.join('|')}, predicted ${m.predicted ?? 'none'}`);
  }
  return out.join('\n') + '\n';
}

function formatConflibert(r: ConflibertScore, o: ReportOptions): string {
  const c = r.counts;
  const f = r.figures;
  const out: string[] = [];
  out.push(`${r.set}: ${c.items} sentences (${c.eventItems} coded by most coders, ${c.noEventItems} left without an event)`);
  out.push(
    `  root accuracy vs majority   ${fmt(f.majorityAccuracy)}  (${c.majorityCorrect}/${c.majorityItems})   coders agree with each other: ${fmt(f.humanAgreement)} (${c.agreementPairs} pairs)`,
  );
  out.push(`  root accuracy vs any coder  ${fmt(f.anyCoderAccuracy)}  (${c.anyCoderCorrect}/${c.eventItems})`);
  out.push(`  coverage                    ${fmt(f.coverage)}  (${c.covered}/${c.eventItems})`);
  out.push(`  false alarms                ${fmt(f.falseAlarmRate)}  (${c.falseAlarms}/${c.noEventItems} sentences most coders left without an event)`);
  if (o.misses) {
    for (const m of take(r.misses, o.limit)) {
      const gold = m.noEvent ? 'no event' : `majority ${m.majorityRoot ?? '-'}, any ${m.anyRoots.join(',')}`;
      out.push(`    ${m.id}  ${gold}; predicted ${m.predicted ?? 'none'}`);
    }
  }
  return out.join('\n') + '\n';
}

function formatPetrarch(r: PetrarchScore, o: ReportOptions): string {
  const c = r.counts;
  const f = r.figures;
  const out: string[] = [];
  out.push(`${r.set}: ${c.records} records with real CAMEO codes and real actors`);
  out.push(`  pass rate        ${fmt(f.passRate)}  (${c.passed}/${c.records}, exact codes)`);
  out.push(`  root pass rate   ${fmt(f.rootPassRate)}  (${c.rootPassed}/${c.records})`);
  out.push(`  root recall      ${fmt(f.rootRecall)}  (${c.found}/${c.expected} expected events)`);
  out.push(`  root precision   ${fmt(f.rootPrecision)}  (${c.predictedRight}/${c.predicted} predicted events)`);
  if (o.misses) {
    for (const m of take(r.misses, o.limit)) {
      out.push(`    ${m.id} [${m.category}]  expected ${m.expected.join(' ')}; predicted ${m.predicted.join(' ') || 'none'}`);
    }
  }
  return out.join('\n') + '\n';
}

/** A JSON-ready view of a result; the miss lists are included only with `misses`. */
export function reportJson(result: EvalResult, options: ReportOptions = {}): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...result };
  if (!options.misses) {
    for (const k of ['falsePositives', 'falseNegatives', 'dateMisses', 'misses', 'eventMisses', 'actorMisses']) delete copy[k];
  }
  return copy;
}
