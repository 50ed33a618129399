/**
 * One resolution step: take queued documents off the store's resolution queue, put each into its
 * story cluster, and link each of its raw events to a merged event (an existing one it corefers
 * with, or a new one). Written once for both dialects as a generator of store operations (see
 * src/store/clusters.ts): every read is one statement for the whole chunk, the decisions are made
 * in memory, and everything is written in one go, so a chunk costs a handful of round trips
 * whatever its size.
 *
 * Story clusters are single-link: a document joins every story it has a near-duplicate in, and
 * stories it bridges become one (labelled with the smallest document id, so the label does not
 * depend on the order documents arrive in). Merged events are anchored: a mention is compared with
 * the merged event's head (its most precisely dated mention), never with the last mention to join,
 * so a chain of mentions a day apart cannot drift into a week-long "event".
 */
import { createHash } from 'node:crypto';
import type {
  BandMatch,
  ClusterOp,
  ClusterTx,
  DyadWindow,
  LinkRow,
  MaybePromise,
  MergedHead,
  ResolveDocument,
  ResolveEvent,
  SignatureRow,
  StoryDocument,
} from '../store/clusters.js';
import { addDays, basisRank, compatibleCodes, compatibleDates, daysBetween, WINDOW_DAYS } from './coreference.js';
import { estimatedContainment, isNearDuplicate, NEAR_DUPLICATE, similarity } from './near-duplicate.js';
import type { Similarity } from './near-duplicate.js';
import { storyShingles, storySignature } from './signature.js';
import type { StorySignature } from './signature.js';

export interface ResolveOptions {
  /** Documents per transaction. Default 100. */
  chunk?: number;
  /** Stored documents read per LSH band bucket. Default 16. */
  perBand?: number;
  /** Candidates screened per document (those sharing the most bands first). Default 16. */
  maxCandidates?: number;
}

export interface ResolveSummary {
  /** Queue entries taken. */
  taken: number;
  /** Documents resolved (new, or re-resolved because their content changed). */
  documents: number;
  /** Documents that joined a story cluster with another document. */
  storyJoins: number;
  /** Raw events linked. */
  events: number;
  /** Raw events linked to a merged event that already had a mention. */
  merged: number;
  /** Merged events created. */
  created: number;
}

export function emptySummary(): ResolveSummary {
  return { taken: 0, documents: 0, storyJoins: 0, events: 0, merged: 0, created: 0 };
}

/** Ask the store for one operation and get its result back. */
function* ask<T>(op: (tx: ClusterTx) => MaybePromise<T>): Generator<ClusterOp, T, unknown> {
  return (yield op as ClusterOp) as T;
}

/** Union-find over story labels; the root of a set is its smallest label. */
class StoryLabels {
  readonly #parent = new Map<string, string>();

