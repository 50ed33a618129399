/**
 * Event queries: the filter, page, series and network types the `Store` answers (`queryEvents`,
 * `getEvent`, `dyadSeries`, `network`, `searchActors`), and what both dialects share to answer
 * them: the keyset cursor, the dialect-neutral WHERE clause (every value a bound parameter), and
 * turning rows into events, series points and networks. The dialect-specific SQL (full-text
 * search, week buckets, list parameters) lives in `sqlite/event-queries.ts` and
 * `postgres/event-queries.ts`.
 *
 * Dates: the sort key of an event's date is `coalesce(date, '')`, so undated events sort before
 * every date (last in the default newest-first order) and keyset paging works the same on both
 * dialects; the indexes of migration 0008 are built on that expression. A date range never
 * matches an undated event.
 */
import type { DateBasis, Event, Evidence, Mention } from '../doc.js';
import { ParleyError } from '../errors.js';
import type { MergedEventDetail, MergedEventFilter, MergedEventPage, MergedPageRequest } from './merged-query.js';
import type { EventsTable, EvidenceTable } from './tables.js';

/** An actor named in a query: a code (country ISO3, IGO, group: `CHN`, `NATO`) or a person's name. */
export type ActorRef = { code: string } | { person: string };

/** Which events a query returns. Every field narrows the result (AND); list values are ORed. */
export interface EventFilter {
  source?: ActorRef[];
  target?: ActorRef[];
  /** Events between the two actors, in either direction. */
  dyad?: [ActorRef, ActorRef];
  /** Two-digit CAMEO roots. */
  root?: string[];
  /** Exact CAMEO codes (callers expand a code to its sub-codes; see `expandCameoCodes`). */
  code?: string[];
  /** GDELT QuadClass, 1–4. */
  quad?: number[];
  /** First day, inclusive (YYYY-MM-DD). */
  from?: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to?: string;
  /** Full-text query over the event's document (title and clean text), read like a web search. */
  q?: string;
  /** Only the events of this document. */
  doc?: string;
}

export type EventSort = 'date' | 'goldstein' | 'code';
export type SortOrder = 'asc' | 'desc';

export interface EventPageRequest {
  /** Default `date`. */
  sort?: EventSort;
  /** Default `desc`. */
  order?: SortOrder;
  /** Events per page; default {@link DEFAULT_EVENT_PAGE}, at most {@link MAX_EVENT_PAGE}. */
  limit?: number;
  /** The `next` of the previous page (same filter, sort and order). */
  cursor?: string;
}

/** The document an event was coded from, as listed beside events. */
export interface EventDocRef {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  source: string | null;
  ingestedAt: string;
  /** The first kept paragraph that is not a heading (the lead), or null when there is none. */
  lead: { start: number; end: number } | null;
}

export interface EventHit {
  event: Event;
  document: EventDocRef;
}

export interface EventPage {
  hits: EventHit[];
  /** Cursor of the next page, or null on the last page. */
  next: string | null;
}

/** One event with its document and the actor mentions its evidence names. */
export interface EventDetail extends EventHit {
  /** Mentions of the document whose spans lie inside the event's evidence sentences. */
  mentions: Mention[];
  /** The merged event (cross-document resolution) the event belongs to; absent while unresolved. */
  mergedId?: string;
}

export type SeriesInterval = 'day' | 'week' | 'month';

/** Events of one direction of a dyad in one period. */
export interface DyadCell {
  count: number;
  /** Counts per GDELT QuadClass: [verbal cooperation, material cooperation, verbal conflict, material conflict]. */
  quad: [number, number, number, number];
  goldsteinSum: number;
  /** null when `count` is 0. */
  goldsteinMean: number | null;
}

export interface DyadPoint {
  /** First day of the period (YYYY-MM-DD; weeks start on Monday). */
  period: string;
  /** Last day of the period. */
  end: string;
  /** a → b */
  ab: DyadCell;
  /** b → a */
  ba: DyadCell;
}

export interface DyadSeriesOptions {
  interval: SeriesInterval;
  from?: string;
  to?: string;
}

