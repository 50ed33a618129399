/**
 * `readInputs`: every input parley can ingest — files, directories, stdin, http(s) URLs, any of
 * them gzip-compressed — read as one ordered stream of documents and error items.
 */
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import type { InputFormat } from '../doc.js';
import { ERRORS, formatMessage, type ErrorCode } from '../errors.js';
import { counted, gunzip, peek, readAll, TooLargeError, utf16ToUtf8, type ByteIter } from './byte-stream.js';
import { readCsv } from './csv.js';
import { decodeBytes, invalidUtf8Warning } from './decode.js';
import { parseFeed } from './feed.js';
import { readJson, readJsonl, type RecordsCtx } from './jsonl.js';
import { fsProblem, planInputs, type Planned } from './plan.js';
import type { ReaderItem } from './reader-item.js';
import {
  declaredCharset,
  isGzip,
  kindFromContentType,
  looksBinary,
  nameInfo,
  sniffKind,
  utf16Bom,
  type ContentKind,
} from './sniff.js';
import { newReadStats, type IngestItem, type ReadOptions, type ReadStats } from './types.js';
import { DEFAULT_USER_AGENT, describeFetchError, openUrl } from './url.js';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const HIGH_WATER_MARK = 64 * 1024;
/** Files up to this size are read whole, several at a time ahead of the reader (directories of many small articles). */
const PREFETCH_MAX_BYTES = 1024 * 1024;
/** How many small files are read ahead. */
const PREFETCH_AHEAD = 16;
const SNIFF_BYTES = 8192;

interface Settings {
  forced?: ContentKind;
  badFormat: boolean;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  stdin?: NodeJS.ReadableStream;
}

/** What is known about a byte source besides its bytes. */
interface SourceInfo {
  /** Path shown in errors and origins: the file path, the URL as given, or '-'. */
  path: string;
  /** Where a file extension may be read: the file path or the URL's path. */
  nameHint?: string;
  contentType?: string;
  /** URL after redirects, for `raw.url` of pages. */
  finalUrl?: string;
  isUrl: boolean;
  /** File name without extensions: the id of a single-document file. */
  stem?: string;
}

type Destroyable = { destroy(): void };

function forcedKind(format: ReadOptions['format']): { kind?: ContentKind; bad: boolean } {
  switch (format) {
    case undefined:
    case 'auto':
    case 'url':
    case 'stdin':
      return { bad: false };
    case 'text':
    case 'html':
    case 'jsonl':
    case 'csv':
      return { kind: format, bad: false };
    case 'rss':
    case 'atom':
      return { kind: 'feed', bad: false };
    default:
      return { bad: true };
  }
}

/** sha256 hex of a string's UTF-8 bytes. */
export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** The id of a document that has none of its own: `h-` and the first 16 hex digits of its hash. */
export function contentId(hash: string): string {
  return `h-${hash.slice(0, 16)}`;
}

function errorItem(path: string, code: ErrorCode, why?: string, line?: number): IngestItem {
  const template: string = ERRORS[code].message;
  const message =
    code === 'PARLEY_INPUT_BAD_RECORD' && line === undefined
      ? `${path}: ${why ?? 'bad record'}`
      : formatMessage(template, { path, url: path, why: why ?? 'unknown reason', line });
  const item: IngestItem = { kind: 'error', path, code, message };
  if (line !== undefined) item.line = line;
  return item;
}

function exceptionItem(e: unknown, info: SourceInfo, timeoutMs: number): IngestItem {
  if (e instanceof TooLargeError) return errorItem(info.path, 'PARLEY_INPUT_UNREADABLE', e.message);
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.code === 'string' && err.code.startsWith('Z_')) {
    return errorItem(info.path, 'PARLEY_INPUT_UNREADABLE', `corrupt or truncated gzip data: ${err.message}`);
  }
  if (info.isUrl) return errorItem(info.path, 'PARLEY_INPUT_HTTP', describeFetchError(e, timeoutMs));
  if (typeof err?.code === 'string') {
    const p = fsProblem(e);
    return errorItem(info.path, p.code, p.why);
  }
  return errorItem(info.path, 'PARLEY_INPUT_UNREADABLE', err?.message ?? String(e));
}

