/**
 * `parley resolve`: cross-document resolution of the store (PARLEY_DB or --db): story clusters of
 * near-duplicate articles and merged events with num_mentions/num_sources/num_articles. Resolves
 * every document not yet resolved at its current content (workers do this after each batch;
 * `parley ingest` into SQLite leaves it to this command). `--from-scratch` deletes every
 * resolution result first and rebuilds it; raw documents and events are never changed.
 */
import { resolveAll } from '../resolve/resolve.js';
import { openStore } from '../store/index.js';
import { dbLocation, intFlag, out, parse } from './args.js';

export const summary = 'merge near-duplicate articles into stories and reports of one event into merged events';

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, 'resolve');
  const store = await openStore(dbLocation(values.db));
  try {
    const started = performance.now();
    const r = await resolveAll(store, { fromScratch: values['from-scratch'] === true, chunk: intFlag('--chunk', values.chunk, 200) || 200 });
    const s = await store.clusters.resolutionStats();
    const secs = (performance.now() - started) / 1000;
    if (values.json) out(JSON.stringify({ run: r, stats: s, seconds: secs }, null, 2) + '\n');
    else {
      process.stderr.write(
        `parley resolve: ${r.documents} documents resolved in ${secs.toFixed(1)} s (${r.storyJoins} joined a story, ${r.merged} of ${r.events} events joined a merged event); ` +
          `store: ${s.documents} resolved documents, ${s.stories} stories with ${s.clusteredDocuments} documents, ` +
          `${s.mergedEvents} merged events (${s.multiArticleEvents} reported by more than one article) from ${s.links} raw events\n`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}
