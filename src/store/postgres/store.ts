/**
 * The scale-out store: PostgreSQL through a `pg.Pool`. A batch is one transaction that writes each
 * table with one multi-row INSERT (`json_populate_recordset` over the batch's rows, so the table
 * itself gives the column types).
 *
 * Concurrency: a batch first takes transaction-scoped advisory locks on the ids and hashes it
 * writes (in one global order, so two batches never deadlock), then reads what is stored, so two
 * workers putting the same document at once store it once: the second sees the first's row and
 * reports a duplicate. The documents INSERT also says `ON CONFLICT DO NOTHING` and only rows it
 * returns get their children written, so even a writer that skipped the locks cannot double a
 * document.
 */
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { ParleyError } from '../../errors.js';
import { CHILD_TABLES, fromRows, toRows } from '../doc-rows.js';
import type { DocRows } from '../doc-rows.js';
import { count, DEFAULT_LIMIT } from '../options.js';
import { planBatch } from '../plan-batch.js';
import type { DocKey } from '../plan-batch.js';
import { parseSearchQuery } from '../search-query.js';
import { storeError } from '../store-error.js';
import type { DocSummary, MigrationResult, PutResult, SearchHit, Store, StoreStats, StoredDoc, StoredRun } from '../store.js';
import type { ActorRef, ActorSearchOptions, DyadSeriesOptions, EventFilter, EventPageRequest, NetworkOptions } from '../event-query.js';
import type { MergedEventFilter, MergedPageRequest } from '../merged-query.js';
import { PostgresEventQueries } from './event-queries.js';
import { insertColumns, keyedByDocSeq as keyedBySeq, quoteIdent } from '../tables.js';
import type { TableName } from '../tables.js';
import { migratePostgres } from './migrate.js';
import { PostgresClusters } from './clusters.js';
import { migrations } from './migrations/index.js';
import { searchSql, toTsQuery } from './search.js';

/** A schema name we accept in `?schema=` (created when missing). */
export const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Times a batch is retried after a deadlock or serialization failure. */
const RETRIES = 3;
const RETRYABLE = new Set(['40P01', '40001']);

function cols(table: TableName): string {
  return insertColumns(table).map(quoteIdent).join(', ');
}

/** `INSERT INTO t (cols) SELECT cols FROM json_populate_recordset(NULL::t, $1)`. */
function insertSql(table: TableName): string {
  const c = cols(table);
  return `INSERT INTO ${table} (${c}) SELECT ${c} FROM json_populate_recordset(NULL::${table}, $1::json)`;
}

const INSERT_DOCUMENTS = `${insertSql('documents')} ON CONFLICT DO NOTHING RETURNING id, seq::float8 AS seq`;
const INSERT_CHILD = Object.fromEntries(CHILD_TABLES.map((t) => [t, insertSql(t)])) as Record<(typeof CHILD_TABLES)[number], string>;
/** Child-table deletes, children first; `$1` = the documents' seqs (keyed tables) or ids. */
const DELETE_CHILD = [...CHILD_TABLES]
  .reverse()
  .map((t): [string, string] => [
    t,
    keyedBySeq(t) ? `DELETE FROM ${t} WHERE doc_seq = ANY($1::bigint[])` : `DELETE FROM ${t} WHERE doc_id = ANY($1::text[])`,
  ]);

const CHILD_ORDER: Record<(typeof CHILD_TABLES)[number], string> = {
  blocks: 'id',
  diagnostics: 'seq',
  mentions: 'id',
  events: 'seq',
  evidence: 'event_id, seq',
};

/** One statement returning a whole document as JSON (one snapshot, one round trip). */
const GET_DOCUMENT = `SELECT
  (SELECT row_to_json(x) FROM (SELECT ${cols('documents')} FROM documents WHERE id = $1) x) AS document,
  ${CHILD_TABLES.map(
    (t) =>
      `(SELECT coalesce(json_agg(x), '[]'::json) FROM (SELECT ${cols(t)} FROM ${t} WHERE ${
        keyedBySeq(t) ? 'doc_seq = (SELECT seq FROM documents WHERE id = $1)' : 'doc_id = $1'
      } ORDER BY ${CHILD_ORDER[t]}) x) AS ${t}`,
  ).join(',\n  ')}`;

const LIST = `SELECT d.id, d.title, d.url, d.published, d.source, length(d.text) AS chars,
  (SELECT count(*) FROM events e WHERE e.doc_id = d.id)::integer AS events, d.ingested_at AS "ingestedAt"
FROM documents d ORDER BY d.seq DESC LIMIT $1 OFFSET $2`;

