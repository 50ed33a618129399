/**
 * Time expressions in one sentence of news, resolved to calendar days with a past bias.
 *
 * chrono-node finds the calendar forms ("July 4, 2021", "25 November", "Nov. 25", "2022-07-29");
 * our own rules find weekdays, "yesterday"/"today", "last week", "earlier this month", "two days
 * ago", "in March", "in 2019" and the weekend, because news needs a past bias and names such as
 * "Good Friday" or "the Sunday Times" must not become dates. Everything chrono finds that we do
 * not accept is reported as rejected, with a reason.
 *
 * Rules (the reference day is the publication day, or the dateline day when the stage has one):
 * - A bare weekday ("on Friday", "Friday's vote") is the latest such day on or before the reference
 *   (the same day counts). "last Friday"/"this past Friday": the latest one strictly before.
 *   "next Friday"/"coming Friday": the first one strictly after. "this Friday": the one in the
 *   reference's Monday-to-Sunday week.
 * - A month and day without a year ("on Nov 25", "25 November") is the latest such date not after
 *   the reference (year roll-over: "Dec 30" seen on 2023-01-02 is 2022-12-30).
 * - yesterday / last night = reference − 1; today / tonight / this morning = the reference;
 *   tomorrow = reference + 1; the day before yesterday = reference − 2; "N days ago" = reference − N.
 * - last week / the past week = reference − 7 days (a day in the previous week whether weeks start
 *   on Sunday or Monday); this week / earlier this week = the Monday of the reference's week;
 *   next week = reference + 7. All with granularity 'week'.
 * - last month = the 1st of the previous month; this month / earlier this month = the 1st of the
 *   reference's month; next month = the 1st of the following month (granularity 'month').
 * - "in March", "since early May", "mid-July" (a month name after in/since/during/until/early/
 *   late/mid/last/this/next/"end of") = the 1st of the latest such month not after the reference.
 *   Months that are not also names or verbs (all but March, April, May, June) are accepted after
 *   weaker words too ("before November's election", "scheduled for January", "the month of
 *   September"), and a possessive month is accepted except "May's".
 * - last year / this year / next year = 1 January of that year (granularity 'year'). "this year"
 *   is kept in the layer but `eventDate` never uses a year-long period that contains the
 *   reference: it says nothing about when the news happened.
 * - "later this week/month/year" is rejected (vague future).
 * - Dates with a year (chrono forms, "in 2019", "August 2020") are `explicit`; all others are
 *   `relative` and resolve to nothing without a reference day.
 * Weekday names and month names without a lower-case homonym are read in any case ("friday",
 * "january"); in a sentence that looks lower-cased (no capitals, or a small first letter),
 * "march", "may" and "august" too.
 * Rejected: "march", "may", "august" in lower case in normal text, month names without a date context
 * ("May said", "March organisers"), numeric day/month without a year ("9/11"), ambiguous numeric
 * dates ("3/4/2021"), plural weekdays ("on Fridays"), weekday names inside names ("Good Friday",
 * "the Sunday Times"), capitalised "Today" inside a name ("USA Today"), "now", times of day
 * without a date ("at 10 am"), durations and times relative to another event ("for two days",
 * "the day before", "a week earlier"), and years followed by a noun ("by 2000 troops").
 */
import * as chrono from 'chrono-node';
import type { TimeGranularity } from '../doc.js';
import {
  addMonths,
  calendarDay,
  dayNumber,
  dayParts,
  formatDay,
  monthStart,
  parseDay,
  weekdayOf,
  weekStart,
} from './calendar.js';
import { table } from '../table.js';

/** A time expression found in a text, resolved to a day. Offsets are into the text given. */
export interface ResolvedTime {
  start: number;
  end: number;
  text: string;
  /** ISO date (YYYY-MM-DD); for a week, month or year, one day inside it (see the module rules). */
  date: string;
  basis: 'explicit' | 'relative';
  granularity: TimeGranularity;
}

/** A candidate that was not accepted, with the reason. */
export interface RejectedTime {
  start: number;
  end: number;
  text: string;
  reason: string;
  /** True when the expression is a real relative date that needs a reference day we do not have. */
  unresolved?: boolean;
}

export interface TimeScan {
  times: ResolvedTime[];
  rejected: RejectedTime[];
}

type Resolution =
  | { day: number; basis: 'explicit' | 'relative'; granularity: TimeGranularity }
  | { reject: string; unresolved?: boolean };