export interface DyadSeries {
  a: ActorRef;
  b: ActorRef;
  interval: SeriesInterval;
  /** Every period from the first with events to the last, empty ones included (when at most {@link MAX_SERIES_POINTS}). */
  points: DyadPoint[];
}

export interface NetworkOptions {
  from?: string;
  to?: string;
  /** Least events an edge needs to be listed (default 1). */
  min?: number;
  root?: string[];
  /** Most edges returned, the busiest first (default and cap {@link MAX_NETWORK_EDGES}). */
  maxEdges?: number;
}

export interface NetworkNode {
  /** Actor code. */
  id: string;
  /** Events with the actor as source or target, in the date range and roots asked for. */
  events: number;
  /** As source. */
  out: number;
  /** As target. */
  in: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  events: number;
  goldsteinSum: number;
  goldsteinMean: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Edges left out by `maxEdges` (not by `min`). */
  truncated: number;
}

export interface ActorSearchOptions {
  limit?: number;
  /** Actors found elsewhere (e.g. in the knowledge base) whose event counts are wanted too. */
  include?: ActorRef[];
}

/** An actor seen in the events of the store. */
export interface ActorHit {
  kind: 'code' | 'person';
  /** The code, or the person's name. */
  id: string;
  /** Events with the actor as source or target. */
  events: number;
}

/** The event queries every store answers (both dialects, the same suite). */
export interface EventQueries {
  /**
   * One page of events matching `filter`, in the page's order, with their documents. Throws
   * `PARLEY_API_BAD_CURSOR` for a cursor of another sort/order or a malformed one, and
   * `PARLEY_STORE_READ` when the database fails.
   */
  queryEvents(filter: EventFilter, page?: EventPageRequest): Promise<EventPage>;
  /** One event with all its evidence, its document and the mentions in its evidence; undefined when unknown. */
  getEvent(id: string): Promise<EventDetail | undefined>;
  /** Per period and per direction: counts per quad class and the Goldstein sum and mean (dated events only). */
  dyadSeries(a: ActorRef, b: ActorRef, opts: DyadSeriesOptions): Promise<DyadSeries>;
  /** Actors (codes) as nodes and directed, weighted edges with their mean Goldstein. */
  network(opts?: NetworkOptions): Promise<Network>;
  /**
   * Codes that start with `q` (any case) and persons whose name contains it, among the actors of
   * the stored events, plus `include`, each with its event count; busiest first.
   */
  searchActors(q: string, opts?: ActorSearchOptions): Promise<ActorHit[]>;
  /**
   * One page of merged events (one per real-world event, see `clusters.ts`) matching `filter`, with
   * the same filters, sorts and keyset cursors as `queryEvents` (plus `minArticles` and the sort
   * `articles`); each with its counts, its raw event ids and its representative's evidence and
   * document (see `merged-query.ts`). Throws `PARLEY_API_BAD_CURSOR` and `PARLEY_STORE_READ`.
   */
  queryMergedEvents(filter: MergedEventFilter, page?: MergedPageRequest): Promise<MergedEventPage>;
  /** One merged event with every raw mention, its evidence and its document; undefined when unknown. */
  getMergedEventDetail(id: string): Promise<MergedEventDetail | undefined>;
}

export const DEFAULT_EVENT_PAGE = 50;
export const MAX_EVENT_PAGE = 1000;
export const MAX_NETWORK_EDGES = 2000;
export const MAX_SERIES_POINTS = 10_000;
export const DEFAULT_ACTOR_HITS = 20;
export const MAX_ACTOR_HITS = 100;

/** The SQL sort key of an event's date (see the module comment); the 0008 indexes use it verbatim. */
export const DATE_KEY = "coalesce(e.date, '')";

/** The SQL expression each sort orders by (then by `e.id`). */
export const SORT_KEY: Record<EventSort, string> = {
  date: DATE_KEY,
  goldstein: 'e.goldstein',
  code: 'e.cameo_code',
};

// ---------------------------------------------------------------------------------------------
// Cursors