const LOCK_KEYS = `SELECT count(pg_advisory_xact_lock(k)) FROM
  (SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest($1::text[]) x ORDER BY k) s`;

/** JSON for a recordset parameter; NUL (which PostgreSQL text cannot hold) becomes U+FFFD. */
function json(rows: unknown[]): string {
  const s = JSON.stringify(rows);
  return s.includes('\\u0000') ? JSON.stringify(rows, (_k, v) => (typeof v === 'string' ? v.replace(/\0/g, '\uFFFD') : v)) : s;
}

export interface PostgresLocation {
  /** The connection string given to `pg`, without the `schema` parameter. */
  connectionString: string;
  schema: string | undefined;
  /** The location without a password, for messages. */
  display: string;
}

/** Split `postgres://…?schema=name`; throws `PARLEY_STORE_OPEN` for a bad URL or schema name. */
export function parsePostgresLocation(location: string): PostgresLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch (err) {
    throw storeError('PARLEY_STORE_OPEN', '(a postgres:// URL)', err);
  }
  if (url.password) url.password = '***';
  const display = url.toString();
  const raw = new URL(location);
  const schema = raw.searchParams.get('schema') ?? undefined;
  raw.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new ParleyError('PARLEY_STORE_OPEN', {
      location: display,
      why: `schema '${schema}' is not a valid name: use letters, digits and '_', not starting with a digit, at most 63`,
    });
  }
  return { connectionString: raw.toString(), schema, display };
}

/**
 * Connect to PostgreSQL (the schema named by `?schema=` is set as the search path, and created by
 * `migrate`); throws `PARLEY_STORE_OPEN` when the server cannot be reached. Does not migrate.
 */
export async function openPostgresStore(location: string): Promise<PostgresStore> {
  const loc = parsePostgresLocation(location);
  const pool = new pg.Pool({
    connectionString: loc.connectionString,
    options: loc.schema === undefined ? undefined : `-c search_path=${loc.schema}`,
    connectionTimeoutMillis: 10_000,
    max: 8,
  });
  // An idle connection dropped by the server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw storeError('PARLEY_STORE_OPEN', loc.display, err);
  }
  return new PostgresStore(pool, loc);
}

export class PostgresStore implements Store {
  readonly kind = 'postgres';
  readonly location: string;
  readonly schema: string | undefined;
  /** The pool, for tests and tools that need raw SQL. */
  readonly pool: Pool;
  #closed = false;

  constructor(pool: Pool, loc: PostgresLocation) {
    this.pool = pool;
    this.location = loc.display;
    this.schema = loc.schema;
  }

  migrate(): Promise<MigrationResult[]> {
    return migratePostgres(this.pool, this.schema, migrations);
  }

  async putDocument(doc: StoredDoc): Promise<PutResult> {
    return (await this.putDocuments([doc]))[0];
  }

