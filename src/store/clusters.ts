/**
 * Cross-document resolution in the store: story clusters of near-duplicate documents and merged
 * events (one real-world event reported by many documents), both dialects behind one interface.
 *
 * The raw per-document events stay where `putDocuments` wrote them; resolution only adds rows
 * beside them (migration 0007-clusters), so it is reversible: {@link ClusterStore.resetResolution}
 * deletes every resolution row and a resolve from scratch rebuilds them.
 *
 * Tables (both dialects):
 * - `doc_signatures`: one row per resolved document: the content hash it was resolved at, its
 *   MinHash signature, shingle count, story cluster and the document it was matched to.
 * - `doc_bands`: the LSH index: one row per (band key, document).
 * - `merged_events`: one row per merged event, with GDELT's `num_mentions`, `num_sources`,
 *   `num_articles`; its head fields come from its most precisely dated mention.
 * - `event_links`: raw event id → merged event id (with the document, its outlet and the number
 *   of evidence entries, which the counts are summed from).
 * - `resolve_queue`: documents waiting for resolution.
 *
 * Resolution itself is written once (src/resolve) as a generator of {@link ClusterOp}s; the store
 * runs it inside one write transaction holding its resolution lock: synchronously on SQLite (an
 * IMMEDIATE transaction, nothing else can interleave), asynchronously on PostgreSQL (a transaction
 * with an advisory lock), see {@link ClusterStore.runResolution}.
 */
import type { DateBasis, Event } from '../doc.js';

/** A value, or a promise of it: SQLite answers at once, PostgreSQL later. */
export type MaybePromise<T> = T | Promise<T>;

/** A raw event as the resolver reads it: the stored event without its evidence, with the evidence count. */
export interface ResolveEvent extends Omit<Event, 'evidence'> {
  /** Number of evidence entries (mentions of the event in its document). */
  evidenceCount: number;
}

/** A stored document as the resolver reads it. */
export interface ResolveDocument {
  id: string;
  hash: string;
  /** The clean text (what near-duplicates are compared on). */
  text: string;
  /** The outlet: `meta.source`, else the URL's host, else `doc:<id>` (an unknown outlet counts once per document). */
  outlet: string;
  published: string | null;
  /** The hash the stored resolution of this document was made at; null when never resolved. */
  resolvedHash: string | null;
  events: ResolveEvent[];
}

/** A stored document that shares an LSH band with a new one. */
export interface BandMatch {
  key: number;
  docId: string;
}

/** A resolved document's story and signature, to screen it as a near-duplicate candidate. */
export interface StoryDocument {
  docId: string;
  storyId: string;
  minhash: Uint32Array;
  /** Number of distinct word shingles of its clean text. */
  shingles: number;
}

/** The head of a merged event (what the mentions agree on) and its counts. */
export interface MergedHead extends Omit<Event, 'docId' | 'evidence'> {
  numMentions: number;
  numSources: number;
  numArticles: number;
  /** The raw event the head fields were taken from. */
  representative: string;
}

/** A merged event: one real-world event and, when asked for, the raw mentions it merges. */
export interface MergedEvent extends MergedHead {
  /** The raw per-document events (GDELT's mentions), each with its own evidence, oldest document first. */
  mentions?: Event[];
}

/** A dyad and a date window to look merged events up in. */
export interface DyadWindow {
  source: string;
  target: string;
  /** ISO dates, inclusive. */
  from: string;
  to: string;
}

export interface SignatureRow {
  docId: string;
  hash: string;
  minhash: Uint32Array;
  shingles: number;
  storyId: string;
  /** The document it was found to be a near-duplicate of, with the exact similarity measures. */
  matchedDoc: string | null;
  similarity: number | null;
  containment: number | null;
}

export interface LinkRow {
  eventId: string;
  mergedId: string;
  docId: string;
  outlet: string;
  /** Evidence entries of the raw event (its mentions in its document). */
  mentions: number;
}

/** Everything one resolution chunk writes, in one go. */
export interface ResolutionWrite {
  signatures: SignatureRow[];
  bands: BandMatch[];
  /** Story relabels: every document of story `from` moves to story `to`. */
  relabel: { from: string; to: string }[];
  /** Merged heads to insert or update. */
  heads: MergedHead[];
  links: LinkRow[];
  /** Merged events whose counts must be recomputed from their links (deleted when they have none left). */
  touched: string[];
}

