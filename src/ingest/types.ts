/**
 * The vocabulary of the ingest readers: what `readInputs` yields, the options it takes and the
 * live counters it keeps for a progress bar.
 */
import type { InputFormat, RawDoc } from '../doc.js';
import type { ErrorCode } from '../errors.js';

/** One document read from an input. `id` and `hash` are final (see `readInputs`). */
export interface IngestDoc {
  kind: 'doc';
  raw: RawDoc;
  id: string;
  /** sha256 (hex) of the raw content (`raw.text` or `raw.html`) as read. */
  hash: string;
}

/** A problem with one input or one record. The batch goes on after it. */
export interface IngestError {
  kind: 'error';
  /** File path, URL, or '-' for stdin. */
  path: string;
  /** 1-based line (JSONL/CSV) or item number (feeds, JSON arrays), when the problem is one record. */
  line?: number;
  code: ErrorCode;
  /** The catalogue message with its placeholders filled (no `[CODE]` prefix). */
  message: string;
}

export type IngestItem = IngestDoc | IngestError;

/** Live counters, updated while reading (suitable for a progress bar). */
export interface ReadStats {
  /** Inputs to read: files found (directories expanded), URLs and stdin. */
  filesTotal: number;
  /** Inputs finished (read to the end, or given up with an error). */
  filesDone: number;
  /** Sum of the sizes of the files to read, plus Content-Length of URLs once known. */
  bytesTotal: number;
  /** Bytes consumed so far from files, URLs and stdin (compressed bytes for .gz input). */
  bytesRead: number;
  /** Documents yielded. */
  records: number;
  /** Error items yielded. */
  errors: number;
}

export interface ReadOptions {
  /**
   * Force one format for every input instead of looking at names, content types and content.
   * 'rss' and 'atom' both mean "a feed"; 'url', 'stdin' and 'auto' mean "decide per input".
   */
  format?: InputFormat | 'auto';
  /** HTTP timeout in milliseconds, covering the response and its body. Default 15000. */
  timeoutMs?: number;
  /**
   * Largest single unit read into memory, in bytes: a whole text/HTML/feed/JSON document, a URL
   * body, one JSONL line or one CSV record. Larger units become error items. Default 64 MiB.
   */
  maxBytes?: number;
  /** Counters to update while reading; pass a `newReadStats()` object and poll it. */
  stats?: ReadStats;
  /** What `-` reads; defaults to `process.stdin`. */
  stdin?: NodeJS.ReadableStream;
  /** User-Agent header for URLs; defaults to one naming parley. */
  userAgent?: string;
}

/** Fresh zeroed counters. */
export function newReadStats(): ReadStats {
  return { filesTotal: 0, filesDone: 0, bytesTotal: 0, bytesRead: 0, records: 0, errors: 0 };
}
