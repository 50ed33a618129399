/**
 * Issue 6 target, on a small synthetic world run through the real pipeline: reports of the same
 * events (paraphrased, cut, extended, with boilerplate, published on different days, dated in
 * different ways) merge with recall ≥ 0.95, and unrelated events on the same dyads never merge.
 * bench/scale-dedup.ts prints the same measures on a larger world.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../../../src/doc.js';
import { toStoredDoc } from '../../../src/output.js';
import { inThreadRunner } from '../../../src/runner.js';
import { resolveAll } from '../../../src/resolve/index.js';
import { pipelineSpec } from '../../../src/stages.js';
import { openStore } from '../../../src/store/open-store.js';
import { buildWorld } from '../../fixtures/resolve/reports.js';
import { scoreResolution } from '../../fixtures/resolve/score.js';
import { cleanupLocations, freshLocation, postgresUnavailable, STORES } from '../store/setup.js';

const pgSkip = STORES.includes('postgres') ? await postgresUnavailable() : undefined;
after(cleanupLocations);

const world = buildWorld(7, { events: 14 });
let docs: Doc[] = [];

before(async () => {
  const runner = await inThreadRunner({ pipeline: await pipelineSpec('full'), config: {} });
  docs = await runner.process(
    world.reports.map((r) => ({
      id: r.id,
      hash: `${r.id}:${r.text.length}`,
      raw: { id: r.id, text: r.text, published: r.published, source: r.outlet, title: r.title, origin: { path: `${r.id}.txt`, format: 'text' as const } },
    })),
  );
  await runner.close();
});

for (const kind of STORES) {
  describe(`${kind} resolve world`, { skip: kind === 'postgres' ? pgSkip : undefined }, () => {
    test(`${kind} resolve world (issue 6): merge recall >= 0.95 with no false merges, copies in one story and nothing else`, async () => {
      const store = await openStore(freshLocation(kind));
      try {
        await store.putDocuments(docs.map(toStoredDoc));
        const run = await resolveAll(store);
        assert.equal(run.documents, world.reports.length);
        const s = await scoreResolution(store, world.reports);
        assert.ok(s.matched > 2 * world.events.length, `the pipeline coded the reports (${s.matched} events matched)`);
        assert.ok(s.recall >= 0.95, `merge recall ${s.recall.toFixed(3)} (tp ${s.tp}, fn ${s.fn})`);
        assert.equal(s.fp, 0, 'no pair of different events merged');
        assert.equal(s.falseMerges, 0);
        assert.ok(s.storyTp > 0, 'the world has syndicated copies');
        assert.equal(s.storyFn, 0, 'every copy is in its original’s story');
        assert.equal(s.storyFp, 0, 'independent reports are not');
      } finally {
        await store.close();
      }
    });
  });
}
