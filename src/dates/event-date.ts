/**
 * The date of an event reported in a sentence, and whether a date is old background.
 */
import type { DateBasis, Doc, Time, TimeGranularity } from '../doc.js';
import { calendarDay, parseDay, periodEnd, periodStart } from './calendar.js';

export interface EventDate {
  date: string | null;
  basis: DateBasis;
  /** Index in `doc.layers.times` of the expression used, when one was used. */
  time?: number;
  /** Precision of the date (absent for the publication date, which is a day). */
  granularity?: TimeGranularity;
}

export interface EventDateOptions {
  /** Publication date to use when `doc.meta.published` is absent (e.g. `ctx.config.published`). */
  published?: string;
  /** Offset in `doc.text` of the event's trigger word: picks the expression of the event's clause. */
  anchor?: number;
}

/** How far before the reference an earlier sentence's date may lie and still be carried forward. */
const CARRY_DAYS = 31;

const RANK: Record<TimeGranularity, number> = { day: 0, week: 1, month: 2, year: 3 };

/**
 * Words that, between the trigger and a time expression, put the expression in another clause:
 * subordinate or relative clauses ("after", "since", "which") and attributions ("officials said on
 * Friday" dates the saying, not the event).
 */
const CLAUSE_BREAK =
  /[;:(]|\s[—–]\s|\b(?:after|before|since|when|while|following|because|until|which|who|whose|where|whereas|said|says|told|reported|according)\b/i;

function granularityOf(t: Time): TimeGranularity {
  return t.granularity ?? 'day';
}

/**
 * The date of an event reported in sentence `sentenceIndex` of `doc`:
 * 1. a time expression of that sentence (from the `times` layer). Expressions dated after the
 *    reference day (the dateline day, else the publication day) are skipped, since a plan
 *    announced today is dated by the announcement; so are year-long periods that contain the
 *    reference ("this year"). With `anchor`, expressions in the trigger's clause come first, then
 *    the nearest; without it, the most precise, then the first;
 * 2. else the latest day-precise expression of an earlier sentence, if it lies within 31 days
 *    before the reference (later sentences of a story usually report what was said at the
 *    meeting or call dated earlier; old history is not carried);
 * 3. else the article's dateline date;
 * 4. else the publication day (`doc.meta.published`, else `options.published`), basis 'publication';
 * 5. else `{ date: null, basis: 'unknown' }`.
 */
export function eventDate(doc: Doc, sentenceIndex: number, options: EventDateOptions = {}): EventDate {
  const times = doc.layers.times;
  const pub = calendarDay(doc.meta.published) ?? calendarDay(options.published);
  const dateline = times.find((t) => t.dateline);
  const ref = parseDay(dateline?.date) ?? parseDay(pub);

  const usable = (t: Time): boolean => {
    const day = parseDay(t.date);
    if (day === undefined) return false;
    if (ref === undefined) return true;
    if (day > ref) return false;
    const g = granularityOf(t);
    if (g === 'year' && periodStart(day, g) <= ref && ref <= periodEnd(day, g)) return false;
    return true;
  };

  const candidates = times.filter((t) => t.sentence === sentenceIndex && !t.dateline && usable(t));
  if (candidates.length > 0) {
    const anchor = options.anchor;
    const score = (t: Time): number[] => {
      if (anchor === undefined) return [RANK[granularityOf(t)], t.start];
      const [from, to] = t.end <= anchor ? [t.end, anchor] : [anchor, t.start];
      const broken = from < to && CLAUSE_BREAK.test(doc.text.slice(from, to)) ? 1 : 0;
      const distance = t.end <= anchor ? anchor - t.end : Math.max(0, t.start - anchor);
      return [broken, distance, RANK[granularityOf(t)]];
    };
    let best = candidates[0];
    let bestScore = score(best);
    for (const t of candidates.slice(1)) {
      const s = score(t);
      const better = s.findIndex((v, i) => v !== bestScore[i]);
      if (better >= 0 && s[better] < bestScore[better]) {
        best = t;
        bestScore = s;
      }
    }
    return withGranularity({ date: best.date, basis: best.basis, time: best.id }, best);
  }
  // The most recent day-precise date of an earlier sentence: later sentences of a story usually
  // go on about the same meeting or call ("Xi said ...", "He called on ...").
  for (let i = times.length - 1; i >= 0; i--) {
    const t = times[i];
    if (t.sentence >= sentenceIndex || t.dateline || granularityOf(t) !== 'day' || !usable(t)) continue;
    const day = parseDay(t.date)!;
    if (ref !== undefined && ref - day > CARRY_DAYS) continue; // background history is not carried

    return { date: t.date, basis: t.basis, time: t.id };
  }
  if (dateline && usable(dateline)) {
    return withGranularity({ date: dateline.date, basis: dateline.basis, time: dateline.id }, dateline);
  }
  if (pub) return { date: pub, basis: 'publication' };
  return { date: null, basis: 'unknown' };
}

function withGranularity(d: EventDate, t: Time): EventDate {
  const g = granularityOf(t);
  return g === 'day' ? d : { ...d, granularity: g };
}

export interface BackgroundOptions {
  /** Precision of `date`: the end of its period is compared (default 'day'). */
  granularity?: TimeGranularity;
  /** How many days before publication a date must end to count as background (default 365). */
  maxDays?: number;
}

/**
 * True when `date` is old history relative to the publication date: its period ends more than
 * `maxDays` (365) days before publication. "in 2019" in a 2022 article is background; "last year"
 * (which ends on 31 December) in July is not. False when either date is missing or invalid.
 */
export function isBackgroundDate(
  date: string | null | undefined,
  published: string | null | undefined,
  options: BackgroundOptions = {},
): boolean {
  const day = parseDay(date);
  const pub = parseDay(calendarDay(published));
  if (day === undefined || pub === undefined) return false;
  const end = periodEnd(day, options.granularity ?? 'day');
  return pub - end > (options.maxDays ?? 365);
}
