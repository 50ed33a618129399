/** `GET /api/network`: actors and directed edges over the fixture store. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { fixture, json } from './setup.js';
import type { Fixture } from './setup.js';

describe('api network', () => {
  let fx: Fixture;
  let app: FastifyInstance;
  before(async () => {
    fx = await fixture();
    app = await fx.app();
  });
  after(async () => fx.close());

  test('api network gives named nodes with counts and edges with mean Goldstein', async () => {
    const net = json(await app.inject('/api/network'));
    const edge = (s: string, t: string) => net.edges.find((e: { source: string; target: string }) => e.source === s && e.target === t);
    assert.deepEqual(edge('RUS', 'UKR'), { source: 'RUS', target: 'UKR', events: 1, goldsteinSum: -10, goldsteinMean: -10 });
    assert.deepEqual(edge('IRN', 'CHN'), { source: 'IRN', target: 'CHN', events: 5, goldsteinSum: 4.4, goldsteinMean: 0.88 });
    assert.equal(net.edges.length, 8);
    assert.equal(net.truncated, 0);
    const chn = net.nodes.find((n: { id: string }) => n.id === 'CHN');
    assert.deepEqual(chn, { id: 'CHN', name: 'China', events: 10, out: 4, in: 6 });
    assert.equal(net.nodes.find((n: { id: string }) => n.id === 'NATO').name, 'North Atlantic Treaty Organization');
  });

  test('api network filters by dates, root and least events, and caps the edges', async () => {
    const busy = json(await app.inject('/api/network?min=3'));
    assert.deepEqual(busy.edges.map((e: { source: string; target: string }) => `${e.source}>${e.target}`), ['IRN>CHN', 'CHN>IRN']);
    const oct = json(await app.inject('/api/network?from=2022-10-01&to=2022-10-31&root=18,19'));
    assert.deepEqual(oct.edges.map((e: { source: string; target: string }) => `${e.source}>${e.target}`), ['RUS>UKR']);
    assert.deepEqual(oct.nodes.map((n: { id: string }) => n.id).sort(), ['RUS', 'UKR']);
    const top = json(await app.inject('/api/network?maxEdges=2'));
    assert.equal(top.edges.length, 2);
    assert.equal(top.truncated, 6);
  });

  test('api network validates its parameters', async () => {
    for (const [q, field] of [
      ['min=0', 'min'],
      ['root=25', 'root'],
      ['root=abc', 'root'],
      ['maxEdges=100000', 'maxEdges'],
      ['from=2022-10-10&to=2022-10-01', 'to'],
    ]) {
      const r = await app.inject(`/api/network?${q}`);
      assert.equal(r.statusCode, 400, q);
      assert.equal(json(r).field, field, q);
    }
  });
});