/** What a cursor holds (JSON, base64url). */
export interface CursorData {
  /** Sort and order of the list it continues. */
  s: string;
  o: SortOrder;
  /** The sort key (or keys) of the last row of the page. */
  k: string | number | (string | number)[];
  /** Its id. */
  i: string;
  /** `merged` for a list of merged events; absent for raw events. */
  v?: 'merged';
}

/** An opaque cursor holding `data`. */
export function cursorOf(data: CursorData): string {
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');
}

/** An opaque cursor after `hit` for the given sort and order. */
export function encodeCursor(sort: EventSort, order: SortOrder, event: Event): string {
  const k = sort === 'date' ? (event.date ?? '') : sort === 'goldstein' ? event.goldstein : event.cameo.code;
  return cursorOf({ s: sort, o: order, k, i: event.id });
}

/**
 * The data of a cursor made by {@link cursorOf} for a list of `view` events sorted by `sort` and
 * `order`; throws `PARLEY_API_BAD_CURSOR` (the caller checks the key's form).
 */
export function readCursor(cursor: string, view: 'raw' | 'merged', sort: string, order: SortOrder): CursorData {
  let data: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ParleyError('PARLEY_API_BAD_CURSOR', { why: 'it is not a cursor this server made' });
  }
  const d = data as Partial<CursorData>;
  if (typeof d !== 'object' || d === null || typeof d.i !== 'string' || d.k === undefined) {
    throw new ParleyError('PARLEY_API_BAD_CURSOR', { why: 'it is not a cursor this server made' });
  }
  const made = d.v === 'merged' ? 'merged' : 'raw';
  if (made !== view) throw new ParleyError('PARLEY_API_BAD_CURSOR', { why: `it continues a list of ${made} events, not of ${view} ones` });
  if (d.s !== sort || d.o !== order) {
    throw new ParleyError('PARLEY_API_BAD_CURSOR', { why: `it continues a query sorted by ${d.s} ${d.o}, not ${sort} ${order}` });
  }
  return d as CursorData;
}

/** Read a cursor made by {@link encodeCursor}; throws `PARLEY_API_BAD_CURSOR`. */
export function decodeCursor(cursor: string, sort: EventSort, order: SortOrder): { key: string | number; id: string } {
  const d = readCursor(cursor, 'raw', sort, order);
  if (typeof d.k !== 'string' && typeof d.k !== 'number') {
    throw new ParleyError('PARLEY_API_BAD_CURSOR', { why: 'it is not a cursor this server made' });
  }
  if ((sort === 'goldstein') !== (typeof d.k === 'number')) {
    throw new ParleyError('PARLEY_API_BAD_CURSOR', { why: 'its sort key has the wrong type' });
  }
  return { key: d.k, id: d.i };
}

// ---------------------------------------------------------------------------------------------
// SQL pieces shared by both dialects

/** Bound parameters of one statement: `one` binds a value, `list` a list of values (dialect syntax). */
export interface Binder {
  /** A placeholder for one value; `type` lets a dialect that needs it cast the parameter. */
  one(value: unknown, type?: 'text' | 'int' | 'float'): string;
  /** SQL that is true when `expr` is one of `values` (`values` has at least one element). */
  inList(expr: string, values: readonly (string | number)[], type: 'text' | 'int'): string;
  readonly params: unknown[];
}

function isCode(r: ActorRef): r is { code: string } {
  return 'code' in r;
}

