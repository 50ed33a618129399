/**
 * Merged-event queries: merged events (one real-world event reported by many documents, see
 * `clusters.ts`) filtered, sorted and paged like raw events (`event-query.ts`), and what both
 * dialects share to answer them.
 *
 * - The filter is the raw events' `EventFilter` read on `merged_events` (aliased `e`, the same
 *   column names, the same date sort key `coalesce(date, '')`): source, target, dyad in either
 *   direction, root, code, quad, date range; `doc` and `q` (full text) select the merged events
 *   with at least one mention from a matching document (through `event_links`); `minArticles`
 *   keeps the events reported by at least that many articles.
 * - Sorts: `date`, `goldstein`, `code` as for raw events, and `articles` (most reported first:
 *   num_articles, num_mentions, date). Every sort ends with the id, so the order is total and a
 *   keyset cursor (`v: 'merged'`, so a raw events' cursor is refused) continues it exactly; the
 *   indexes of migration 0009 make each filtered page one ordered index range. Offset paging
 *   stays for `ClusterStore.listMergedEvents` callers that have no cursor.
 * - Each listed merged event is its head as an `Event` whose `docId` and `evidence` are those of
 *   its representative mention (the raw event its head fields came from), with GDELT's counts and
 *   the ids of every raw event it merges, oldest document first.
 */
import type { Event, Evidence } from '../doc.js';
import { ParleyError } from '../errors.js';
import { CLUSTER_COLUMNS, headFromRow } from './clusters.js';
import type { MergedEventsRow, MergedHead } from './clusters.js';
import { cursorOf, DATE_KEY, docRefOrEmpty, eventConditions, eventFromRow, EVENT_SELECT, keysetSql, readCursor } from './event-query.js';
import type {
  ActorRef,
  Binder,
  EventDocRef,
  EventFilter,
  EventHit,
  EventRow,
  EventSort,
  FullText,
  SortKey,
  SortOrder,
} from './event-query.js';

/** Which merged events a query returns: the raw events' filter, plus `minArticles`. */
export interface MergedEventFilter extends EventFilter {
  /** Only events reported by at least this many articles. */
  minArticles?: number;
}

export type MergedSort = EventSort | 'articles';
export const MERGED_SORTS = ['date', 'goldstein', 'code', 'articles'] as const satisfies readonly MergedSort[];

export interface MergedPageRequest {
  /** Default `date` (`ClusterStore.listMergedEvents`: `articles`). */
  sort?: MergedSort;
  /** Default `desc`. */
  order?: SortOrder;
  limit?: number;
  /** The `next` of the previous page (same filter, sort and order). */
  cursor?: string;
}

/**
 * The query of `ClusterStore.listMergedEvents`: a filter and a page in one object. `source`,
 * `target` and `root` may also be one code (a list of one); `offset` skips rows when there is no
 * cursor.
 */
export interface MergedEventQuery extends Omit<MergedEventFilter, 'source' | 'target' | 'root'>, MergedPageRequest {
  source?: string | ActorRef[];
  target?: string | ActorRef[];
  root?: string | string[];
  offset?: number;
}

/** A merged event as listed: its head as an event record (the representative's document and evidence), its counts and raw event ids. */
export interface MergedEventRecord extends Event {
  /** Evidence entries of all its raw events (GDELT's NumMentions). */
  numMentions: number;
  /** Distinct outlets (NumSources). */
  numSources: number;
  /** Distinct documents (NumArticles). */
  numArticles: number;
  /** The raw event the head fields, `docId` and `evidence` come from. */
  representative: string;
  /** Every raw event it merges, oldest document first. */
  eventIds: string[];
}

export interface MergedHit {
  event: MergedEventRecord;
  /** The representative's document. */
  document: EventDocRef;
}

export interface MergedEventPage {
  hits: MergedHit[];
  /** Cursor of the next page, or null on the last page. */
  next: string | null;
}

/** Whether an event hit is a merged event's (its record has the merged fields). */
export function isMergedHit(hit: EventHit): hit is MergedHit {
  const e = hit.event as Partial<MergedEventRecord>;
  return typeof e.numArticles === 'number' && Array.isArray(e.eventIds);
}

/** One merged event with every raw mention (its evidence and document), oldest document first. */
export interface MergedEventDetail extends MergedHit {
  mentions: EventHit[];
}

/** The keys each sort orders by (then by `e.id`). */
export const MERGED_SORT_KEYS: Record<MergedSort, SortKey[]> = {
  date: [{ sql: DATE_KEY, type: 'text' }],
  goldstein: [{ sql: 'e.goldstein', type: 'float' }],
  code: [{ sql: 'e.cameo_code', type: 'text' }],
  articles: [
    { sql: 'e.num_articles', type: 'int' },
    { sql: 'e.num_mentions', type: 'int' },
    { sql: DATE_KEY, type: 'text' },
  ],
};

