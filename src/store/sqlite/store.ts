/**
 * The embedded store: one SQLite file (better-sqlite3), WAL journal, `synchronous=NORMAL`, a busy
 * timeout so that several processes can share the file, and prepared statements made once.
 *
 * A batch is one IMMEDIATE transaction: the writer lock is taken before the stored keys are read,
 * so two processes putting the same document at once store it once. The FTS5 index is written in
 * the same transaction: new documents by the store itself (see migration 0005), deletions by
 * triggers.
 */
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { CHILD_TABLES, fromRows, toRows } from '../doc-rows.js';
import type { DocRows } from '../doc-rows.js';
import { planBatch } from '../plan-batch.js';
import type { DocKey } from '../plan-batch.js';
import { count, DEFAULT_LIMIT } from '../options.js';
import { parseSearchQuery } from '../search-query.js';
import { storeError } from '../store-error.js';
import type { DocSummary, MigrationResult, PutResult, SearchHit, Store, StoreStats, StoredDoc, StoredRun } from '../store.js';
import type { ActorRef, ActorSearchOptions, DyadSeriesOptions, EventFilter, EventPageRequest, NetworkOptions } from '../event-query.js';
import type { MergedEventFilter, MergedPageRequest } from '../merged-query.js';
import { SqliteEventQueries } from './event-queries.js';
import { insertColumns, keyedByDocSeq as keyedBySeq, quoteIdent } from '../tables.js';
import type { RunsTable, TableName } from '../tables.js';
import { migrateSqlite } from './migrate.js';
import { SqliteClusters } from './clusters.js';
import { migrations } from './migrations/index.js';
import { SEARCH_SQL, toFts5Query } from './search.js';

/** Page size of new files. */
export const PAGE_SIZE = 8192;

/** Milliseconds a writer waits for another process's lock before failing. */
export const BUSY_TIMEOUT_MS = 10_000;

type Stmt = BetterSqlite3.Statement<unknown[], unknown>;

const SUMMARY_COLUMNS = `d.id AS id, d.title AS title, d.url AS url, d.published AS published, d.source AS source,
  length(d.text) AS chars, (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,
  d.ingested_at AS ingestedAt`;

function selectList(table: TableName): string {
  return insertColumns(table).map(quoteIdent).join(', ');
}

/** Rows per multi-row INSERT of child rows (one statement per chunk saves a call per row). */
const CHUNK = 32;

