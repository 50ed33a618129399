/**
 * Event exports, one module per format, each a function from a stream of events to a stream of
 * text lines (so a caller can write them to stdout or an HTTP response as they come):
 * `csv` (RFC 4180), `gdelt` (GDELT 2.0 event table TSV), `plover` (PLOVER JSON records, one per
 * line), `jsonl` (the event record). Used by `parley events` and `GET /api/events?format=`; raw
 * events (one per report) or merged events (one per real-world event, `view: 'merged'`).
 */
import type { EventHit } from '../store/event-query.js';
import type { ActorInfo } from './actor-info.js';
import type { MergedHit } from '../store/merged-query.js';
import { csvLines, mergedCsvLines } from './csv.js';
import { gdeltLines } from './gdelt.js';
import { jsonlLines } from './jsonl.js';
import { ploverLines } from './plover.js';

export type ExportFormat = 'csv' | 'gdelt' | 'plover' | 'jsonl';

export const EXPORT_FORMATS: Record<ExportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  gdelt: { contentType: 'text/tab-separated-values; charset=utf-8', extension: 'tsv' },
  plover: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'plover.jsonl' },
  jsonl: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
};

export interface ExportOptions {
  /**
   * `merged` when the hits are merged events (`streamMergedEvents`): CSV adds the count and raw-id
   * columns. The other formats read each hit as it is (GDELT takes a merged event's counts, JSON
   * Lines writes its merged fields, PLOVER its representative's evidence and article).
   */
  view?: 'raw' | 'merged';
}

/** The lines of an export of `hits` in `format` (with `view: 'merged'`, `hits` are `MergedHit`s). */
export function exportLines(
  format: ExportFormat,
  hits: AsyncIterable<EventHit> | Iterable<EventHit>,
  info?: ActorInfo,
  opts: ExportOptions = {},
): AsyncGenerator<string> {
  switch (format) {
    case 'csv':
      return opts.view === 'merged' ? mergedCsvLines(hits as AsyncIterable<MergedHit> | Iterable<MergedHit>) : csvLines(hits);
    case 'gdelt':
      return gdeltLines(hits, info);
    case 'plover':
      return ploverLines(hits);
    case 'jsonl':
      return jsonlLines(hits);
  }
}

export { csvLines, csvField, csvValues, CSV_COLUMNS, mergedCsvLines, mergedCsvValues, MERGED_CSV_COLUMNS } from './csv.js';
export { gdeltLines, gdeltValues, gdeltEventId, GDELT_COLUMNS, GDELT_EMPTY_COLUMNS } from './gdelt.js';
export { ploverLines, ploverRecord } from './plover.js';
export type { PloverRecord } from './plover.js';
export { jsonlLines } from './jsonl.js';
export { streamEvents, streamMergedEvents } from './event-stream.js';
export type { EventStreamOptions, MergedStreamOptions } from './event-stream.js';
export { kbActorInfo, PLAIN_ACTOR_INFO } from './actor-info.js';
export type { ActorInfo, ActorKind } from './actor-info.js';
