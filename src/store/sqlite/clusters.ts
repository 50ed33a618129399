/**
 * Cross-document resolution on SQLite (see ../clusters.ts): the resolver's transaction runs
 * synchronously inside one IMMEDIATE transaction, so nothing else in this process or another one
 * can interleave with it. Arrays are passed as one JSON parameter (`json_each`), so every statement
 * is prepared once whatever the batch size.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Event } from '../../doc.js';
import {
  EVENT_ROW_COLUMNS,
  eventFromRow,
  evidenceFromRow,
  headFromRow,
  headToRow,
  outletOf,
  signatureBytes,
  signatureFromBytes,
  CLUSTER_COLUMNS,
} from '../clusters.js';
import type {
  BandMatch,
  ClusterStore,
  ClusterTx,
  DyadWindow,
  EventRow,
  EvidenceRow,
  MergedEvent,
  MergedEventQuery,
  MergedEventsRow,
  MergedHead,
  ResolutionProgram,
  ResolutionStats,
  ResolutionWrite,
  ResolveDocument,
  StoryCluster,
  StoryDocument,
} from '../clusters.js';
import { mergedPageSql, pageHeads, splitMergedQuery } from '../merged-query.js';
import { count, DEFAULT_LIMIT } from '../options.js';
import { storeError } from '../store-error.js';
import { binder, fullText } from './event-queries.js';

type Stmt = BetterSqlite3.Statement<unknown[], unknown>;

const IDS = '(SELECT value FROM json_each(?))';
const EVENT_COLS = EVENT_ROW_COLUMNS.map((c) => `e.${c}`).join(', ');
const HEAD_COLS = CLUSTER_COLUMNS.merged_events.join(', ');

/** Statements prepared on first use (after migrations). */
class Statements {
  readonly queueIds: Stmt;
  readonly queueAll: Stmt;
  readonly pendingCount: Stmt;
  readonly takeQueue: Stmt;
  readonly deleteQueue: Stmt;
  readonly pendingDocs: Stmt;
  readonly docEvents: Stmt;
  readonly linkedMerged: Stmt;
  readonly forgetLinks: Stmt;
  readonly forgetBands: Stmt;
  readonly forgetSignatures: Stmt;
  readonly band: Stmt;
  readonly storyDocs: Stmt;
  readonly texts: Stmt;
  readonly byDyad: Stmt;
  readonly byStory: Stmt;
  readonly heads: Stmt;
  readonly putSignature: Stmt;
  readonly putBand: Stmt;
  readonly relabel: Stmt;
  readonly putHead: Stmt;
  readonly putLink: Stmt;
  readonly refresh: Stmt;
  readonly dropEmpty: Stmt;
  readonly storyOf: Stmt;
  readonly storyMembers: Stmt;
  readonly head: Stmt;
  readonly mentions: Stmt;
  readonly mentionEvidence: Stmt;
  readonly mergedOf: Stmt;
  readonly stats: Stmt;

