/** Shared helpers for the ingest tests: temp dirs, collecting items, fixture paths. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { readInputs } from '../../../src/ingest/index.js';
import type { IngestDoc, IngestError, IngestItem, ReadOptions } from '../../../src/ingest/index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Path of a file under test/fixtures/ingest (works from the tsx sources and from dist/). */
export function fixture(...parts: string[]): string {
  const fromSrc = join(here, '..', '..', 'fixtures', 'ingest', ...parts);
  return here.includes(`${join('dist', 'test')}`) ? join(here, '..', '..', '..', '..', 'test', 'fixtures', 'ingest', ...parts) : fromSrc;
}

export async function collect(inputs: string[], opts?: ReadOptions): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(inputs, opts)) out.push(item);
  return out;
}

export function docs(items: IngestItem[]): IngestDoc[] {
  return items.filter((i): i is IngestDoc => i.kind === 'doc');
}

export function errors(items: IngestItem[]): IngestError[] {
  return items.filter((i): i is IngestError => i.kind === 'error');
}

/** A temp dir removed by the returned cleanup function. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-ingest-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A stdin stand-in delivering the given chunks. */
export function fakeStdin(...chunks: (string | Buffer)[]): NodeJS.ReadableStream {
  return Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
