/** Ingest readers: turn files, directories, stdin and URLs into RawDocs (see `readInputs`). */
export { readInputs, sha256Hex, contentId, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './read-inputs.js';
export { newReadStats } from './types.js';
export type { IngestItem, IngestDoc, IngestError, ReadOptions, ReadStats } from './types.js';
