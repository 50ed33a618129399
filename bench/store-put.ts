/**
 * Store write throughput: generated articles of about 600 words (20 blocks, 2 of them dropped,
 * 12 mentions, 4 events with evidence, 8 diagnostics: 49 rows) put in batches into a fresh SQLite
 * file and, when the server answers, a fresh PostgreSQL schema (dropped afterwards). The text draws on a
 * vocabulary of a few thousand made-up words with a skewed frequency, so the full-text index
 * grows roughly as it would with real news.
 *
 * Prints, per store: documents per second for `putDocuments` alone and for the ingest write path
 * (`knownHashes` + `putDocuments`), rows written, file size, and the process's peak RSS.
 * Run: `node --import tsx bench/store-put.ts [--docs 20000] [--batch 500] [--stores sqlite,postgres]`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Block, Diagnostic, Event, Mention } from '../src/doc.js';
import { openStore } from '../src/store/open-store.js';
import type { StoredDoc } from '../src/store/store.js';

export interface StorePutOptions {
  docs?: number;
  batch?: number;
  stores?: ('sqlite' | 'postgres')[];
  /** PostgreSQL server (default `PARLEY_TEST_PG` or postgres://postgres@127.0.0.1:5432/test). */
  pg?: string;
  /** Print a line per store as it finishes. */
  log?: (line: string) => void;
}

