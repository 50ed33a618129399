/**
 * Event queries on PostgreSQL (see `../event-query.ts` for what they answer). Lists are bound as
 * one array parameter (`= ANY($n::text[])`); the full-text condition uses the `documents.search`
 * tsvector; dyad series are read per day and summed into periods in `seriesOfDays`. Counts come
 * back as float8 so that `pg` returns numbers, not strings.
 */
import type { Pool } from 'pg';
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
import { toTsQuery } from './search.js';

/** Bound parameters for PostgreSQL: `$n` placeholders with casts, lists as one array parameter. */
export function binder(): Binder {
  const params: unknown[] = [];
  const next = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const CAST = { text: '::text', int: '::integer', float: '::float8' } as const;
  return {
    params,
    one: (v, type) => `${next(v)}${type ? CAST[type] : ''}`,
    inList(expr, values, type) {
      if (values.length === 1) return `${expr} = ${next(values[0])}${type === 'int' ? '::integer' : '::text'}`;
      return `${expr} = ANY(${next(values)}::${type === 'int' ? 'integer' : 'text'}[])`;
    },
  };
}

/** The tsquery condition: the event's document matches the query. */
export const fullText: FullText = (q, b, docId) => {
  const ts = toTsQuery(parseSearchQuery(q), b.params.length + 1);
  if (ts === undefined) return undefined;
  b.params.push(...ts.params);
  return `${docId} IN (SELECT d.id FROM documents d WHERE d.search @@ (${ts.sql}))`;
};


const EVIDENCE_COLUMNS = `v.event_id, v.seq, v.sentence, v."start", v."end", v.trigger_start, v.trigger_end,
  v.source_start, v.source_end, v.target_start, v.target_end`;

const DOC_REFS = `
SELECT d.id, d.title, d.url, d.published, d.source, d.ingested_at, l."start" AS lead_start, l."end" AS lead_end
FROM documents d
LEFT JOIN LATERAL (
  SELECT b."start", b."end" FROM blocks b WHERE b.doc_seq = d.seq AND b.dropped IS NULL AND b.kind <> 'h' ORDER BY b.id LIMIT 1
) l ON TRUE
WHERE d.id = ANY($1::text[])`;

/** Evidence of events: $1 = doc ids, $2 = event ids (pairwise). */
const EVIDENCE_OF = `
SELECT ${EVIDENCE_COLUMNS}
FROM unnest($1::text[], $2::text[]) AS p(doc_id, event_id)
JOIN documents d ON d.id = p.doc_id
JOIN evidence v ON v.doc_seq = d.seq AND v.event_id = p.event_id
ORDER BY v.event_id, v.seq`;

/** Links of merged events ($1 = merged ids). */
const LINKS_OF = mq.linksSql('= ANY($1::text[])');

/** Distinct values of an indexed column, one index seek each (a loose index scan). */
function distinctSql(column: string): string {
  return `WITH RECURSIVE c(v) AS (
  SELECT min(${column}) FROM events
  UNION ALL
  SELECT (SELECT min(${column}) FROM events WHERE ${column} > c.v) FROM c WHERE c.v IS NOT NULL
) SELECT v FROM c WHERE v IS NOT NULL`;
}

export class PostgresEventQueries implements EventQueries {
  readonly #pool: Pool;
  readonly #location: string;

  constructor(pool: Pool, location: string) {
    this.#pool = pool;
    this.#location = location;
  }

  private async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    try {
      return (await this.#pool.query(sql, params)).rows as T[];
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.#location, err);
    }
  }

