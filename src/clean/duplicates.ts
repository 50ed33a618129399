/**
 * Near-duplicate paragraphs inside one document.
 *
 * A later block is a near-duplicate of an earlier one when it has at least `minWords` words and
 * its word shingles overlap the earlier block's a lot: Jaccard ≥ `jaccard`, or containment of the
 * later block in the earlier one ≥ `containment` (a cut-down copy). The first copy is kept and
 * later copies point to it. Short blocks (list items, section labels) and single questions are
 * never dropped. A text that recurs `templateCopies` times or more (an interview that asks every guest
 * the same questions, a product feature list repeated per item) is a template, not an editing
 * slip, and all its copies are kept.
 *
 * Shingles are integer ids and earlier first copies are found through an inverted index of them;
 * a block with too few of its shingles in any earlier first copy to pass either threshold is not
 * scored at all (see {@link findNearDuplicates}).
 */
import { WordTable } from './words.js';

export interface DuplicateOptions {
  /** Blocks with fewer words are never dropped as duplicates. */
  minWords: number;
  /** Keep repeated questions (a block that is one sentence ending in "?"): interviews repeat them on purpose. */
  keepQuestions: boolean;
  /** Words per shingle. */
  shingleSize: number;
  /** Jaccard similarity at or above which a later block is a duplicate. */
  jaccard: number;
  /** Containment of the later block in the earlier one at or above which it is a duplicate… */
  containment: number;
  /**
   * …provided the later block has at least this share of the earlier one's shingles (a copy cut
   * to 60% is a duplicate; a one-sentence pull quote out of a long paragraph is not).
   */
  containmentMinRatio: number;
  /** A text with this many copies or more is a template: keep every copy (0 turns this off). */
  templateCopies: number;
}

/**
 * Defaults chosen by measurement (`bench/clean-threshold.ts`, on the 3,323 paragraphs of ≥ 8 words
 * in the Zyte benchmark's ground truth). With 2-word shingles and Jaccard ≥ 0.6, edited copies (a
 * word added, removed or replaced, three words swapped for three others, or two such edits) are
 * caught for 98.5% of 21–40-word and 100% of longer paragraphs, 76% of 13–20-word ones and 54% of
 * 8–12-word ones, while only 4 of 181 articles hold a pair of different paragraphs that score as
 * high (recipe and product lists, a poem's refrain, a quoted tweet). Copies cut to 60% or 75% are
 * all caught by containment ≥ 0.9 with a length ratio ≥ 0.5, which 3 articles' distinct pairs reach.
 * Blocks under 10 words are left alone: one changed word moves short blocks below any safe
 * threshold, and their repeats in the benchmark are list items and template lines, not slips.
 */
export const DUPLICATE_DEFAULTS: DuplicateOptions = {
  minWords: 10,
  keepQuestions: true,
  shingleSize: 2,
  jaccard: 0.6,
  containment: 0.9,
  containmentMinRatio: 0.5,
  templateCopies: 3,
};

