/**
 * Date accuracy with the events given: for every gold event that has a date, find the sentence
 * that reports it (the gold `line` and the start of its `quote`) in a processed Doc and ask
 * `eventDate` for its date. This measures the dates stage alone, whatever the coder finds.
 */
import type { Doc } from '../doc.js';
import { eventDate } from '../dates/event-date.js';
import type { GoldDoc } from './gold.js';
import type { Figures } from './score-events.js';
import { ratio } from './score-events.js';

export interface GoldDateMiss {
  docId: string;
  line: number;
  quote: string;
  gold: string;
  predicted: string | null;
  basis: string;
}

export interface GoldDateScore {
  kind: 'gold-dates';
  set: string;
  figures: Figures;
  counts: { dated: number; located: number; correct: number };
  misses: GoldDateMiss[];
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Index of the sentence of `doc` on gold line `line` whose text starts like `quote`, or -1. */
export function findQuotedSentence(doc: Doc, line: number, quote: string): number {
  const want = words(quote).slice(0, 6).join(' ');
  if (!want) return -1;
  const blockLine = (blockId: number) => doc.layers.blocks[blockId]?.line;
  let fallback = -1;
  for (const s of doc.layers.sentences) {
    const text = words(doc.text.slice(s.start, s.end)).join(' ');
    if (!text.includes(want)) continue;
    if (blockLine(s.block) === line || doc.layers.blocks.length === 0) return s.id;
    if (fallback < 0) fallback = s.id;
  }
  return fallback;
}

/**
 * Score `eventDate` on the sentences of dated gold events. `docs` are processed Docs (at least
 * through the `times` stage) by id; gold events of missing docs or unlocated sentences count as
 * wrong. `published` is the fallback publication date passed to `eventDate`.
 */
export function scoreGoldDates(
  gold: Map<string, GoldDoc>,
  docs: Map<string, Doc>,
  options: { set?: string; published?: string } = {},
): GoldDateScore {
  const counts = { dated: 0, located: 0, correct: 0 };
  const misses: GoldDateMiss[] = [];
  for (const [id, g] of gold) {
    const doc = docs.get(id);
    for (const e of g.events) {
      if (!e.date) continue;
      counts.dated++;
      const si = doc ? findQuotedSentence(doc, e.line, e.quote) : -1;
      if (si >= 0) counts.located++;
      const d = doc && si >= 0 ? eventDate(doc, si, { published: options.published }) : { date: null, basis: 'unknown' };
      if (d.date === e.date) counts.correct++;
      else misses.push({ docId: id, line: e.line, quote: e.quote, gold: e.date, predicted: d.date, basis: d.basis });
    }
  }
  return {
    kind: 'gold-dates',
    set: options.set ?? 'dates',
    figures: { dateAccuracy: ratio(counts.correct, counts.dated), located: ratio(counts.located, counts.dated) },
    counts,
    misses,
  };
}