  constructor(db: BetterSqlite3.Database) {
    this.queueIds = db.prepare(`INSERT INTO resolve_queue (doc_id, queued_at) SELECT value, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`);
    this.queueAll = db.prepare(
      `INSERT INTO resolve_queue (doc_id, queued_at)
       SELECT d.id, ? FROM documents d LEFT JOIN doc_signatures s ON s.doc_id = d.id
       WHERE s.doc_id IS NULL OR s.hash <> d.hash ORDER BY d.seq
       ON CONFLICT DO NOTHING`,
    );
    this.pendingCount = db.prepare('SELECT count(*) FROM resolve_queue').pluck();
    this.takeQueue = db
      .prepare(`SELECT q.doc_id FROM resolve_queue q LEFT JOIN documents d ON d.id = q.doc_id ORDER BY q.queued_at, d.seq LIMIT ?`)
      .pluck();
    this.deleteQueue = db.prepare(`DELETE FROM resolve_queue WHERE doc_id IN ${IDS}`);
    this.pendingDocs = db.prepare(
      `SELECT d.id, d.seq, d.hash, d.text, d.source, d.url, d.published, s.hash AS resolved_hash
       FROM documents d LEFT JOIN doc_signatures s ON s.doc_id = d.id
       WHERE d.id IN ${IDS} AND (s.doc_id IS NULL OR s.hash <> d.hash) ORDER BY d.seq`,
    );
    this.docEvents = db.prepare(
      `SELECT ${EVENT_COLS}, (SELECT count(*) FROM evidence v WHERE v.doc_seq = d.seq AND v.event_id = e.id) AS evidence_count
       FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.doc_id IN ${IDS} ORDER BY d.seq, e.seq`,
    );
    this.linkedMerged = db.prepare(`SELECT DISTINCT merged_id FROM event_links WHERE doc_id IN ${IDS}`).pluck();
    this.forgetLinks = db.prepare(`DELETE FROM event_links WHERE doc_id IN ${IDS}`);
    this.forgetBands = db.prepare(`DELETE FROM doc_bands WHERE doc_id IN ${IDS}`);
    this.forgetSignatures = db.prepare(`DELETE FROM doc_signatures WHERE doc_id IN ${IDS}`);
    this.band = db.prepare('SELECT doc_id FROM doc_bands WHERE band_key = ? LIMIT ?').pluck();
    this.storyDocs = db.prepare(
      `SELECT doc_id AS docId, story_id AS storyId, minhash, shingles FROM doc_signatures WHERE doc_id IN ${IDS}`,
    );
    this.texts = db.prepare(`SELECT id AS docId, text FROM documents WHERE id IN ${IDS}`);
    this.byDyad = db.prepare(
      `SELECT ${HEAD_COLS} FROM merged_events WHERE source_code = ? AND target_code = ? AND date >= ? AND date <= ?`,
    );
    this.byStory = db.prepare(
      `SELECT DISTINCT l.merged_id AS mergedId, s.story_id AS storyId
       FROM doc_signatures s JOIN event_links l ON l.doc_id = s.doc_id WHERE s.story_id IN ${IDS}`,
    );
    this.heads = db.prepare(`SELECT ${HEAD_COLS} FROM merged_events WHERE id IN ${IDS}`);
    this.putSignature = db.prepare(
      `INSERT OR REPLACE INTO doc_signatures (doc_id, hash, minhash, shingles, story_id, matched_doc, similarity, containment, resolved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.putBand = db.prepare('INSERT OR IGNORE INTO doc_bands (band_key, doc_id) VALUES (?, ?)');
    this.relabel = db.prepare('UPDATE doc_signatures SET story_id = ? WHERE story_id = ?');
    const cols = CLUSTER_COLUMNS.merged_events;
    this.putHead = db.prepare(
      `INSERT INTO merged_events (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${cols
         .filter((c) => c !== 'id' && !c.startsWith('num_'))
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}`,
    );
    this.putLink = db.prepare(
      'INSERT OR REPLACE INTO event_links (event_id, merged_id, doc_id, outlet, mentions) VALUES (?, ?, ?, ?, ?)',
    );
    this.refresh = db.prepare(
      `UPDATE merged_events SET num_mentions = x.m, num_articles = x.a, num_sources = x.s
       FROM (SELECT merged_id, sum(mentions) AS m, count(DISTINCT doc_id) AS a, count(DISTINCT outlet) AS s
             FROM event_links WHERE merged_id IN ${IDS} GROUP BY merged_id) x
       WHERE merged_events.id = x.merged_id`,
    );
    this.dropEmpty = db.prepare(
      `DELETE FROM merged_events WHERE id IN ${IDS} AND NOT EXISTS (SELECT 1 FROM event_links l WHERE l.merged_id = merged_events.id)`,
    );
    this.storyOf = db.prepare('SELECT story_id FROM doc_signatures WHERE doc_id = ?').pluck();
    this.storyMembers = db.prepare(
      `SELECT doc_id AS docId, matched_doc AS matchedDoc, similarity, containment FROM doc_signatures
       WHERE story_id = ? ORDER BY resolved_at, doc_id`,
    );
    this.head = db.prepare(`SELECT ${HEAD_COLS} FROM merged_events WHERE id = ?`);
    this.mentions = db.prepare(
      `SELECT ${EVENT_COLS} FROM event_links l JOIN events e ON e.id = l.event_id JOIN documents d ON d.id = e.doc_id
       WHERE l.merged_id = ? ORDER BY d.seq, e.seq`,
    );
    this.mentionEvidence = db.prepare(
      `SELECT v.event_id, v.sentence, v."start", v."end", v.trigger_start, v.trigger_end, v.source_start, v.source_end,
              v.target_start, v.target_end
       FROM event_links l JOIN documents d ON d.id = l.doc_id JOIN evidence v ON v.doc_seq = d.seq AND v.event_id = l.event_id
       WHERE l.merged_id = ? ORDER BY v.event_id, v.seq`,
    );
    this.mergedOf = db.prepare('SELECT merged_id FROM event_links WHERE event_id = ?').pluck();
    this.stats = db.prepare(
      `SELECT (SELECT count(*) FROM doc_signatures) AS documents,
              (SELECT count(*) FROM (SELECT story_id FROM doc_signatures GROUP BY story_id HAVING count(*) > 1)) AS stories,
              (SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM doc_signatures GROUP BY story_id HAVING count(*) > 1)) AS clusteredDocuments,
              (SELECT count(*) FROM merged_events) AS mergedEvents,
              (SELECT count(*) FROM event_links) AS links,
              (SELECT count(*) FROM merged_events WHERE num_articles > 1) AS multiArticleEvents,
              (SELECT count(*) FROM resolve_queue) AS pending`,
    );
  }
}

interface DocRow {
  id: string;
  seq: number;
  hash: string;
  text: string;
  source: string | null;
  url: string | null;
  published: string | null;
  resolved_hash: string | null;
}

/** The resolver's operations on one SQLite connection (synchronous; called inside the transaction). */
class SqliteClusterTx implements ClusterTx {
  readonly #s: Statements;

  constructor(s: Statements) {
    this.#s = s;
  }

  takePending(limit: number): { taken: number; documents: ResolveDocument[] } {
    const s = this.#s;
    const ids = s.takeQueue.all(limit) as string[];
    if (ids.length === 0) return { taken: 0, documents: [] };
    const json = JSON.stringify(ids);
    s.deleteQueue.run(json);
    const docs = s.pendingDocs.all(json) as DocRow[];
    if (docs.length === 0) return { taken: ids.length, documents: [] };
    const events = s.docEvents.all(JSON.stringify(docs.map((d) => d.id))) as (EventRow & { evidence_count: number })[];
    const byDoc = new Map<string, ResolveDocument>();
    const out = docs.map((d): ResolveDocument => {
      const doc: ResolveDocument = {
        id: d.id,
        hash: d.hash,
        text: d.text,
        outlet: outletOf(d),
        published: d.published,
        resolvedHash: d.resolved_hash,
        events: [],
      };
      byDoc.set(d.id, doc);
      return doc;
    });
    for (const e of events) {
      const { evidence, ...ev } = eventFromRow(e);
      void evidence;
      byDoc.get(e.doc_id)?.events.push({ ...ev, evidenceCount: Number(e.evidence_count) });
    }
    return { taken: ids.length, documents: out };
  }

  forget(docIds: string[]): string[] {
    if (docIds.length === 0) return [];
    const s = this.#s;
    const json = JSON.stringify(docIds);
    const merged = s.linkedMerged.all(json) as string[];
    s.forgetLinks.run(json);
    s.forgetBands.run(json);
    s.forgetSignatures.run(json);
    return merged;
  }

  bandMatches(keys: number[], perKey: number): BandMatch[] {
    const out: BandMatch[] = [];
    for (const key of keys) for (const docId of this.#s.band.all(key, perKey) as string[]) out.push({ key, docId });
    return out;
  }

  storyDocuments(docIds: string[]): StoryDocument[] {
    if (docIds.length === 0) return [];
    const rows = this.#s.storyDocs.all(JSON.stringify(docIds)) as { docId: string; storyId: string; minhash: Buffer; shingles: number }[];
    return rows.map((r) => ({ ...r, minhash: signatureFromBytes(r.minhash) }));
  }

  texts(docIds: string[]): { docId: string; text: string }[] {
    if (docIds.length === 0) return [];
    return this.#s.texts.all(JSON.stringify(docIds)) as { docId: string; text: string }[];
  }

  mergedByDyad(windows: DyadWindow[]): MergedHead[] {
    const out: MergedHead[] = [];
    for (const w of windows) {
      for (const r of this.#s.byDyad.all(w.source, w.target, w.from, w.to) as MergedEventsRow[]) out.push(headFromRow(r));
    }
    return out;
  }

  mergedByStory(storyIds: string[]): { mergedId: string; storyId: string }[] {
    if (storyIds.length === 0) return [];
    return this.#s.byStory.all(JSON.stringify(storyIds)) as { mergedId: string; storyId: string }[];
  }

  mergedHeads(ids: string[]): MergedHead[] {
    if (ids.length === 0) return [];
    return (this.#s.heads.all(JSON.stringify(ids)) as MergedEventsRow[]).map(headFromRow);
  }

  write(w: ResolutionWrite): void {
    const s = this.#s;
    const now = new Date().toISOString();
    for (const g of w.signatures) {
      s.putSignature.run(g.docId, g.hash, signatureBytes(g.minhash), g.shingles, g.storyId, g.matchedDoc, g.similarity, g.containment, now);
    }
    for (const b of w.bands) s.putBand.run(b.key, b.docId);
    for (const r of w.relabel) s.relabel.run(r.to, r.from);
    for (const h of w.heads) s.putHead.run(headToRow(h));
    for (const l of w.links) s.putLink.run(l.eventId, l.mergedId, l.docId, l.outlet, l.mentions);
    if (w.touched.length > 0) {
      const json = JSON.stringify(w.touched);
      s.refresh.run(json);
      s.dropEmpty.run(json);
    }
  }
}

/** Resolution on a SQLite store: {@link ClusterStore} over one connection. */
export class SqliteClusters implements ClusterStore {
  readonly #db: BetterSqlite3.Database;
  readonly #location: string;
  #stmts: Statements | undefined;

  constructor(db: BetterSqlite3.Database, location: string) {
    this.#db = db;
    this.#location = location;
  }

  private get stmts(): Statements {
    return (this.#stmts ??= new Statements(this.#db));
  }

  private read<T>(fn: (s: Statements) => T): T {
    try {
      return fn(this.stmts);
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.#location, err);
    }
  }

  private writeTx<T>(fn: (s: Statements) => T): T {
    try {
      return this.#db.transaction(() => fn(this.stmts)).immediate();
    } catch (err) {
      throw storeError('PARLEY_STORE_WRITE', this.#location, err);
    }
  }

  async queueResolution(ids?: string[]): Promise<number> {
    const now = new Date().toISOString();
    return this.writeTx((s) =>
      ids === undefined ? s.queueAll.run(now).changes : ids.length === 0 ? 0 : s.queueIds.run(now, JSON.stringify(ids)).changes,
    );
  }

  async pendingResolution(): Promise<number> {
    return this.read((s) => Number(s.pendingCount.get()));
  }

  async runResolution<T>(program: ResolutionProgram<T>): Promise<T | undefined> {
    return this.writeTx((s) => {
      const tx = new SqliteClusterTx(s);
      const gen = program();
      let step = gen.next();
      while (!step.done) {
        const value = step.value(tx);
        if (value instanceof Promise) throw new Error('a SQLite resolution step returned a promise');
        step = gen.next(value);
      }
      return step.value;
    });
  }

  async resetResolution(): Promise<void> {
    this.writeTx(() => {
      this.#db.exec('DELETE FROM resolve_queue; DELETE FROM event_links; DELETE FROM merged_events; DELETE FROM doc_bands; DELETE FROM doc_signatures;');
    });
  }

  async getStory(docId: string): Promise<StoryCluster | undefined> {
    return this.read((s) => {
      const id = s.storyOf.get(docId) as string | undefined;
      if (id === undefined) return undefined;
      return { id, documents: s.storyMembers.all(id) as StoryCluster['documents'] };
    });
  }

  async listMergedEvents(query: MergedEventQuery = {}): Promise<MergedEvent[]> {
    const { filter, page } = splitMergedQuery(query);
    const q = mergedPageSql(filter, page, count(query.limit, DEFAULT_LIMIT), binder(), fullText(false), 'articles');
    return this.read(() => pageHeads(this.#db.prepare(q.sql).all(...q.params) as MergedEventsRow[], q.limit));
  }

  async getMergedEvent(id: string): Promise<MergedEvent | undefined> {
    return this.read((s) =>
      this.#db.transaction(() => {
        const row = s.head.get(id) as MergedEventsRow | undefined;
        if (!row) return undefined;
        const mentions: Event[] = (s.mentions.all(id) as EventRow[]).map(eventFromRow);
        const byId = new Map(mentions.map((e) => [e.id, e]));
        for (const v of s.mentionEvidence.all(id) as EvidenceRow[]) byId.get(v.event_id)?.evidence.push(evidenceFromRow(v));
        return { ...headFromRow(row), mentions };
      })(),
    );
  }

  async mergedEventOf(eventId: string): Promise<string | undefined> {
    return this.read((s) => s.mergedOf.get(eventId) as string | undefined);
  }

  async resolutionStats(): Promise<ResolutionStats> {
    return this.read((s) => {
      const r = s.stats.get() as Record<keyof ResolutionStats, number>;
      return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])) as unknown as ResolutionStats;
    });
  }
}