/** A block that is one sentence ending in a question mark ("Q: What happens next?"). */
export function isQuestion(text: string): boolean {
  const t = text.trim().replace(/["'”’)\]]+$/, '');
  return t.endsWith('?') && !/[.!?]["'”’)\]]?\s+\S/.test(t.slice(0, -1));
}

export interface DuplicateMatch {
  /** Index (into the input list) of the later copy. */
  index: number;
  /** Index of the first copy. */
  of: number;
  jaccard: number;
  containment: number;
}

/**
 * Find later near-copies among texts. `undefined` entries (blocks already dropped) are skipped.
 * Returns one match per dropped copy, in input order; the first copy of each text is never listed.
 *
 * Shingles are compared as numbers: every distinct word of the input gets a small integer id, and
 * every distinct k-gram of word ids gets one too (the same sets as {@link wordShingles} makes,
 * without a string per shingle). A block that passes either threshold shares at least
 * `min(jaccard, containment)` of its shingles with the earlier copy, so a block with fewer of its
 * shingles in any earlier first copy is not scored at all; that is most blocks of an article.
 */
export function findNearDuplicates(
  texts: readonly (string | undefined)[],
  options: Partial<DuplicateOptions> = {},
): DuplicateMatch[] {
  const words = startWords();
  const seqStart: number[] = [];
  for (const t of texts) {
    seqStart.push(words.seq.length);
    if (t !== undefined) words.table.scan(t, words.seq);
  }
  seqStart.push(words.seq.length);
  return nearDuplicatesOfWords(texts, { seq: words.seq, seqStart, words: words.table.size }, options);
}

/** The word ids of every text, one text after another (see {@link WordTable}). */
export interface TextWords {
  /** Text i's word ids are `seq[seqStart[i]]` … `seq[seqStart[i + 1] − 1]` (none for an `undefined` text). */
  seq: readonly number[];
  seqStart: readonly number[];
  /** Word ids are below this. */
  words: number;
}

/**
 * {@link findNearDuplicates} with the texts' word ids already read (the clean stage reads each
 * block's words once, for its rules and for this).
 */
export function nearDuplicatesOfWords(
  texts: readonly (string | undefined)[],
  words: TextWords,
  options: Partial<DuplicateOptions> = {},
): DuplicateMatch[] {
  const opts = { ...DUPLICATE_DEFAULTS, ...options };
  // The blocks that may be dropped: not already dropped, not a question, minWords or more.
  const present = texts.map(
    (t, i) => t !== undefined && words.seqStart[i + 1] - words.seqStart[i] >= opts.minWords && !(opts.keepQuestions && isQuestion(t)),
  );
  if (!present.includes(true)) return [];
  const matches = scoreBlocks(internShingles({ ...words, present }, opts.shingleSize), opts);
  if (opts.templateCopies > 0) {
    const copies = new Map<number, number>();
    for (const m of matches) copies.set(m.of, (copies.get(m.of) ?? 1) + 1);
    return matches.filter((m) => (copies.get(m.of) ?? 0) < opts.templateCopies);
  }
  return matches;
}

/*
 * Work arrays, reused from call to call (grown when a larger input comes): typed arrays are slow
 * to allocate and to collect, and an article needs a dozen of them.
 */
const buffers = new Map<string, Int32Array>();

/** A reused work array of at least `size` elements (contents undefined; fill what you read). */
function buffer(name: string, size: number): Int32Array {
  let b = buffers.get(name);
  if (!b || b.length < size) {
    b = new Int32Array(Math.max(size, 2 * (b?.length ?? 0), 64));
    buffers.set(name, b);
  }
  return b;
}

/** The distinct shingle ids of every list, flat. */
interface Shingled {
  /** List i's distinct shingle ids are `ids[start[i]]` … `ids[start[i + 1] − 1]`, in no particular order. */
  ids: Int32Array;
  start: Int32Array;
  /** 1 for lists that are present (possibly empty), 0 for `undefined`. */
  present: Int32Array;
  /** Shingle ids are below this. */
  shingles: number;
  /** Number of lists (the arrays above may be longer). */
  lists: number;
}

/**
 * For each word list, its k-word shingles as sorted arrays of distinct ids (equal ids ⇔ equal
 * shingles across the whole input). A list shorter than `k` gives one shingle made of all its
 * words, as {@link wordShingles} does; `undefined` stays `undefined`. Throws a RangeError when `k`
 * is not a positive integer.
 */
export function shingleIdSets(lists: readonly (readonly string[] | undefined)[], k: number): (number[] | undefined)[] {
  const words = startWords();
  const seqStart: number[] = [];
  for (const l of lists) {
    seqStart.push(words.seq.length);
    if (l) for (const w of l) words.seq.push(words.table.idOf(w));
  }
  seqStart.push(words.seq.length);
  const s = internShingles({ seq: words.seq, seqStart, present: lists.map((l) => l !== undefined), words: words.table.size }, k);
  return lists.map((l, i) => (l ? Array.from(s.ids.subarray(s.start[i], s.start[i + 1])).sort((a, b) => a - b) : undefined));
}

/** The word table and word-id array, reused from call to call. */
const reused = { table: new WordTable(), seq: [] as number[] };

/** The reused word table and word-id array, emptied (valid until the next call). */
export function startWords(): { table: WordTable; seq: number[] } {
  reused.table.clear();
  reused.seq.length = 0;
  return reused;
}

/** Word ids of every list, one list after another. */
interface WordSeqs extends TextWords {
  /** False for lists that are absent (`undefined`, or not eligible). */
  present: readonly boolean[];
}

function internShingles(ws: WordSeqs, k: number): Shingled {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`shingle size must be a positive integer, got ${k}`);
  const { seq, seqStart } = ws;
  const n = ws.present.length;
  const total = seqStart[n];
  // gram[pos] = id of the L-gram starting at pos, level by level: (id of the (L-1)-gram, next word) → id.
  const gram = buffer('gram', total);
  for (let pos = 0; pos < total; pos++) gram[pos] = seq[pos];
  let shingles = ws.words;
  if (k > 1) {
    const table = pairTable(total);
    for (let level = 2; level <= k; level++) {
      table.clear();
      for (let i = 0; i < n; i++) {
        if (!ws.present[i]) continue;
        const end = seqStart[i + 1] - level + 1;
        for (let pos = seqStart[i]; pos < end; pos++) gram[pos] = table.id(gram[pos], seq[pos + level - 1]);
      }
      shingles = table.size;
    }
  }
  // Distinct shingles per list; a list shorter than k is one shingle, numbered after the k-grams.
  const ids = buffer('ids', total);
  const start = buffer('start', n + 1);
  const present = buffer('present', n).fill(0, 0, n);
  const seen = buffer('seen', shingles).fill(-1, 0, shingles);
  let shortIds: Map<string, number> | undefined;
  let q = 0;
  for (let i = 0; i < n; i++) {
    start[i] = q;
    if (!ws.present[i]) continue;
    present[i] = 1;
    const length = seqStart[i + 1] - seqStart[i];
    if (length === 0) continue;
    if (length < k) {
      shortIds ??= new Map<string, number>();
      const key = seq.slice(seqStart[i], seqStart[i + 1]).join(' ');
      let id = shortIds.get(key);
      if (id === undefined) shortIds.set(key, (id = shingles + shortIds.size));
      ids[q++] = id;
      continue;
    }
    const end = seqStart[i + 1] - k + 1;
    for (let pos = seqStart[i]; pos < end; pos++) {
      const g = gram[pos];
      if (seen[g] !== i) {
        seen[g] = i;
        ids[q++] = g;
      }
    }
  }
  start[n] = q;
  return { ids, start, present, shingles: shingles + (shortIds?.size ?? 0), lists: n };
}

/** A cleared pair table with room for `pairs` distinct pairs (reused from call to call). */
function pairTable(pairs: number): PairTable {
  let cap = 16;
  while (cap < 2 * pairs + 2) cap *= 2;
  if (!table || table.capacity < cap) table = new PairTable(cap);
  table.clear();
  return table;
}
let table: PairTable | undefined;

/** Dense ids for pairs of non-negative integers (open addressing, linear probing). */
class PairTable {
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly v: Int32Array;
  private readonly mask: number;
  readonly capacity: number;
  size = 0;

  /** `capacity` is a power of two, at least twice the number of pairs to hold. */
  constructor(capacity: number) {
    this.capacity = capacity;
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.v = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  clear(): void {
    this.v.fill(-1);
    this.size = 0;
  }

  /** The id of (x, y): its number in order of first appearance. */
  id(x: number, y: number): number {
    let h = Math.imul(x ^ Math.imul(y, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & this.mask;
    for (;;) {
      const v = this.v[slot];
      if (v < 0) {
        this.a[slot] = x;
        this.b[slot] = y;
        this.v[slot] = this.size;
        return this.size++;
      }
      if (this.a[slot] === x && this.b[slot] === y) return v;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** The later copies among the shingle sets, each with its best earlier first copy (see findNearDuplicates). */
function scoreBlocks(sh: Shingled, opts: DuplicateOptions): DuplicateMatch[] {
  const { ids, start, present, lists: n } = sh;
  // Postings of first copies as linked lists: head[shingle] → entry; entry → block, next entry.
  const head = buffer('head', sh.shingles).fill(-1, 0, sh.shingles);
  const entryBlock = buffer('entryBlock', start[n]);
  const entryNext = buffer('entryNext', start[n]);
  let used = 0;
  const shared = buffer('shared', n).fill(0, 0, n);
  const touched: number[] = [];
  /** Smallest share of a block's shingles that an earlier copy must hold for either threshold to pass. */
  const share = Math.min(opts.jaccard, opts.containment);
  const matches: DuplicateMatch[] = [];
  for (let i = 0; i < n; i++) {
    const from = start[i];
    const to = start[i + 1];
    const size = to - from;
    if (present[i] === 0 || size === 0) continue;
    // inter/union ≥ jaccard implies inter ≥ jaccard·size; inter/size ≥ containment likewise. The
    // factor below the exact product keeps the bound safe from rounding.
    const needed = share > 0 ? Math.max(1, Math.floor(share * size * (1 - 1e-9))) : 1;
    let inFirstCopies = 0;
    for (let x = from; x < to; x++) if (head[ids[x]] >= 0) inFirstCopies++;
    let best: DuplicateMatch | undefined;
    if (inFirstCopies >= needed) {
      touched.length = 0;
      for (let x = from; x < to; x++) {
        for (let e = head[ids[x]]; e >= 0; e = entryNext[e]) {
          const j = entryBlock[e];
          if (shared[j]++ === 0) touched.push(j);
        }
      }
      for (const j of touched) {
        const inter = shared[j];
        shared[j] = 0;
        const other = start[j + 1] - start[j];
        const jac = inter / (size + other - inter);
        const con = inter / size;
        const contained = con >= opts.containment && size >= opts.containmentMinRatio * other;
        if (jac < opts.jaccard && !contained) continue;
        if (!best || jac > best.jaccard || (jac === best.jaccard && j < best.of)) {
          best = { index: i, of: j, jaccard: jac, containment: con };
        }
      }
    }
    if (best) {
      matches.push(best);
      continue;
    }
    for (let x = from; x < to; x++) {
      const s = ids[x];
      entryBlock[used] = i;
      entryNext[used] = head[s];
      head[s] = used++;
    }
  }
  return matches;
}