/** The merged_events columns, in `MergedEventsRow` order. */
export const MERGED_COLUMNS = CLUSTER_COLUMNS.merged_events;
export const MERGED_SELECT = MERGED_COLUMNS.map((c) => `e.${c}`).join(', ');

function sortValues(sort: MergedSort, h: MergedHead): (string | number)[] {
  switch (sort) {
    case 'date':
      return [h.date ?? ''];
    case 'goldstein':
      return [h.goldstein];
    case 'code':
      return [h.cameo.code];
    case 'articles':
      return [h.numArticles, h.numMentions, h.date ?? ''];
  }
}

/** An opaque cursor after merged event `h`. */
export function encodeMergedCursor(sort: MergedSort, order: SortOrder, h: MergedHead): string {
  return cursorOf({ s: sort, o: order, k: sortValues(sort, h), i: h.id, v: 'merged' });
}

/** Read a cursor made by {@link encodeMergedCursor}; throws `PARLEY_API_BAD_CURSOR`. */
export function decodeMergedCursor(cursor: string, sort: MergedSort, order: SortOrder): { keys: (string | number)[]; id: string } {
  const d = readCursor(cursor, 'merged', sort, order);
  const types = MERGED_SORT_KEYS[sort].map((k) => (k.type === 'text' ? 'string' : 'number'));
  if (!Array.isArray(d.k) || d.k.length !== types.length || d.k.some((v, i) => typeof v !== types[i])) {
    throw new ParleyError('PARLEY_API_BAD_CURSOR', { why: 'its sort key has the wrong type' });
  }
  return { keys: d.k, id: d.i };
}

/** The WHERE conditions of a merged-event filter (`doc` and `q` through the mentions' documents). */
export function mergedConditions(f: MergedEventFilter, b: Binder, fullText: FullText): string[] {
  const where = eventConditions({ ...f, doc: undefined, q: undefined }, b, fullText);
  if (f.minArticles !== undefined) where.push(`e.num_articles >= ${b.one(f.minArticles, 'int')}`);
  if (f.doc !== undefined) where.push(`e.id IN (SELECT l.merged_id FROM event_links l WHERE l.doc_id = ${b.one(f.doc, 'text')})`);
  if (f.q !== undefined) {
    const match = fullText(f.q, b, 'l.doc_id');
    where.push(match === undefined ? 'FALSE' : `e.id IN (SELECT l.merged_id FROM event_links l WHERE ${match})`);
  }
  return where;
}

export interface MergedPageSql {
  sql: string;
  params: unknown[];
  sort: MergedSort;
  order: SortOrder;
  limit: number;
}

/** The SELECT of one page of merged events (one row more than `limit`). Throws `PARLEY_API_BAD_CURSOR`. */
export function mergedPageSql(
  filter: MergedEventFilter,
  page: MergedPageRequest & { offset?: number },
  limit: number,
  b: Binder,
  fullText: FullText,
  defaultSort: MergedSort = 'date',
): MergedPageSql {
  const sort = page.sort ?? defaultSort;
  const order = page.order ?? 'desc';
  const cursor = page.cursor === undefined ? undefined : decodeMergedCursor(page.cursor, sort, order);
  const sql = keysetSql(
    filter,
    {
      table: 'merged_events',
      columns: MERGED_COLUMNS,
      keys: MERGED_SORT_KEYS[sort],
      order,
      limit,
      after: cursor,
      offset: page.offset,
      conditions: (f) => mergedConditions(f, b, fullText),
    },
    b,
  );
  return { sql, params: b.params, sort, order, limit };
}

/** A `MergedEventQuery` as a filter and a page request (one code becomes a list of one). */
export function splitMergedQuery(q: MergedEventQuery): { filter: MergedEventFilter; page: MergedPageRequest & { offset?: number } } {
  const { sort, order, limit, cursor, offset, source, target, root, ...rest } = q;
  const refs = (v: string | ActorRef[] | undefined) => (typeof v === 'string' ? [{ code: v }] : v);
  const filter: MergedEventFilter = { ...rest };
  if (source !== undefined) filter.source = refs(source);
  if (target !== undefined) filter.target = refs(target);
  if (root !== undefined) filter.root = typeof root === 'string' ? [root] : root;
  return { filter, page: { sort, order, limit, cursor, offset } };
}

/**
 * The links of merged events, oldest document first: `inList` is the dialect's condition on
 * `l.merged_id` for the page's ids (`IN (SELECT value FROM json_each(?))`, `= ANY($1::text[])`).
 */
