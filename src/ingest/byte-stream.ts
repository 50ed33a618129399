/**
 * Plumbing for byte streams as async iterables of Buffers: count what is consumed, look at the
 * first bytes without losing them, gunzip, transcode UTF-16 to UTF-8, and read to the end under a
 * size limit. Everything stays streaming; only `readAll` gathers a whole input.
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ReadStats } from './types.js';

export type ByteIter = AsyncIterable<Buffer>;

/**
 * Count consumed bytes into `stats.bytesRead` as chunks are pulled. With `grow` (inputs of unknown
 * size such as stdin) `stats.bytesTotal` grows by the same amount.
 */
export async function* counted(
  src: AsyncIterable<Buffer | string | Uint8Array>,
  stats: ReadStats,
  grow = false,
): AsyncGenerator<Buffer> {
  for await (const chunk of src) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    if (grow) stats.bytesTotal += buf.length;
    stats.bytesRead += buf.length;
    yield buf;
  }
}

export interface Peeked {
  /** At least `n` bytes, unless the stream is shorter. */
  head: Buffer;
  /** The whole stream again, head included. Iterate it at most once. */
  body: ByteIter;
}

/** Read the first `n` bytes (or fewer at the end) and give back a stream that replays them. */
export async function peek(src: ByteIter, n: number): Promise<Peeked> {
  const it = src[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let len = 0;
  let done = false;
  while (len < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    parts.push(r.value);
    len += r.value.length;
  }
  const head = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    try {
      for (;;) {
        const r = await it.next();
        if (r.done) {
          done = true;
          return;
        }
        yield r.value;
      }
    } finally {
      if (!done) await it.return?.(undefined);
    }
  }
  return { head, body: replay() };
}

/** Decompress a gzip stream (several concatenated members are fine). Corrupt data throws on read. */
export function gunzip(src: ByteIter, track: (s: { destroy(): void }) => void): ByteIter {
  const input = Readable.from(src, { objectMode: false });
  const gz = createGunzip();
  track(input);
  track(gz);
  input.on('error', (e) => gz.destroy(e));
  input.pipe(gz);
  return gz;
}

/** Transcode UTF-16 (with its byte-order mark) to UTF-8, chunk by chunk. */
export async function* utf16ToUtf8(src: ByteIter, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<Buffer> {
  const dec = new TextDecoder(encoding); // drops the BOM
  for await (const chunk of src) {
    const s = dec.decode(chunk, { stream: true });
    if (s) yield Buffer.from(s, 'utf8');
  }
  const tail = dec.decode();
  if (tail) yield Buffer.from(tail, 'utf8');
}

/** Thrown by `readAll` when the input is larger than the limit. */
export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than the limit of ${limit} bytes (maxBytes)`);
    this.name = 'TooLargeError';
  }
}

/** Gather a whole stream into one Buffer; throws `TooLargeError` past `limit` bytes. */
export async function readAll(src: ByteIter, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let len = 0;
  for await (const chunk of src) {
    len += chunk.length;
    if (len > limit) throw new TooLargeError(limit);
    parts.push(chunk);
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, len);
}
