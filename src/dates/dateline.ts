/**
 * Datelines: the place/date/agency header that opens a wire story and gives the date of the news.
 *
 * Forms recognised at the start of a text (leading spaces allowed, optionally after an agency
 * credit such as "AFP - "):
 *   PLACE[, REGION][, DATE] (AGENCY) SEP     "BEIJING, July 29 (Xinhua) --", "NAIROBI, Kenya (Reuters) -"
 *   PLACE[, REGION], DATE SEP                "Tehran, 29 July:", "LONDON, Jan. 5 -"
 *   PLACE[, DATE][.] /AGENCY/[.]             "MOSCOW, July 29. /TASS/."
 *   PLACE SEP when PLACE is in capitals      "KABUL -- ", "NAJAF, Iraq - " (3 letters or more)
 *   DATE (AGENCY) SEP                        "Dec 30 (Reuters) -"
 * SEP is "--", "-", "—", "–" or ":". A title-case place ("Tehran") needs a date or an agency so
 * that an ordinary sentence opening ("Iran - ...") is not taken for a dateline. DATE is a month
 * and day in either order, with an optional year, or an ISO date. A date without a year resolves
 * like "on Nov 25": the latest such day not after publication.
 */
import type { DateBasis } from '../doc.js';
import { dayNumber, dayParts, formatDay } from './calendar.js';
import { referenceDay } from './resolve-times.js';

export interface Dateline {
  /** Span of the whole dateline, separator included, in the text given. */
  start: number;
  end: number;
  text: string;
  place: string | null;
  agency: string | null;
  /** Span of the date inside the dateline, when it has one. */
  dateStart?: number;
  dateEnd?: number;
  /**
   * The date of the news: the dateline's own date when it has one (null when it has no year and
   * there is no publication date); otherwise the publication day (basis 'publication'), or null.
   */
  date: string | null;
  basis: DateBasis;
}

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?|(\\d{4})-(\\d{2})-(\\d{2}))`;
const CAPS_PLACE = "[A-Z][A-Z.'’-]{2,}(?:\\s+[A-Z][A-Z.'’-]+){0,3}";
const TITLE_PLACE = "[A-Z][A-Za-z.'’-]+(?:\\s+[A-Z][A-Za-z.'’-]+){0,3}";
const REGION = "(?:,\\s*[A-Z][A-Za-z.'’-]+(?:\\s+[A-Z][A-Za-z.'’-]+){0,2})?";
const AGENCY = "\\(([A-Z][A-Za-z.&' -]{0,30})\\)";
const SLASH_AGENCY = '/([A-Z][A-Za-z-]{1,15})/\\.?';
const SEP = '\\s*(?:--|—|–|-|:)\\s*';
const CREDIT = "(?:[A-Z][A-Za-z.]*(?:\\s+[A-Z][A-Za-z.]*){0,2}\\s+-\\s+)?";

const MONTHS3 = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Regexes tried in order; each names its groups by position through `pick`. */
const FORMS: { re: RegExp; needsDateOrAgency: boolean }[] = [
  // DATE (AGENCY) SEP, without a place: "Dec 30 (Reuters) -"
  { re: new RegExp(`^(\\s*${CREDIT})()(${DATE})\\s*${AGENCY}${SEP}`), needsDateOrAgency: true },
  // PLACE[, REGION][, DATE] (AGENCY) SEP
  { re: new RegExp(`^(\\s*${CREDIT})(${TITLE_PLACE})${REGION}(?:,\\s*(${DATE}))?\\s*${AGENCY}${SEP}`), needsDateOrAgency: true },
  // PLACE[, DATE][.] /AGENCY/[.]
  { re: new RegExp(`^(\\s*${CREDIT})(${TITLE_PLACE})${REGION}(?:,\\s*(${DATE}))?\\.?\\s*${SLASH_AGENCY}\\s*(?:--|—|–|-)?\\s*`), needsDateOrAgency: true },
  // PLACE[, REGION], DATE SEP
  { re: new RegExp(`^(\\s*${CREDIT})(${TITLE_PLACE})${REGION},\\s*(${DATE})${SEP}`), needsDateOrAgency: true },
  // CAPS PLACE[, REGION] SEP
  { re: new RegExp(`^(\\s*${CREDIT})(${CAPS_PLACE})${REGION}\\s*(?:--|—|–|-|:)\\s+`), needsDateOrAgency: false },
];

function monthIndex(name: string | undefined): number {
  return name ? MONTHS3.indexOf(name.slice(0, 3).toLowerCase()) + 1 : 0;
}

/**
 * The dateline at the start of `text` (normally the first block of an article), or undefined.
 * `published` (date or datetime) resolves a date without a year and is the date of a dateline
 * that has none. Never throws.
 */
export function findDateline(text: string, published?: string | null): Dateline | undefined {
  const ref = referenceDay(published);
  for (const form of FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    // Groups: 1 credit, 2 place, 3 date (whole), 4 month, 5 day, 6 year, 7 day, 8 month, 9 year,
    // 10-12 ISO parts, 13 agency (when the form has one).
    const dateText = m[3];
    const agency = m[13] ?? null;
    if (form.needsDateOrAgency && !dateText && !agency) continue;
    const place = m[2].trim();
    if (place.length > 40 || m[0].length > 90) continue;
    if (!place && !dateText) continue;
    const start = m[1].length;
    const end = m.index + m[0].length;
    const line: Dateline = {
      start,
      end,
      text: text.slice(start, end).trimEnd(),
      place: place || null,
      agency,
      date: null,
      basis: 'unknown',
    };
    if (dateText) {
      const ds = text.indexOf(dateText, start + place.length);
      line.dateStart = ds;
      line.dateEnd = ds + dateText.length;
      const resolved = resolveDatelineDate(m, ref);
      if (resolved) {
        line.date = resolved.date;
        line.basis = resolved.basis;
      }
      return line;
    }
    if (ref !== undefined) {
      line.date = formatDay(ref);
      line.basis = 'publication';
    }
    return line;
  }
  return undefined;
}

function resolveDatelineDate(
  m: RegExpExecArray,
  ref: number | undefined,
): { date: string; basis: 'explicit' | 'relative' } | undefined {
  let year: number | undefined;
  let month: number;
  let day: number;
  if (m[10]) {
    year = Number(m[10]);
    month = Number(m[11]);
    day = Number(m[12]);
  } else if (m[4]) {
    month = monthIndex(m[4]);
    day = Number(m[5]);
    year = m[6] ? Number(m[6]) : undefined;
  } else {
    day = Number(m[7]);
    month = monthIndex(m[8]);
    year = m[9] ? Number(m[9]) : undefined;
  }
  if (year !== undefined) {
    const n = dayNumber(year, month, day);
    return n === undefined ? undefined : { date: formatDay(n), basis: 'explicit' };
  }
  if (ref === undefined) return undefined;
  const refYear = dayParts(ref).year;
  for (let y = refYear; y > refYear - 9; y--) {
    const n = dayNumber(y, month, day);
    if (n !== undefined && n <= ref) return { date: formatDay(n), basis: 'relative' };
  }
  return undefined;
}
