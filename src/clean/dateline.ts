/**
 * Blocks that hold only a dateline or a timestamp: "LAGOS, March 3 (Agency) —", "GENEVA —",
 * "Published: 14:05 GMT, 3 March 2021", "Updated 2 hours ago", "Mon 3 Mar 2021 10.45 EST".
 * A dateline followed by the story's first sentence is a news paragraph and is kept.
 */
import type { BlockContext, RuleHit } from './rule.js';
import { tidy } from './rule.js';

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const WEEKDAY = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)`;

/** "CITY, Month D (Agency) —": a place in capitals, an optional date and credit, and a trailing dash. */
const PLACE_DATELINE = new RegExp(
  String.raw`^([\p{L}\p{M} .'-]{2,40})(?:,\s*[\p{L} .'-]{2,30})?(?:,\s*${MONTH}\.?\s+\d{1,2}(?:,?\s+\d{4})?)?\s*(?:\([^()]{1,40}\))?\s*(?:-{1,2}|–|—)$`,
  'iu',
);
/** Tokens a timestamp is made of. */
const TIME_TOKEN = new RegExp(
  String.raw`^(?:${MONTH}\.?|${WEEKDAY}\.?|\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:am|pm)?|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{4}-\d{2}-\d{2}t[\d:.]+z?|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|cest|eet|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|jst|kst|hkt|sgt|aest|aedt|msk|wat|eat|cat|et|pt|ct|amt|wib|ict|pkt|pht|myt|gst|ast|adt|hst|akst|wet|west|eest|sast|nzst|nzdt|awst|acst|irst|trt|[+-]\d{2}:?\d{2}|updated|published|posted|last|first|modified|on|at|by|date|time|ago|just|now|an?|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|yesterday|today|of)$`,
  'i',
);
const STAMP_LABEL = /\b(?:updated|published|posted|modified|ago|yesterday|today)\b/i;
const TIME_OF_DAY = /\d{1,2}[:h]\d{2}|\d{1,2}\.\d{2}\s*(?:am|pm|gmt|utc|[a-z]{2,4}t)\b/i;
const SOME_DATE = new RegExp(String.raw`\b${MONTH}\b|\b${WEEKDAY}\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}`, 'i');
const FULL_DATE = new RegExp(
  String.raw`\b${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\.?,?\s+(?:19|20)\d{2}\b|\b(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b`,
  'i',
);

/** How far into the document a bare full date ("July 29, 2022") counts as a dateline. */
export const DATE_ONLY_WINDOW = 5;

/** True when the block is only a place-and-date dateline ending in a dash ("GENEVA, May 2 (Agency) —"). */
export function isPlaceDateline(text: string): boolean {
  const t = tidy(text);
  if (t.length > 160) return false;
  const m = PLACE_DATELINE.exec(t);
  // The place is written in capitals ("GENEVA"), which sets a dateline apart from a heading ending in a colon.
  return m !== null && /\p{Lu}/u.test(m[1]) && m[1] === m[1].toUpperCase();
}

/**
 * What kind of timestamp the block is, when every word is part of a date, a time or an
 * "updated/published" label: `labelled` (an "updated/published" label, "… ago", or a time of day with a date) or `date` (a bare full
 * date, which may also be a heading in a chronology, so the caller limits it to the top of the text).
 */
export function timestampKind(text: string): 'labelled' | 'date' | undefined {
  const t = tidy(text);
  if (t.length > 200) return undefined;
  const tokens = t.split(/[\s,|•·()[\]]+/).map((x) => x.replace(/^[-–—:]+|[-–—:]+$/g, '')).filter((x) => x.length > 0);
  if (tokens.length === 0 || tokens.length > 14) return undefined;
  if (!tokens.every((tok) => TIME_TOKEN.test(tok))) return undefined;
  // A bare time of day ("4:14 p.m.") heads live-blog entries: only a label or a date with it makes a stamp.
  if (STAMP_LABEL.test(t) || (TIME_OF_DAY.test(t) && SOME_DATE.test(t))) return 'labelled';
  if (FULL_DATE.test(t)) return 'date';
  return undefined;
}

/** The dateline-only rule. */
export function detectDateline(text: string, at: BlockContext): RuleHit | undefined {
  if (isPlaceDateline(text)) return { reason: 'dateline-only', rule: 'place-dateline', why: 'dateline without text' };
  const stamp = timestampKind(text);
  if (stamp === 'labelled' || (stamp === 'date' && at.index < DATE_ONLY_WINDOW)) {
    return { reason: 'dateline-only', rule: 'timestamp', why: 'timestamp without text' };
  }
  return undefined;
}
