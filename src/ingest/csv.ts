/**
 * CSV with a header row, streamed. A small byte scanner finds where each record starts and ends
 * (quoted fields may span lines) so that every record keeps its first line number and a broken
 * record cannot swallow the good ones after it: a quoted field still open at the end of the input
 * (or past maxBytes) is reported at the line where its record started, and scanning resumes on
 * the next line. Each record's fields are then parsed by csv-parse.
 */
import { isUtf8 } from 'node:buffer';
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { ByteIter } from './byte-stream.js';
import { invalidUtf8Warning } from './decode.js';
import type { RecordsCtx } from './jsonl.js';
import { badRecord, type ReaderItem } from './reader-item.js';
import { recordToRaw } from './record.js';

const NL = 0x0a;
const QUOTE = 0x22;

/** A record's bytes as found by the scanner. */
export interface CsvChunk {
  /** 1-based line where the record starts. */
  line: number;
  bytes: Buffer;
  /** Set when the record could not be delimited; `bytes` is then empty. */
  problem?: string;
}

const enum S {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/** After this many broken records in one input, the rest of it becomes one error. */
const MAX_RESCANS = 20;

/**
 * Splits CSV bytes into records. Feed chunks with `push`, then call `end`. Pure and synchronous,
 * so it is easy to test on its own.
 *
 * Quotes open a field only at its start; `""` inside a quoted field is a quote. A record is broken
 * when a quoted field is still open at the end of the input or past the size limit, or when a
 * quoted field that spans lines is closed by a quote followed by something other than a
 * delimiter or a line end (the quotes are then paired wrongly). A broken record is reported at
 * its first line and scanning starts again on the line after it, so it cannot swallow the records
 * that follow.
 */
export class CsvScanner {
  private state = S.FieldStart;
  private parts: Buffer[] = [];
  private pending = 0;
  private line = 1;
  private start = 1;
  private oversize = false;
  private suspect = false;
  private skipLine = false;
  private rescans = 0;
  private gaveUp = false;

  constructor(
    private readonly delimiter: number,
    private readonly limit: number,
  ) {}

  push(chunk: Buffer, out: CsvChunk[]): void {
    const n = chunk.length;
    let from = 0;
    for (let i = 0; i < n; i++) {
      if (this.gaveUp) return;
      if (this.skipLine) {
        const nl = chunk.indexOf(NL, i);
        if (nl < 0) return;
        this.skipLine = false;
        this.line++;
        this.start = this.line;
        this.state = S.FieldStart;
        i = nl;
        from = nl + 1;
        continue;
      }
      const b = chunk[i];
      const state = this.state;
      if (state === S.Quoted) {
        if (b === QUOTE) this.state = S.QuoteInQuoted;
        else if (b === NL) this.line++;
        continue;
      }
      if (state === S.QuoteInQuoted) {
        if (b === QUOTE) {
          this.state = S.Quoted;
          continue;
        }
        if (b !== this.delimiter && b !== NL && b !== 0x0d && this.line > this.start) this.suspect = true;
        this.state = S.Unquoted; // the quote closed the field; look at this byte unquoted
      }
      if (b === NL) {
        this.take(chunk.subarray(from, i));
        from = i + 1;
        while (this.suspect && !this.gaveUp) this.rescan(out, CLOSED_WRONG);
        if (this.gaveUp) return;
        if (this.skipLine) {
          // The rescanned record's first line ends here.
          this.skipLine = false;
          this.line++;
          this.start = this.line;
          this.state = S.FieldStart;
          continue;
        }
        if (this.state === S.Quoted) {
          // After a rescan this line end lies inside a quoted field of the record being built.
          this.take(NL_BUF);
          this.line++;
          continue;
        }
        this.emit(out);
        this.line++;
        this.start = this.line;
        this.state = S.FieldStart;
      } else if (b === this.delimiter) {
        this.state = S.FieldStart;
      } else if (b === QUOTE && this.state === S.FieldStart) {
        this.state = S.Quoted;
      } else if (b !== 0x0d) {
        this.state = S.Unquoted;
      }
    }
    if (this.gaveUp || this.skipLine) return;
    if (from < n) this.take(chunk.subarray(from));
    if (this.pending > this.limit && !this.oversize) {
      if (this.state === S.Quoted || this.state === S.QuoteInQuoted) {
        this.rescan(out, `a quoted field is still open after ${this.limit} bytes (maxBytes)`);
      } else {
        this.oversize = true;
        this.parts = [];
      }
    }
  }

  end(out: CsvChunk[]): void {
    if (this.gaveUp || this.skipLine) return;
    if (this.state === S.Quoted || this.suspect) {
      this.rescan(out, this.state === S.Quoted ? 'a quoted field is not closed before the end of the input' : CLOSED_WRONG);
      this.end(out);
      return;
    }
    if (this.pending > 0 || this.oversize) this.emit(out);
  }

  private take(piece: Buffer): void {
    if (piece.length === 0) return;
    this.pending += piece.length;
    if (this.oversize) return;
    this.parts.push(piece);
  }

  private emit(out: CsvChunk[]): void {
    if (this.oversize) {
      out.push({ line: this.start, bytes: Buffer.alloc(0), problem: `record is ${this.pending} bytes, longer than the limit of ${this.limit} bytes (maxBytes); skipped` });
    } else if (this.pending > 0) {
      out.push({ line: this.start, bytes: this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.pending) });
    }
    this.parts = [];
    this.pending = 0;
    this.oversize = false;
    this.suspect = false;
  }

  /**
   * Report the record starting at `start` as broken and scan again from the line after it: the
   * held bytes after the record's first line are pushed again; when the first line itself has not
   * ended yet, the rest of it is skipped.
   */
  private rescan(out: CsvChunk[], why: string): void {
    const held = Buffer.concat(this.parts, this.pending);
    const badLine = this.start;
    this.parts = [];
    this.pending = 0;
    this.oversize = false;
    this.suspect = false;
    this.state = S.FieldStart;
    this.rescans++;
    if (this.rescans > MAX_RESCANS) {
      out.push({ line: badLine, bytes: Buffer.alloc(0), problem: `${why}; gave up on the rest of the input after ${MAX_RESCANS} broken records` });
      this.gaveUp = true;
      return;
    }
    out.push({ line: badLine, bytes: Buffer.alloc(0), problem: `${why}; the record starting here was skipped` });
    const nl = held.indexOf(NL);
    this.line = badLine;
    this.start = badLine;
    if (nl < 0) {
      this.skipLine = true;
      return;
    }
    this.line = badLine + 1;
    this.start = this.line;
    this.push(held.subarray(nl + 1), out);
  }
}

