/**
 * JSON Lines (one record per line, streamed) and JSON (one object, or an array of objects).
 * Records are turned into RawDocs by `recordToRaw`; a bad line is an error item with its line
 * number and reading goes on with the next line.
 */
import { isUtf8 } from 'node:buffer';
import type { ByteIter } from './byte-stream.js';
import { decodeBytes, invalidUtf8Warning } from './decode.js';
import { splitLines, type Line } from './lines.js';
import { badRecord, type ReaderItem } from './reader-item.js';
import { recordToRaw } from './record.js';

export interface RecordsCtx {
  /** Path shown in errors and origins. */
  path: string;
  maxBytes: number;
  /** File name without extensions: the id of a lone JSON object that has none. */
  stem?: string;
}

function lineText(l: Line): { text: string; valid: boolean } {
  let bytes = l.bytes;
  if (l.line === 1 && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const valid = isUtf8(bytes);
  let text = bytes.toString('utf8');
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return { text, valid };
}

function isBlank(s: string): boolean {
  return s.trim() === '';
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** One JSONL line to a doc or an error item; undefined for a blank line. */
function lineItem(l: Line, ctx: RecordsCtx): ReaderItem | undefined {
  if (l.tooLong) {
    return badRecord(l.line, `line is ${l.length} bytes, longer than the limit of ${ctx.maxBytes} bytes (maxBytes); skipped`);
  }
  const { text, valid } = lineText(l);
  if (isBlank(text)) return undefined;
  let rec: unknown;
  try {
    rec = JSON.parse(text);
  } catch (e) {
    return badRecord(l.line, `invalid JSON (${errorMessage(e)})`);
  }
  const r = recordToRaw(rec, { path: ctx.path, line: l.line, format: 'jsonl' });
  if (!r.ok) return badRecord(l.line, r.why);
  if (!valid) r.raw.warnings = [invalidUtf8Warning(ctx.path, l.line)];
  return { kind: 'doc', raw: r.raw, id: r.id };
}

/** Stream JSON Lines: one record per non-blank line. */
export async function* readJsonl(body: ByteIter, ctx: RecordsCtx): AsyncGenerator<ReaderItem> {
  for await (const l of splitLines(body, ctx.maxBytes)) {
    const item = lineItem(l, ctx);
    if (item) yield item;
  }
}

function isObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function parsesAsObject(text: string): boolean {
  try {
    return isObject(JSON.parse(text));
  } catch {
    return false;
  }
}

/** 1-based line of a character position, from a JSON.parse message "... at position N". */
function lineOfParseError(text: string, message: string): number | undefined {
  const m = /position (\d+)/.exec(message);
  if (!m) return undefined;
  const pos = Math.min(Number(m[1]), text.length);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * JSON decided on content: when the first non-blank line is a complete JSON object the input is
 * streamed as JSON Lines; otherwise it is read whole (up to maxBytes) as one object or an array of
 * objects. Whole content that does not parse falls back to JSON Lines when any of its lines is an
 * object on its own, else it is one error with the line of the syntax error.
 */
export async function* readJson(body: ByteIter, ctx: RecordsCtx): AsyncGenerator<ReaderItem> {
  const it = splitLines(body, ctx.maxBytes)[Symbol.asyncIterator]();
  const held: Line[] = [];
  let streaming = false;
  try {
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      held.push(r.value);
      if (r.value.tooLong) break;
      const { text } = lineText(r.value);
      if (isBlank(text)) continue;
      streaming = parsesAsObject(text);
      break;
    }
    if (streaming) {
      for (const l of held) {
        const item = lineItem(l, ctx);
        if (item) yield item;
      }
      for (;;) {
        const r = await it.next();
        if (r.done) break;
        const item = lineItem(r.value, ctx);
        if (item) yield item;
      }
      return;
    }
    // Whole document.
    let total = held.reduce((n, l) => n + l.length + 1, 0);
    let tooLong = held.some((l) => l.tooLong);
    while (!tooLong) {
      const r = await it.next();
      if (r.done) break;
      held.push(r.value);
      total += r.value.length + 1;
      tooLong = r.value.tooLong || total > ctx.maxBytes;
    }
    if (tooLong) {
      yield { kind: 'error', code: 'PARLEY_INPUT_UNREADABLE', why: `larger than the limit of ${ctx.maxBytes} bytes (maxBytes)` };
      return;
    }
    const parts: Buffer[] = [];
    held.forEach((l, i) => {
      if (i > 0) parts.push(Buffer.from('\n'));
      parts.push(l.bytes);
    });
    const { text, invalid } = decodeBytes(Buffer.concat(parts));
    const warnings = invalid ? [invalidUtf8Warning(ctx.path)] : undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      if (held.some((l) => !l.tooLong && parsesAsObject(lineText(l).text))) {
        for (const l of held) {
          const item = lineItem(l, ctx);
          if (item) yield item;
        }
      } else {
        yield badRecord(lineOfParseError(text, errorMessage(e)), `invalid JSON (${errorMessage(e)})`);
      }
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const r = recordToRaw(value[i], { path: ctx.path, line: i + 1, format: 'jsonl' });
        if (!r.ok) {
          yield badRecord(i + 1, `array element ${i + 1}: ${r.why}`);
          continue;
        }
        if (warnings) r.raw.warnings = [...warnings];
        yield { kind: 'doc', raw: r.raw, id: r.id };
      }
    } else if (isObject(value)) {
      const r = recordToRaw(value, { path: ctx.path, format: 'jsonl' });
      if (!r.ok) {
        yield badRecord(undefined, r.why);
        return;
      }
      if (warnings) r.raw.warnings = warnings;
      yield { kind: 'doc', raw: r.raw, id: r.id ?? ctx.stem };
    } else {
      yield badRecord(undefined, `JSON value is ${value === null ? 'null' : `a ${typeof value}`}, not an object or an array of objects`);
    }
  } finally {
    await it.return?.(undefined);
  }
}
