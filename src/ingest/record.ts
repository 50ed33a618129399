/**
 * One record of a multi-record input (a JSONL line, a CSV row, an element of a JSON array) turned
 * into a RawDoc. Known fields: id, url, title, published, source, text, html. Unknown fields are
 * ignored; numbers become strings; `published` is passed through as given. A record needs a
 * non-blank `text` or `html`; when it has both, `text` wins (it is what the record's producer
 * considered the article's text, and what line-based annotations refer to).
 */
import type { Origin, RawDoc } from '../doc.js';

/** 'an array', 'an object', 'a number', ... */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' || typeof v === 'undefined' ? `an ${typeof v}` : `a ${typeof v}`;
}

export type RecordResult = { ok: true; raw: RawDoc; id?: string } | { ok: false; why: string };

/** A field as a string: strings as given, finite numbers and booleans stringified, else undefined. */
function field(rec: Record<string, unknown>, name: string): string | undefined {
  const v = rec[name];
  if (typeof v === 'string') return v;
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Build a RawDoc from a parsed record, or say why it cannot be one. */
export function recordToRaw(rec: unknown, origin: Origin): RecordResult {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
    return { ok: false, why: `record is ${kindOf(rec)}, not an object` };
  }
  const r = rec as Record<string, unknown>;
  for (const name of ['text', 'html']) {
    const v = r[name];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      return { ok: false, why: `record field '${name}' is ${kindOf(v)}, not a string` };
    }
  }
  const text = field(r, 'text');
  const html = field(r, 'html');
  const hasText = text !== undefined && text.trim() !== '';
  const hasHtml = html !== undefined && html.trim() !== '';
  if (!hasText && !hasHtml) return { ok: false, why: 'record has neither text nor html' };
  const raw: RawDoc = { origin };
  const id = field(r, 'id')?.trim() || undefined;
  const url = field(r, 'url');
  const title = field(r, 'title');
  const published = field(r, 'published');
  const source = field(r, 'source');
  if (url) raw.url = url;
  if (title) raw.title = title;
  if (published) raw.published = published;
  if (source) raw.source = source;
  if (hasText) raw.text = text;
  else raw.html = html;
  return { ok: true, raw, id };
}
