/**
 * Bytes to text. Valid UTF-8 is decoded as UTF-8 whatever is declared (misdeclared pages are
 * common); otherwise a declared non-UTF-8 charset is honoured when the runtime knows it; otherwise
 * bad bytes become U+FFFD and the caller gets a warning to put on the document.
 */
import { isUtf8 } from 'node:buffer';

export interface Decoded {
  text: string;
  /** Set when invalid UTF-8 was replaced with U+FFFD. */
  invalid: boolean;
}

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'us-ascii', 'ascii']);

/** Decode bytes (a whole document or one record), dropping a leading byte-order mark. */
export function decodeBytes(buf: Buffer, charset?: string): Decoded {
  const body = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  if (isUtf8(body)) return { text: body.toString('utf8'), invalid: false };
  if (charset && !UTF8_LABELS.has(charset)) {
    try {
      return { text: new TextDecoder(charset).decode(body), invalid: false };
    } catch {
      // Unknown label: fall back to UTF-8 with replacement.
    }
  }
  return { text: body.toString('utf8'), invalid: true };
}

/** The warning put on a document whose bytes were not valid UTF-8. */
export function invalidUtf8Warning(path: string, line?: number): string {
  const where = line === undefined ? path : `${path}:${line}`;
  return `${where}: invalid UTF-8 byte sequences were replaced with U+FFFD`;
}
