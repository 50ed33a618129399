/**
 * Cross-document resolution on PostgreSQL (see ../clusters.ts). A resolution runs in one
 * transaction that first takes the store's resolution lock, a transaction-scoped advisory lock:
 * only one process resolves at a time, so the resolver never races itself, while any number of
 * workers keep putting documents (which take only their own documents' locks). With `wait: false`
 * a worker that finds the lock taken goes on at once; the holder looks at the queue again after it
 * commits (src/resolve), so nothing queued is left behind.
 *
 * Every operation is one statement whatever the batch size: arrays go in as `text[]`/`bigint[]`
 * parameters and rows as a JSON recordset.
 */
import type { Pool, PoolClient } from 'pg';
import type { Event } from '../../doc.js';
import {
  CLUSTER_COLUMNS,
  EVENT_ROW_COLUMNS,
  eventFromRow,
  evidenceFromRow,
  headFromRow,
  headToRow,
  outletOf,
  signatureBytes,
  signatureFromBytes,
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

const EVENT_COLS = EVENT_ROW_COLUMNS.map((c) => `e.${c}`).join(', ');
const HEAD_COLS = CLUSTER_COLUMNS.merged_events.join(', ');

/** The columns of a JSON recordset insert. */
function recordset(table: keyof typeof CLUSTER_COLUMNS, cols: readonly string[]): string {
  const list = cols.join(', ');
  return `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`;
}

const PUT_SIGNATURES = `INSERT INTO doc_signatures (doc_id, hash, minhash, shingles, story_id, matched_doc, similarity, containment, resolved_at)
  SELECT doc_id, hash, decode(minhash, 'base64'), shingles, story_id, matched_doc, similarity, containment, resolved_at
  FROM json_to_recordset($1::json) AS x(doc_id text, hash text, minhash text, shingles integer, story_id text, matched_doc text,
    similarity float8, containment float8, resolved_at text)
  ON CONFLICT (doc_id) DO UPDATE SET hash = excluded.hash, minhash = excluded.minhash, shingles = excluded.shingles,
    story_id = excluded.story_id, matched_doc = excluded.matched_doc, similarity = excluded.similarity,
    containment = excluded.containment, resolved_at = excluded.resolved_at`;

const PUT_HEADS = `${recordset('merged_events', CLUSTER_COLUMNS.merged_events)}
  ON CONFLICT (id) DO UPDATE SET ${CLUSTER_COLUMNS.merged_events
    .filter((c) => c !== 'id' && !c.startsWith('num_'))
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;

const PUT_LINKS = `${recordset('event_links', CLUSTER_COLUMNS.event_links)}
  ON CONFLICT (event_id) DO UPDATE SET merged_id = excluded.merged_id, doc_id = excluded.doc_id, outlet = excluded.outlet,
    mentions = excluded.mentions`;

const REFRESH = `UPDATE merged_events m SET num_mentions = x.m, num_articles = x.a, num_sources = x.s
  FROM (SELECT merged_id, sum(mentions)::integer AS m, count(DISTINCT doc_id)::integer AS a, count(DISTINCT outlet)::integer AS s
        FROM event_links WHERE merged_id = ANY($1::text[]) GROUP BY merged_id) x
  WHERE m.id = x.merged_id`;

const DROP_EMPTY = `DELETE FROM merged_events m WHERE m.id = ANY($1::text[])
  AND NOT EXISTS (SELECT 1 FROM event_links l WHERE l.merged_id = m.id)`;

const STATS = `SELECT (SELECT count(*) FROM doc_signatures)::float8 AS documents,
  (SELECT count(*) FROM (SELECT story_id FROM doc_signatures GROUP BY story_id HAVING count(*) > 1) x)::float8 AS stories,
  (SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM doc_signatures GROUP BY story_id HAVING count(*) > 1) x)::float8 AS "clusteredDocuments",
  (SELECT count(*) FROM merged_events)::float8 AS "mergedEvents",
  (SELECT count(*) FROM event_links)::float8 AS links,
  (SELECT count(*) FROM merged_events WHERE num_articles > 1)::float8 AS "multiArticleEvents",
  (SELECT count(*) FROM resolve_queue)::float8 AS pending`;

interface DocRow {
  id: string;
  hash: string;
  text: string;
  source: string | null;
  url: string | null;
  published: string | null;
  resolved_hash: string | null;
}

/** The resolver's operations on one connection inside the resolution transaction. */
class PostgresClusterTx implements ClusterTx {
  readonly #c: PoolClient;

  constructor(c: PoolClient) {
    this.#c = c;
  }

  async takePending(limit: number): Promise<{ taken: number; documents: ResolveDocument[] }> {
    const c = this.#c;
    const taken = await c.query<{ doc_id: string }>(
      `DELETE FROM resolve_queue WHERE doc_id IN (
         SELECT q.doc_id FROM resolve_queue q LEFT JOIN documents d ON d.id = q.doc_id ORDER BY q.queued_at, d.seq LIMIT $1)
       RETURNING doc_id`,
      [limit],
    );
    if (taken.rows.length === 0) return { taken: 0, documents: [] };
    const ids = taken.rows.map((r) => r.doc_id);
    const docs = await c.query<DocRow>(
      `SELECT d.id, d.hash, d.text, d.source, d.url, d.published, s.hash AS resolved_hash
       FROM documents d LEFT JOIN doc_signatures s ON s.doc_id = d.id
       WHERE d.id = ANY($1::text[]) AND (s.doc_id IS NULL OR s.hash <> d.hash) ORDER BY d.seq`,
      [ids],
    );
    if (docs.rows.length === 0) return { taken: ids.length, documents: [] };
    const events = await c.query<EventRow & { evidence_count: number }>(
      `SELECT ${EVENT_COLS},
              (SELECT count(*) FROM evidence v WHERE v.doc_seq = d.seq AND v.event_id = e.id)::integer AS evidence_count
       FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = ANY($1::text[]) ORDER BY d.seq, e.seq`,
      [docs.rows.map((d) => d.id)],
    );
    const byDoc = new Map<string, ResolveDocument>();
    const out = docs.rows.map((d): ResolveDocument => {
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
    for (const e of events.rows) {
      const { evidence, ...ev } = eventFromRow(e);
      void evidence;
      byDoc.get(e.doc_id)?.events.push({ ...ev, evidenceCount: Number(e.evidence_count) });
    }
    return { taken: ids.length, documents: out };
  }

  async forget(docIds: string[]): Promise<string[]> {
    if (docIds.length === 0) return [];
    const c = this.#c;
    const links = await c.query<{ merged_id: string }>('DELETE FROM event_links WHERE doc_id = ANY($1::text[]) RETURNING merged_id', [docIds]);
    await c.query('DELETE FROM doc_bands WHERE doc_id = ANY($1::text[])', [docIds]);
    await c.query('DELETE FROM doc_signatures WHERE doc_id = ANY($1::text[])', [docIds]);
    return [...new Set(links.rows.map((r) => r.merged_id))];
  }

  async bandMatches(keys: number[], perKey: number): Promise<BandMatch[]> {
    if (keys.length === 0) return [];
    const r = await this.#c.query<{ key: string; doc_id: string }>(
      `SELECT k::text AS key, b.doc_id FROM unnest($1::bigint[]) k,
         LATERAL (SELECT doc_id FROM doc_bands WHERE band_key = k LIMIT $2) b`,
      [keys.map(String), perKey],
    );
    return r.rows.map((x) => ({ key: Number(x.key), docId: x.doc_id }));
  }

  async storyDocuments(docIds: string[]): Promise<StoryDocument[]> {
    if (docIds.length === 0) return [];
    const r = await this.#c.query<{ docId: string; storyId: string; minhash: Buffer; shingles: number }>(
      `SELECT doc_id AS "docId", story_id AS "storyId", minhash, shingles FROM doc_signatures WHERE doc_id = ANY($1::text[])`,
      [docIds],
    );
    return r.rows.map((x) => ({ ...x, minhash: signatureFromBytes(x.minhash) }));
  }

  async texts(docIds: string[]): Promise<{ docId: string; text: string }[]> {
    if (docIds.length === 0) return [];
    const r = await this.#c.query<{ docId: string; text: string }>('SELECT id AS "docId", text FROM documents WHERE id = ANY($1::text[])', [docIds]);
    return r.rows;
  }

  async mergedByDyad(windows: DyadWindow[]): Promise<MergedHead[]> {
    if (windows.length === 0) return [];
    const r = await this.#c.query<MergedEventsRow>(
      `SELECT DISTINCT ${CLUSTER_COLUMNS.merged_events.map((c) => `m.${c}`).join(', ')}
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS w(src, tgt, lo, hi)
       JOIN merged_events m ON m.source_code = w.src AND m.target_code = w.tgt AND m.date >= w.lo AND m.date <= w.hi`,
      [windows.map((w) => w.source), windows.map((w) => w.target), windows.map((w) => w.from), windows.map((w) => w.to)],
    );
    return r.rows.map(headFromRow);
  }

  async mergedByStory(storyIds: string[]): Promise<{ mergedId: string; storyId: string }[]> {
    if (storyIds.length === 0) return [];
    const r = await this.#c.query<{ mergedId: string; storyId: string }>(
      `SELECT DISTINCT l.merged_id AS "mergedId", s.story_id AS "storyId"
       FROM doc_signatures s JOIN event_links l ON l.doc_id = s.doc_id WHERE s.story_id = ANY($1::text[])`,
      [storyIds],
    );
    return r.rows;
  }

  async mergedHeads(ids: string[]): Promise<MergedHead[]> {
    if (ids.length === 0) return [];
    const r = await this.#c.query<MergedEventsRow>(`SELECT ${HEAD_COLS} FROM merged_events WHERE id = ANY($1::text[])`, [ids]);
    return r.rows.map(headFromRow);
  }

  async write(w: ResolutionWrite): Promise<void> {
    const c = this.#c;
    const now = new Date().toISOString();
    if (w.signatures.length > 0) {
      await c.query(PUT_SIGNATURES, [
        JSON.stringify(
          w.signatures.map((g) => ({
            doc_id: g.docId,
            hash: g.hash,
            minhash: signatureBytes(g.minhash).toString('base64'),
            shingles: g.shingles,
            story_id: g.storyId,
            matched_doc: g.matchedDoc,
            similarity: g.similarity,
            containment: g.containment,
            resolved_at: now,
          })),
        ),
      ]);
    }
    if (w.bands.length > 0) {
      await c.query(
        `INSERT INTO doc_bands (band_key, doc_id) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING`,
        [w.bands.map((b) => String(b.key)), w.bands.map((b) => b.docId)],
      );
    }
    for (const r of w.relabel) await c.query('UPDATE doc_signatures SET story_id = $1 WHERE story_id = $2', [r.to, r.from]);
    if (w.heads.length > 0) await c.query(PUT_HEADS, [JSON.stringify(w.heads.map(headToRow))]);
    if (w.links.length > 0) {
      await c.query(PUT_LINKS, [
        JSON.stringify(w.links.map((l) => ({ event_id: l.eventId, merged_id: l.mergedId, doc_id: l.docId, outlet: l.outlet, mentions: l.mentions }))),
      ]);
    }
    if (w.touched.length > 0) {
      await c.query(REFRESH, [w.touched]);
      await c.query(DROP_EMPTY, [w.touched]);
    }
  }
}

/** Resolution on a PostgreSQL store: {@link ClusterStore} over the store's pool. */
export class PostgresClusters implements ClusterStore {
  readonly #pool: Pool;
  readonly #location: string;
  readonly #lockKey: string;

  constructor(pool: Pool, schema: string | undefined, location: string) {
    this.#pool = pool;
    this.#location = location;
    this.#lockKey = `parley:resolve:${schema ?? ''}`;
  }

  private async read<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw storeError('PARLEY_STORE_READ', this.#location, err);
    }
  }

  async queueResolution(ids?: string[]): Promise<number> {
    const now = new Date().toISOString();
    try {
      if (ids !== undefined && ids.length === 0) return 0;
      const r =
        ids === undefined
          ? await this.#pool.query(
              `INSERT INTO resolve_queue (doc_id, queued_at)
               SELECT d.id, $1 FROM documents d LEFT JOIN doc_signatures s ON s.doc_id = d.id
               WHERE s.doc_id IS NULL OR s.hash <> d.hash ORDER BY d.seq ON CONFLICT DO NOTHING`,
              [now],
            )
          : await this.#pool.query(
              `INSERT INTO resolve_queue (doc_id, queued_at) SELECT x, $1 FROM unnest($2::text[]) x ON CONFLICT DO NOTHING`,
              [now, ids],
            );
      return r.rowCount ?? 0;
    } catch (err) {
      throw storeError('PARLEY_STORE_WRITE', this.#location, err);
    }
  }

  async pendingResolution(): Promise<number> {
    return this.read(async () => Number((await this.#pool.query<{ n: string }>('SELECT count(*) AS n FROM resolve_queue')).rows[0].n));
  }

  async runResolution<T>(program: ResolutionProgram<T>, opts: { wait?: boolean } = {}): Promise<T | undefined> {
    let client: PoolClient | undefined;
    // A connection lost while checked out fails the query in progress; without a listener its
    // 'error' event would also crash the process.
    const lost = () => undefined;
    try {
      client = await this.#pool.connect();
      client.on('error', lost);
      await client.query('BEGIN');
      if (opts.wait) {
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [this.#lockKey]);
      } else {
        const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS ok', [this.#lockKey]);
        if (!got.rows[0].ok) {
          await client.query('ROLLBACK');
          return undefined;
        }
      }
      const tx = new PostgresClusterTx(client);
      const gen = program();
      let step = gen.next();
      while (!step.done) step = gen.next(await step.value(tx));
      await client.query('COMMIT');
      return step.value;
    } catch (err) {
      await client?.query('ROLLBACK').catch(() => undefined);
      throw storeError('PARLEY_STORE_WRITE', this.#location, err);
    } finally {
      client?.removeListener('error', lost);
      client?.release();
    }
  }

  async resetResolution(): Promise<void> {
    try {
      await this.#pool.query('TRUNCATE resolve_queue, event_links, merged_events, doc_bands, doc_signatures');
    } catch (err) {
      throw storeError('PARLEY_STORE_WRITE', this.#location, err);
    }
  }

  async getStory(docId: string): Promise<StoryCluster | undefined> {
    return this.read(async () => {
      const r = await this.#pool.query<{ story_id: string }>('SELECT story_id FROM doc_signatures WHERE doc_id = $1', [docId]);
      const id = r.rows[0]?.story_id;
      if (id === undefined) return undefined;
      const m = await this.#pool.query<StoryCluster['documents'][number]>(
        `SELECT doc_id AS "docId", matched_doc AS "matchedDoc", similarity::float8 AS similarity, containment::float8 AS containment
         FROM doc_signatures WHERE story_id = $1 ORDER BY resolved_at, doc_id`,
        [id],
      );
      return { id, documents: m.rows };
    });
  }

  async listMergedEvents(query: MergedEventQuery = {}): Promise<MergedEvent[]> {
    const { filter, page } = splitMergedQuery(query);
    const q = mergedPageSql(filter, page, count(query.limit, DEFAULT_LIMIT), binder(), fullText, 'articles');
    return this.read(async () => pageHeads((await this.#pool.query<MergedEventsRow>(q.sql, q.params)).rows, q.limit));
  }

  async getMergedEvent(id: string): Promise<MergedEvent | undefined> {
    return this.read(async () => {
      const r = await this.#pool.query<{ head: MergedEventsRow | null; mentions: EventRow[]; evidence: EvidenceRow[] }>(
        `SELECT (SELECT row_to_json(x) FROM (SELECT ${HEAD_COLS} FROM merged_events WHERE id = $1) x) AS head,
          (SELECT coalesce(json_agg(x), '[]'::json) FROM (
             SELECT ${EVENT_COLS} FROM event_links l JOIN events e ON e.id = l.event_id JOIN documents d ON d.id = e.doc_id
             WHERE l.merged_id = $1 ORDER BY d.seq, e.seq) x) AS mentions,
          (SELECT coalesce(json_agg(x), '[]'::json) FROM (
             SELECT v.event_id, v.sentence, v."start", v."end", v.trigger_start, v.trigger_end, v.source_start, v.source_end,
                    v.target_start, v.target_end
             FROM event_links l JOIN documents d ON d.id = l.doc_id JOIN evidence v ON v.doc_seq = d.seq AND v.event_id = l.event_id
             WHERE l.merged_id = $1 ORDER BY v.event_id, v.seq) x) AS evidence`,
        [id],
      );
      const row = r.rows[0];
      if (!row?.head) return undefined;
      const mentions: Event[] = row.mentions.map(eventFromRow);
      const byId = new Map(mentions.map((e) => [e.id, e]));
      for (const v of row.evidence) byId.get(v.event_id)?.evidence.push(evidenceFromRow(v));
      return { ...headFromRow(row.head), mentions };
    });
  }

  async mergedEventOf(eventId: string): Promise<string | undefined> {
    return this.read(async () => {
      const r = await this.#pool.query<{ merged_id: string }>('SELECT merged_id FROM event_links WHERE event_id = $1', [eventId]);
      return r.rows[0]?.merged_id;
    });
  }

  async resolutionStats(): Promise<ResolutionStats> {
    return this.read(async () => (await this.#pool.query<ResolutionStats>(STATS)).rows[0]);
  }
}
