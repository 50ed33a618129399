/**
 * `parley demo`: ingest the bundled example articles (examples/) into a fresh SQLite file and
 * print what parley found: documents, dropped boilerplate with reasons, and coded events.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { packageRoot } from '../package-root.js';
import { parse, out } from './args.js';
import { ingest } from './ingest.js';
import { formatDropped, formatEvents, reportFailures } from './format.js';
import { docOfStored } from './show.js';

export const summary = 'ingest the bundled examples and show the result';

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, 'demo');
  const db = typeof values.db === 'string' ? values.db : 'parley-demo.db';
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  const examples = join(packageRoot(), 'examples', 'articles');
  const store = await openStore(db);
  try {
    const started = performance.now();
    const { counts, failures } = await ingest({ store, inputs: [examples], workers: 0 });
    const ms = performance.now() - started;
    out(`parley demo: ingested ${counts.read} example articles from ${examples} into ${db} in ${Math.round(ms)} ms\n`);
    for (const summaryRow of await store.listDocuments({ limit: 100 })) {
      const doc = await store.getDocument(summaryRow.id);
      if (!doc) continue;
      const view = docOfStored(doc);
      out(`\n# ${doc.id} — ${doc.meta.title ?? '(no title)'} (${doc.meta.published ?? 'no date'}, ${doc.meta.origin?.format ?? '?'})\n`);
      out(`kept ${doc.blocks.filter((b) => !b.dropped).length} of ${doc.blocks.length} blocks; dropped:\n${formatDropped(view)}`);
      out(`events (${doc.events.length}):\n${formatEvents(doc.events)}`);
    }
    out(`\nTry: npx parley docs --db ${db} --search "sanctions"    npx parley show wire-0413 --db ${db}\n`);
    return reportFailures('demo', failures);
  } finally {
    await store.close();
  }
}
