/**
 * The words of a text as {@link normalizedWords} defines them, without building a string per word
 * when the text is ASCII (most news paragraphs): a word count, a word-by-word comparison, and
 * integer word ids. For ASCII text a word is a run of letters and digits, with inner apostrophes
 * ("don't"), compared without case; any other text goes through `normalizedWords` (NFKC, Unicode
 * letters), so every function here gives exactly what the string version gives.
 */
import { normalizedWords } from './shingles.js';

/** Class of each ASCII code unit: 1 letter or digit, 2 apostrophe, 0 anything else. */
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) CLASS[c] = 1;
}
CLASS[39] = 2;

/** ASCII lower case of a code unit (others unchanged). */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Where the word that starts at `start` (a letter or digit) ends: letters and digits, and an
 * apostrophe only between two of them, as the word pattern of `normalizedWords` reads. Returns
 * -1 when it meets a non-ASCII code unit.
 */
function wordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start + 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c > 127) return -1;
    const k = CLASS[c];
    if (k === 1) i++;
    else if (k === 2 && i + 1 < n && text.charCodeAt(i + 1) < 128 && CLASS[text.charCodeAt(i + 1)] === 1) i += 2;
    else break;
  }
  return i;
}

/** Index of the next letter or digit from `i`, `text.length` when none, -1 at a non-ASCII code unit. */
function nextWord(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c > 127) return -1;
    if (CLASS[c] === 1) return i;
    i++;
  }
  return n;
}

/** `normalizedWords(text).length`. */
export function countWords(text: string): number {
  let count = 0;
  const n = text.length;
  let i = nextWord(text, 0);
  while (i >= 0 && i < n) {
    const end = wordEnd(text, i);
    if (end < 0) break;
    count++;
    i = nextWord(text, end);
  }
  return i === n ? count : normalizedWords(text).length;
}

/** True when the first words of `text` are `head` (normalised words), in order: `normalizedWords(text)` starts with `head`. */
export function startsWithWords(text: string, head: readonly string[]): boolean {
  if (!ASCII.test(text)) {
    const words = normalizedWords(text);
    return words.length >= head.length && head.every((w, i) => words[i] === w);
  }
  const n = text.length;
  let i = 0;
  for (const w of head) {
    i = nextWord(text, i);
    if (i >= n) return false;
    const end = wordEnd(text, i);
    if (end - i !== w.length) return false;
    for (let k = 0; k < w.length; k++) if (lower(text.charCodeAt(i + k)) !== w.charCodeAt(k)) return false;
    i = end;
  }
  return true;
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Integer ids for words: equal ids ⇔ equal normalised words. Words from an ASCII text are read
 * in place (the table keeps the text and the word's offsets, not a copy).
 */
export class WordTable {
  private slots: Int32Array;
  private mask: number;
  private readonly src: string[] = [];
  private from = new Int32Array(256);
  private len = new Int32Array(256);
  private hash = new Int32Array(256);

  constructor() {
    this.slots = new Int32Array(1024).fill(-1);
    this.mask = 1023;
  }

  /** Number of distinct words seen. */
  get size(): number {
    return this.src.length;
  }

  /** Forget every word (keeps the allocated table). */
  clear(): void {
    this.slots.fill(-1);
    this.src.length = 0;
  }

  /** The id of an already normalised word (a string from `normalizedWords`). */
  idOf(word: string): number {
    let h = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ lower(word.charCodeAt(i)), FNV_PRIME);
    return this.lookup(word, 0, word.length, h);
  }

  /** Append the ids of the words of `text` to `out`, in order (non-ASCII text goes through `normalizedWords`). */
  scan(text: string, out: number[]): void {
    if (!ASCII.test(text)) {
      for (const w of normalizedWords(text)) out.push(this.idOf(w));
      return;
    }
    // One pass: find each word (see wordEnd) and hash its lower-case form on the way.
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (CLASS[c] !== 1) {
        i++;
        continue;
      }
      const start = i;
      let h = FNV_OFFSET;
      for (;;) {
        h = Math.imul(h ^ lower(c), FNV_PRIME);
        if (++i >= n) break;
        c = text.charCodeAt(i);
        const k = CLASS[c];
        if (k === 1) continue;
        if (k === 2 && i + 1 < n && CLASS[text.charCodeAt(i + 1)] === 1) {
          h = Math.imul(h ^ c, FNV_PRIME);
          c = text.charCodeAt(++i);
          continue;
        }
        break;
      }
      out.push(this.lookup(text, start, i - start, h));
    }
  }

  /** The id of text[start, start + length), whose lower-case form hashes to `h`. */
  private lookup(text: string, start: number, length: number, h: number): number {
    let slot = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const id = this.slots[slot];
      if (id < 0) break;
      if (this.hash[id] === h && this.len[id] === length && this.same(id, text, start, length)) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.src.length;
    if (id === this.hash.length) this.grow();
    this.src.push(text);
    this.from[id] = start;
    this.len[id] = length;
    this.hash[id] = h;
    this.slots[slot] = id;
    if (2 * this.src.length > this.slots.length) this.rehash();
    return id;
  }

  private same(id: number, text: string, start: number, length: number): boolean {
    const s = this.src[id];
    const f = this.from[id];
    for (let k = 0; k < length; k++) if (lower(s.charCodeAt(f + k)) !== lower(text.charCodeAt(start + k))) return false;
    return true;
  }

  private grow(): void {
    const size = this.hash.length * 2;
    for (const key of ['from', 'len', 'hash'] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[key]);
      this[key] = bigger;
    }
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let id = 0; id < this.src.length; id++) {
      const h = this.hash[id];
      let slot = (h ^ (h >>> 15)) & this.mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
    }
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
