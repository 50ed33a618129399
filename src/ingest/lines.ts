/**
 * Split a byte stream into lines without decoding it first ("\n" never occurs inside a multi-byte
 * UTF-8 sequence), so each line can be checked for valid UTF-8 on its own and memory stays bounded
 * by the longest line kept.
 */
import type { ByteIter } from './byte-stream.js';

export interface Line {
  /** 1-based line number. */
  line: number;
  /** The line's bytes without the "\n" (a trailing "\r" is kept). Empty when `tooLong`. */
  bytes: Buffer;
  /** Length in bytes (known even when the bytes were dropped). */
  length: number;
  /** The line was longer than the limit; its bytes were not kept. */
  tooLong: boolean;
}

/** Yield the lines of a byte stream; lines longer than `limit` bytes are reported, not kept. */
export async function* splitLines(src: ByteIter, limit: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let pending = 0;
  let tooLong = false;
  let line = 1;
  for await (const chunk of src) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      if (nl < 0) {
        const rest = chunk.length - from;
        if (rest > 0) {
          pending += rest;
          if (pending > limit) {
            tooLong = true;
            parts = [];
          } else {
            parts.push(chunk.subarray(from));
          }
        }
        break;
      }
      const piece = chunk.subarray(from, nl);
      const length = pending + piece.length;
      if (tooLong || length > limit) {
        yield { line, bytes: Buffer.alloc(0), length, tooLong: true };
      } else {
        const bytes = parts.length === 0 ? piece : Buffer.concat([...parts, piece], length);
        yield { line, bytes, length, tooLong: false };
      }
      parts = [];
      pending = 0;
      tooLong = false;
      line++;
      from = nl + 1;
    }
  }
  if (pending > 0 || tooLong) {
    yield tooLong
      ? { line, bytes: Buffer.alloc(0), length: pending, tooLong: true }
      : { line, bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts, pending), length: pending, tooLong: false };
  }
}
