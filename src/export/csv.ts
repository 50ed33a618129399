/**
 * CSV export of events (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, a quote, a line break or edge spaces, quotes doubled). One row per event with its first
 * evidence sentence and its document. Text cells that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'`.
 *
 * Merged events (`view: 'merged'`) have the same columns (the merged id, the representative's
 * document and evidence) and four more: GDELT's `num_mentions`, `num_sources`, `num_articles`,
 * and `event_ids`, the raw events merged (space-separated).
 */
import type { EventHit } from '../store/event-query.js';
import type { MergedHit } from '../store/merged-query.js';

/** Column names, in order. */
export const CSV_COLUMNS = [
  'id', 'doc_id', 'date', 'date_basis',
  'source_code', 'source_name', 'source_sector', 'source_person',
  'target_code', 'target_name', 'target_sector', 'target_person',
  'cameo_code', 'cameo_root', 'cameo_label', 'quad', 'goldstein', 'plover_event', 'plover_mode', 'confidence',
  'evidence', 'evidence_count', 'doc_title', 'doc_url', 'doc_published', 'doc_source',
] as const;

/** The columns of a merged-event export: the event columns and the merged counts and raw ids. */
export const MERGED_CSV_COLUMNS = [...CSV_COLUMNS, 'num_mentions', 'num_sources', 'num_articles', 'event_ids'] as const;

/** One CSV field. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The values of one event, in {@link CSV_COLUMNS} order. */
export function csvValues(hit: EventHit): (string | number | null)[] {
  const e = hit.event;
  const d = hit.document;
  return [
    e.id, e.docId, e.date, e.dateBasis,
    e.source.code, e.source.name, e.source.sector, e.source.person,
    e.target.code, e.target.name, e.target.sector, e.target.person,
    e.cameo.code, e.cameo.root, e.cameo.label, e.quad, e.goldstein, e.plover.event, e.plover.mode, e.confidence,
    e.evidence[0]?.sentence ?? null, e.evidence.length, d.title, d.url, d.published, d.source,
  ];
}

/** One line (with its CRLF) of the header or of an event. */
export function csvLine(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** The values of one merged event, in {@link MERGED_CSV_COLUMNS} order. */
export function mergedCsvValues(hit: MergedHit): (string | number | null)[] {
  const e = hit.event;
  return [...csvValues(hit), e.numMentions, e.numSources, e.numArticles, e.eventIds.join(' ')];
}

/** The header, then one line per event; pulls events only as lines are consumed. */
export async function* csvLines(hits: AsyncIterable<EventHit> | Iterable<EventHit>): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS);
  for await (const h of hits) yield csvLine(csvValues(h));
}

/** The header, then one line per merged event. */
export async function* mergedCsvLines(hits: AsyncIterable<MergedHit> | Iterable<MergedHit>): AsyncGenerator<string> {
  yield csvLine(MERGED_CSV_COLUMNS);
  for await (const h of hits) yield csvLine(mergedCsvValues(h));
}
