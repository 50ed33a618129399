/**
 * The `times` stage: every sentence's time expressions, resolved against the article's reference
 * day, into `doc.layers.times` (offsets into `doc.text`, sorted by start, ids = indices).
 *
 * The publication day is `doc.meta.published` (its calendar day), else `ctx.config.published`.
 * A dateline at the start of one of the first three sentences ("BEIJING, July 29 (Xinhua) --")
 * gives the date of the news; when it has one within a week before publication, that day (not
 * the publication day) is the reference for relative expressions, because feeds often stamp a
 * story a day or two late.
 *
 * Diagnostics (source 'times'): `times:dateline` (info) for the dateline found,
 * `times:rejected` (info) for a candidate expression that is not a date, `times:unresolved`
 * (info) for a relative expression that needs a publication date the article does not have.
 */
import type { Diagnostic, Doc, Time } from '../doc.js';
import type { Context } from '../pipeline.js';
import { stage } from '../pipeline.js';
import { calendarDay, parseDay } from './calendar.js';
import { findDateline } from './dateline.js';
import { scanTimes } from './resolve-times.js';

/** How many days a dateline may precede publication and still be the reference day. */
const DATELINE_LAG_DAYS = 7;

/** How many leading sentences may start with a dateline (a headline or a credit may come first). */
const DATELINE_SENTENCES = 3;

/** Fill `doc.layers.times`; `fallbackPublished` is used when the doc has no publication date. */
export function annotateTimes(doc: Doc, fallbackPublished?: string): void {
  const published = calendarDay(doc.meta.published) ?? calendarDay(fallbackPublished);
  const sentences = doc.layers.sentences;
  const times: Omit<Time, 'id'>[] = [];
  const diag = (d: Omit<Diagnostic, 'severity' | 'source'>) =>
    doc.diagnostics.push({ severity: 'info', source: 'times', ...d });

  let reference = published;
  let datelineSpan: { start: number; end: number } | undefined;
  for (const s of sentences.slice(0, DATELINE_SENTENCES)) {
    const lineEnd = doc.text.indexOf('\n', s.start);
    const stop = Math.min(lineEnd < 0 ? doc.text.length : lineEnd, s.start + 200);
    const found = findDateline(doc.text.slice(s.start, stop), published);
    if (!found) continue;
    datelineSpan = { start: s.start + found.start, end: s.start + found.end };
    if (found.dateStart !== undefined && found.dateEnd !== undefined) {
      const start = s.start + found.dateStart;
      const end = s.start + found.dateEnd;
      if (found.date) {
        times.push({
          start,
          end,
          text: doc.text.slice(start, end),
          date: found.date,
          basis: found.basis,
          sentence: s.id,
          dateline: true,
        });
        // A dateline within a week before publication dates the story; a far one is suspect.
        const pubDay = parseDay(published);
        const lineDay = parseDay(found.date)!;
        if (pubDay === undefined || (lineDay <= pubDay && pubDay - lineDay <= DATELINE_LAG_DAYS)) reference = found.date;
      } else {
        diag({ ruleId: 'times:unresolved', reason: 'a dateline date without a year needs a publication date', start, end });
      }
    }
    diag({
      ruleId: 'times:dateline',
      reason: `dateline '${found.text}' gives ${found.date ?? 'no date'} (${found.basis})`,
      start: datelineSpan.start,
      end: datelineSpan.end,
    });
    break;
  }

  for (const s of sentences) {
    const scan = scanTimes(doc.text.slice(s.start, s.end), reference);
    for (const t of scan.times) {
      const start = s.start + t.start;
      const end = s.start + t.end;
      if (datelineSpan && start < datelineSpan.end && datelineSpan.start < end) continue;
      times.push({
        start,
        end,
        text: t.text,
        date: t.date,
        basis: t.basis,
        sentence: s.id,
        ...(t.granularity === 'day' ? {} : { granularity: t.granularity }),
      });
    }
    for (const r of scan.rejected) {
      const start = s.start + r.start;
      const end = s.start + r.end;
      if (datelineSpan && start < datelineSpan.end && datelineSpan.start < end) continue;
      diag({
        ruleId: r.unresolved ? 'times:unresolved' : 'times:rejected',
        reason: `'${r.text}': ${r.reason}`,
        start,
        end,
      });
    }
  }
  times.sort((a, b) => a.start - b.start || a.end - b.end);
  doc.layers.times = times.map((t, id) => ({ id, ...t }));
}

/** The stage definition (registered by `./index.ts`). */
export const timesStage = stage('times', 1, { reads: ['sentences'], writes: ['times'] }, (_options, ctx: Context) => {
  const fallback = ctx.config.published;
  return (doc: Doc) => annotateTimes(doc, fallback);
});
