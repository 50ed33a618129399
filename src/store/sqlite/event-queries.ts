/**
 * Event queries on SQLite (see `../event-query.ts` for what they answer). Lists are bound as one
 * JSON parameter (`IN (SELECT value FROM json_each(?))`) so that the SQL text, and with it the
 * prepared statement, does not depend on how many values a filter has; the full-text condition
 * goes through FTS5; dyad series are read per day from the pair index and summed into periods in
 * `seriesOfDays`. Statements are prepared once per SQL text and kept (a bounded cache).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { parseSearchQuery } from '../search-query.js';
import { storeError } from '../store-error.js';
import {
  actorLimit,
  dateRange,
  docRefFromRow,
  eventFromRow,
  evidenceByEvent,
  isCodeRef,
  matchActors,
  MAX_ACTOR_CANDIDATES,
  mentionOf,
  mentionsInEvidence,
  networkLimits,
  networkOf,
  pageLimit,
  pageOf,
  pageSql,
  rankActors,
  seriesOfDays,
  directionConditions,
  DATE_KEY,
  EVENT_SELECT,
  MENTION_SELECT,
} from '../event-query.js';
import type {
  ActorHit,
  ActorRef,
  ActorSearchOptions,
  Binder,
  DocRefRow,
  DyadSeries,
  DyadSeriesOptions,
  EventDetail,
  EventDocRef,
  EventFilter,
  EventPage,
  EventPageRequest,
  EventQueries,
  EventRow,
  EvidenceRow,
  FullText,
  MentionRow,
  Network,
  NetworkOptions,
  PairRow,
  DayRow,
} from '../event-query.js';
import * as mq from '../merged-query.js';
import type { MergedEventsRow } from '../clusters.js';
import { toFts5Query } from './search.js';

type Stmt = BetterSqlite3.Statement<unknown[], unknown>;

/** Prepared statements kept per store. */
const CACHE_SIZE = 256;

/** Bound parameters for SQLite: `?` placeholders, lists as one JSON parameter. */
export function binder(): Binder {
  const params: unknown[] = [];
  return {
    params,
    one(value) {
      params.push(value);
      return '?';
    },
    inList(expr, values) {
      if (values.length === 1) {
        params.push(values[0]);
        return `${expr} = ?`;
      }
      params.push(JSON.stringify(values));
      return `${expr} IN (SELECT value FROM json_each(?))`;
    },
  };
}

/** Documents matching a query above which the other filters, not the text, drive a page. */
const COMMON_MATCHES = 1000;

/**
 * The FTS5 condition: the event's document matches the query. For a rare query the matching
 * documents drive the page (their events are few). For a common one (`common`) the page is read
 * in order from the other filters' index (or by date), and each event's document seq (from the id
 * index, without reading the document) is looked up in the set of matching rowids, which FTS5
 * lists quickly; reading the events of thousands of documents and sorting them would not be.
 */
export function fullText(common: boolean): FullText {
  return (q, b, docId) => {
    const match = toFts5Query(parseSearchQuery(q));
    if (match === undefined) return undefined;
    return common
      ? `(SELECT d.seq FROM documents d WHERE d.id = ${docId}) IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${b.one(match)})`
      : `${docId} IN (SELECT d.id FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH ${b.one(match)})`;
  };
}


const EVIDENCE_COLUMNS = `v.event_id, v.seq, v.sentence, v."start", v."end", v.trigger_start, v.trigger_end,
  v.source_start, v.source_end, v.target_start, v.target_end`;

/** Documents by id (JSON array parameter) with their lead paragraph. */
const DOC_REFS = `
SELECT d.id, d.title, d.url, d.published, d.source, d.ingested_at,
  (SELECT b."start" FROM blocks b WHERE b.doc_seq = d.seq AND b.dropped IS NULL AND b.kind <> 'h' ORDER BY b.id LIMIT 1) AS lead_start,
  (SELECT b."end" FROM blocks b WHERE b.doc_seq = d.seq AND b.dropped IS NULL AND b.kind <> 'h' ORDER BY b.id LIMIT 1) AS lead_end
FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))`;

/** Evidence of events (JSON array of [doc_id, event_id] pairs). */
const EVIDENCE_OF = `
SELECT ${EVIDENCE_COLUMNS}
FROM json_each(?) p
JOIN documents d ON d.id = json_extract(p.value, '$[0]')
JOIN evidence v ON v.doc_seq = d.seq AND v.event_id = json_extract(p.value, '$[1]')
ORDER BY v.event_id, v.seq`;