export function linksSql(inList: string): string {
  return `SELECT l.merged_id, l.event_id, l.doc_id FROM event_links l
  LEFT JOIN documents d ON d.id = l.doc_id LEFT JOIN events ev ON ev.id = l.event_id
  WHERE l.merged_id ${inList} ORDER BY l.merged_id, d.seq, ev.seq, l.event_id`;
}

/** The raw events of one merged event with their columns, oldest document first; `param` is its id's placeholder. */
export function mentionsSql(param: string): string {
  return `SELECT ${EVENT_SELECT} FROM event_links l JOIN events e ON e.id = l.event_id JOIN documents d ON d.id = e.doc_id
  WHERE l.merged_id = ${param} ORDER BY d.seq, e.seq`;
}

export interface LinkRefRow {
  merged_id: string;
  event_id: string;
  doc_id: string;
}

/** Per merged event: its raw event ids and the mention that stands for it (id and document). */
export interface MergedLinks {
  eventIds: string[];
  /** The representative, or its first mention when the representative is no longer linked; null when it has none. */
  rep: { id: string; doc_id: string } | null;
}

/** Group link rows (in order) by merged event and find each one's representative. */
export function linksByMerged(rows: LinkRefRow[], heads: MergedHead[]): Map<string, MergedLinks> {
  const grouped = new Map<string, LinkRefRow[]>();
  for (const r of rows) {
    let list = grouped.get(r.merged_id);
    if (!list) grouped.set(r.merged_id, (list = []));
    list.push(r);
  }
  const out = new Map<string, MergedLinks>();
  for (const h of heads) {
    const list = grouped.get(h.id) ?? [];
    const rep = list.find((l) => l.event_id === h.representative) ?? list[0];
    out.set(h.id, { eventIds: list.map((l) => l.event_id), rep: rep ? { id: rep.event_id, doc_id: rep.doc_id } : null });
  }
  return out;
}

/** A merged event record from its head, its standing mention's document and evidence, and its raw event ids. */
export function mergedRecord(h: MergedHead, docId: string, evidence: Evidence[], eventIds: string[]): MergedEventRecord {
  return {
    id: h.id,
    docId,
    date: h.date,
    dateBasis: h.dateBasis,
    source: h.source,
    target: h.target,
    cameo: h.cameo,
    quad: h.quad,
    goldstein: h.goldstein,
    plover: h.plover,
    confidence: h.confidence,
    evidence,
    numMentions: h.numMentions,
    numSources: h.numSources,
    numArticles: h.numArticles,
    representative: h.representative,
    eventIds,
  };
}

/** The heads of a page's rows, without the extra row read to know whether another page follows. */
export function pageHeads(rows: MergedEventsRow[], limit: number): MergedHead[] {
  return rows.slice(0, limit).map(headFromRow);
}

/** The standing mentions of the heads, as (doc_id, id) pairs for the evidence reader. */
export function standingMentions(links: Map<string, MergedLinks>): { doc_id: string; id: string }[] {
  return [...links.values()].flatMap((l) => (l.rep ? [l.rep] : []));
}

/** A page from its heads, their links, the standing mentions' evidence and documents. */
export function mergedPageOf(
  heads: MergedHead[],
  more: boolean,
  sort: MergedSort,
  order: SortOrder,
  links: Map<string, MergedLinks>,
  evidence: Map<string, Evidence[]>,
  docs: Map<string, EventDocRef>,
): MergedEventPage {
  const hits = heads.map((h): MergedHit => {
    const l = links.get(h.id);
    const docId = l?.rep?.doc_id ?? '';
    return {
      event: mergedRecord(h, docId, (l?.rep && evidence.get(l.rep.id)) || [], l?.eventIds ?? []),
      document: docRefOrEmpty(docs, docId),
    };
  });
  const last = heads[heads.length - 1];
  return { hits, next: more && last ? encodeMergedCursor(sort, order, last) : null };
}

/** The detail of a merged event from its head row, its mentions' rows, their evidence and documents. */
export function mergedDetailOf(
  head: MergedEventsRow,
  rows: EventRow[],
  evidence: Map<string, Evidence[]>,
  docs: Map<string, EventDocRef>,
): MergedEventDetail {
  const h = headFromRow(head);
  const mentions = rows.map((r) => ({ event: eventFromRow(r, evidence.get(r.id) ?? []), document: docRefOrEmpty(docs, r.doc_id) }));
  const rep = mentions.find((m) => m.event.id === h.representative) ?? mentions[0];
  return {
    event: mergedRecord(h, rep?.event.docId ?? '', rep?.event.evidence ?? [], mentions.map((m) => m.event.id)),
    document: rep?.document ?? docRefOrEmpty(docs, ''),
    mentions,
  };
}