const NL_BUF = Buffer.from('\n');
const CLOSED_WRONG = 'a quoted field spanning lines is closed by a quote followed by other text';

/** The delimiter of a header line: the most frequent of , ; tab | outside quotes (default comma). */
export function detectDelimiter(head: Buffer): number {
  const candidates = [0x2c, 0x3b, 0x09, 0x7c];
  const counts = new Map<number, number>(candidates.map((c) => [c, 0]));
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === NL && !quoted) break;
    else if (!quoted && counts.has(b)) counts.set(b, counts.get(b)! + 1);
  }
  let best = 0x2c;
  for (const c of candidates) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

function decodeRecord(bytes: Buffer, first: boolean): { text: string; valid: boolean } {
  let b = bytes;
  if (first && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  const valid = isUtf8(b);
  let text = b.toString('utf8');
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return { text, valid };
}

function fieldsOf(text: string, delimiter: string): string[] {
  // Without quotes a record is its fields joined by the delimiter; csv-parse handles the rest.
  if (!text.includes('"')) return text.split(delimiter);
  const rows = parseCsvSync(text, {
    delimiter,
    record_delimiter: '\n',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
  if (rows.length !== 1) throw new Error(`expected one record, found ${rows.length}`);
  return rows[0];
}

/** Stream a CSV input; the header row names the fields (case and surrounding spaces ignored). */
export async function* readCsv(body: ByteIter, head: Buffer, ctx: RecordsCtx): AsyncGenerator<ReaderItem> {
  const delimiterByte = detectDelimiter(head);
  const delimiter = String.fromCharCode(delimiterByte);
  const scanner = new CsvScanner(delimiterByte, ctx.maxBytes);
  let header: string[] | undefined;
  let first = true;
  let stop = false;

  function* handle(chunks: CsvChunk[]): Generator<ReaderItem> {
    for (const c of chunks) {
      if (stop) return;
      if (c.problem) {
        yield badRecord(c.line, c.problem);
        continue;
      }
      const { text, valid } = decodeRecord(c.bytes, first);
      first = false;
      if (text.trim() === '') continue;
      let fields: string[];
      try {
        fields = fieldsOf(text, delimiter);
      } catch (e) {
        yield badRecord(c.line, `malformed CSV record (${e instanceof Error ? e.message.replace(/\s+/g, ' ') : String(e)})`);
        continue;
      }
      if (!header) {
        header = fields.map((f) => f.trim().toLowerCase());
        if (!header.includes('text') && !header.includes('html')) {
          yield badRecord(c.line, `the CSV header has no 'text' or 'html' column (found: ${header.join(', ')})`);
          stop = true;
          return;
        }
        continue;
      }
      if (fields.length !== header.length) {
        yield badRecord(c.line, `record has ${fields.length} fields but the header has ${header.length}`);
        continue;
      }
      const rec: Record<string, string> = {};
      header.forEach((name, i) => {
        if (name !== '' && !(name in rec)) rec[name] = fields[i];
      });
      const r = recordToRaw(rec, { path: ctx.path, line: c.line, format: 'csv' });
      if (!r.ok) {
        yield badRecord(c.line, r.why);
        continue;
      }
      if (!valid) r.raw.warnings = [invalidUtf8Warning(ctx.path, c.line)];
      yield { kind: 'doc', raw: r.raw, id: r.id };
    }
  }

  const out: CsvChunk[] = [];
  for await (const chunk of body) {
    scanner.push(chunk, out);
    if (out.length > 0) {
      yield* handle(out.splice(0));
      if (stop) return;
    }
  }
  scanner.end(out);
  yield* handle(out);
}