/** SQL true when the `side` actor of event `e` is one of `refs`. */
export function actorMatch(side: 'source' | 'target', refs: readonly ActorRef[], b: Binder): string {
  const codes = refs.filter(isCode).map((r) => r.code);
  const persons = refs.filter((r): r is { person: string } => !isCode(r)).map((r) => r.person);
  const parts: string[] = [];
  if (codes.length > 0) parts.push(b.inList(`e.${side}_code`, codes, 'text'));
  if (persons.length > 0) parts.push(b.inList(`e.${side}_person`, persons, 'text'));
  if (parts.length === 0) return 'FALSE';
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

/** SQL true for events between `x` and `y` in either direction. */
export function dyadMatch(x: ActorRef, y: ActorRef, b: Binder): string {
  const one = (s: ActorRef, t: ActorRef) => `(${actorMatch('source', [s], b)} AND ${actorMatch('target', [t], b)})`;
  return `(${one(x, y)} OR ${one(y, x)})`;
}

/** The date-range condition on the sort key; undated events never match a range. */
export function dateRange(from: string | undefined, to: string | undefined, b: Binder): string | undefined {
  if (from === undefined && to === undefined) return undefined;
  return `${DATE_KEY} >= ${b.one(from ?? '0', 'text')} AND ${DATE_KEY} <= ${b.one(to ?? '9999-99-99', 'text')}`;
}

/**
 * A dialect's full-text condition: the document whose id is the SQL expression `docId` matches the
 * query `q`; undefined when the query has no searchable word (then nothing matches).
 */
export type FullText = (q: string, b: Binder, docId: string) => string | undefined;

/**
 * The WHERE conditions of a filter. `fullText` gives the dialect's condition for `q` over the
 * event's document, or undefined when the query has no searchable word (then nothing matches).
 */
export function eventConditions(f: EventFilter, b: Binder, fullText: FullText): string[] {
  const where: string[] = [];
  if (f.source && f.source.length > 0) where.push(actorMatch('source', f.source, b));
  if (f.target && f.target.length > 0) where.push(actorMatch('target', f.target, b));
  if (f.dyad) where.push(dyadMatch(f.dyad[0], f.dyad[1], b));
  if (f.root && f.root.length > 0) where.push(b.inList('e.cameo_root', f.root, 'text'));
  if (f.code && f.code.length > 0) where.push(b.inList('e.cameo_code', f.code, 'text'));
  if (f.quad && f.quad.length > 0) where.push(b.inList('e.quad', f.quad, 'int'));
  const range = dateRange(f.from, f.to, b);
  if (range) where.push(range);
  if (f.doc !== undefined) where.push(`e.doc_id = ${b.one(f.doc, 'text')}`);
  if (f.q !== undefined) where.push(fullText(f.q, b, 'e.doc_id') ?? 'FALSE');
  return where;
}

/** The event columns selected by the queries, in `EventsTable` order. */
export const EVENT_COLUMNS = [
  'id', 'doc_id', 'seq', 'date', 'date_basis', 'source_code', 'source_name', 'source_sector', 'source_person',
  'target_code', 'target_name', 'target_sector', 'target_person', 'cameo_code', 'cameo_root', 'cameo_label',
  'quad', 'goldstein', 'plover_event', 'plover_mode', 'confidence',
] as const satisfies readonly (keyof EventsTable)[];

/** `e.id, e.doc_id, …` */
export const EVENT_SELECT = EVENT_COLUMNS.map((c) => `e.${c}`).join(', ');

export interface PageSql {
  sql: string;
  params: unknown[];
  sort: EventSort;
  order: SortOrder;
  limit: number;
}

/** The page size asked for, within [1, MAX_EVENT_PAGE]. */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_EVENT_PAGE;
  return Math.min(MAX_EVENT_PAGE, Math.max(1, Math.floor(limit)));
}

/** One sort key of a keyset page: its SQL expression (on the table aliased `e`) and its parameter type. */
export interface SortKey {
  sql: string;
  type: 'text' | 'int' | 'float';
}

/** What a keyset page reads: a table aliased `e`, ordered by `keys` then `e.id`, filtered by `conditions`. */
export interface KeysetSpec<F> {
  table: string;
  /** Columns of `e` selected, in row order. */
  columns: readonly string[];
  keys: readonly SortKey[];
  order: SortOrder;
  /** Rows per page; one more is read to know whether another page follows. */
  limit: number;
  /** The cursor: the sort key values and the id of the last row of the previous page. */
  after?: { keys: readonly (string | number)[]; id: string };
  /** Rows skipped before the page (offset paging, for callers that have no cursor). */
  offset?: number;
  /** The WHERE conditions of a filter (binding its values as they are written). */
  conditions(f: F): string[];
}