export interface StorePutResult {
  store: 'sqlite' | 'postgres';
  docs: number;
  batch: number;
  /** Documents per second counting only `putDocuments` (wall clock). */
  putDocsPerSec: number;
  /**
   * Documents per second of this process's CPU time in `putDocuments` (SQLite works in this
   * thread, so this is its cost per document whatever else runs on the machine; for PostgreSQL it
   * is only the client's share).
   */
  putCpuDocsPerSec: number;
  /** Documents per second for `knownHashes` + `putDocuments`, as `parley ingest` writes. */
  ingestDocsPerSec: number;
  /** Rows written per document (document, blocks, mentions, events, evidence, diagnostics). */
  rowsPerDoc: number;
  words: number;
  /** SQLite file size (with WAL) after the run, in MB. */
  fileMB?: number;
  /** Peak RSS of this process so far, in MB. */
  peakRssMB: number;
  /** Why the store was skipped. */
  skipped?: string;
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka lo mi ren tas vor ul pe dri no sha gel um bra tiv os qua ne zor fin lu cam der'.split(' ');

function vocabulary(size: number): string[] {
  const r = rng(7);
  const seen = new Set<string>();
  while (seen.size < size) {
    const n = 1 + Math.floor(r() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    seen.add(w);
  }
  return [...seen];
}

const VOCAB = vocabulary(5000);
const ACTORS = ['Norvania', 'Kestria', 'Velmora', 'Ostrand', 'Calvessa', 'Duren', 'Maravel', 'Tolune'];

/** One generated article, number `n`. */
export function benchDoc(n: number): StoredDoc {
  const r = rng(n + 1);
  // Ids like the ingest's content ids (`h-` + 16 hex digits): in no particular order.
  const id = `h-${createHash('sha256').update(String(n)).digest('hex').slice(0, 16)}`;
  // Skewed choice: small ranks are common, like function words and frequent nouns.
  const word = () => VOCAB[Math.floor(VOCAB.length * r() ** 3)];
  const lines: string[] = [];
  const blocks: Block[] = [];
  const mentions: Mention[] = [];
  const events: Event[] = [];
  const diagnostics: Diagnostic[] = [];
  let offset = 0;
  for (let i = 0; i < 20; i++) {
    const words: string[] = [];
    const len = i === 0 ? 8 : 28 + Math.floor(r() * 6);
    for (let k = 0; k < len; k++) words.push(word());
    const actorA = ACTORS[Math.floor(r() * ACTORS.length)];
    const actorB = ACTORS[Math.floor(r() * ACTORS.length)];
    if (i > 0) words.splice(2, 0, actorA, 'warned', actorB);
    let line = words.join(' ');
    line = line[0].toUpperCase() + line.slice(1) + '.';
    const block: Block = { id: i, line: i, kind: i === 0 ? 'h' : 'p', start: offset, end: offset + line.length };
    if (i === 18 || i === 19) {
      block.dropped = i === 18 ? 'caption' : 'promo';
      diagnostics.push({ severity: 'info', source: 'clean', ruleId: `clean:${block.dropped}`, reason: 'dropped', start: block.start, end: block.end });
    }
    if (i > 0 && i < 18 && mentions.length < 12) {
      for (const name of [actorA, actorB]) {
        const at = line.indexOf(name, mentions.length % 2 === 1 ? line.indexOf('warned') : 0);
        mentions.push({
          id: mentions.length,
          start: offset + at,
          end: offset + at + name.length,
          text: name,
          actor: name.slice(0, 3).toUpperCase(),
          country: name.slice(0, 3).toUpperCase(),
          sector: i % 3 === 0 ? 'GOV' : null,
          role: null,
          person: null,
          sentence: i,
          resolvedBy: 'name',
        });
      }
      if (events.length < 4) {
        const src = mentions[mentions.length - 2];
        const tgt = mentions[mentions.length - 1];
        const trig = offset + line.indexOf('warned');
        events.push({
          id: `${id}:e${events.length}`,
          docId: id,
          date: '2031-05-06',
          dateBasis: 'publication',
          source: { code: src.country, name: src.text, sector: src.sector, person: null },
          target: { code: tgt.country, name: tgt.text, sector: tgt.sector, person: null },
          cameo: { code: '130', root: '13', label: 'Threaten' },
          quad: 3,
          goldstein: -4.4,
          plover: { event: 'THREATEN', mode: null },
          confidence: 0.7,
          evidence: [
            {
              sentence: line,
              start: offset,
              end: offset + line.length,
              trigger: { start: trig, end: trig + 6 },
              source: { start: src.start, end: src.end },
              target: { start: tgt.start, end: tgt.end },
            },
          ],
        });
        diagnostics.push({ severity: 'info', source: 'code', ruleId: 'code:pattern', reason: 'pattern warn-130', start: trig, end: trig + 6 });
      } else if (diagnostics.length < 14) {
        diagnostics.push({ severity: 'info', source: 'code', ruleId: 'code:hypothetical', reason: 'skipped sentence', start: offset, end: offset + line.length });
      }
    }
    lines.push(line);
    blocks.push(block);
    offset += line.length + 1;
  }
  const sourceText = lines.join('\n');
  return {
    id,
    hash: createHash('sha256').update(sourceText).digest('hex'),
    sourceText,
    text: blocks
      .filter((b) => !b.dropped)
      .map((b) => sourceText.slice(b.start, b.end))
      .join('\n'),
    meta: {
      title: lines[0],
      url: `https://news.example/a/${n}`,
      source: 'Bench Wire',
      published: '2031-05-06',
      publishedFrom: 'record',
      lang: 'en',
      origin: { path: 'bench.jsonl', line: n + 1, format: 'jsonl' },
    },
    blocks,
    mentions,
    events,
    diagnostics,
  };
}

function rowsOf(d: StoredDoc): number {
  return 1 + d.blocks.length + d.mentions.length + d.events.length + d.events.reduce((k, e) => k + e.evidence.length, 0) + d.diagnostics.length;
}

async function pgAvailable(url: string): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Put generated documents into each store; returns (and logs) one result per store. */
export async function runStorePutBench(opts: StorePutOptions = {}): Promise<StorePutResult[]> {
  const total = opts.docs ?? 20_000;
  const batch = opts.batch ?? 500;
  const stores = opts.stores ?? ['sqlite', 'postgres'];
  const pgUrl = opts.pg ?? process.env.PARLEY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const log = opts.log ?? (() => undefined);
  const results: StorePutResult[] = [];
  const sample = benchDoc(0);
  const words = sample.sourceText.split(/\s+/).length;
  for (const kind of stores) {
    let location: string;
    let cleanup: () => Promise<void>;
    if (kind === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
      location = join(dir, 'bench.db');
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const why = await pgAvailable(pgUrl);
      if (why) {
        const r: StorePutResult = { store: kind, docs: 0, batch, putDocsPerSec: 0, putCpuDocsPerSec: 0, ingestDocsPerSec: 0, rowsPerDoc: 0, words, peakRssMB: 0, skipped: why };
        results.push(r);
        log(`store-put postgres: skipped (${why})`);
        continue;
      }
      const schema = `parley_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
      const u = new URL(pgUrl);
      u.searchParams.set('schema', schema);
      location = u.toString();
      cleanup = async () => {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await c.end();
      };
    }
    const store = await openStore(location);
    let putMs = 0;
    let putCpuMs = 0;
    let knownMs = 0;
    let rows = 0;
    try {
      for (let first = 0; first < total; first += batch) {
        const docs: StoredDoc[] = [];
        for (let i = first; i < Math.min(total, first + batch); i++) docs.push(benchDoc(i));
        for (const d of docs) rows += rowsOf(d);
        const t0 = performance.now();
        const known = await store.knownHashes(docs.map((d) => d.hash));
        const t1 = performance.now();
        const cpu = process.cpuUsage();
        await store.putDocuments(docs.filter((d) => !known.has(d.hash)));
        const used = process.cpuUsage(cpu);
        const t2 = performance.now();
        putCpuMs += (used.user + used.system) / 1000;
        knownMs += t1 - t0;
        putMs += t2 - t1;
      }
      const fileMB =
        kind === 'sqlite'
          ? (statSync(location).size + (statSync(`${location}-wal`, { throwIfNoEntry: false })?.size ?? 0)) / 2 ** 20
          : undefined;
      const r: StorePutResult = {
        store: kind,
        docs: total,
        batch,
        putDocsPerSec: Math.round(total / (putMs / 1000)),
        putCpuDocsPerSec: Math.round(total / (putCpuMs / 1000)),
        ingestDocsPerSec: Math.round(total / ((putMs + knownMs) / 1000)),
        rowsPerDoc: Math.round(rows / total),
        words,
        fileMB: fileMB === undefined ? undefined : Math.round(fileMB),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      };
      results.push(r);
      log(
        `store-put ${kind}: ${total} docs (${words} words, ${r.rowsPerDoc} rows each) in batches of ${batch}: ` +
          `${r.putDocsPerSec} docs/s put (${r.putCpuDocsPerSec} per CPU-second of this process), ` +
          `${r.ingestDocsPerSec} docs/s with knownHashes` +
          (r.fileMB === undefined ? '' : `, file ${r.fileMB} MB`) +
          `, peak RSS ${r.peakRssMB} MB`,
      );
    } finally {
      await store.close();
      await cleanup();
    }
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { docs: { type: 'string' }, batch: { type: 'string' }, stores: { type: 'string' } },
  });
  await runStorePutBench({
    docs: values.docs ? Number(values.docs) : undefined,
    batch: values.batch ? Number(values.batch) : undefined,
    stores: values.stores ? (values.stores.split(',') as ('sqlite' | 'postgres')[]) : undefined,
    log: (line) => console.log(line),
  });
}
