/**
 * Articles posted to `POST /api/documents`, run through the same pipeline as `parley ingest`
 * (the `full` pipeline, built once on first use, in this thread or — for a server, so that a large
 * POST does not hold the event loop — in worker threads) and stored in one batch. Each
 * article is read with the JSONL ingest rules (`recordToRaw`: text wins over html; id defaults to
 * one made from the content hash), so an article posted here and the same line ingested from a
 * file become the same document. Known content is reported as a duplicate without processing.
 */
import { contentId, sha256Hex } from '../ingest/index.js';
import { recordToRaw } from '../ingest/record.js';
import { toStoredDoc } from '../output.js';
import { createRunner } from '../runner.js';
import type { RawItem, Runner } from '../runner.js';
import { pipelineSpec } from '../stages.js';
import type { Store } from '../store/store.js';

export interface ArticleRecord {
  id?: string;
  url?: string;
  title?: string;
  published?: string;
  source?: string;
  text?: string;
  html?: string;
}

export interface ArticleOutcome {
  index: number;
  id: string;
  status: 'inserted' | 'updated' | 'duplicate' | 'failed';
  events: number;
  message?: string;
}

export interface IngestOutcome {
  results: ArticleOutcome[];
  counts: { inserted: number; updated: number; duplicates: number; failed: number; events: number };
}

export interface IngesterOptions {
  /** Worker threads for the pipeline (default 0: in this thread). */
  workers?: number;
}

export class ArticleIngester {
  readonly #store: Store;
  readonly #workers: number;
  #runner: Promise<Runner> | undefined;
  /** Batches run one after another: the store takes one writer. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(store: Store, opts: IngesterOptions = {}) {
    this.#store = store;
    this.#workers = Math.max(0, Math.floor(opts.workers ?? 0));
  }

  private runner(): Promise<Runner> {
    if (!this.#runner) {
      const r = pipelineSpec('full').then((pipeline) => createRunner({ pipeline, config: {}, workers: this.#workers }));
      // A runner that failed to start is tried again on the next POST.
      r.catch(() => {
        if (this.#runner === r) this.#runner = undefined;
      });
      this.#runner = r;
    }
    return this.#runner;
  }

  /** Process and store the articles; never throws for a bad article (its outcome says why). */
  ingest(records: ArticleRecord[]): Promise<IngestOutcome> {
    const run = this.#queue.then(() => this.run(records));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  private async run(records: ArticleRecord[]): Promise<IngestOutcome> {
    const results: ArticleOutcome[] = [];
    const items: { index: number; item: RawItem }[] = [];
    records.forEach((rec, index) => {
      const r = recordToRaw(rec, { path: 'api', line: index + 1, format: 'jsonl' });
      if (!r.ok) {
        results[index] = { index, id: rec.id ?? '', status: 'failed', events: 0, message: r.why };
        return;
      }
      const hash = sha256Hex(r.raw.text ?? r.raw.html ?? '');
      const id = r.id ?? contentId(hash);
      r.raw.id = id;
      items.push({ index, item: { id, hash, raw: r.raw } });
    });
    const known = await this.#store.knownHashes(items.map((x) => x.item.hash));
    const seen = new Set<string>();
    const todo = items.filter(({ index, item }) => {
      if (known.has(item.hash) || seen.has(item.hash)) {
        results[index] = { index, id: item.id, status: 'duplicate', events: 0 };
        return false;
      }
      seen.add(item.hash);
      return true;
    });
    if (todo.length > 0) {
      const docs = await (await this.runner()).process(todo.map((x) => x.item));
      const good: { index: number; doc: (typeof docs)[number] }[] = [];
      docs.forEach((doc, i) => {
        const index = todo[i].index;
        const fatal = doc.diagnostics.find((d) => d.severity === 'fatal');
        if (fatal) results[index] = { index, id: doc.id, status: 'failed', events: 0, message: fatal.reason };
        else good.push({ index, doc });
      });
      const put = await this.#store.putDocuments(good.map((g) => toStoredDoc(g.doc)));
      put.forEach((status, i) => {
        const { index, doc } = good[i];
        results[index] = { index, id: doc.id, status, events: status === 'duplicate' ? 0 : doc.layers.events.length };
      });
    }
    const counts = { inserted: 0, updated: 0, duplicates: 0, failed: 0, events: 0 };
    for (const r of results) {
      if (r.status === 'duplicate') counts.duplicates++;
      else counts[r.status]++;
      counts.events += r.events;
    }
    return { results, counts };
  }

  async close(): Promise<void> {
    const r = this.#runner;
    this.#runner = undefined;
    if (r) await r.then((x) => x.close(), () => undefined);
  }
}
