/** JSON Lines of the event record (README "Output contract"): one event per line, as stored. */
import type { EventHit } from '../store/event-query.js';

export async function* jsonlLines(hits: AsyncIterable<EventHit> | Iterable<EventHit>): AsyncGenerator<string> {
  for await (const h of hits) yield JSON.stringify(h.event) + '\n';
}
