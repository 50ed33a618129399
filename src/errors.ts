/**
 * The error catalogue. Every error a user can see has a stable code `PARLEY_<AREA>_<WHAT>`, a
 * message template with named `{placeholders}` that says what to do, an HTTP status and a CLI exit
 * code. Codes are never renumbered or reused; docs/errors.md lists them (a test keeps both in step).
 */

export interface ErrorSpec {
  message: string;
  status: number;
  exit: number;
}

export const ERRORS = {
  PARLEY_PIPELINE_UNKNOWN_STAGE: {
    message: "Unknown pipeline stage '{stage}'. Available stages: {available}.",
    status: 500,
    exit: 70,
  },
  PARLEY_PIPELINE_DUPLICATE_STAGE: {
    message: "A stage named '{stage}' is already registered; stage names must be unique.",
    status: 500,
    exit: 70,
  },
  PARLEY_PIPELINE_UNMET_READ: {
    message: "Stage '{stage}' reads layer '{layer}', which no earlier stage writes. Put a stage that writes it first.",
    status: 500,
    exit: 70,
  },
  PARLEY_INPUT_NOT_FOUND: {
    message: "{path}: no such file or directory. Check the path.",
    status: 400,
    exit: 66,
  },
  PARLEY_INPUT_UNREADABLE: {
    message: '{path}: cannot be read ({why}).',
    status: 400,
    exit: 66,
  },
  PARLEY_INPUT_BINARY: {
    message: '{path}: looks like a binary file, not text, HTML, JSONL, CSV or a feed; skipped.',
    status: 400,
    exit: 65,
  },
  PARLEY_INPUT_EMPTY: {
    message: '{path}: is empty; nothing to ingest.',
    status: 400,
    exit: 65,
  },
  PARLEY_INPUT_BAD_RECORD: {
    message: '{path}:{line}: {why}',
    status: 400,
    exit: 65,
  },
  PARLEY_INPUT_BAD_FEED: {
    message: '{path}: is not a valid RSS or Atom feed ({why}).',
    status: 400,
    exit: 65,
  },
  PARLEY_INPUT_HTTP: {
    message: '{url}: HTTP request failed ({why}).',
    status: 502,
    exit: 69,
  },
  PARLEY_INPUT_UNKNOWN_FORMAT: {
    message: "{path}: cannot tell the format (use .txt, .html, .jsonl, .csv, .xml/.rss/.atom, optionally .gz, or name it with --input-format).",
    status: 400,
    exit: 65,
  },
  PARLEY_EXTRACT_EMPTY: {
    message: '{id}: no article text could be extracted.',
    status: 422,
    exit: 65,
  },
  PARLEY_STORE_OPEN: {
    message: "Cannot open the store at '{location}' ({why}).",
    status: 500,
    exit: 74,
  },
  PARLEY_STORE_MIGRATION: {
    message: "Store migration '{migration}' failed ({why}). The store was left at the previous version.",
    status: 500,
    exit: 74,
  },
  PARLEY_STORE_NOT_FOUND: {
    message: "No {what} with id '{id}' in the store.",
    status: 404,
    exit: 1,
  },
  PARLEY_STORE_WRITE: {
    message: "Cannot write to the store at '{location}' ({why}). Nothing of this batch was stored; re-run to resume.",
    status: 500,
    exit: 74,
  },
  PARLEY_STORE_READ: {
    message: "Cannot read from the store at '{location}' ({why}).",
    status: 500,
    exit: 74,
  },
  PARLEY_LEXICON_INVALID: {
    message: '{file}: {where}: {why} (see data/lexicon/README.md for the pattern format).',
    status: 500,
    exit: 78,
  },
  PARLEY_CAMEO_UNREADABLE: {
    message: "Cannot read the CAMEO table at '{path}' ({why}). Regenerate it with `npx tsx scripts/build-cameo.ts`.",
    status: 500,
    exit: 78,
  },
  PARLEY_KB_UNREADABLE: {
    message: "{path}: cannot read the knowledge base ({why}). Rebuild it with `parley kb build` or check the path.",
    status: 500,
    exit: 66,
  },
  PARLEY_KB_SOURCE_MISSING: {
    message: '{path}: knowledge-base sources not found. Pass --shared DIR or set PARLEY_SHARED.',
    status: 500,
    exit: 66,
  },
  PARLEY_KB_BAD_OVERLAY: {
    message: '{file}:{line}: {why}{more}',
    status: 400,
    exit: 65,
  },
  PARLEY_CLI_USAGE: {
    message: '{why} Run `parley help` for usage.',
    status: 400,
    exit: 64,
  },
  PARLEY_CLI_BAD_DATE: {
    message: "{flag}: '{value}' is not a date; use YYYY-MM-DD.",
    status: 400,
    exit: 64,
  },
  PARLEY_API_BAD_REQUEST: {
    message: "Invalid {where} '{field}': {why}. See /api/openapi.json for the parameters of this route.",
    status: 400,
    exit: 64,
  },
  PARLEY_API_BAD_CURSOR: {
    message: 'The cursor is not valid for this query ({why}); repeat the query without a cursor to start again.',
    status: 400,
    exit: 64,
  },
  PARLEY_API_BAD_BODY: {
    message: 'The request body cannot be read ({why}). Send JSON (one article object or an array) or JSON Lines.',
    status: 400,
    exit: 65,
  },
  PARLEY_API_UNSUPPORTED_MEDIA_TYPE: {
    message: "Content-Type '{type}' is not accepted; send application/json or application/x-ndjson.",
    status: 415,
    exit: 65,
  },
  PARLEY_API_BODY_TOO_LARGE: {
    message: 'The request body is larger than {limit} bytes; send fewer or shorter articles per request.',
    status: 413,
    exit: 65,
  },
  PARLEY_API_UNAUTHORIZED: {
    message: 'This request needs the header `Authorization: Bearer <token>` with the token the server was given in PARLEY_API_TOKEN.',
    status: 401,
    exit: 77,
  },
  PARLEY_API_WRITES_REFUSED: {
    message: "Writes are refused: the server listens on '{host}', which is not a loopback address, and has no PARLEY_API_TOKEN. Set PARLEY_API_TOKEN or listen on 127.0.0.1.",
    status: 403,
    exit: 77,
  },
  PARLEY_API_NOT_FOUND: {
    message: 'No route {method} {url}. The API is described at /api/openapi.json.',
    status: 404,
    exit: 1,
  },
  PARLEY_API_NO_DASHBOARD: {
    message: "The dashboard is not built (no '{path}'). Run `npm run build:web`; the API under /api works without it.",
    status: 503,
    exit: 69,
  },
  PARLEY_API_LISTEN: {
    message: "Cannot listen on {host}:{port} ({why}). Choose another --port or --host.",
    status: 500,
    exit: 69,
  },
  PARLEY_API_INTERNAL: {
    message: 'Internal server error; the server log has the details under request id {requestId}.',
    status: 500,
    exit: 70,
  },
  PARLEY_QUEUE_BAD_URL: {
    message: "'{url}' is not a Redis URL. Set PARLEY_QUEUE (or --queue) to redis://host:port[/db].",
    status: 400,
    exit: 64,
  },
  PARLEY_QUEUE_UNREACHABLE: {
    message: "Cannot reach the queue at '{url}' ({why}). Start Redis there or point PARLEY_QUEUE at it.",
    status: 503,
    exit: 69,
  },
  PARLEY_QUEUE_POISON: {
    message: "{id}: the pipeline failed on this document ({why}); it was not stored. Fix the input (or parley), then `parley queue retry {job}`.",
    status: 422,
    exit: 65,
  },
  PARLEY_QUEUE_NO_JOB: {
    message: "No job '{id}' in the failed list of queue '{queue}'. `parley queue status` lists the failed jobs.",
    status: 404,
    exit: 1,
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** Fill `{name}` placeholders from details; unknown placeholders are left visible. */
export function formatMessage(template: string, details: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in details ? String(details[k]) : m));
}

/** A catalogued error: carries its code, the details that filled the message, and a cause. */
export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly status: number;
  readonly exit: number;

  constructor(code: ErrorCode, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    const spec: ErrorSpec = ERRORS[code];
    super(`[${code}] ${formatMessage(spec.message, details)}`, options);
    this.name = 'ParleyError';
    this.code = code;
    this.details = details;
    this.status = spec.status;
    this.exit = spec.exit;
  }

  /** The message without the code prefix. */
  get text(): string {
    return formatMessage(ERRORS[this.code].message, this.details);
  }
}

export function isParleyError(e: unknown): e is ParleyError {
  return e instanceof ParleyError;
}