/** Give documents their final id and hash and errors their message; an input yielding nothing is EMPTY. */
async function* finish(
  items: AsyncIterable<ReaderItem>,
  info: SourceInfo,
  track: Destroyable[],
  timeoutMs: number,
): AsyncGenerator<IngestItem> {
  let n = 0;
  try {
    for await (const it of items) {
      n++;
      if (it.kind === 'error') {
        yield errorItem(info.path, it.code, it.why, it.line);
        continue;
      }
      const content = it.raw.text ?? it.raw.html ?? '';
      const hash = sha256Hex(content);
      const id = it.id ?? contentId(hash);
      it.raw.id = id;
      yield { kind: 'doc', raw: it.raw, id, hash };
    }
  } catch (e) {
    n++;
    yield exceptionItem(e, info, timeoutMs);
  } finally {
    for (const t of track) t.destroy();
  }
  if (n === 0) yield errorItem(info.path, 'PARLEY_INPUT_EMPTY');
}

function decideKind(head: Buffer, info: SourceInfo, s: Settings): ContentKind {
  if (s.forced) return s.forced;
  const sniffed = sniffKind(head.subarray(0, SNIFF_BYTES).toString('utf8'));
  const fromName = info.nameHint ? nameInfo(info.nameHint).kind : undefined;
  if (info.isUrl) {
    const fromType = kindFromContentType(info.contentType);
    if (fromType === 'html' || fromType === 'feed') return sniffed === 'html' || sniffed === 'feed' ? sniffed : fromType;
    if (fromType && fromType !== 'binary') return fromType;
  }
  return fromName ?? sniffed;
}

/** Read one byte source: undo gzip and UTF-16, refuse binary, pick the reader, read. */
async function* readSource(src: ByteIter, info: SourceInfo, s: Settings, track: Destroyable[]): AsyncGenerator<ReaderItem> {
  let p = await peek(src, 2);
  if (p.head.length === 0) return;
  let body = p.body;
  if (isGzip(p.head)) body = gunzip(body, (x) => track.push(x));
  p = await peek(body, SNIFF_BYTES);
  let head = p.head;
  body = p.body;
  const bom = utf16Bom(head);
  if (bom) {
    p = await peek(utf16ToUtf8(body, bom), SNIFF_BYTES);
    head = p.head;
    body = p.body;
  }
  if (head.length === 0) return;
  const typeKind = info.isUrl ? kindFromContentType(info.contentType) : undefined;
  if (!s.forced && typeKind === 'binary') {
    yield { kind: 'error', code: 'PARLEY_INPUT_UNKNOWN_FORMAT' };
    return;
  }
  if (looksBinary(head.subarray(0, SNIFF_BYTES))) {
    yield { kind: 'error', code: 'PARLEY_INPUT_BINARY' };
    return;
  }
  const kind = decideKind(head, info, s);
  const ctx: RecordsCtx = { path: info.path, maxBytes: s.maxBytes, stem: info.stem };
  switch (kind) {
    case 'jsonl':
      yield* readJsonl(body, ctx);
      return;
    case 'json':
      yield* readJson(body, ctx);
      return;
    case 'csv':
      yield* readCsv(body, head, ctx);
      return;
    default:
      break;
  }
  const buf = await readAll(body, s.maxBytes);
  const charset = kind === 'text' ? undefined : declaredCharset(head, info.contentType);
  const { text, invalid } = decodeBytes(buf, charset);
  if (text.trim() === '') return;
  const warnings = invalid ? [invalidUtf8Warning(info.path)] : undefined;
  if (kind === 'feed') {
    const feed = parseFeed(text, info.path);
    if (!feed.ok) {
      yield { kind: 'error', code: 'PARLEY_INPUT_BAD_FEED', why: feed.why };
      return;
    }
    for (const item of feed.items) {
      if (item.kind === 'doc' && warnings) item.raw.warnings = [...warnings];
      yield item;
    }
    return;
  }
  const format: InputFormat = kind === 'html' ? 'html' : 'text';
  yield {
    kind: 'doc',
    id: info.stem,
    raw: {
      ...(info.finalUrl ? { url: info.finalUrl } : {}),
      ...(kind === 'html' ? { html: text } : { text }),
      origin: { path: info.path, format },
      ...(warnings ? { warnings } : {}),
    },
  };
}

/** The bytes of a small file read ahead, or the error reading it threw. */
type Prefetched = Promise<{ ok: true; buf: Buffer } | { ok: false; error: unknown }>;

async function* oneChunk(buf: Buffer): AsyncGenerator<Buffer> {
  if (buf.length > 0) yield buf;
}

