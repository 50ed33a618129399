/**
 * The `Store` interface: what parley keeps and how it is queried. One SQLite implementation
 * (embedded default) and one PostgreSQL implementation (scale-out) run the same test suite.
 *
 * Writes are idempotent: a document is keyed by its content hash, so re-ingesting the same
 * article changes nothing and is reported as a duplicate. Every write of one document (its row,
 * its dropped blocks, later its mentions and events) happens in one transaction, so a crash never
 * leaves half a document behind and a re-run resumes without duplicates.
 */
import type { Block, Diagnostic, DocMeta, Event, Mention } from '../doc.js';
import type { PipelineInfo } from '../pipeline.js';
import type { ClusterStore } from './clusters.js';
import type { EventQueries } from './event-query.js';

/** A processed document as stored. */
export interface StoredDoc {
  id: string;
  hash: string;
  /** The source text (all offsets point into it). */
  sourceText: string;
  /** The clean text (kept blocks joined by "\n"); indexed for full-text search. */
  text: string;
  meta: DocMeta;
  blocks: Block[];
  mentions: Mention[];
  events: Event[];
  diagnostics: Diagnostic[];
  /** ISO timestamp of ingestion; set by the store when absent. */
  ingestedAt?: string;
  /** The run (see {@link StoredRun}) whose pipeline produced the layers, when known. */
  runId?: string;
}

/** One pipeline run: the resolved definition that coded the documents carrying its id. */
export interface StoredRun {
  id: string;
  /** ISO timestamp. */
  startedAt: string;
  pipeline: PipelineInfo;
}

export type PutResult = 'inserted' | 'updated' | 'duplicate';

export interface DocSummary {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  source: string | null;
  chars: number;
  events: number;
  ingestedAt: string;
}

export interface SearchHit extends DocSummary {
  /** A short excerpt around the match, with the matched words marked «like this». */
  snippet: string;
  rank: number;
}

export interface MigrationResult {
  name: string;
  status: 'Success' | 'Error' | 'NotExecuted' | 'AlreadyApplied';
  error?: string;
  /** The underlying error of a failed migration. */
  cause?: unknown;
}

export interface StoreStats {
  documents: number;
  events: number;
  mentions: number;
}

/** The store; the event queries (`queryEvents`, `getEvent`, `dyadSeries`, `network`, `searchActors`) are in `event-query.ts`. */
export interface Store extends EventQueries {
  /** 'sqlite' | 'postgres' */
  readonly kind: string;
  /** Where it lives (file path or connection string without password). */
  readonly location: string;
  /** Apply pending migrations; never throws for a failed migration, reports it. */
  migrate(): Promise<MigrationResult[]>;
  /** Store one document with its layers, idempotently. */
  putDocument(doc: StoredDoc): Promise<PutResult>;
  /** Store many documents in one transaction; results in the same order. */
  putDocuments(docs: StoredDoc[]): Promise<PutResult[]>;
  /** Which of these content hashes are already stored. */
  knownHashes(hashes: string[]): Promise<Set<string>>;
  getDocument(id: string): Promise<StoredDoc | undefined>;
  listDocuments(opts?: { limit?: number; offset?: number }): Promise<DocSummary[]>;
  /**
   * Full-text search over clean text (and titles), best hits first. The query is read like a web
   * search (`words`, `"a phrase"`, `-excluded`, `this or that`, `prefix*` on SQLite); any input is
   * accepted, and a query with no searchable word returns no hits.
   */
  searchDocuments(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  /** Record a run's pipeline definition; storing the same run id again changes nothing. */
  putRun(run: StoredRun): Promise<void>;
  getRun(id: string): Promise<StoredRun | undefined>;
  stats(): Promise<StoreStats>;
  /** Cross-document resolution: story clusters and merged events (see `clusters.ts`). */
  readonly clusters: ClusterStore;
  close(): Promise<void>;
}
