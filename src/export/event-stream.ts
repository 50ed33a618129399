/**
 * Every event of a filter, read page by page through the store's keyset cursor, as an async
 * stream: exports pull one page at a time, so memory stays flat however many events match.
 */
import type { EventFilter, EventHit, EventSort, SortOrder } from '../store/event-query.js';
import { MAX_EVENT_PAGE } from '../store/event-query.js';
import type { Store } from '../store/store.js';

export interface EventStreamOptions {
  sort?: EventSort;
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

export async function* streamEvents(store: Store, filter: EventFilter, opts: EventStreamOptions = {}): AsyncGenerator<EventHit> {
  let left = opts.limit ?? Infinity;
  let cursor = opts.cursor;
  const pageSize = Math.min(opts.pageSize ?? MAX_EVENT_PAGE, MAX_EVENT_PAGE);
  while (left > 0) {
    const page = await store.queryEvents(filter, { sort: opts.sort, order: opts.order, cursor, limit: Math.min(pageSize, left) });
    for (const h of page.hits) yield h;
    left -= page.hits.length;
    if (page.next === null) return;
    cursor = page.next;
  }
  if (cursor !== undefined) opts.onTruncated?.(cursor);
}