  async putDocuments(docs: StoredDoc[]): Promise<PutResult[]> {
    if (docs.length === 0) return [];
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.transaction((c) => this.writeBatch(c, docs));
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt < RETRIES && code !== undefined && RETRYABLE.has(code)) continue;
        throw storeError('PARLEY_STORE_WRITE', this.location, err);
      }
    }
  }

  private async transaction<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection lost while checked out (server restart) fails the query in progress; without a
    // listener its 'error' event would also crash the process.
    const lost = () => undefined;
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.removeListener('error', lost);
      client.release();
    }
  }

  private async writeBatch(c: PoolClient, docs: StoredDoc[]): Promise<PutResult[]> {
    const ns = `parley:${this.schema ?? ''}:`;
    const ids = docs.map((d) => d.id);
    const hashes = docs.map((d) => d.hash);
    await c.query(LOCK_KEYS, [[...ids.map((id) => `${ns}i:${id}`), ...hashes.map((h) => `${ns}h:${h}`)]]);
    const stored = await c.query<DocKey & { seq: number }>(
      'SELECT seq::float8 AS seq, id, hash FROM documents WHERE id = ANY($1::text[]) OR hash = ANY($2::text[])',
      [ids, hashes],
    );
    const plan = planBatch(docs, stored.rows);
    if (plan.replace.length > 0) {
      const seqs = stored.rows.filter((r) => plan.replace.includes(r.id)).map((r) => r.seq);
      for (const [t, sql] of DELETE_CHILD) await c.query(sql, [keyedBySeq(t) ? seqs : plan.replace]);
      await c.query('DELETE FROM documents WHERE id = ANY($1::text[])', [plan.replace]);
    }
    if (plan.write.length === 0) return plan.results;
    const now = new Date().toISOString();
    const rows = plan.write.map((d) => toRows(d, now));
    const inserted = await c.query<{ id: string; seq: number }>(INSERT_DOCUMENTS, [json(rows.map((r) => r.document))]);
    const seqOf = new Map(inserted.rows.map((r) => [r.id, r.seq]));
    const written = new Set(seqOf.keys());
    const results = plan.results;
    if (written.size < rows.length) {
      // Someone stored one of these without our locks in the meantime: theirs stands.
      const lost = new Set(plan.write.filter((d) => !written.has(d.id)).map((d) => d.id));
      docs.forEach((d, i) => {
        if (lost.has(d.id) && results[i] !== 'duplicate') results[i] = 'duplicate';
      });
    }
    for (const t of CHILD_TABLES) {
      const keyed = keyedBySeq(t);
      const childRows = rows
        .filter((r) => written.has(r.document.id))
        .flatMap((r): object[] => (keyed ? r[t].map((x: object) => ({ ...x, doc_seq: seqOf.get(r.document.id) })) : r[t]));
      if (childRows.length > 0) await c.query(INSERT_CHILD[t], [json(childRows)]);
    }
    return results;
  }

  async knownHashes(hashes: string[]): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    try {
      const r = await this.pool.query<{ hash: string }>('SELECT hash FROM documents WHERE hash = ANY($1::text[])', [hashes]);
      return new Set(r.rows.map((x) => x.hash));
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  async getDocument(id: string): Promise<StoredDoc | undefined> {
    try {
      const r = await this.pool.query<DocRows>(GET_DOCUMENT, [id]);
      const rows = r.rows[0];
      return rows && rows.document ? fromRows(rows) : undefined;
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  async listDocuments(opts: { limit?: number; offset?: number } = {}): Promise<DocSummary[]> {
    try {
      const r = await this.pool.query<DocSummary>(LIST, [count(opts.limit, DEFAULT_LIMIT), count(opts.offset, 0)]);
      return r.rows;
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  async searchDocuments(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    const q = toTsQuery(parseSearchQuery(query), 2);
    if (q === undefined) return [];
    try {
      const r = await this.pool.query<SearchHit>(searchSql(q.sql), [count(opts.limit, DEFAULT_LIMIT), ...q.params]);
      return r.rows;
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  async stats(): Promise<StoreStats> {
    try {
      const r = await this.pool.query<StoreStats>(
        `SELECT (SELECT count(*) FROM documents)::float8 AS documents, (SELECT count(*) FROM events)::float8 AS events,
                (SELECT count(*) FROM mentions)::float8 AS mentions`,
      );
      return r.rows[0];
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  async putRun(run: StoredRun): Promise<void> {
    try {
      await this.pool.query('INSERT INTO runs (id, started_at, pipeline) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
        run.id,
        run.startedAt,
        JSON.stringify(run.pipeline),
      ]);
    } catch (err) {
      throw storeError('PARLEY_STORE_WRITE', this.location, err);
    }
  }

  async getRun(id: string): Promise<StoredRun | undefined> {
    try {
      const r = await this.pool.query<{ id: string; started_at: string; pipeline: string }>(
        'SELECT id, started_at, pipeline FROM runs WHERE id = $1',
        [id],
      );
      const row = r.rows[0];
      return row && { id: row.id, startedAt: row.started_at, pipeline: JSON.parse(row.pipeline) };
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  #eventQueries: PostgresEventQueries | undefined;

  /** The event queries (see `event-queries.ts`), made on first use. */
  private get eventQueries(): PostgresEventQueries {
    return (this.#eventQueries ??= new PostgresEventQueries(this.pool, this.location));
  }

  queryEvents(filter: EventFilter, page?: EventPageRequest) {
    return this.eventQueries.queryEvents(filter, page);
  }

  getEvent(id: string) {
    return this.eventQueries.getEvent(id);
  }

  dyadSeries(a: ActorRef, b: ActorRef, opts: DyadSeriesOptions) {
    return this.eventQueries.dyadSeries(a, b, opts);
  }

  network(opts?: NetworkOptions) {
    return this.eventQueries.network(opts);
  }

  searchActors(q: string, opts?: ActorSearchOptions) {
    return this.eventQueries.searchActors(q, opts);
  }

  queryMergedEvents(filter: MergedEventFilter, page?: MergedPageRequest) {
    return this.eventQueries.queryMergedEvents(filter, page);
  }

  getMergedEventDetail(id: string) {
    return this.eventQueries.getMergedEventDetail(id);
  }

  #clusters: PostgresClusters | undefined;

  /** Cross-document resolution (see `clusters.ts`), made on first use. */
  get clusters(): PostgresClusters {
    return (this.#clusters ??= new PostgresClusters(this.pool, this.schema, this.location));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.pool.end();
  }
}
