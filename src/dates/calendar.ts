/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) as whole days. No time zones anywhere: a day is
 * a number of days since 1970-01-01, computed with `Date.UTC`, so results never shift with the
 * machine's zone.
 */

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date; undefined when the date does not exist (e.g. 2023-02-30). */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return Math.round(ms / MS_PER_DAY);
}

/** The parts of a day number. */
export function dayParts(n: number): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(n: number): number {
  return dayParts(n).weekday;
}

/** ISO string of a day number. */
export function formatDay(n: number): string {
  const { year, month, day } = dayParts(n);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day number of an ISO date string (only the leading YYYY-MM-DD is read); undefined if invalid. */
export function parseDay(iso: string | undefined | null): number | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return undefined;
  return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
}

const MONTHS3 = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The calendar day of a publication date or datetime, as written: "2022-07-30T23:10:00-04:00" is
 * 2022-07-30 (no conversion to UTC, the outlet's own day is the one its text refers to).
 * Also reads "30 Jul 2022" / "Sat, 30 Jul 2022 10:00 +0800" and "July 30, 2022". Returns undefined
 * for anything else.
 */
export function calendarDay(published: string | undefined | null): string | undefined {
  if (!published) return undefined;
  const s = published.trim();
  const iso = parseDay(s);
  if (iso !== undefined) return formatDay(iso);
  let m = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (m) {
    const mon = MONTHS3.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
    const n = mon > 0 ? dayNumber(Number(m[3]), mon, Number(m[1])) : undefined;
    if (n !== undefined) return formatDay(n);
  }
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (m) {
    const mon = MONTHS3.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
    const n = mon > 0 ? dayNumber(Number(m[3]), mon, Number(m[2])) : undefined;
    if (n !== undefined) return formatDay(n);
  }
  return undefined;
}

/** Add whole months, clamping the day to the month's length (Mar 31 − 1 month = Feb 28/29). */
export function addMonths(n: number, months: number): number {
  const { year, month, day } = dayParts(n);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const mo = (total % 12) + 1;
  for (let d = day; d >= 28; d--) {
    const r = dayNumber(y, mo, d);
    if (r !== undefined) return r;
  }
  return dayNumber(y, mo, Math.min(day, 28))!;
}

/** First day of the month containing n. */
export function monthStart(n: number): number {
  const { year, month } = dayParts(n);
  return dayNumber(year, month, 1)!;
}

/** Monday of the (Monday-to-Sunday) week containing n. */
export function weekStart(n: number): number {
  return n - ((weekdayOf(n) + 6) % 7);
}

/** Last day of the period of the given granularity that starts at or contains n. */
export function periodEnd(n: number, granularity: 'day' | 'week' | 'month' | 'year'): number {
  const { year } = dayParts(n);
  switch (granularity) {
    case 'day':
      return n;
    case 'week':
      return weekStart(n) + 6;
    case 'month':
      return addMonths(monthStart(n), 1) - 1;
    case 'year':
      return dayNumber(year, 12, 31)!;
  }
}

/** First day of the period of the given granularity that contains n. */
export function periodStart(n: number, granularity: 'day' | 'week' | 'month' | 'year'): number {
  switch (granularity) {
    case 'day':
      return n;
    case 'week':
      return weekStart(n);
    case 'month':
      return monthStart(n);
    case 'year':
      return dayNumber(dayParts(n).year, 1, 1)!;
  }
}
