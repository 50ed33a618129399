/**
 * Event coreference: when two raw events (from different documents, or a raw event and the head of
 * a merged event) report the same real-world event.
 *
 * Same source and target actor codes, a compatible CAMEO code, and dates within the uncertainty of
 * how each date was found:
 * - codes: the same root (a call and a meeting of the same two actors on the same day are one
 *   consultation, 04), or a pair that the coding guide lets a careful coder choose between: a formal
 *   protest or the summoning of an envoy (114) or a protest (14); an expulsion of diplomats (166)
 *   or a coercive act (17);
 * - dates: an explicit date is exact; a relative one ("on Friday", "yesterday") is ±1 day, since
 *   reports published on different days can resolve it differently; a date taken from the
 *   publication date is when the report appeared, so the event happened up to 2 days before (or a
 *   day after, across time zones). Within one story cluster (copies of one article) dates may differ
 *   by up to a week (a copy republished later resolves "on Friday" from its own date), and an
 *   undated mention joins its story's event; across stories an undated mention joins nothing.
 * - within one document, mentions with the same dyad and root are one event whatever their dates
 *   (the coding guide annotates one event per source, target and root per article).
 */
import type { DateBasis } from '../doc.js';

/** Days a date of this basis may be off, either way. */
export const DATE_TOLERANCE: Record<DateBasis, number> = { explicit: 0, relative: 1, publication: 2, unknown: 0 };

/** Days two dated mentions of one story cluster may differ (unless both are explicit). */
export const STORY_TOLERANCE = 7;

/** Widest difference {@link compatibleDates} accepts outside a story: the half-width of a dyad lookup window. */
export const WINDOW_DAYS = 3;

/** Code pairs the coding guide lets a coder choose between: a code prefix and a root. */
const GUIDE_ALTERNATIVES: readonly [string, string][] = [
  ['114', '14'],
  ['166', '17'],
];

/** True when two CAMEO codes can describe the same interaction. */
export function compatibleCodes(a: string, b: string): boolean {
  if (a.slice(0, 2) === b.slice(0, 2)) return true;
  return GUIDE_ALTERNATIVES.some(([x, y]) => (a.startsWith(x) && b.startsWith(y)) || (a.startsWith(y) && b.startsWith(x)));
}

const DAY_MS = 86_400_000;

/** Whole days from ISO date `a` to ISO date `b` (b − a); NaN when either does not parse. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / DAY_MS);
}

/** An ISO date shifted by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date.slice(0, 10)) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface Dated {
  date: string | null;
  dateBasis: DateBasis;
}

/** True when two dates can be the date of one event (see the module comment). */
export function compatibleDates(a: Dated, b: Dated, opts: { sameStory?: boolean } = {}): boolean {
  if (a.date === null || b.date === null) return opts.sameStory === true;
  const diff = daysBetween(a.date, b.date);
  if (Number.isNaN(diff)) return false;
  const bothExplicit = a.dateBasis === 'explicit' && b.dateBasis === 'explicit';
  if (opts.sameStory && !bothExplicit) return Math.abs(diff) <= STORY_TOLERANCE;
  if (Math.abs(diff) > Math.max(DATE_TOLERANCE[a.dateBasis], DATE_TOLERANCE[b.dateBasis])) return false;
  // A publication-based date bounds the event from above (a day of slack for time zones).
  if (a.dateBasis === 'publication' && b.dateBasis !== 'publication' && diff > 1) return false;
  if (b.dateBasis === 'publication' && a.dateBasis !== 'publication' && -diff > 1) return false;
  return true;
}

/** How precisely a date was found: explicit > relative > publication > unknown. */
export function basisRank(b: DateBasis): number {
  return b === 'explicit' ? 3 : b === 'relative' ? 2 : b === 'publication' ? 1 : 0;
}