async function* readPlanned(p: Planned, s: Settings, stats: ReadStats, ahead?: Prefetched): AsyncGenerator<IngestItem> {
  if (p.type === 'error') {
    yield errorItem(p.path, p.code, p.why);
    return;
  }
  const path = p.type === 'file' ? p.path : p.type === 'url' ? p.url : '-';
  if (s.badFormat) {
    yield errorItem(path, 'PARLEY_INPUT_UNKNOWN_FORMAT');
    return;
  }
  const track: Destroyable[] = [];
  if (p.type === 'file' && ahead) {
    const got = await ahead;
    if (!got.ok) {
      const problem = fsProblem(got.error);
      yield errorItem(p.path, problem.code, problem.why);
      return;
    }
    const info: SourceInfo = { path, nameHint: p.path, isUrl: false, stem: nameInfo(p.path).stem };
    yield* finish(readSource(counted(oneChunk(got.buf), stats, p.size === 0), info, s, track), info, track, s.timeoutMs);
    return;
  }
  if (p.type === 'file') {
    let fh;
    try {
      fh = await open(p.path, 'r');
    } catch (e) {
      const problem = fsProblem(e);
      yield errorItem(p.path, problem.code, problem.why);
      return;
    }
    const stream = fh.createReadStream({ highWaterMark: HIGH_WATER_MARK });
    track.push(stream);
    const info: SourceInfo = { path, nameHint: p.path, isUrl: false, stem: nameInfo(p.path).stem };
    yield* finish(readSource(counted(stream, stats, p.size === 0), info, s, track), info, track, s.timeoutMs);
    return;
  }
  if (p.type === 'url') {
    const opened = await openUrl(p.url, s.timeoutMs, s.userAgent);
    if (!opened.ok) {
      yield errorItem(path, 'PARLEY_INPUT_HTTP', opened.why);
      return;
    }
    track.push(opened);
    if (opened.length !== undefined) stats.bytesTotal += opened.length;
    let urlPath: string | undefined;
    try {
      urlPath = decodeURIComponent(new URL(opened.finalUrl).pathname);
    } catch {
      urlPath = undefined;
    }
    const info: SourceInfo = {
      path,
      nameHint: urlPath && !urlPath.endsWith('/') ? urlPath : undefined,
      contentType: opened.contentType,
      finalUrl: opened.finalUrl,
      isUrl: true,
    };
    const body = counted(opened.body, stats, opened.length === undefined);
    yield* finish(readSource(body, info, s, track), info, track, s.timeoutMs);
    return;
  }
  const stdin = s.stdin ?? process.stdin;
  const info: SourceInfo = { path: '-', isUrl: false };
  yield* finish(readSource(counted(stdin as AsyncIterable<Buffer>, stats, true), info, s, track), info, track, s.timeoutMs);
}

/**
 * Read inputs — file paths, directories (recursive, sorted, hidden entries and unknown extensions
 * skipped), '-' for stdin, http(s) URLs; any of them gzip-compressed — and yield one item per
 * document or problem, in input order. Never throws for bad input: missing or unreadable paths,
 * binary or empty files, malformed records, broken feeds and HTTP failures become error items with
 * a catalogue code, and the reading goes on. Records are streamed (JSONL, CSV), so memory stays
 * bounded by `maxBytes` whatever the input size.
 *
 * A document's `id` is its record id or feed guid, else the file name without extensions (for
 * one-document files), else `h-` and 16 hex digits of `hash`, the sha256 of its text or HTML.
 */
export async function* readInputs(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const stats = opts.stats ?? newReadStats();
  const forced = forcedKind(opts.format);
  const settings: Settings = {
    forced: forced.kind,
    badFormat: forced.bad,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    userAgent: opts.userAgent ?? DEFAULT_USER_AGENT,
    stdin: opts.stdin,
  };
  const plan = await planInputs(inputs);
  stats.filesTotal += plan.length;
  for (const p of plan) if (p.type === 'file') stats.bytesTotal += p.size;
  // Small regular files are read whole a few at a time ahead, so a directory of many short
  // articles is not read one open/stream/close round trip after another.
  const small = (p: Planned | undefined): p is Extract<Planned, { type: 'file' }> =>
    p?.type === 'file' && p.size > 0 && p.size <= Math.min(PREFETCH_MAX_BYTES, settings.maxBytes) && !settings.badFormat;
  const ahead = new Map<number, Prefetched>();
  let next = 0;
  const fill = (from: number) => {
    for (next = Math.max(next, from); next < plan.length && next < from + PREFETCH_AHEAD; next++) {
      const q = plan[next];
      if (small(q)) {
        ahead.set(
          next,
          readFile(q.path).then(
            (buf) => ({ ok: true as const, buf }),
            (error: unknown) => ({ ok: false as const, error }),
          ),
        );
      }
    }
  };
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i];
    fill(i);
    const pre = ahead.get(i);
    ahead.delete(i);
    try {
      for await (const item of readPlanned(p, settings, stats, pre)) {
        if (item.kind === 'doc') stats.records++;
        else stats.errors++;
        yield item;
      }
    } finally {
      stats.filesDone++;
    }
  }
}
