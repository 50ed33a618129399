/**
 * A predicted event reduced to what scoring compares, and the mapping from parley's `Event`.
 */
import type { Event } from '../doc.js';

export interface PredEvent {
  source: string | null;
  target: string | null;
  /** CAMEO root, two digits. */
  root: string;
  code: string;
  date: string | null;
  /** The sentence that reports it (for listing misses). */
  sentence?: string;
  /** 0-based line of the document text (for listing misses). */
  line?: number;
}

/**
 * The scoring view of a parley `Event`: actor codes of source and target, CAMEO root and code,
 * date, and the evidence sentence. With `docText`, `line` is the 0-based line (split on "\n") of
 * the first evidence span, as gold files count lines.
 */
export function toPredEvent(e: Event, docText?: string): PredEvent {
  const ev = e.evidence[0];
  const p: PredEvent = {
    source: e.source.code,
    target: e.target.code,
    root: e.cameo.root,
    code: e.cameo.code,
    date: e.date,
  };
  if (ev?.sentence) p.sentence = ev.sentence;
  if (ev && docText !== undefined) {
    let line = 0;
    const end = Math.min(ev.start, docText.length);
    for (let i = docText.indexOf('\n'); i >= 0 && i < end; i = docText.indexOf('\n', i + 1)) line++;
    p.line = line;
  }
  return p;
}
