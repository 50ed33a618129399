/**
 * The cache of aggregate reads: one answer per method and arguments while the data version stays
 * the same, shared by concurrent requests, emptied when the version moves, never keeping a
 * failure, bounded; and through the API, dyad series and networks that follow a POST.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { ReadCache } from '../../../src/api/read-cache.js';
import type { StoreReads } from '../../../src/store/sqlite/read-pool.js';
import { fixture, json } from './setup.js';
import type { Fixture } from './setup.js';

/** Reads that count their network and dyad calls and answer with the call number. */
function countingReads() {
  const calls = { network: 0, dyadSeries: 0, stats: 0 };
  const reads = {
    network: async (opts?: { from?: string }) => ({ nodes: [], edges: [], truncated: ++calls.network, from: opts?.from }),
    dyadSeries: async () => ({ a: { code: 'A' }, b: { code: 'B' }, interval: 'week', points: [], n: ++calls.dyadSeries }),
    stats: async () => ({ documents: ++calls.stats, events: 0, mentions: 0 }),
  } as unknown as StoreReads;
  return { reads, calls };
}

describe('api read-cache', () => {
  test('api read-cache keeps one answer per arguments until the data version moves', async () => {
    let version = 'v1';
    const cache = new ReadCache(() => version);
    const { reads, calls } = countingReads();
    const r = cache.wrap(reads);
    const a = await r.network({ from: '2020-01-01' });
    assert.equal(await r.network({ from: '2020-01-01' }), a, 'the same object again');
    await r.network({ from: '2021-01-01' });
    await r.dyadSeries({ code: 'A' }, { code: 'B' }, { interval: 'week' });
    await r.dyadSeries({ code: 'A' }, { code: 'B' }, { interval: 'week' });
    assert.deepEqual(calls, { network: 2, dyadSeries: 1, stats: 0 });
    await r.stats();
    await r.stats();
    assert.equal(calls.stats, 2, 'other reads are not cached');
    version = 'v2';
    assert.notEqual(await r.network({ from: '2020-01-01' }), a);
    assert.equal(calls.network, 3);
    assert.deepEqual({ ...cache.stats }, { hits: 2, misses: 4, resets: 1, entries: 1 });
  });

  test('api read-cache shares a running read and forgets a failed one', async () => {
    const cache = new ReadCache(() => 'v');
    let n = 0;
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const slow = () => gate.then(() => ++n);
    const both = Promise.all([cache.get('k', slow), cache.get('k', slow)]);
    release();
    assert.deepEqual(await both, [1, 1]);
    let fail = true;
    const flaky = async () => {
      if (fail) throw new Error('boom');
      return 'ok';
    };
    await assert.rejects(cache.get('f', flaky), /boom/);
    fail = false;
    assert.equal(await cache.get('f', flaky), 'ok');
  });

  test('api read-cache keeps at most its entries, least recently used out first, and none when 0', async () => {
    const cache = new ReadCache(() => 'v', 2);
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('a', load);
    await cache.get('c', load); // drops b
    assert.equal(loads, 3);
    await cache.get('a', load);
    assert.equal(loads, 3);
    await cache.get('b', load);
    assert.equal(loads, 4);
    const none = new ReadCache(() => 'v', 0);
    await none.get('a', load);
    await none.get('a', load);
    assert.equal(loads, 6);
  });
});

describe('api read-cache in the app', () => {
  let fx: Fixture;
  let app: FastifyInstance;
  before(async () => {
    fx = await fixture();
    app = await fx.app();
  });
  after(async () => fx.close());

  test('api read-cache answers repeated networks and dyads from the cache and follows a POST', async () => {
    const edges = async () => json(await app.inject('/api/network')).edges.map((e: { source: string; target: string }) => `${e.source}>${e.target}`);
    const first = await edges();
    assert.ok(!first.includes('KEN>JPN'));
    const dyad = async () => json(await app.inject('/api/dyads?a=KEN&b=JPN&interval=month')).points.length;
    assert.equal(await dyad(), 0);
    const misses = app.parley.cache!.stats.misses;
    assert.deepEqual(await edges(), first);
    assert.equal(await dyad(), 0);
    assert.equal(app.parley.cache!.stats.misses, misses, 'both answered from the cache');
    const post = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { published: '2023-04-04', text: 'Kenya thanked Japan on Monday for the new water project.' },
    });
    assert.equal(post.statusCode, 201);
    assert.ok((await edges()).includes('KEN>JPN'), 'the network sees the new event');
    assert.equal(await dyad(), 1, 'so does the dyad series');
  });
});
