/**
 * Cross-document de-duplication (issue 6): synthetic worlds (test/fixtures/resolve/reports.ts) of
 * invented events between real countries, each reported by several outlets in their own words, on
 * different days, with different date phrases, plus syndicated copies (cut short, extended, with
 * boilerplate) and unrelated events on the same dyads. Every report goes through the real
 * pipeline, into the store, then `resolveAll`. Prints, per store and seed, the pairwise precision
 * and recall of merging (raw events that report the same event, per direction, should share a
 * merged event; others must not), false merges, events fully merged, story-cluster pairs, and the
 * time resolution took.
 *
 *   node dist/bench/scale-dedup.js [--events 150] [--seeds 3] [--stores sqlite,postgres]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { toStoredDoc } from '../src/output.js';
import { inThreadRunner } from '../src/runner.js';
import { resolveAll } from '../src/resolve/index.js';
import { pipelineSpec } from '../src/stages.js';
import { openStore } from '../src/store/open-store.js';
import { buildWorld } from '../test/fixtures/resolve/reports.js';
import { scoreResolution } from '../test/fixtures/resolve/score.js';
import type { MergeScore } from '../test/fixtures/resolve/score.js';

export interface DedupRow extends MergeScore {
  store: string;
  seed: number;
  events: number;
  reports: number;
  resolveSeconds: number;
}

export async function runDedupBench(opts: { events?: number; seeds?: number; stores?: string[]; pg?: string } = {}): Promise<DedupRow[]> {
  const events = opts.events ?? 150;
  const seeds = opts.seeds ?? 3;
  const stores = opts.stores ?? ['sqlite', 'postgres'];
  const pgUrl = opts.pg ?? process.env.PARLEY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dir = mkdtempSync(join(tmpdir(), 'parley-dedup-'));
  const runner = await inThreadRunner({ pipeline: await pipelineSpec('full'), config: {} });
  const rows: DedupRow[] = [];
  try {
    for (let seed = 1; seed <= seeds; seed++) {
      const world = buildWorld(seed, { events });
      const docs = await runner.process(
        world.reports.map((r) => ({
          id: r.id,
          hash: `${seed}:${r.id}`,
          raw: { id: r.id, text: r.text, published: r.published, source: r.outlet, title: r.title, origin: { path: `${r.id}.txt`, format: 'text' as const } },
        })),
      );
      for (const kind of stores) {
        const schema = `parley_dedup_${process.pid}_${randomBytes(3).toString('hex')}`;
        const location = kind === 'sqlite' ? join(dir, `s${seed}.db`) : `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`;
        const store = await openStore(location);
        try {
          await store.putDocuments(docs.map(toStoredDoc));
          const t0 = performance.now();
          await resolveAll(store);
          const resolveSeconds = (performance.now() - t0) / 1000;
          rows.push({ store: kind, seed, events: world.events.length, reports: world.reports.length, resolveSeconds, ...(await scoreResolution(store, world.reports)) });
        } finally {
          await store.close();
          if (kind === 'postgres') {
            const c = new pg.Client({ connectionString: pgUrl });
            await c.connect();
            await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => c.end());
          }
        }
      }
    }
  } finally {
    await runner.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function formatDedup(rows: DedupRow[]): string {
  const f = (x: number) => x.toFixed(3);
  const out = [
    '| store | seed | events | reports | scored raw events | merge precision | merge recall | false merges | events fully merged | story pairs tp/fn/fp | resolve s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.store} | ${r.seed} | ${r.events} | ${r.reports} | ${r.matched} (+${r.noise} unscored) | ${f(r.precision)} | ${f(r.recall)} | ${r.falseMerges} | ${r.complete}/${r.multiReported} | ${r.storyTp}/${r.storyFn}/${r.storyFp} | ${r.resolveSeconds.toFixed(2)} |`,
    ),
  ];
  const sum = (k: 'tp' | 'fn' | 'fp') => rows.reduce((n, r) => n + r[k], 0);
  const tp = sum('tp');
  out.push('', `all: merge precision ${f(tp / Math.max(1, tp + sum('fp')))}, recall ${f(tp / Math.max(1, tp + sum('fn')))} over ${tp + sum('fn')} same-event pairs (targets: recall ≥ 0.95, no false merges)`);
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const rows = await runDedupBench({
    events: arg('events') === undefined ? undefined : Number(arg('events')),
    seeds: arg('seeds') === undefined ? undefined : Number(arg('seeds')),
    stores: arg('stores')?.split(','),
    pg: arg('pg'),
  });
  process.stdout.write(formatDedup(rows) + '\n');
}