/**
 * The SELECT of one page (one row more than the page, to know whether another follows), ordered by
 * the keys and the id, after the cursor. A dyad is read as two ordered ranges, one per direction,
 * each cut at the page size and merged (`UNION ALL` under one ORDER BY): an OR of the two
 * directions would make the database collect and sort every row of the pair.
 */
export function keysetSql<F extends { dyad?: [ActorRef, ActorRef] }>(filter: F, spec: KeysetSpec<F>, b: Binder): string {
  const dir = spec.order === 'desc' ? 'DESC' : 'ASC';
  const keys = spec.keys.map((k) => k.sql);
  const orderBy = (cols: string[]) => cols.map((c) => `${c} ${dir}`).join(', ');
  const skip = spec.offset !== undefined && spec.offset > 0 && !spec.after ? spec.offset : 0;
  /** One ordered, limited SELECT; `extra` narrows it further (a dyad direction). */
  const select = (f: F, extra: string | undefined, branch: boolean): string => {
    const where = spec.conditions(f);
    if (extra) where.push(extra);
    const after = spec.after;
    if (after) {
      const values = [...after.keys.map((v, i) => b.one(v, spec.keys[i].type)), b.one(after.id, 'text')];
      where.push(`(${[...keys, 'e.id'].join(', ')}) ${spec.order === 'desc' ? '<' : '>'} (${values.join(', ')})`);
    }
    const cols = spec.columns.map((c) => `e.${c}`).join(', ');
    return (
      `SELECT ${cols}${branch ? keys.map((k, i) => `, ${k} AS k${i}`).join('') : ''} FROM ${spec.table} e` +
      (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
      ` ORDER BY ${orderBy([...keys, 'e.id'])} LIMIT ${b.one(spec.limit + 1 + (branch ? skip : 0), 'int')}` +
      (!branch && skip > 0 ? ` OFFSET ${b.one(skip, 'int')}` : '')
    );
  };
  if (!filter.dyad) return select(filter, undefined, false);
  const [x, y] = filter.dyad;
  const rest = { ...filter, dyad: undefined };
  const one = (s: ActorRef, t: ActorRef) => `${actorMatch('source', [s], b)} AND ${actorMatch('target', [t], b)}`;
  const same = JSON.stringify(x) === JSON.stringify(y);
  const branches = same ? [select(rest, one(x, y), true)] : [select(rest, one(x, y), true), select(rest, one(y, x), true)];
  const cols = [...spec.columns, ...keys.map((_, i) => `k${i}`)].join(', ');
  return (
    `SELECT ${cols} FROM (${branches.map((q, i) => `SELECT ${cols} FROM (${q}) AS b${i}`).join(' UNION ALL ')}) AS u` +
    ` ORDER BY ${orderBy([...keys.map((_, i) => `k${i}`), 'id'])} LIMIT ${b.one(spec.limit + 1, 'int')}` +
    (skip > 0 ? ` OFFSET ${b.one(skip, 'int')}` : '')
  );
}

/** The SELECT of one page of raw events (see {@link keysetSql}). Throws `PARLEY_API_BAD_CURSOR`. */
export function pageSql(
  filter: EventFilter,
  page: EventPageRequest,
  b: Binder,
  fullText: FullText,
): PageSql {
  const sort = page.sort ?? 'date';
  const order = page.order ?? 'desc';
  const limit = pageLimit(page.limit);
  const cursor = page.cursor === undefined ? undefined : decodeCursor(page.cursor, sort, order);
  const sql = keysetSql(
    filter,
    {
      table: 'events',
      columns: EVENT_COLUMNS,
      keys: [{ sql: SORT_KEY[sort], type: sort === 'goldstein' ? 'float' : 'text' }],
      order,
      limit,
      after: cursor && { keys: [cursor.key], id: cursor.id },
      conditions: (f) => eventConditions(f, b, fullText),
    },
    b,
  );
  return { sql, params: b.params, sort, order, limit };
}

// ---------------------------------------------------------------------------------------------
// Rows → values

export type EventRow = Pick<EventsTable, (typeof EVENT_COLUMNS)[number]>;
export type EvidenceRow = Omit<EvidenceTable, 'doc_seq' | 'doc_id'>;

export function evidenceFromRow(v: EvidenceRow): Evidence {
  const ev: Evidence = {
    sentence: v.sentence,
    start: Number(v.start),
    end: Number(v.end),
    trigger: { start: Number(v.trigger_start), end: Number(v.trigger_end) },
  };
  if (v.source_start !== null && v.source_end !== null) ev.source = { start: Number(v.source_start), end: Number(v.source_end) };
  if (v.target_start !== null && v.target_end !== null) ev.target = { start: Number(v.target_start), end: Number(v.target_end) };
  return ev;
}

/** An event from its row and its evidence rows (in order). */
export function eventFromRow(e: EventRow, evidence: Evidence[]): Event {
  return {
    id: e.id,
    docId: e.doc_id,
    date: e.date,
    dateBasis: e.date_basis as DateBasis,
    source: { code: e.source_code, name: e.source_name, sector: e.source_sector, person: e.source_person },
    target: { code: e.target_code, name: e.target_name, sector: e.target_sector, person: e.target_person },
    cameo: { code: e.cameo_code, root: e.cameo_root, label: e.cameo_label },
    quad: Number(e.quad),
    goldstein: Number(e.goldstein),
    plover: { event: e.plover_event, mode: e.plover_mode },
    confidence: Number(e.confidence),
    evidence,
  };
}

export interface DocRefRow {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  source: string | null;
  ingested_at: string;
  lead_start: number | null;
  lead_end: number | null;
}

export function docRefFromRow(d: DocRefRow): EventDocRef {
  return {
    id: d.id,
    title: d.title,
    url: d.url,
    published: d.published,
    source: d.source,
    ingestedAt: d.ingested_at,
    lead: d.lead_start === null || d.lead_end === null ? null : { start: Number(d.lead_start), end: Number(d.lead_end) },
  };
}

/** The document `id` from `docs`, or a reference with only its id when it is not there. */
export function docRefOrEmpty(docs: Map<string, EventDocRef>, id: string): EventDocRef {
  return docs.get(id) ?? { id, title: null, url: null, published: null, source: null, ingestedAt: '', lead: null };
}

/** A page from its rows (one more than `limit` when another page follows), evidence and documents. */
export function pageOf(
  rows: EventRow[],
  limit: number,
  sort: EventSort,
  order: SortOrder,
  evidence: Map<string, Evidence[]>,
  docs: Map<string, EventDocRef>,
): EventPage {
  const more = rows.length > limit;
  const hits = rows.slice(0, limit).map((r) => ({
    event: eventFromRow(r, evidence.get(r.id) ?? []),
    document: docRefOrEmpty(docs, r.doc_id),
  }));
  const last = hits[hits.length - 1];
  return { hits, next: more && last ? encodeCursor(sort, order, last.event) : null };
}

/** Group evidence rows by event id, in row order. */
export function evidenceByEvent(rows: EvidenceRow[]): Map<string, Evidence[]> {
  const map = new Map<string, Evidence[]>();
  for (const v of rows) {
    let list = map.get(v.event_id);
    if (!list) map.set(v.event_id, (list = []));
    list.push(evidenceFromRow(v));
  }
  return map;
}

export interface MentionRow {
  id: number;
  start: number;
  end: number;
  text: string;
  actor: string;
  country: string | null;
  sector: string | null;
  role: string | null;
  person: string | null;
  sentence: number;
  resolved_by: string;
  antecedent: number | null;
}

/** The mention columns `mentionOf` reads, for a table aliased `m`. */
export const MENTION_SELECT = `m.id, m."start", m."end", m.text, m.actor, m.country, m.sector, m.role, m.person, m.sentence,
  m.resolved_by, m.antecedent`;

export function mentionOf(x: MentionRow): Mention {
  const m: Mention = {
    id: Number(x.id),
    start: Number(x.start),
    end: Number(x.end),
    text: x.text,
    actor: x.actor,
    country: x.country,
    sector: x.sector,
    role: x.role,
    person: x.person,
    sentence: Number(x.sentence),
    resolvedBy: x.resolved_by,
  };
  if (x.antecedent !== null) m.antecedent = Number(x.antecedent);
  return m;
}

/** Mentions whose span lies inside one of the evidence sentences. */
export function mentionsInEvidence(mentions: Mention[], evidence: Evidence[]): Mention[] {
  return mentions.filter((m) => evidence.some((v) => m.start >= v.start && m.end <= v.end));
}

// ---------------------------------------------------------------------------------------------
// Series

const DAY_MS = 86_400_000;

function parseDay(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
}

function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first day of the period holding `day`. */
export function periodStart(day: string, interval: SeriesInterval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const ms = parseDay(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return dayString(ms - weekday * DAY_MS);
}

/** The first day of the period after the one starting on `start`. */
export function nextPeriod(start: string, interval: SeriesInterval): string {
  if (interval === 'day') return dayString(parseDay(start) + DAY_MS);
  if (interval === 'week') return dayString(parseDay(start) + 7 * DAY_MS);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The last day of the period starting on `start`. */
export function periodEnd(start: string, interval: SeriesInterval): string {
  return dayString(parseDay(nextPeriod(start, interval)) - DAY_MS);
}

/** Events of one direction of a dyad on one day (the rows the dialects return, grouped by date). */
export interface DayRow {
  day: string;
  n: number;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  gsum: number;
}

function emptyCell(): DyadCell {
  return { count: 0, quad: [0, 0, 0, 0], goldsteinSum: 0, goldsteinMean: null };
}

/**
 * Series points from each direction's per-day rows: days are summed into periods, and every period
 * from the first with events to the last is listed (unless that makes more than MAX_SERIES_POINTS).
 */
export function seriesOfDays(ab: DayRow[], ba: DayRow[], interval: SeriesInterval, range: { from?: string; to?: string } = {}): DyadPoint[] {
  const byPeriod = new Map<string, DyadPoint>();
  const point = (period: string): DyadPoint => {
    let p = byPeriod.get(period);
    if (!p) byPeriod.set(period, (p = { period, end: periodEnd(period, interval), ab: emptyCell(), ba: emptyCell() }));
    return p;
  };
  for (const [rows, dir] of [
    [ab, 'ab'],
    [ba, 'ba'],
  ] as const) {
    for (const r of rows) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(r.day)) continue;
      const cell = point(periodStart(r.day, interval))[dir];
      cell.count += Number(r.n);
      cell.quad[0] += Number(r.q1);
      cell.quad[1] += Number(r.q2);
      cell.quad[2] += Number(r.q3);
      cell.quad[3] += Number(r.q4);
      cell.goldsteinSum += Number(r.gsum);
    }
  }
  for (const p of byPeriod.values()) {
    for (const c of [p.ab, p.ba]) {
      c.goldsteinSum = Math.round(c.goldsteinSum * 1000) / 1000;
      c.goldsteinMean = c.count > 0 ? Math.round((c.goldsteinSum / c.count) * 1000) / 1000 : null;
    }
  }
  const periods = [...byPeriod.keys()].sort();
  if (periods.length === 0) return [];
  // Every period from the range's start (or the first event) to its end (or the last event), so
  // a chart of the asked range shows the quiet periods at both ends too.
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const first = range.from && day.test(range.from) ? periodStart(range.from, interval) : periods[0];
  const last = range.to && day.test(range.to) ? periodStart(range.to, interval) : periods[periods.length - 1];
  const all: string[] = [];
  for (let p = first < periods[0] ? first : periods[0]; p <= (last > periods[periods.length - 1] ? last : periods[periods.length - 1]) && all.length <= MAX_SERIES_POINTS; p = nextPeriod(p, interval)) all.push(p);
  const list = all.length <= MAX_SERIES_POINTS ? all : periods;
  return list.map(point);
}

/**
 * The conditions of one direction of a dyad over dated events in a range: written on the pair
 * index's columns (source, target, date key), so the rows stream from it already grouped by day.
 */
export function directionConditions(s: ActorRef, t: ActorRef, from: string | undefined, to: string | undefined, b: Binder): string[] {
  return [
    actorMatch('source', [s], b),
    actorMatch('target', [t], b),
    `${DATE_KEY} >= ${b.one(from ?? '0', 'text')}`,
    `${DATE_KEY} <= ${b.one(to ?? '9999-99-99', 'text')}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// Network

export interface PairRow {
  s: string;
  t: string;
  n: number;
  gsum: number;
}

/** Nodes and edges from per-pair counts: edges with at least `min` events, the busiest `maxEdges`. */
export function networkOf(rows: PairRow[], min: number, maxEdges: number): Network {
  const nodes = new Map<string, NetworkNode>();
  const node = (id: string) => {
    let x = nodes.get(id);
    if (!x) nodes.set(id, (x = { id, events: 0, out: 0, in: 0 }));
    return x;
  };
  const edges: NetworkEdge[] = [];
  for (const r of rows) {
    const n = Number(r.n);
    const gsum = Number(r.gsum);
    const s = node(r.s);
    const t = node(r.t);
    s.out += n;
    t.in += n;
    s.events += n;
    if (r.t !== r.s) t.events += n;
    if (n >= min) {
      edges.push({
        source: r.s,
        target: r.t,
        events: n,
        goldsteinSum: Math.round(gsum * 1000) / 1000,
        goldsteinMean: Math.round((gsum / n) * 1000) / 1000,
      });
    }
  }
  edges.sort((a, b) => b.events - a.events || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  const kept = edges.slice(0, maxEdges);
  const used = new Set(kept.flatMap((e) => [e.source, e.target]));
  return {
    nodes: [...nodes.values()].filter((x) => used.has(x.id)).sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)),
    edges: kept,
    truncated: edges.length - kept.length,
  };
}

/** Clamp the network options. */
export function networkLimits(opts: NetworkOptions): { min: number; maxEdges: number } {
  const min = opts.min !== undefined && Number.isFinite(opts.min) ? Math.max(1, Math.floor(opts.min)) : 1;
  const maxEdges =
    opts.maxEdges !== undefined && Number.isFinite(opts.maxEdges)
      ? Math.min(MAX_NETWORK_EDGES, Math.max(1, Math.floor(opts.maxEdges)))
      : MAX_NETWORK_EDGES;
  return { min, maxEdges };
}

// ---------------------------------------------------------------------------------------------
// Actor search

/** Which of the distinct codes and persons seen in the data match `q`. */
export function matchActors(q: string, codes: string[], persons: string[], include: ActorRef[]): ActorRef[] {
  const needle = q.trim();
  const upper = needle.toUpperCase();
  const lower = needle.toLowerCase();
  const out = new Map<string, ActorRef>();
  for (const r of include) out.set(isCode(r) ? `c:${r.code}` : `p:${r.person}`, r);
  if (needle !== '') {
    for (const c of codes) if (c.toUpperCase().startsWith(upper)) out.set(`c:${c}`, { code: c });
    for (const p of persons) if (p.toLowerCase().includes(lower)) out.set(`p:${p}`, { person: p });
  }
  return [...out.values()];
}

export function actorLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_ACTOR_HITS;
  return Math.min(MAX_ACTOR_HITS, Math.max(1, Math.floor(limit)));
}

/** Most candidate actors counted per search (each costs two index counts). */
export const MAX_ACTOR_CANDIDATES = 200;

/** Sort hits busiest first, then by id; drop actors without events unless asked for by `include`. */
export function rankActors(hits: ActorHit[], include: ActorRef[], limit: number): ActorHit[] {
  const wanted = new Set(include.map((r) => (isCode(r) ? `code:${r.code}` : `person:${r.person}`)));
  return hits
    .filter((h) => h.events > 0 || wanted.has(`${h.kind}:${h.id}`))
    .sort((a, b) => b.events - a.events || a.id.localeCompare(b.id))
    .slice(0, limit);
}

export { isCode as isCodeRef };