function insertSql(table: TableName, rows = 1): string {
  const cols = insertColumns(table);
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${cols.map(quoteIdent).join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`;
}

type ChildTable = (typeof CHILD_TABLES)[number];

/** Statements prepared once, after migrations have created the tables. */
class Statements {
  readonly insert: { [T in 'documents' | ChildTable]: Stmt };
  /** Inserts of {@link CHUNK} rows at once. */
  readonly insertChunk: { [T in ChildTable]: Stmt };
  readonly insertCols: { [T in 'documents' | ChildTable]: string[] };
  /** Child-table deletes, children first; bound to the document's seq or id (see keyedBySeq). */
  readonly deleteChildren: [ChildTable, Stmt][];
  readonly deleteDocument: Stmt;
  readonly insertFts: Stmt;
  readonly keyById: Stmt;
  readonly keyByHash: Stmt;
  readonly hashKnown: Stmt;
  readonly document: Stmt;
  readonly children: { [T in (typeof CHILD_TABLES)[number]]: Stmt };
  readonly list: Stmt;
  readonly search: Stmt;
  readonly stats: Stmt;
  readonly putRun: Stmt;
  readonly getRun: Stmt;

  constructor(db: BetterSqlite3.Database) {
    const tables = ['documents', ...CHILD_TABLES] as const;
    this.insert = Object.fromEntries(tables.map((t) => [t, db.prepare(insertSql(t))])) as Statements['insert'];
    this.insertChunk = Object.fromEntries(CHILD_TABLES.map((t) => [t, db.prepare(insertSql(t, CHUNK))])) as Statements['insertChunk'];
    this.insertCols = Object.fromEntries(tables.map((t) => [t, insertColumns(t) as string[]])) as unknown as Statements['insertCols'];
    this.deleteChildren = [...CHILD_TABLES]
      .reverse()
      .map((t) => [t, db.prepare(`DELETE FROM ${t} WHERE ${keyedBySeq(t) ? 'doc_seq' : 'doc_id'} = ?`)]);
    this.deleteDocument = db.prepare('DELETE FROM documents WHERE id = ?');
    this.insertFts = db.prepare('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)');
    this.keyById = db.prepare('SELECT seq, id, hash FROM documents WHERE id = ?');
    this.keyByHash = db.prepare('SELECT seq, id, hash FROM documents WHERE hash = ?');
    this.hashKnown = db.prepare('SELECT 1 FROM documents WHERE hash = ?').pluck();
    this.document = db.prepare(`SELECT seq, ${selectList('documents')} FROM documents WHERE id = ?`);
    const order: Record<(typeof CHILD_TABLES)[number], string> = {
      blocks: 'id',
      diagnostics: 'seq',
      mentions: 'id',
      events: 'seq',
      evidence: 'event_id, seq',
    };
    this.children = Object.fromEntries(
      CHILD_TABLES.map((t) => [
        t,
        db.prepare(`SELECT ${selectList(t)} FROM ${t} WHERE ${keyedBySeq(t) ? 'doc_seq' : 'doc_id'} = ? ORDER BY ${order[t]}`),
      ]),
    ) as Statements['children'];
    this.list = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d ORDER BY d.seq DESC LIMIT ? OFFSET ?`);
    this.search = db.prepare(SEARCH_SQL);
    this.stats = db.prepare(
      `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM events) AS events,
              (SELECT count(*) FROM mentions) AS mentions`,
    );
    this.putRun = db.prepare('INSERT INTO runs (id, started_at, pipeline) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING');
    this.getRun = db.prepare('SELECT id, started_at, pipeline FROM runs WHERE id = ?');
  }
}

