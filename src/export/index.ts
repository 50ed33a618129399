/**
 * Event exports, one module per format, each a function from a stream of events to a stream of
 * text lines (so a caller can write them to stdout or an HTTP response as they come):
 * `csv` (RFC 4180), `gdelt` (GDELT 2.0 event table TSV), `plover` (PLOVER JSON records, one per
 * line), `jsonl` (the event record). Used by `parley events` and `GET /api/events?format=`.
 */
import type { EventHit } from '../store/event-query.js';
import type { ActorInfo } from './actor-info.js';
import { csvLines } from './csv.js';
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

/** The lines of an export of `hits` in `format`. */
export function exportLines(
  format: ExportFormat,
  hits: AsyncIterable<EventHit> | Iterable<EventHit>,
  info?: ActorInfo,
): AsyncGenerator<string> {
  switch (format) {
    case 'csv':
      return csvLines(hits);
    case 'gdelt':
      return gdeltLines(hits, info);
    case 'plover':
      return ploverLines(hits);
    case 'jsonl':
      return jsonlLines(hits);
  }
}

export { csvLines, csvField, csvValues, CSV_COLUMNS } from './csv.js';
export { gdeltLines, gdeltValues, gdeltEventId, GDELT_COLUMNS, GDELT_EMPTY_COLUMNS } from './gdelt.js';
export { ploverLines, ploverRecord } from './plover.js';
export type { PloverRecord } from './plover.js';
export { jsonlLines } from './jsonl.js';
export { streamEvents } from './event-stream.js';
export type { EventStreamOptions } from './event-stream.js';
export { kbActorInfo, PLAIN_ACTOR_INFO } from './actor-info.js';
export type { ActorInfo, ActorKind } from './actor-info.js';