  private async docRefs(ids: string[]): Promise<Map<string, EventDocRef>> {
    const rows = await this.rows<DocRefRow>(DOC_REFS, [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, docRefFromRow(r)]));
  }

  private async evidence(rows: Pick<EventRow, 'doc_id' | 'id'>[]) {
    const v = await this.rows<EvidenceRow>(EVIDENCE_OF, [rows.map((r) => r.doc_id), rows.map((r) => r.id)]);
    return evidenceByEvent(v);
  }

  async queryEvents(filter: EventFilter, page: EventPageRequest = {}): Promise<EventPage> {
    const q = pageSql(filter, page, binder(), fullText);
    const rows = await this.rows<EventRow>(q.sql, q.params);
    const shown = rows.slice(0, q.limit);
    const [evidence, docs] = await Promise.all([this.evidence(shown), this.docRefs(shown.map((r) => r.doc_id))]);
    return pageOf(rows, q.limit, q.sort, q.order, evidence, docs);
  }

  async queryMergedEvents(filter: mq.MergedEventFilter, page: mq.MergedPageRequest = {}): Promise<mq.MergedEventPage> {
    const q = mq.mergedPageSql(filter, page, pageLimit(page.limit), binder(), fullText);
    const rows = await this.rows<MergedEventsRow>(q.sql, q.params);
    const heads = mq.pageHeads(rows, q.limit);
    const links = mq.linksByMerged(await this.rows<mq.LinkRefRow>(LINKS_OF, [heads.map((h) => h.id)]), heads);
    const standing = mq.standingMentions(links);
    const [evidence, docs] = await Promise.all([this.evidence(standing), this.docRefs(standing.map((r) => r.doc_id))]);
    return mq.mergedPageOf(heads, rows.length > q.limit, q.sort, q.order, links, evidence, docs);
  }

  async getMergedEventDetail(id: string): Promise<mq.MergedEventDetail | undefined> {
    const [head] = await this.rows<MergedEventsRow>(`SELECT ${mq.MERGED_SELECT} FROM merged_events e WHERE e.id = $1`, [id]);
    if (!head) return undefined;
    const rows = await this.rows<EventRow>(mq.mentionsSql('$1'), [id]);
    const [evidence, docs] = await Promise.all([this.evidence(rows), this.docRefs(rows.map((r) => r.doc_id))]);
    return mq.mergedDetailOf(head, rows, evidence, docs);
  }

  async getEvent(id: string): Promise<EventDetail | undefined> {
    const [row] = await this.rows<EventRow>(`SELECT ${EVENT_SELECT} FROM events e WHERE e.id = $1`, [id]);
    if (!row) return undefined;
    const [evidenceMap, docs, mentionRows, links] = await Promise.all([
      this.evidence([row]),
      this.docRefs([row.doc_id]),
      this.rows<MentionRow>(
        `SELECT ${MENTION_SELECT} FROM mentions m WHERE m.doc_seq = (SELECT seq FROM documents WHERE id = $1) ORDER BY m.id`,
        [row.doc_id],
      ),
      this.rows<{ merged_id: string }>('SELECT merged_id FROM event_links WHERE event_id = $1', [id]),
    ]);
    const document = docs.get(row.doc_id);
    if (!document) return undefined;
    const evidence = evidenceMap.get(row.id) ?? [];
    const detail: EventDetail = { event: eventFromRow(row, evidence), document, mentions: mentionsInEvidence(mentionRows.map(mentionOf), evidence) };
    if (links[0]) detail.mergedId = links[0].merged_id;
    return detail;
  }

  async dyadSeries(a: ActorRef, b: ActorRef, opts: DyadSeriesOptions): Promise<DyadSeries> {
    const direction = (s: ActorRef, t: ActorRef): Promise<DayRow[]> => {
      const bind = binder();
      const where = directionConditions(s, t, opts.from, opts.to, bind);
      const sql = `SELECT ${DATE_KEY} AS day, count(*)::float8 AS n, count(*) FILTER (WHERE e.quad = 1)::float8 AS q1,
          count(*) FILTER (WHERE e.quad = 2)::float8 AS q2, count(*) FILTER (WHERE e.quad = 3)::float8 AS q3,
          count(*) FILTER (WHERE e.quad = 4)::float8 AS q4, sum(e.goldstein)::float8 AS gsum
        FROM events e WHERE ${where.join(' AND ')} GROUP BY ${DATE_KEY}`;
      return this.rows<DayRow>(sql, bind.params);
    };
    const same = JSON.stringify(a) === JSON.stringify(b);
    const [ab, ba] = await Promise.all([direction(a, b), same ? Promise.resolve([]) : direction(b, a)]);
    return { a, b, interval: opts.interval, points: seriesOfDays(ab, ba, opts.interval, opts) };
  }

  async network(opts: NetworkOptions = {}): Promise<Network> {
    const { min, maxEdges } = networkLimits(opts);
    const b = binder();
    const where = ['e.source_code IS NOT NULL', 'e.target_code IS NOT NULL'];
    const range = dateRange(opts.from, opts.to, b);
    if (range) where.push(range);
    if (opts.root && opts.root.length > 0) where.push(b.inList('e.cameo_root', opts.root, 'text'));
    const sql = `SELECT e.source_code AS s, e.target_code AS t, count(*)::float8 AS n, sum(e.goldstein)::float8 AS gsum
      FROM events e WHERE ${where.join(' AND ')} GROUP BY e.source_code, e.target_code`;
    return networkOf(await this.rows<PairRow>(sql, b.params), min, maxEdges);
  }

  async searchActors(q: string, opts: ActorSearchOptions = {}): Promise<ActorHit[]> {
    const include = opts.include ?? [];
    const limit = actorLimit(opts.limit);
    const distinct = async (col: string) => (await this.rows<{ v: string }>(distinctSql(col))).map((r) => r.v);
    const [sc, tc, sp, tp] = await Promise.all([
      distinct('source_code'),
      distinct('target_code'),
      q.trim() === '' ? [] : distinct('source_person'),
      q.trim() === '' ? [] : distinct('target_person'),
    ]);
    const candidates = matchActors(q, [...new Set([...sc, ...tc])], [...new Set([...sp, ...tp])], include).slice(
      0,
      MAX_ACTOR_CANDIDATES,
    );
    if (candidates.length === 0) return [];
    const codes = candidates.filter(isCodeRef).map((r) => r.code);
    const persons = candidates.filter((r): r is { person: string } => !isCodeRef(r)).map((r) => r.person);
    const counted = await this.rows<{ kind: 'code' | 'person'; id: string; events: number }>(
      `SELECT 'code' AS kind, x.id, ((SELECT count(*) FROM events WHERE source_code = x.id) +
              (SELECT count(*) FROM events WHERE target_code = x.id))::float8 AS events
       FROM unnest($1::text[]) AS x(id)
       UNION ALL
       SELECT 'person', x.id, ((SELECT count(*) FROM events WHERE source_person = x.id) +
              (SELECT count(*) FROM events WHERE target_person = x.id))::float8
       FROM unnest($2::text[]) AS x(id)`,
      [codes, persons],
    );
    return rankActors(counted, include, limit);
  }
}