/** The operations the resolver asks of the store inside its transaction. */
export interface ClusterTx {
  /**
   * Take up to `limit` documents off the resolution queue (oldest first) and return those that
   * exist and are not yet resolved at their current hash, with their events. Queue entries taken
   * are deleted (in the same transaction) whatever they turn out to be; `taken` counts them.
   */
  takePending(limit: number): MaybePromise<{ taken: number; documents: ResolveDocument[] }>;
  /** Remove the resolution of these documents (signature, bands, links); returns the merged ids they were linked to. */
  forget(docIds: string[]): MaybePromise<string[]>;
  /** Documents sharing any of these band keys: at most `perKey` per key. */
  bandMatches(keys: number[], perKey: number): MaybePromise<BandMatch[]>;
  /** Story and signature of resolved documents. */
  storyDocuments(docIds: string[]): MaybePromise<StoryDocument[]>;
  /** Clean texts of documents, for the exact check. */
  texts(docIds: string[]): MaybePromise<{ docId: string; text: string }[]>;
  /** Merged events of a dyad dated inside a window. */
  mergedByDyad(windows: DyadWindow[]): MaybePromise<MergedHead[]>;
  /** Merged events with a mention from a document of one of these stories, as (merged id, story) pairs. */
  mergedByStory(storyIds: string[]): MaybePromise<{ mergedId: string; storyId: string }[]>;
  mergedHeads(ids: string[]): MaybePromise<MergedHead[]>;
  write(w: ResolutionWrite): MaybePromise<void>;
}

/** One request of a resolution program: a function of the transaction. */
export type ClusterOp = (tx: ClusterTx) => MaybePromise<unknown>;

/** A resolution program: yields operations, receives their results, returns a summary. */
export type ResolutionProgram<T> = () => Generator<ClusterOp, T, unknown>;

/** A story cluster: documents found to be near-duplicates (syndicated, truncated or extended copies). */
export interface StoryCluster {
  id: string;
  documents: {
    docId: string;
    /** The member it was matched to when it joined (null for the first). */
    matchedDoc: string | null;
    /** Jaccard similarity of the word shingles with `matchedDoc`. */
    similarity: number | null;
    /** Share of the smaller document's shingles found in the other one. */
    containment: number | null;
  }[];
}

export type { MergedEventQuery } from './merged-query.js';
import type { MergedEventQuery } from './merged-query.js';

export interface ResolutionStats {
  /** Resolved documents. */
  documents: number;
  /** Story clusters with more than one document. */
  stories: number;
  /** Documents in those clusters. */
  clusteredDocuments: number;
  mergedEvents: number;
  /** Raw events linked to a merged event. */
  links: number;
  /** Merged events with more than one article. */
  multiArticleEvents: number;
  /** Documents waiting in the resolution queue. */
  pending: number;
}

/** What a store offers for cross-document resolution. */
export interface ClusterStore {
  /**
   * Queue documents for resolution: the given ids, or (no argument) every stored document not
   * resolved at its current hash. Returns how many queue entries were added.
   */
  queueResolution(ids?: string[]): Promise<number>;
  /** Documents waiting in the resolution queue. */
  pendingResolution(): Promise<number>;
  /**
   * Run a resolution program in one write transaction holding the store's resolution lock.
   * With `wait: false` (the default) it returns undefined at once when another process holds the
   * lock (PostgreSQL); SQLite always waits for its write lock. Throws `PARLEY_STORE_WRITE` when
   * the transaction fails (nothing of it is kept).
   */
  runResolution<T>(program: ResolutionProgram<T>, opts?: { wait?: boolean }): Promise<T | undefined>;
  /** Delete every resolution row (signatures, bands, merged events, links, queue). Raw documents and events stay. */
  resetResolution(): Promise<void>;
  /** The story cluster of a document; undefined when the document is not resolved. */
  getStory(docId: string): Promise<StoryCluster | undefined>;
  /**
   * Merged events matching the query (the raw events' filters, see `merged-query.ts`), most
   * reported first by default (num_articles, then num_mentions, then date, then id); paged by
   * `cursor` (see `Store.queryMergedEvents`, which also returns the next cursor) or `offset`.
   * `limit` defaults to 100. Throws `PARLEY_API_BAD_CURSOR` and `PARLEY_STORE_READ`.
   */
  listMergedEvents(query?: MergedEventQuery): Promise<MergedEvent[]>;
  /** One merged event with every mention and its evidence; undefined when unknown. */
  getMergedEvent(id: string): Promise<MergedEvent | undefined>;
  /** The merged event a raw event belongs to; undefined when it is not resolved. */
  mergedEventOf(eventId: string): Promise<string | undefined>;
  resolutionStats(): Promise<ResolutionStats>;
}

/** Columns of the resolution tables (both dialects create exactly these). */
export const CLUSTER_COLUMNS = {
  doc_signatures: ['doc_id', 'hash', 'minhash', 'shingles', 'story_id', 'matched_doc', 'similarity', 'containment', 'resolved_at'],
  doc_bands: ['band_key', 'doc_id'],
  merged_events: [
    'id', 'date', 'date_basis', 'source_code', 'source_name', 'source_sector', 'source_person', 'target_code',
    'target_name', 'target_sector', 'target_person', 'cameo_code', 'cameo_root', 'cameo_label', 'quad', 'goldstein',
    'plover_event', 'plover_mode', 'confidence', 'num_mentions', 'num_sources', 'num_articles', 'representative',
  ],
  event_links: ['event_id', 'merged_id', 'doc_id', 'outlet', 'mentions'],
  resolve_queue: ['doc_id', 'queued_at'],
} as const;

