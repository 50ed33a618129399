/**
 * A small builder for hand-made Docs in tests: text in, line blocks (and optionally the real
 * segment stage) out. Tests of later stages start from here instead of running the whole pipeline.
 */
import { createHash } from 'node:crypto';
import type { Doc, DocMeta } from '../../src/doc.js';
import { emptyLayers, lineBlocks } from '../../src/doc.js';

export function docFromText(text: string, meta: DocMeta = {}, id = 'test'): Doc {
  return {
    id,
    hash: createHash('sha256').update(text).digest('hex'),
    text,
    meta,
    layers: { ...emptyLayers(), blocks: lineBlocks(text) },
    diagnostics: [],
  };
}
