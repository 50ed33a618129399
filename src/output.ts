/**
 * The output contract: how a processed Doc is written as JSON (`parley extract --format json|jsonl`)
 * and as a stored record. All offsets are UTF-16 code units into the source text (`source_text`).
 */
import type { Doc, Event, Mention, RawDoc } from './doc.js';
import { cleanText, emptyLayers } from './doc.js';
import type { StoredDoc } from './store/store.js';

/** A fresh Doc for a raw input; `extract` fills its text. */
export function newDoc(id: string, hash: string, raw: RawDoc): Doc {
  return { id, hash, text: '', meta: { origin: raw.origin }, layers: emptyLayers(), diagnostics: [], raw };
}

export interface DroppedOut {
  start: number;
  end: number;
  reason: string;
}

/** The JSON record of one document, as documented in the README. */
export interface DocRecord {
  id: string;
  url: string | null;
  title: string | null;
  published: string | null;
  source: string | null;
  text: string;
  dropped: DroppedOut[];
  source_text?: string;
  mentions?: MentionOut[];
  events?: Event[];
  diagnostics?: Doc['diagnostics'];
}

export type MentionOut = Pick<Mention, 'start' | 'end' | 'text' | 'actor' | 'country' | 'sector' | 'role' | 'person'> & {
  resolvedBy: string;
};

export function droppedOf(doc: Doc): DroppedOut[] {
  return doc.layers.blocks
    .filter((b) => b.dropped !== undefined)
    .map((b) => ({ start: b.start, end: b.end, reason: b.dropped as string }));
}

export function toRecord(doc: Doc, opts: { sourceText?: boolean; diagnostics?: boolean } = {}): DocRecord {
  const rec: DocRecord = {
    id: doc.id,
    url: doc.meta.url ?? null,
    title: doc.meta.title ?? null,
    published: doc.meta.published ?? null,
    source: doc.meta.source ?? null,
    text: cleanText(doc),
    dropped: droppedOf(doc),
  };
  if (opts.sourceText) rec.source_text = doc.text;
  if (doc.layers.mentions.length > 0 || doc.layers.sentences.length > 0) {
    rec.mentions = doc.layers.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      text: m.text,
      actor: m.actor,
      country: m.country,
      sector: m.sector,
      role: m.role,
      person: m.person,
      resolvedBy: m.resolvedBy,
    }));
  }
  if (doc.layers.sentences.length > 0) rec.events = doc.layers.events;
  if (opts.diagnostics) rec.diagnostics = doc.diagnostics;
  return rec;
}

export function toStoredDoc(doc: Doc): StoredDoc {
  return {
    id: doc.id,
    hash: doc.hash,
    sourceText: doc.text,
    text: cleanText(doc),
    meta: doc.meta,
    blocks: doc.layers.blocks,
    mentions: doc.layers.mentions,
    events: doc.layers.events,
    diagnostics: doc.diagnostics,
  };
}
