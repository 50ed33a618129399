/**
 * PLOVER JSON records (the data fields of the PLOVER manual, draft 0.8), one per line (JSON Lines,
 * as the manual suggests): `id`, `date`, `actor` and `recipient` (entity lists with `code`,
 * `sector`, `entity_text`, and `identifier_text` for a person), `event` and `mode` (lists),
 * `quad_code`, `event_scale` (the CAMEO Goldstein value: parley does not compute PLOVER's own
 * scale), `event_text` (the evidence sentences), `text_info` (offsets of the first evidence
 * sentence), `cite_info` (the article's URL and title), `coder` and `has_event`.
 *
 * CAMEO events with no PLOVER type (roots 01 and 02, which PLOVER dropped) have no record. A merged
 * event's record has its merged id and the evidence and article of its representative mention.
 */
import type { EventActor } from '../doc.js';
import type { EventHit } from '../store/event-query.js';

export interface PloverEntity {
  code: string | null;
  sector: string | null;
  entity_text: string | null;
  identifier_text?: string;
}

export interface PloverRecord {
  id: string;
  has_event: true;
  date: string | null;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string[];
  mode: string[];
  quad_code: number;
  event_scale: number;
  event_text: string[];
  text_info: { start: number; end: number } | null;
  cite_info: { corpus: string; citation: string; url: string | null; title: string | null };
  coder: string;
}

function entity(a: EventActor): PloverEntity {
  const e: PloverEntity = { code: a.code, sector: a.sector, entity_text: a.name };
  if (a.person !== null) e.identifier_text = a.person;
  return e;
}

/** The PLOVER record of an event, or undefined when its CAMEO code has no PLOVER type. */
export function ploverRecord(hit: EventHit): PloverRecord | undefined {
  const e = hit.event;
  if (e.plover.event === null) return undefined;
  const first = e.evidence[0];
  return {
    id: e.id,
    has_event: true,
    date: e.date,
    actor: [entity(e.source)],
    recipient: e.target.code === null && e.target.name === null ? [] : [entity(e.target)],
    event: [e.plover.event],
    mode: e.plover.mode === null ? [] : [e.plover.mode],
    quad_code: e.quad,
    event_scale: e.goldstein,
    event_text: e.evidence.map((v) => v.sentence),
    text_info: first ? { start: first.start, end: first.end } : null,
    cite_info: { corpus: 'parley', citation: e.docId, url: hit.document.url, title: hit.document.title },
    coder: 'parley',
  };
}

/** One JSON line per event that has a PLOVER type. */
export async function* ploverLines(hits: AsyncIterable<EventHit> | Iterable<EventHit>): AsyncGenerator<string> {
  for await (const h of hits) {
    const r = ploverRecord(h);
    if (r) yield JSON.stringify(r) + '\n';
  }
}
