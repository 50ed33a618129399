/** Hand-made event hits for the export tests (fictional wording; every field set on purpose). */
import type { Event } from '../../../src/doc.js';
import type { EventHit } from '../../../src/store/event-query.js';
import type { MergedEventRecord, MergedHit } from '../../../src/store/merged-query.js';

export function hit(over: Partial<Event> = {}, doc: Partial<EventHit['document']> = {}): EventHit {
  const sentence = 'Norway praised Chile, "warmly", for the new fishing accord.';
  const event: Event = {
    id: 'doc-1:e0',
    docId: 'doc-1',
    date: '2031-03-04',
    dateBasis: 'explicit',
    source: { code: 'NOR', name: 'Norway', sector: 'GOV', person: null },
    target: { code: 'CHL', name: 'Chile', sector: null, person: null },
    cameo: { code: '051', root: '05', label: 'Praise or endorse' },
    quad: 1,
    goldstein: 3.4,
    plover: { event: 'SUPPORT', mode: null },
    confidence: 0.9,
    evidence: [{ sentence, start: 20, end: 20 + sentence.length, trigger: { start: 27, end: 34 }, source: { start: 20, end: 26 }, target: { start: 35, end: 40 } }],
    ...over,
  };
  return {
    event,
    document: {
      id: 'doc-1',
      title: 'Norway, Chile sign accord',
      url: 'https://news.example/doc-1',
      published: '2031-03-04',
      source: 'Example Wire',
      ingestedAt: '2031-03-05T06:07:08.000Z',
      lead: { start: 20, end: 120 },
      ...doc,
    },
  };
}

export async function collect(lines: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const l of lines) s += l;
  return s;
}

/** A merged event hit: the event of {@link hit} reported by three articles of two outlets. */
export function mergedHit(over: Partial<MergedEventRecord> = {}): MergedHit {
  const h = hit();
  return {
    event: {
      ...h.event,
      id: 'm-0123456789abcdef',
      numMentions: 5,
      numSources: 2,
      numArticles: 3,
      representative: h.event.id,
      eventIds: ['doc-0:e1', h.event.id, 'doc-2:e0'],
      ...over,
    },
    document: h.document,
  };
}
