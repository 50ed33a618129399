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
  /** ISO timestamp of ingestion. */
  ingestedAt?: string;
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
}

export interface StoreStats {
  documents: number;
  events: number;
  mentions: number;
}

export interface Store {
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
  /** Full-text search over clean text (and titles). */
  searchDocuments(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