/** Links of merged events (JSON array of merged ids). */
const LINKS_OF = mq.linksSql('IN (SELECT value FROM json_each(?))');

/** Distinct values of an indexed column, one index seek each (a loose index scan). */
function distinctSql(column: string): string {
  return `WITH RECURSIVE c(v) AS (
  SELECT min(${column}) FROM events
  UNION ALL
  SELECT (SELECT min(${column}) FROM events WHERE ${column} > c.v) FROM c WHERE c.v IS NOT NULL
) SELECT v FROM c WHERE v IS NOT NULL`;
}

export class SqliteEventQueries implements EventQueries {
  readonly #db: BetterSqlite3.Database;
  readonly #location: string;
  readonly #stmts = new Map<string, Stmt>();

  constructor(db: BetterSqlite3.Database, location: string) {
    this.#db = db;
    this.#location = location;
  }

  private stmt(sql: string): Stmt {
    let s = this.#stmts.get(sql);
    if (s) {
      // Most recently used last.
      this.#stmts.delete(sql);
      this.#stmts.set(sql, s);
      return s;
    }
    s = this.#db.prepare(sql);
    this.#stmts.set(sql, s);
    if (this.#stmts.size > CACHE_SIZE) this.#stmts.delete(this.#stmts.keys().next().value as string);
    return s;
  }

  private read<T>(fn: () => T): T {
    try {
      return this.#db.transaction(fn)();
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.#location, err);
    }
  }

  private docRefs(ids: string[]): Map<string, EventDocRef> {
    const rows = this.stmt(DOC_REFS).all(JSON.stringify([...new Set(ids)])) as DocRefRow[];
    return new Map(rows.map((r) => [r.id, docRefFromRow(r)]));
  }

  private evidence(rows: Pick<EventRow, 'doc_id' | 'id'>[]) {
    const pairs = rows.map((r) => [r.doc_id, r.id]);
    return evidenceByEvent(this.stmt(EVIDENCE_OF).all(JSON.stringify(pairs)) as EvidenceRow[]);
  }

  /** Whether a full-text query matches more than COMMON_MATCHES documents. */
  private common(q: string | undefined): boolean {
    const match = q === undefined ? undefined : toFts5Query(parseSearchQuery(q));
    if (match === undefined) return false;
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ${COMMON_MATCHES + 1})`;
    return (this.stmt(sql).get(match) as { n: number }).n > COMMON_MATCHES;
  }

  async queryEvents(filter: EventFilter, page: EventPageRequest = {}): Promise<EventPage> {
    const common = this.read(() => this.common(filter.q));
    const q = pageSql(filter, page, binder(), fullText(common));
    return this.read(() => {
      const rows = this.stmt(q.sql).all(...q.params) as EventRow[];
      const shown = rows.slice(0, q.limit);
      return pageOf(rows, q.limit, q.sort, q.order, this.evidence(shown), this.docRefs(shown.map((r) => r.doc_id)));
    });
  }

  async queryMergedEvents(filter: mq.MergedEventFilter, page: mq.MergedPageRequest = {}): Promise<mq.MergedEventPage> {
    const q = mq.mergedPageSql(filter, page, pageLimit(page.limit), binder(), fullText(false));
    return this.read(() => {
      const rows = this.stmt(q.sql).all(...q.params) as MergedEventsRow[];
      const heads = mq.pageHeads(rows, q.limit);
      const links = mq.linksByMerged(this.stmt(LINKS_OF).all(JSON.stringify(heads.map((h) => h.id))) as mq.LinkRefRow[], heads);
      const standing = mq.standingMentions(links);
      const docs = this.docRefs(standing.map((r) => r.doc_id));
      return mq.mergedPageOf(heads, rows.length > q.limit, q.sort, q.order, links, this.evidence(standing), docs);
    });
  }

  async getMergedEventDetail(id: string): Promise<mq.MergedEventDetail | undefined> {
    return this.read(() => {
      const head = this.stmt(`SELECT ${mq.MERGED_SELECT} FROM merged_events e WHERE e.id = ?`).get(id) as MergedEventsRow | undefined;
      if (!head) return undefined;
      const rows = this.stmt(mq.mentionsSql('?')).all(id) as EventRow[];
      return mq.mergedDetailOf(head, rows, this.evidence(rows), this.docRefs(rows.map((r) => r.doc_id)));
    });
  }

  async getEvent(id: string): Promise<EventDetail | undefined> {
    return this.read(() => {
      const row = this.stmt(`SELECT ${EVENT_SELECT} FROM events e WHERE e.id = ?`).get(id) as EventRow | undefined;
      if (!row) return undefined;
      const evidence = this.evidence([row]).get(row.id) ?? [];
      const document = this.docRefs([row.doc_id]).get(row.doc_id);
      if (!document) return undefined;
      const mentions = (
        this.stmt(
          `SELECT ${MENTION_SELECT} FROM mentions m WHERE m.doc_seq = (SELECT seq FROM documents WHERE id = ?) ORDER BY m.id`,
        ).all(row.doc_id) as MentionRow[]
      ).map(mentionOf);
      const link = this.stmt('SELECT merged_id FROM event_links WHERE event_id = ?').get(id) as { merged_id: string } | undefined;
      const mergedId = link?.merged_id;
      const detail: EventDetail = { event: eventFromRow(row, evidence), document, mentions: mentionsInEvidence(mentions, evidence) };
      if (mergedId !== undefined) detail.mergedId = mergedId;
      return detail;
    });
  }

  async dyadSeries(a: ActorRef, b: ActorRef, opts: DyadSeriesOptions): Promise<DyadSeries> {
    const direction = (s: ActorRef, t: ActorRef): DayRow[] => {
      const bind = binder();
      const where = directionConditions(s, t, opts.from, opts.to, bind);
      const sql = `SELECT ${DATE_KEY} AS day, count(*) AS n, sum(e.quad = 1) AS q1, sum(e.quad = 2) AS q2, sum(e.quad = 3) AS q3,
          sum(e.quad = 4) AS q4, sum(e.goldstein) AS gsum
        FROM events e WHERE ${where.join(' AND ')} GROUP BY ${DATE_KEY}`;
      return this.stmt(sql).all(...bind.params) as DayRow[];
    };
    const same = JSON.stringify(a) === JSON.stringify(b);
    const [ab, ba] = this.read(() => [direction(a, b), same ? [] : direction(b, a)]);
    return { a, b, interval: opts.interval, points: seriesOfDays(ab, ba, opts.interval, opts) };
  }

  async network(opts: NetworkOptions = {}): Promise<Network> {
    const { min, maxEdges } = networkLimits(opts);
    const b = binder();
    const where = ['e.source_code IS NOT NULL', 'e.target_code IS NOT NULL'];
    const range = dateRange(opts.from, opts.to, b);
    if (range) where.push(range);
    if (opts.root && opts.root.length > 0) where.push(b.inList('e.cameo_root', opts.root, 'text'));
    // The pair index covers this query and yields the pairs in order; SQLite sometimes prefers a
    // narrower index that then needs a row lookup per event and a sort, ten times slower.
    const sql = `SELECT e.source_code AS s, e.target_code AS t, count(*) AS n, sum(e.goldstein) AS gsum
      FROM events e INDEXED BY events_q_pair WHERE ${where.join(' AND ')} GROUP BY e.source_code, e.target_code`;
    const rows = this.read(() => this.stmt(sql).all(...b.params) as PairRow[]);
    return networkOf(rows, min, maxEdges);
  }

  async searchActors(q: string, opts: ActorSearchOptions = {}): Promise<ActorHit[]> {
    const include = opts.include ?? [];
    const limit = actorLimit(opts.limit);
    return this.read(() => {
      const distinct = (col: string) => (this.stmt(distinctSql(col)).all() as { v: string }[]).map((r) => r.v);
      const codes = [...new Set([...distinct('source_code'), ...distinct('target_code')])];
      const persons = q.trim() === '' ? [] : [...new Set([...distinct('source_person'), ...distinct('target_person')])];
      const candidates = matchActors(q, codes, persons, include).slice(0, MAX_ACTOR_CANDIDATES);
      const count = (col: string, v: string) => (this.stmt(`SELECT count(*) AS n FROM events WHERE ${col} = ?`).get(v) as { n: number }).n;
      const hits: ActorHit[] = candidates.map((r) =>
        isCodeRef(r)
          ? { kind: 'code', id: r.code, events: count('source_code', r.code) + count('target_code', r.code) }
          : { kind: 'person', id: r.person, events: count('source_person', r.person) + count('target_person', r.person) },
      );
      return rankActors(hits, include, limit);
    });
  }
}

