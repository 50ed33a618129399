/**
 * Normalising the date strings found in records, feeds and meta tags to `YYYY-MM-DD`.
 *
 * The calendar day is kept as written in the string's own time zone ("2020-05-12T23:30:00-05:00"
 * is 2020-05-12, not the UTC day). Unix timestamps have no zone of their own and are read as UTC.
 */

export interface ParseDateOptions {
  /**
   * How to read an all-numeric date whose first two fields could both be day or month
   * ("05/06/2020"): `mdy` (the default for slashes) or `dmy` (the default for dots and hyphens).
   */
  order?: 'mdy' | 'dmy';
}

/**
 * Month names and abbreviations: English, French, Spanish, Portuguese, Italian, German, Dutch,
 * Indonesian, Turkish, Arabic (Egyptian names), and the genitive forms used in dates in Russian, Ukrainian and Polish.
 */
const MONTHS: Record<string, number> = {};
const MONTH_LISTS: string[][] = [
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'],
  ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
  ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
];
for (const list of MONTH_LISTS) list.forEach((m, i) => (MONTHS[m] ??= i + 1));
Object.assign(MONTHS, { sept: 9, setembro: 9, fev: 2, avr: 4, juil: 7, aout: 8, fevrier: 2, decembre: 12, marz: 3, okt: 10, dez: 12, mrt: 3, mei: 5, ene: 1, abr: 4, ago: 8, dic: 12, set: 9, out: 10, giu: 6, lug: 7 });

/** Month number of a name or abbreviation (with or without a trailing dot), or undefined. */
export function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` when the parts form a real calendar day (years 1000–2999), else undefined. */
export function isoDay(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function twoDigitYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_]|[+-]\d{2}:?\d{2}$|Z$)/i;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:$|T\d)/;
const YMD_SEP = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:$|[\sT,])/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:$|[\sT,])/;
const TIMESTAMP = /^\d{9,13}(?:\.\d+)?$/;
/** East Asian written dates: 2020年5月12日 (Chinese, Japanese), 2020년 5월 12일 (Korean). */
export const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/;
const WEEKDAYS = /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|urday)?\b\.?,?/gi;

/**
 * Parse a date or datetime string to `YYYY-MM-DD`: ISO 8601 (with or without time and zone, or
 * the basic `20220729` form), RFC 822 ("Fri, 29 Jul 2022 10:00:00 +0000", also with a two-digit
 * year), written dates ("July 29, 2022", "29 July 2022", "29. Juli 2022", "2022年7月29日"),
 * `2022/07/29`, numeric day-month forms and Unix timestamps in seconds or milliseconds. Returns undefined for anything else, including
 * impossible days (2022-02-30).
 */
export function parseDate(s: string, opts: ParseDateOptions = {}): string | undefined {
  const t = s.trim();
  if (!t) return undefined;
  let m = ISO.exec(t);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  m = ISO_BASIC.exec(t);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  if (TIMESTAMP.test(t)) {
    const n = Number(t);
    const ms = t.split('.')[0].length >= 12 ? n : n * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  m = YMD_SEP.exec(t);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  m = CJK_DATE.exec(t);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  m = NUMERIC.exec(t);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    const year = twoDigitYear(m[4]);
    const order = opts.order ?? (m[2] === '/' ? 'mdy' : 'dmy');
    if (a > 12 && b <= 12) return isoDay(year, b, a);
    if (b > 12 && a <= 12) return isoDay(year, a, b);
    return order === 'mdy' ? isoDay(year, a, b) : isoDay(year, b, a);
  }
  return parseWritten(t);
}

/** Dates written with a month name, in any common order, with times and weekdays ignored. */
function parseWritten(t: string): string | undefined {
  const cleaned = t
    .replace(WEEKDAYS, ' ')
    .replace(/\b\d{1,2}:\d{2}(:\d{2})?(\.\d+)?\s*([ap]\.?m\.?)?/gi, ' ')
    .replace(/(\d)(st|nd|rd|th|er|º|°)\b/gi, '$1')
    .replace(/\bde\b|\bdel\b/gi, ' ');
  const tokens = cleaned.match(/[\p{L}]+\.?|\d+/gu) ?? [];
  let month: number | undefined;
  let monthAt = -1;
  tokens.forEach((tok, i) => {
    if (month !== undefined || /^\d/.test(tok)) return;
    const n = monthNumber(tok);
    if (n !== undefined) {
      month = n;
      monthAt = i;
    }
  });
  if (month === undefined) return undefined;
  const numbers = tokens.map((tok, i) => ({ tok, i })).filter((x) => /^\d+$/.test(x.tok));
  const yearTok = numbers.find((x) => x.tok.length === 4);
  if (!yearTok) {
    // RFC 822 allows two-digit years: "29 Jul 22".
    const day = numbers.find((x) => x.i === monthAt - 1);
    const year = numbers.find((x) => x.i === monthAt + 1 && x.tok.length === 2);
    return day && year ? isoDay(twoDigitYear(year.tok), month, +day.tok) : undefined;
  }
  const days = numbers.filter((x) => x !== yearTok && x.tok.length <= 2 && +x.tok >= 1 && +x.tok <= 31);
  if (days.length === 0) return undefined;
  // The day is the number next to the month name.
  days.sort((a, b) => Math.abs(a.i - monthAt) - Math.abs(b.i - monthAt));
  return isoDay(+yearTok.tok, month, +days[0].tok);
}