  find(x: string): string {
    let root = x;
    for (let p = this.#parent.get(root); p !== undefined && p !== root; p = this.#parent.get(root)) root = p;
    for (let y = x; y !== root; ) {
      const next = this.#parent.get(y)!;
      this.#parent.set(y, root);
      y = next;
    }
    if (!this.#parent.has(root)) this.#parent.set(root, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.#parent.set(rb, ra);
    else this.#parent.set(ra, rb);
  }
}

/** The ids with the highest counts (ties by id), at most n. */
function top<K extends string | number>(counts: Map<K, number>, n: number): K[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([k]) => k);
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Shingle sets of stored documents met as candidates, kept across chunks (a syndicated story's
 * first copy is the candidate of every later one). Keyed by id and hash, so a changed document is
 * never compared by its old text.
 */
const SHINGLE_CACHE_SIZE = 2048;
const shingleCache = new Map<string, Set<string>>();

function cachedShingles(key: string, text: () => string | undefined): Set<string> | undefined {
  const hit = shingleCache.get(key);
  if (hit) {
    shingleCache.delete(key);
    shingleCache.set(key, hit);
    return hit;
  }
  const t = text();
  if (t === undefined) return undefined;
  const set = storyShingles(t);
  if (shingleCache.size >= SHINGLE_CACHE_SIZE) shingleCache.delete(shingleCache.keys().next().value!);
  shingleCache.set(key, set);
  return set;
}

/** A merged event while a chunk is being resolved. */
interface MergedState {
  head: MergedHead;
  /** Story clusters (final labels) its mentions come from, as far as this chunk knows. */
  stories: Set<string>;
  /** Documents of this chunk among its mentions. */
  docs: Set<string>;
  /** The head must be written (new, or a better mention became its head). */
  dirty: boolean;
}

/** A new merged event's id: derived from its first mention and that document's content. */
export function mergedId(eventId: string, docHash: string): string {
  return `m-${createHash('sha256').update(`${eventId}|${docHash}`).digest('hex').slice(0, 16)}`;
}

function headOf(e: ResolveEvent, id: string): MergedHead {
  const { evidenceCount, docId, ...fields } = e;
  void docId;
  return { ...fields, id, numMentions: evidenceCount, numSources: 1, numArticles: 1, representative: e.id };
}

/** True when `e` is a better head than the current one: a more precise date, then a higher confidence. */
function betterHead(e: ResolveEvent, head: MergedHead): boolean {
  const r = basisRank(e.dateBasis) - basisRank(head.dateBasis);
  return r > 0 || (r === 0 && e.confidence > head.confidence);
}

const dyadKey = (source: string | null, target: string | null) => `${source}\u0000${target}`;

/** Resolve one chunk of the queue (see the module comment); returns what it did. */
export function* resolveChunk(opts: ResolveOptions = {}): Generator<ClusterOp, ResolveSummary, unknown> {
  const limit = opts.chunk ?? 100;
  const perBand = opts.perBand ?? 16;
  const maxCandidates = opts.maxCandidates ?? 16;
  const summary = emptySummary();

  const { taken, documents: docs } = yield* ask((tx) => tx.takePending(limit));
  summary.taken = taken;
  summary.documents = docs.length;
  if (docs.length === 0) return summary;

  const touched = new Set<string>();
  const stale = docs.filter((d) => d.resolvedHash !== null).map((d) => d.id);
  if (stale.length > 0) for (const id of yield* ask((tx) => tx.forget(stale))) touched.add(id);

  // --- story clusters -------------------------------------------------------------------------
  const sigs: StorySignature[] = docs.map((d) => storySignature(d.text));
  const inChunk = new Set(docs.map((d) => d.id));
  const keys = [...new Set(sigs.flatMap((s) => s.bands))];
  const matches: BandMatch[] = keys.length > 0 ? yield* ask((tx) => tx.bandMatches(keys, perBand)) : [];
  const byKey = new Map<number, string[]>();
  for (const m of matches) {
    if (inChunk.has(m.docId)) continue;
    let list = byKey.get(m.key);
    if (!list) byKey.set(m.key, (list = []));
    list.push(m.docId);
  }
  const storedCandidates = sigs.map((s) => {
    const counts = new Map<string, number>();
    for (const k of s.bands) for (const id of byKey.get(k) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    return top(counts, maxCandidates);
  });
  const wanted = [...new Set(storedCandidates.flat())];
  const stored = new Map<string, StoryDocument>();
  if (wanted.length > 0) for (const s of yield* ask((tx) => tx.storyDocuments(wanted))) stored.set(s.docId, s);
  const screened = storedCandidates.map((ids, i) =>
    ids.filter((id) => {
      const s = stored.get(id);
      return s !== undefined && estimatedContainment(sigs[i].minhash, sigs[i].shingles.size, s.minhash, s.shingles) >= NEAR_DUPLICATE.screen;
    }),
  );
  // A cache key made from the stored signature: a document whose content changed gets a new one.
  const cacheKey = (id: string) => {
    const s = stored.get(id)!;
    return `${id}\u0000${s.shingles}:${s.minhash[0]}:${s.minhash[1]}`;
  };
  const needText = [...new Set(screened.flat())].filter((id) => !shingleCache.has(cacheKey(id)));
  const textOf = new Map<string, string>();
  if (needText.length > 0) for (const t of yield* ask((tx) => tx.texts(needText))) textOf.set(t.docId, t.text);

  const labels = new StoryLabels();
  const storedLabels = new Set<string>();
  const chunkBands = new Map<number, number[]>();
  const signatures: SignatureRow[] = [];
  const bands: BandMatch[] = [];
  docs.forEach((d, i) => {
    const g = sigs[i];
    labels.find(d.id);
    let best: { docId: string; sim: Similarity } | undefined;
    const consider = (docId: string, label: string, set: Set<string>): boolean => {
      const sim = similarity(g.shingles, set);
      if (!isNearDuplicate(sim, g.shingles.size, set.size)) return false;
      labels.union(d.id, label);
      if (!best || sim.containment > best.sim.containment || (sim.containment === best.sim.containment && sim.jaccard > best.sim.jaccard)) {
        best = { docId, sim };
      }
      return true;
    };
    for (const id of screened[i]) {
      const set = cachedShingles(cacheKey(id), () => textOf.get(id));
      if (set === undefined) continue;
      const label = stored.get(id)!.storyId;
      if (consider(id, label, set)) storedLabels.add(label);
    }
    const local = new Map<number, number>();
    for (const k of g.bands) for (const j of chunkBands.get(k) ?? []) local.set(j, (local.get(j) ?? 0) + 1);
    for (const j of top(local, maxCandidates)) {
      const o = sigs[j];
      if (estimatedContainment(g.minhash, g.shingles.size, o.minhash, o.shingles.size) < NEAR_DUPLICATE.screen) continue;
      consider(docs[j].id, docs[j].id, o.shingles);
    }
    for (const k of g.bands) {
      let list = chunkBands.get(k);
      if (!list) chunkBands.set(k, (list = []));
      list.push(i);
      bands.push({ key: k, docId: d.id });
    }
    const b = best as { docId: string; sim: Similarity } | undefined;
    if (b) summary.storyJoins++;
    signatures.push({
      docId: d.id,
      hash: d.hash,
      minhash: g.minhash,
      shingles: g.shingles.size,
      storyId: '',
      matchedDoc: b ? b.docId : null,
      similarity: b ? round(b.sim.jaccard) : null,
      containment: b ? round(b.sim.containment) : null,
    });
  });
  const storyOf = new Map<string, string>();
  for (const s of signatures) storyOf.set(s.docId, (s.storyId = labels.find(s.docId)));
  const relabel = [...storedLabels].filter((l) => labels.find(l) !== l).map((l) => ({ from: l, to: labels.find(l) }));

  // --- merged events ----------------------------------------------------------------------------
  const states = new Map<string, MergedState>();
  const stateOf = (h: MergedHead): MergedState => {
    let st = states.get(h.id);
    if (!st) states.set(h.id, (st = { head: h, stories: new Set(), docs: new Set(), dirty: false }));
    return st;
  };
  const windows = new Map<string, DyadWindow>();
  for (const d of docs) {
    for (const e of d.events) {
      if (!e.source.code || !e.target.code || !e.date) continue;
      const from = addDays(e.date, -WINDOW_DAYS);
      windows.set(`${dyadKey(e.source.code, e.target.code)}\u0000${from}`, {
        source: e.source.code,
        target: e.target.code,
        from,
        to: addDays(e.date, WINDOW_DAYS),
      });
    }
  }
  if (windows.size > 0) for (const h of yield* ask((tx) => tx.mergedByDyad([...windows.values()]))) stateOf(h);
  const storyQuery = [...new Set([...storedLabels, ...storyOf.values()])];
  const byStory = yield* ask((tx) => tx.mergedByStory(storyQuery));
  const missing = [...new Set(byStory.map((x) => x.mergedId))].filter((id) => !states.has(id));
  if (missing.length > 0) for (const h of yield* ask((tx) => tx.mergedHeads(missing))) stateOf(h);
  for (const x of byStory) states.get(x.mergedId)?.stories.add(labels.find(x.storyId));
  const index = new Map<string, MergedState[]>();
  const indexState = (st: MergedState) => {
    const k = dyadKey(st.head.source.code, st.head.target.code);
    let list = index.get(k);
    if (!list) index.set(k, (list = []));
    list.push(st);
  };
  for (const st of states.values()) indexState(st);

  const links: LinkRow[] = [];
  for (const d of docs) {
    const story = storyOf.get(d.id)!;
    for (const e of d.events) {
      summary.events++;
      const target = e.source.code && e.target.code ? bestMerged(e, d, story, index.get(dyadKey(e.source.code, e.target.code)) ?? []) : undefined;
      let st: MergedState;
      if (target) {
        st = target;
        summary.merged++;
        if (betterHead(e, st.head)) {
          const { id, numMentions, numSources, numArticles, confidence } = st.head;
          st.head = { ...headOf(e, id), numMentions, numSources, numArticles, confidence: Math.max(confidence, e.confidence) };
          st.dirty = true;
        } else if (e.confidence > st.head.confidence) {
          st.head = { ...st.head, confidence: e.confidence };
          st.dirty = true;
        }
      } else {
        st = stateOf(headOf(e, mergedId(e.id, d.hash)));
        st.dirty = true;
        indexState(st);
        summary.created++;
      }
      st.docs.add(d.id);
      st.stories.add(story);
      links.push({ eventId: e.id, mergedId: st.head.id, docId: d.id, outlet: d.outlet, mentions: e.evidenceCount });
      touched.add(st.head.id);
    }
  }

  const heads = [...states.values()].filter((s) => s.dirty).map((s) => s.head);
  yield* ask((tx) => tx.write({ signatures, bands, relabel, heads, links, touched: [...touched] }));
  return summary;
}

/**
 * The merged event a raw event belongs to among those of its dyad: one it is compatible with (see
 * coreference.ts), preferring one with a mention from the same document, then the same story, then
 * the same code, then the nearest date, then the most mentions.
 */
function bestMerged(e: ResolveEvent, d: ResolveDocument, story: string, candidates: MergedState[]): MergedState | undefined {
  let best: MergedState | undefined;
  let bestKey: number[] = [];
  for (const st of candidates) {
    if (!compatibleCodes(e.cameo.code, st.head.cameo.code)) continue;
    const sameDoc = st.docs.has(d.id);
    const sameStory = st.stories.has(story);
    if (!sameDoc && !compatibleDates(e, st.head, { sameStory })) continue;
    const gap = e.date !== null && st.head.date !== null ? Math.abs(daysBetween(e.date, st.head.date)) : 99;
    const key = [sameDoc ? 1 : 0, sameStory ? 1 : 0, e.cameo.code === st.head.cameo.code ? 1 : 0, -gap, st.head.numMentions];
    if (!best || compareKeys(key, bestKey) > 0 || (compareKeys(key, bestKey) === 0 && st.head.id < best.head.id)) {
      best = st;
      bestKey = key;
    }
  }
  return best;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
