/** `parley docs [--search Q]`: list stored documents, or full-text search their clean text. */
import { openStore } from '../store/index.js';
import { dbLocation, intFlag, oneOf, out, parse } from './args.js';

export const summary = 'list or search stored documents';

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, 'docs');
  const format = oneOf('--format', values.format, ['table', 'jsonl'] as const, 'table');
  const limit = intFlag('--limit', values.limit, 20);
  const store = await openStore(dbLocation(values.db));
  try {
    if (typeof values.search === 'string') {
      const hits = await store.searchDocuments(values.search, { limit });
      if (format === 'jsonl') for (const h of hits) out(JSON.stringify(h) + '\n');
      else {
        if (hits.length === 0) out(`no documents match "${values.search}"\n`);
        for (const h of hits) {
          out(`${h.id}  ${h.published ?? '          '}  ${h.title ?? ''}\n    ${h.snippet.replace(/\s+/g, ' ')}\n`);
        }
      }
      return 0;
    }
    const docs = await store.listDocuments({ limit, offset: intFlag('--offset', values.offset, 0) });
    if (format === 'jsonl') for (const d of docs) out(JSON.stringify(d) + '\n');
    else {
      const s = await store.stats();
      out(`${s.documents} documents, ${s.events} events in ${store.location}\n`);
      for (const d of docs) {
        out(`${d.id.padEnd(24)} ${(d.published ?? '').padEnd(10)} ${String(d.events).padStart(3)} ev  ${d.title ?? ''}\n`);
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}
