/**
 * Every event of a filter, read page by page through the store's keyset cursor, as an async
 * stream: exports pull one page at a time, so memory stays flat however many events match. Raw
 * events come from `queryEvents` ({@link streamEvents}), merged events (one per real-world event,
 * with GDELT's counts) from `queryMergedEvents` ({@link streamMergedEvents}); a merged hit is an
 * event hit too (its event record has the merged fields), so every export format takes either.
 */
import type { EventFilter, EventHit, EventSort, SortOrder } from '../store/event-query.js';
import { MAX_EVENT_PAGE } from '../store/event-query.js';
import type { MergedEventFilter, MergedHit, MergedSort } from '../store/merged-query.js';
import type { Store } from '../store/store.js';

export interface EventStreamOptions<S extends string = EventSort> {
  sort?: S;
  order?: SortOrder;
  /** Most events (default: all). */
  limit?: number;
  /** Start after this cursor. */
  cursor?: string;
  /** Events per store read (default and cap {@link MAX_EVENT_PAGE}). */
  pageSize?: number;
  /** Called with the cursor after the last event streamed when `limit` stopped the stream early. */
  onTruncated?: (next: string) => void;
}

export type MergedStreamOptions = EventStreamOptions<MergedSort>;

type PageReader<H> = (page: { cursor: string | undefined; limit: number }) => Promise<{ hits: H[]; next: string | null }>;

/** The hits of every page `read` gives, following its cursors. */
async function* streamPages<H>(read: PageReader<H>, opts: EventStreamOptions<string>): AsyncGenerator<H> {
  let left = opts.limit ?? Infinity;
  let cursor = opts.cursor;
  const pageSize = Math.min(opts.pageSize ?? MAX_EVENT_PAGE, MAX_EVENT_PAGE);
  while (left > 0) {
    const page = await read({ cursor, limit: Math.min(pageSize, left) });
    for (const h of page.hits) yield h;
    left -= page.hits.length;
    if (page.next === null) return;
    cursor = page.next;
  }
  if (cursor !== undefined) opts.onTruncated?.(cursor);
}

/** Every raw event of `filter` (one per report). */
export function streamEvents(store: Pick<Store, 'queryEvents'>, filter: EventFilter, opts: EventStreamOptions = {}): AsyncGenerator<EventHit> {
  return streamPages((p) => store.queryEvents(filter, { sort: opts.sort, order: opts.order, ...p }), opts);
}

/**
 * Every merged event of `filter` (one per real-world event; empty until `parley resolve` or the
 * workers have resolved the store), with its counts, raw event ids and representative's evidence
 * and document. For `parley events --merged`: pass the hits to `exportLines(format, hits, info,
 * { view: 'merged' })`.
 */
export function streamMergedEvents(
  store: Pick<Store, 'queryMergedEvents'>,
  filter: MergedEventFilter,
  opts: MergedStreamOptions = {},
): AsyncGenerator<MergedHit> {
  return streamPages((p) => store.queryMergedEvents(filter, { sort: opts.sort, order: opts.order, ...p }), opts);
}