/** The outlet of a document: its source, else its URL's host, else one outlet per document. */
export function outletOf(doc: { id: string; source: string | null; url: string | null }): string {
  if (doc.source) return doc.source;
  if (doc.url) {
    try {
      const host = new URL(doc.url).hostname.replace(/^www\./, '');
      if (host) return host;
    } catch {
      // not a URL: fall through
    }
  }
  return `doc:${doc.id}`;
}

/** A MinHash signature as bytes (little-endian uint32s) and back. */
export function signatureBytes(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i], i * 4);
  return buf;
}

export function signatureFromBytes(buf: Uint8Array): Uint32Array {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = new Uint32Array(b.length >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt32LE(i * 4);
  return out;
}

/** Resolution rows that a merged-event head is stored as (shared by both dialects). */
export interface MergedEventsRow {
  id: string;
  date: string | null;
  date_basis: string;
  source_code: string | null;
  source_name: string | null;
  source_sector: string | null;
  source_person: string | null;
  target_code: string | null;
  target_name: string | null;
  target_sector: string | null;
  target_person: string | null;
  cameo_code: string;
  cameo_root: string;
  cameo_label: string;
  quad: number;
  goldstein: number;
  plover_event: string | null;
  plover_mode: string | null;
  confidence: number;
  num_mentions: number;
  num_sources: number;
  num_articles: number;
  representative: string;
}

export function headToRow(h: MergedHead): MergedEventsRow {
  return {
    id: h.id,
    date: h.date,
    date_basis: h.dateBasis,
    source_code: h.source.code,
    source_name: h.source.name,
    source_sector: h.source.sector,
    source_person: h.source.person,
    target_code: h.target.code,
    target_name: h.target.name,
    target_sector: h.target.sector,
    target_person: h.target.person,
    cameo_code: h.cameo.code,
    cameo_root: h.cameo.root,
    cameo_label: h.cameo.label,
    quad: h.quad,
    goldstein: h.goldstein,
    plover_event: h.plover.event,
    plover_mode: h.plover.mode,
    confidence: h.confidence,
    num_mentions: h.numMentions,
    num_sources: h.numSources,
    num_articles: h.numArticles,
    representative: h.representative,
  };
}

export function headFromRow(r: MergedEventsRow): MergedHead {
  return {
    id: r.id,
    date: r.date,
    dateBasis: r.date_basis as DateBasis,
    source: { code: r.source_code, name: r.source_name, sector: r.source_sector, person: r.source_person },
    target: { code: r.target_code, name: r.target_name, sector: r.target_sector, person: r.target_person },
    cameo: { code: r.cameo_code, root: r.cameo_root, label: r.cameo_label },
    quad: Number(r.quad),
    goldstein: Number(r.goldstein),
    plover: { event: r.plover_event, mode: r.plover_mode },
    confidence: Number(r.confidence),
    numMentions: Number(r.num_mentions),
    numSources: Number(r.num_sources),
    numArticles: Number(r.num_articles),
    representative: r.representative,
  };
}

/** The columns of the `events` table the resolver and the mention reader select. */
export interface EventRow {
  id: string;
  doc_id: string;
  date: string | null;
  date_basis: string;
  source_code: string | null;
  source_name: string | null;
  source_sector: string | null;
  source_person: string | null;
  target_code: string | null;
  target_name: string | null;
  target_sector: string | null;
  target_person: string | null;
  cameo_code: string;
  cameo_root: string;
  cameo_label: string;
  quad: number;
  goldstein: number;
  plover_event: string | null;
  plover_mode: string | null;
  confidence: number;
}

export const EVENT_ROW_COLUMNS = [
  'id', 'doc_id', 'date', 'date_basis', 'source_code', 'source_name', 'source_sector', 'source_person', 'target_code',
  'target_name', 'target_sector', 'target_person', 'cameo_code', 'cameo_root', 'cameo_label', 'quad', 'goldstein',
  'plover_event', 'plover_mode', 'confidence',
] as const;

/** An event row as an Event (evidence left empty for the caller to fill). */
export function eventFromRow(e: EventRow): Event {
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
    evidence: [],
  };
}

/** The evidence columns read back for mentions. */
export interface EvidenceRow {
  event_id: string;
  sentence: string;
  start: number;
  end: number;
  trigger_start: number;
  trigger_end: number;
  source_start: number | null;
  source_end: number | null;
  target_start: number | null;
  target_end: number | null;
}

export function evidenceFromRow(v: EvidenceRow): Event['evidence'][number] {
  const ev: Event['evidence'][number] = {
    sentence: v.sentence,
    start: Number(v.start),
    end: Number(v.end),
    trigger: { start: Number(v.trigger_start), end: Number(v.trigger_end) },
  };
  if (v.source_start !== null && v.source_end !== null) ev.source = { start: Number(v.source_start), end: Number(v.source_end) };
  if (v.target_start !== null && v.target_end !== null) ev.target = { start: Number(v.target_start), end: Number(v.target_end) };
  return ev;
}