/** Open (creating if needed) a SQLite store file; throws `PARLEY_STORE_OPEN`. Does not migrate. */
export function openSqliteStore(path: string): SqliteStore {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // Takes effect only on a new, empty file. 8 KB pages made puts ~15% cheaper than 4 KB ones
    // (bench/store-put.ts) at the same file size; 16 KB pages were no faster and left ~40% of the
    // documents table empty (one ~10 KB row per page).
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = OFF');
    // Fails here, not later, when the file is not a SQLite database.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return new SqliteStore(db, path);
  } catch (err) {
    try {
      db?.close();
    } catch {
      // already failing; the open error is the one to report
    }
    throw storeError('PARLEY_STORE_OPEN', path, err);
  }
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly location: string;
  /** The connection, for tests and tools that need raw SQL. */
  readonly db: BetterSqlite3.Database;
  #stmts: Statements | undefined;

  constructor(db: BetterSqlite3.Database, location: string) {
    this.db = db;
    this.location = location;
  }

  private get stmts(): Statements {
    return (this.#stmts ??= new Statements(this.db));
  }

  async migrate(): Promise<MigrationResult[]> {
    this.#stmts = undefined;
    return migrateSqlite(this.db, migrations);
  }

  async putDocument(doc: StoredDoc): Promise<PutResult> {
    return (await this.putDocuments([doc]))[0];
  }

  async putDocuments(docs: StoredDoc[]): Promise<PutResult[]> {
    if (docs.length === 0) return [];
    try {
      return this.db.transaction(() => this.writeBatch(docs)).immediate();
    } catch (err) {
      throw storeError('PARLEY_STORE_WRITE', this.location, err);
    }
  }

  /** Runs inside the batch transaction. */
  private writeBatch(docs: StoredDoc[]): PutResult[] {
    const s = this.stmts;
    const stored = new Map<string, DocKey & { seq: number }>();
    for (const d of docs) {
      for (const k of [s.keyById.get(d.id), s.keyByHash.get(d.hash)] as ((DocKey & { seq: number }) | undefined)[]) {
        if (k) stored.set(k.id, k);
      }
    }
    const plan = planBatch(docs, stored.values());
    for (const id of plan.replace) {
      const seq = stored.get(id)!.seq;
      for (const [t, del] of s.deleteChildren) del.run(keyedBySeq(t) ? seq : id);
      s.deleteDocument.run(id);
    }
    const now = new Date().toISOString();
    const rows = plan.write.map((doc) => toRows(doc, now));
    const seqOf = new Map<string, number>();
    const docCols = s.insertCols.documents;
    for (const { document: d } of rows) {
      const seq = Number(s.insert.documents.run(docCols.map((c) => d[c as keyof typeof d])).lastInsertRowid);
      s.insertFts.run(seq, d.title, d.text);
      seqOf.set(d.id, seq);
    }
    for (const t of CHILD_TABLES) this.insertMany(t, rows.flatMap((r): readonly { doc_id: string }[] => r[t]), seqOf);
    return plan.results;
  }

  /** Insert rows into a child table, {@link CHUNK} rows per statement; `doc_seq` comes from `seqOf`. */
  private insertMany(table: ChildTable, rows: readonly { doc_id: string }[], seqOf: Map<string, number>): void {
    const s = this.stmts;
    const cols = s.insertCols[table];
    const k = cols.length;
    const seqAt = cols.indexOf('doc_seq');
    const fill = (out: unknown[], at: number, row: { doc_id: string }) => {
      const r = row as unknown as Record<string, unknown>;
      for (let c = 0; c < k; c++) out[at + c] = r[cols[c]];
      if (seqAt >= 0) out[at + seqAt] = seqOf.get(row.doc_id);
    };
    const values = new Array<unknown>(CHUNK * k);
    let i = 0;
    for (; i + CHUNK <= rows.length; i += CHUNK) {
      for (let r = 0; r < CHUNK; r++) fill(values, r * k, rows[i + r]);
      s.insertChunk[table].run(values);
    }
    const one = new Array<unknown>(k);
    for (; i < rows.length; i++) {
      fill(one, 0, rows[i]);
      s.insert[table].run(one);
    }
  }

  async knownHashes(hashes: string[]): Promise<Set<string>> {
    try {
      const s = this.stmts;
      return new Set(hashes.filter((h) => s.hashKnown.get(h) !== undefined));
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  async getDocument(id: string): Promise<StoredDoc | undefined> {
    try {
      const s = this.stmts;
      return this.db.transaction(() => {
        const document = s.document.get(id) as (DocRows['document'] & { seq: number }) | undefined;
        if (!document) return undefined;
        const rows = { document } as unknown as DocRows;
        for (const t of CHILD_TABLES) {
          (rows as unknown as Record<string, unknown[]>)[t] = s.children[t].all(keyedBySeq(t) ? document.seq : id);
        }
        return fromRows(rows);
      })();
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  async listDocuments(opts: { limit?: number; offset?: number } = {}): Promise<DocSummary[]> {
    try {
      return this.stmts.list.all(count(opts.limit, DEFAULT_LIMIT), count(opts.offset, 0)) as DocSummary[];
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  async searchDocuments(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    const match = toFts5Query(parseSearchQuery(query));
    if (match === undefined) return [];
    try {
      return this.stmts.search.all(match, count(opts.limit, DEFAULT_LIMIT)) as SearchHit[];
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  async stats(): Promise<StoreStats> {
    try {
      return this.stmts.stats.get() as StoreStats;
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  async putRun(run: StoredRun): Promise<void> {
    try {
      this.stmts.putRun.run(run.id, run.startedAt, JSON.stringify(run.pipeline));
    } catch (err) {
      throw storeError('PARLEY_STORE_WRITE', this.location, err);
    }
  }

  async getRun(id: string): Promise<StoredRun | undefined> {
    try {
      const row = this.stmts.getRun.get(id) as RunsTable | undefined;
      return row && { id: row.id, startedAt: row.started_at, pipeline: JSON.parse(row.pipeline) };
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.location, err);
    }
  }

  #eventQueries: SqliteEventQueries | undefined;

  /** The event queries (see `event-queries.ts`), made on first use. */
  private get eventQueries(): SqliteEventQueries {
    return (this.#eventQueries ??= new SqliteEventQueries(this.db, this.location));
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

  #clusters: SqliteClusters | undefined;

  /** Cross-document resolution (see `clusters.ts`), made on first use. */
  get clusters(): SqliteClusters {
    return (this.#clusters ??= new SqliteClusters(this.db, this.location));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