interface Candidate {
  start: number;
  end: number;
  resolve(ref: number | undefined): Resolution;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_WORD = new RegExp(`^(?:${MONTHS.map((m) => m.slice(0, 3)).join('|')})`, 'i');

const NUMBER_WORDS: Record<string, number> = table({
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
});

/** Words that name a holiday or event when put before a weekday ("Good Friday", "Super Tuesday"). */
const WEEKDAY_NAME_PREFIX = new Set([
  'good',
  'black',
  'bloody',
  'super',
  'holy',
  'easter',
  'ash',
  'palm',
  'cyber',
  'maundy',
  'great',
  'shrove',
  'orthodox',
  'low',
  'whit',
]);

/** Lower-case words that may follow a year without making it a count ("in 2019 and", "since 1979 when"). */
const AFTER_YEAR_OK = new Set(
  'and or but by when while as after before until till to in on at the a an with amid under that which because for from against following during through since where if though although then so is was were are had has have said'.split(
    ' ',
  ),
);

const needsRef = (what: string): Resolution => ({ reject: `${what} needs a publication date`, unresolved: true });

/** The day before which a text position sits at the start of a sentence (only spaces/quotes before it). */
function atSentenceStart(text: string, pos: number): boolean {
  return /^[\s"'“‘(\[]*$/.test(text.slice(0, pos)) || /[.!?:]["'”’)\]]?\s+["'“‘(\[]*$/.test(text.slice(0, pos));
}

function previousWord(text: string, pos: number): string {
  const m = /([A-Za-z][A-Za-z'’.-]*)\s*$/.exec(text.slice(Math.max(0, pos - 40), pos));
  return m ? m[1] : '';
}

function nextWord(text: string, pos: number): string {
  const m = /^\s*([A-Za-z][A-Za-z'’-]*)/.exec(text.slice(pos, pos + 40));
  return m ? m[1] : '';
}

// ---------------------------------------------------------------------------------------------
// Weekdays

const WEEKDAY_RE = new RegExp(
  `\\b(?:((?:[Tt]his\\s+(?:coming|past))|[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\\s+)?(${WEEKDAYS.join('|')})(s?)\\b`,
  'g',
);

function weekdayCandidates(text: string, out: Candidate[], rejected: RejectedTime[]): void {
  for (const m of text.matchAll(WEEKDAY_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const modifier = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const nameStart = end - m[2].length - m[3].length;
    const wd = WEEKDAYS.indexOf(m[2]);
    const reject = (reason: string) => rejected.push({ start, end, text: m[0], reason });
    if (m[3]) {
      reject('plural weekday (a habit, not a date)');
      continue;
    }
    if (!modifier) {
      const prev = previousWord(text, nameStart);
      const prevLower = prev.toLowerCase();
      if (WEEKDAY_NAME_PREFIX.has(prevLower) && /^[A-Z]/.test(prev)) {
        reject('weekday inside a name (e.g. a holiday)');
        continue;
      }
      if (prevLower === 'every' || prevLower === 'each') {
        reject('weekday used as a habit');
        continue;
      }
      const next = nextWord(text, end);
      const nextIsName = /^[A-Z]/.test(next) && !MONTH_WORD.test(next);
      const followsDeterminer = prevLower === 'the' || prevLower === 'a';
      if (nextIsName && (followsDeterminer || atSentenceStart(text, nameStart))) {
        reject('weekday inside a name (e.g. a newspaper)');
        continue;
      }
    }
    out.push({
      start,
      end,
      resolve(ref) {
        if (ref === undefined) return needsRef('a weekday');
        const refWd = weekdayOf(ref);
        let day: number;
        if (modifier === 'last' || modifier === 'past' || modifier === 'this past') {
          const back = (refWd - wd + 7) % 7 || 7;
          day = ref - back;
        } else if (modifier === 'next' || modifier === 'coming' || modifier === 'this coming') {
          const ahead = (wd - refWd + 7) % 7 || 7;
          day = ref + ahead;
        } else if (modifier === 'this') {
          day = weekStart(ref) + ((wd + 6) % 7);
        } else {
          day = ref - ((refWd - wd + 7) % 7);
        }
        return { day, basis: 'relative', granularity: 'day' };
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// yesterday, today, tomorrow

const CASUAL_RE =
  /\b(the day before yesterday|yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b/gi;

function casualCandidates(text: string, out: Candidate[], rejected: RejectedTime[]): void {
  for (const m of text.matchAll(CASUAL_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const word = m[1].toLowerCase();
    if (/^[A-Z]/.test(m[1]) && !atSentenceStart(text, start)) {
      rejected.push({ start, end, text: m[0], reason: 'capitalised inside a sentence: part of a name' });
      continue;
    }
    const offset =
      word === 'the day before yesterday'
        ? -2
        : word === 'yesterday' || word === 'last night'
          ? -1
          : word === 'tomorrow'
            ? 1
            : 0;
    out.push({
      start,
      end,
      resolve: (ref) =>
        ref === undefined ? needsRef(`'${word}'`) : { day: ref + offset, basis: 'relative', granularity: 'day' },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// N days/weeks/months/years ago

const AGO_RE = /\b(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+ago\b/gi;

function agoCandidates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(AGO_RE)) {
    const start = m.index!;
    const count = /^\d/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
    const unit = m[2].toLowerCase() as 'day' | 'week' | 'month' | 'year';
    out.push({
      start,
      end: start + m[0].length,
      resolve(ref) {
        if (ref === undefined) return needsRef(`'${m[0]}'`);
        const day =
          unit === 'day'
            ? ref - count
            : unit === 'week'
              ? ref - 7 * count
              : addMonths(ref, unit === 'month' ? -count : -12 * count);
        return { day, basis: 'relative', granularity: unit };
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// last/this/next week, month, year; the weekend

const PERIOD_RE =
  /\b(?:(?:the\s+)?(past)|(last)|(earlier\s+this)|(later\s+this)|(this)|(next))\s+(week|month|year)\b/gi;

function periodCandidates(text: string, out: Candidate[], rejected: RejectedTime[]): void {
  for (const m of text.matchAll(PERIOD_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const unit = m[7].toLowerCase() as 'week' | 'month' | 'year';
    if (m[4]) {
      rejected.push({ start, end, text: m[0], reason: 'vague future period' });
      continue;
    }
    const which = m[1] ? 'past' : m[2] ? 'last' : m[3] || m[5] ? 'this' : 'next';
    out.push({
      start,
      end,
      resolve(ref) {
        if (ref === undefined) return needsRef(`'${m[0]}'`);
        const { year } = dayParts(ref);
        let day: number;
        if (unit === 'week') {
          day = which === 'this' ? weekStart(ref) : which === 'next' ? ref + 7 : ref - 7;
        } else if (unit === 'month') {
          day =
            which === 'this'
              ? monthStart(ref)
              : which === 'next'
                ? monthStart(addMonths(monthStart(ref), 1))
                : which === 'last'
                  ? monthStart(addMonths(monthStart(ref), -1))
                  : addMonths(ref, -1);
        } else {
          day =
            which === 'past'
              ? addMonths(ref, -12)
              : dayNumber(year + (which === 'last' ? -1 : which === 'next' ? 1 : 0), 1, 1)!;
        }
        return { day, basis: 'relative', granularity: unit };
      },
    });
  }
}

const WEEKEND_RE = /\b(?:(?:over|at|during|on)\s+(the)|(this\s+past|last|past)|(this)|(next))\s+weekend\b/gi;

function weekendCandidates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(WEEKEND_RE)) {
    // The span leaves out the preposition: "over the weekend" → "the weekend".
    const start = m[1] ? m.index! + m[0].indexOf(m[1] + ' ') : m.index!;
    out.push({
      start,
      end: m.index! + m[0].length,
      resolve(ref) {
        if (ref === undefined) return needsRef('the weekend');
        const saturdayOnOrBefore = ref - ((weekdayOf(ref) - 6 + 7) % 7);
        let day: number;
        if (m[1]) day = saturdayOnOrBefore;
        else if (m[2]) day = weekStart(ref) - 2;
        else if (m[3]) day = weekStart(ref) + 5;
        else day = weekStart(ref) + 12;
        return { day, basis: 'relative', granularity: 'week' };
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Month names with a date context ("in March", "since early May", "mid-July")

/** Month names that are also common given names or verbs: they need a strong context. */
const AMBIGUOUS_MONTHS = new Set(['March', 'April', 'May', 'June']);

/**
 * Weaker contexts accepted for the other months: "before November's election", "scheduled for
 * January", "ahead of December", "the month of September", "the January elections".
 */
const WEAK_MONTH_RE = new RegExp(
  `\\b(?:(?:[Bb]efore|[Aa]fter|[Bb]y|[Ff]or|[Ff]rom|[Tt]hrough|[Tt]o|[Oo]f|[Tt]he)\\s+)(${MONTHS.filter((m) => !AMBIGUOUS_MONTHS.has(m)).join('|')})\\b(?!\\s*,?\\s*\\d)|\\b(${MONTHS.filter((m) => m !== 'May').join('|')})(?=['’]s\\b)`,
  'g',
);

const MONTH_CONTEXT_RE = new RegExp(
  `\\b(?:(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Tt]ill|(?:end|beginning|start|middle)\\s+of)\\s+(?:(early|late|mid-?)\\s*)?|(early|late|[Ee]arly|[Ll]ate|[Mm]id-?)\\s*|(last|this|next|[Ll]ast|[Tt]his|[Nn]ext)\\s+)(${MONTHS.join('|')})\\b(?!\\s*,?\\s*\\d)(?<!May(?=['’]s))`,
  'g',
);

function monthCandidates(text: string, out: Candidate[]): void {
  const found: { start: number; end: number; monthName: string; modifier: string }[] = [];
  for (const m of text.matchAll(MONTH_CONTEXT_RE)) {
    const qualifier = m[1] ?? m[2];
    const modifier = (m[3] ?? '').toLowerCase();
    const monthName = m[4];
    const end = m.index! + m[0].length;
    const monthPos = end - monthName.length;
    // The span covers the qualifier ("late May", "mid-July") and the modifier ("last March").
    let start = monthPos;
    if (modifier) start = m.index!;
    else if (qualifier) start = text.lastIndexOf(qualifier, monthPos);
    found.push({ start, end, monthName, modifier });
  }
  for (const m of text.matchAll(WEAK_MONTH_RE)) {
    const monthName = m[1] ?? m[2];
    const end = m.index! + m[0].length;
    const start = end - monthName.length;
    if (!found.some((f) => f.start < end && start < f.end)) found.push({ start, end, monthName, modifier: '' });
  }
  for (const { start, end, monthName, modifier } of found) {
    const month = MONTHS.indexOf(monthName) + 1;
    out.push({
      start,
      end,
      resolve(ref) {
        if (ref === undefined) return needsRef('a month without a year');
        const { year, month: refMonth } = dayParts(ref);
        let y: number;
        if (modifier === 'last') y = month < refMonth ? year : year - 1;
        else if (modifier === 'next') y = month > refMonth ? year : year + 1;
        else if (modifier === 'this') y = year;
        else y = month <= refMonth ? year : year - 1;
        return { day: dayNumber(y, month, 1)!, basis: 'relative', granularity: 'month' };
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Years with a date context ("in 2019", "since 1979", "mid-2020")

const YEAR_RE =
  /\b(?:(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore|[Aa]fter|[Oo]f|[Ff]rom|[Tt]hrough|[Bb]etween)\s+(?:(early|late|mid-?)\s*)?|(early|late|[Ee]arly|[Ll]ate|[Mm]id-?)\s*)((?:19|20)\d{2})\b(?![-–]\d)(?!s\b)(?!,\d)(?!\.\d)/g;

function yearCandidates(text: string, out: Candidate[], rejected: RejectedTime[]): void {
  for (const m of text.matchAll(YEAR_RE)) {
    const qualifier = m[1] ?? m[2];
    const end = m.index! + m[0].length;
    const yearPos = end - m[3].length;
    const start = qualifier ? text.lastIndexOf(qualifier, yearPos) : yearPos;
    const next = nextWord(text, end);
    const between = text.slice(end, end + 2);
    const strong = qualifier !== undefined || /^(?:in|since|during|until|till)\b/i.test(m[0]);
    if (!strong && next && /^[a-z]/.test(next) && /^\s/.test(between) && !AFTER_YEAR_OK.has(next)) {
      rejected.push({ start, end, text: text.slice(start, end), reason: `a count, not a year (followed by '${next}')` });
      continue;
    }
    const year = Number(m[3]);
    out.push({
      start,
      end,
      resolve: () => ({ day: dayNumber(year, 1, 1)!, basis: 'explicit', granularity: 'year' }),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// chrono-node: calendar forms with a month and a day or a year

const LEADING_PREPOSITION = /^(?:on|at|in|by|since|from|until|till|of|during)\s+/i;

interface ChronoSeen {
  start: number;
  end: number;
  text: string;
  reason: string;
}

function chronoCandidates(text: string, out: Candidate[], seen: ChronoSeen[]): void {
  // Every form taken from chrono has a digit (a day or a year); without one, skip the parse.
  if (!/\d/.test(text)) return;
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(text, new Date(Date.UTC(2000, 0, 1, 12)), { forwardDate: false });
  } catch {
    return;
  }
  for (const r of results) {
    let start = r.index;
    let t = r.text;
    const lead = LEADING_PREPOSITION.exec(t);
    if (lead) {
      start += lead[0].length;
      t = t.slice(lead[0].length);
    }
    t = t.trimEnd();
    const end = start + t.length;
    const c = r.start;
    const has = (k: chrono.Component) => c.isCertain(k);
    const note = (reason: string) => seen.push({ start, end, text: t, reason });
    const tags = [...r.tags()].join(' ');
    const relative = /casualReference|relativeDate|Casual/i.test(tags) || !/\d/.test(t);
    if (relative || !has('month') || (!has('day') && !has('year'))) {
      if (/casualReference\/now/.test(tags) || /^now$/i.test(t)) note("'now' is not a date");
      else if (/relativeDate/.test(tags)) note('a duration or a time relative to another event');
      else if (/casualReference/.test(tags)) note('a casual reference we do not resolve');
      else if (has('hour') && !has('weekday')) note('a time of day without a date');
      else if (has('month')) note('a month name without a date context');
      else note('no calendar date');
      continue;
    }
    const word = /[A-Za-z]{3,}/.exec(t);
    if (word && MONTH_WORD.test(word[0]) && /^[a-z]/.test(word[0])) {
      note('month name in lower case (a verb or a noun)');
      continue;
    }
    const numeric = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?$/.exec(t);
    if (numeric) {
      if (!numeric[3]) {
        note('numeric day/month without a year');
        continue;
      }
      const a = Number(numeric[1]);
      const b = Number(numeric[2]);
      if (a <= 12 && b <= 12 && a !== b) {
        note('ambiguous numeric date (day/month or month/day)');
        continue;
      }
    }
    const month = c.get('month')!;
    if (has('year')) {
      const year = c.get('year')!;
      const day = has('day') ? dayNumber(year, month, c.get('day')!) : dayNumber(year, month, 1);
      if (day === undefined) {
        note('not a calendar date');
        continue;
      }
      out.push({ start, end, resolve: () => ({ day, basis: 'explicit', granularity: has('day') ? 'day' : 'month' }) });
      continue;
    }
    const dom = c.get('day')!;
    out.push({
      start,
      end,
      resolve(ref) {
        if (ref === undefined) return needsRef('a date without a year');
        const { year } = dayParts(ref);
        // The latest such date not after the reference; Feb 29 looks back to the last leap year.
        for (let y = year; y > year - 9; y--) {
          const d = dayNumber(y, month, dom);
          if (d !== undefined && d <= ref) return { day: d, basis: 'relative', granularity: 'day' };
        }
        return { reject: 'not a calendar date' };
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------

const ALWAYS_DATE_WORDS = new RegExp(
  `\\b(?:${[...WEEKDAYS, ...MONTHS.filter((m) => !['March', 'May', 'August'].includes(m))].join('|')})\\b`,
  'gi',
);
const CASELESS_DATE_WORDS = /\b(?:march|may|august)\b/gi;

/** A sentence from a lower-cased feed: it has no capital letter, or its first letter is small. */
function looksLowerCased(text: string): boolean {
  const first = /\p{L}/u.exec(text)?.[0];
  return !/[A-Z]/.test(text) || (first !== undefined && first === first.toLowerCase() && first !== first.toUpperCase());
}

function capitalise(w: string): string {
  return w[0].toUpperCase() + w.slice(1).toLowerCase();
}

/**
 * The text the rules read: weekday names and month names without a lower-case homonym are
 * capitalised ("friday", "january"); in a sentence that looks lower-cased (no capital letter, or
 * a small first letter) "march", "may" and "august" too. Same length as `text`, so offsets carry over.
 */
function shadowText(text: string): string {
  let out = text.replace(ALWAYS_DATE_WORDS, capitalise);
  if (looksLowerCased(text)) out = out.replace(CASELESS_DATE_WORDS, capitalise);
  return out;
}

/**
 * Which rules can find anything in a text: every candidate of a rule contains one of its words
 * (in any case) or, for chrono and years, a digit (chrono is only asked about texts with a digit).
 * Most sentences of an article hold none of them. One left-to-right pass; the words do not overlap
 * across groups (only "tonight" holds "night", in the same group), so no occurrence is hidden.
 */
const HINT_DIGIT = 1;
const HINT_WEEKDAY = 2;
const HINT_MONTH = 4;
const HINT_CASUAL = 8;
const HINT_AGO = 16;
const HINT_PERIOD = 32;
const HINT_ALL = 63;
const HINTS = new RegExp(
  `(\\d)|(${WEEKDAYS.join('|')})|(${MONTHS.join('|')})|(yesterday|today|tonight|tomorrow|night|morning|afternoon|evening)|(ago)|(week|month|year)`,
  'gi',
);

function timeHints(text: string): number {
  let hints = 0;
  HINTS.lastIndex = 0;
  for (let m = HINTS.exec(text); m !== null && hints !== HINT_ALL; m = HINTS.exec(text)) {
    hints |= m[1] ? HINT_DIGIT : m[2] ? HINT_WEEKDAY : m[3] ? HINT_MONTH : m[4] ? HINT_CASUAL : m[5] ? HINT_AGO : HINT_PERIOD;
  }
  return hints;
}

let lastPublished: string | undefined | null;
let lastReference: number | undefined;

/** The reference day number from a publication date or datetime, or undefined. */
export function referenceDay(published: string | undefined | null): number | undefined {
  // Every sentence of a document asks with the same date.
  if (published === lastPublished) return lastReference;
  lastReference = parseDay(calendarDay(published));
  lastPublished = published;
  return lastReference;
}

/**
 * Find and resolve the time expressions of one sentence, and list what was rejected and why.
 * `published` is the reference: a publication (or dateline) date or datetime; without it,
 * relative expressions are rejected as `unresolved`. Never throws.
 */
export function scanTimes(original: string, published: string | undefined | null): TimeScan {
  const hints = timeHints(original);
  if (hints === 0) return { times: [], rejected: [] };
  const ref = referenceDay(published);
  // Only weekday and month names change case in the shadow text.
  const text = hints & (HINT_WEEKDAY | HINT_MONTH) ? shadowText(original) : original;
  const candidates: Candidate[] = [];
  const rejected: RejectedTime[] = [];
  const chronoSeen: ChronoSeen[] = [];
  // Each rule runs only when its words (or a digit) occur: the same candidates, in the same order.
  if (hints & HINT_DIGIT) chronoCandidates(text, candidates, chronoSeen);
  if (hints & HINT_WEEKDAY) weekdayCandidates(text, candidates, rejected);
  if (hints & HINT_CASUAL) casualCandidates(text, candidates, rejected);
  if (hints & HINT_AGO) agoCandidates(text, candidates);
  if (hints & HINT_PERIOD) {
    periodCandidates(text, candidates, rejected);
    weekendCandidates(text, candidates);
  }
  if (hints & HINT_MONTH) monthCandidates(text, candidates);
  if (hints & HINT_DIGIT) yearCandidates(text, candidates, rejected);

  // Longest candidate wins where candidates overlap (ties: the one found first).
  const order = candidates.map((c, i) => ({ c, i }));
  order.sort((x, y) => y.c.end - y.c.start - (x.c.end - x.c.start) || x.i - y.i);
  const kept: Candidate[] = [];
  for (const { c } of order) {
    if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);

  const times: ResolvedTime[] = [];
  for (const c of kept) {
    const r = c.resolve(ref);
    const t = original.slice(c.start, c.end);
    if ('reject' in r) {
      rejected.push({ start: c.start, end: c.end, text: t, reason: r.reject, ...(r.unresolved ? { unresolved: true } : {}) });
      continue;
    }
    times.push({ start: c.start, end: c.end, text: t, date: formatDay(r.day), basis: r.basis, granularity: r.granularity });
  }
  // What chrono saw and nobody accepted is reported as rejected, once per span.
  for (const s of chronoSeen) {
    const covered = kept.some((k) => k.start < s.end && s.start < k.end);
    const listed = rejected.some((r) => r.start < s.end && s.start < r.end);
    if (!covered && !listed) rejected.push(s);
  }
  for (const r of rejected) r.text = original.slice(r.start, r.end);
  rejected.sort((a, b) => a.start - b.start);
  return { times, rejected };
}

/**
 * The resolved time expressions of one sentence, in text order, with offsets into `text`
 * (see the module comment for the rules). `published` may be a date or a datetime; only its
 * calendar day is used.
 */
export function resolveTimes(text: string, published: string | undefined | null): ResolvedTime[] {
  return scanTimes(text, published).times;
}
