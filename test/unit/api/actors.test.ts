/** `GET /api/actors`: the knowledge base and the stored events, with event counts. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { fixture, json } from './setup.js';
import type { Fixture } from './setup.js';

describe('api actors', () => {
  let fx: Fixture;
  let app: FastifyInstance;
  before(async () => {
    fx = await fixture();
    app = await fx.app();
  });
  after(async () => fx.close());

  test('api actors finds countries by code and name, busiest first, with counts', async () => {
    const a = json(await app.inject('/api/actors?q=iran')).actors;
    assert.deepEqual(a[0], { kind: 'code', id: 'IRN', name: 'Iran', type: 'country', country: 'IRN', events: 10 });
    const byCode = json(await app.inject('/api/actors?q=CH')).actors;
    assert.equal(byCode[0].id, 'CHN');
    assert.equal(byCode[0].events, 10);
  });

  test('api actors finds people of the knowledge base and of the data', async () => {
    const xi = json(await app.inject('/api/actors?q=xi%20jin')).actors;
    assert.deepEqual(xi[0], { kind: 'person', id: 'Xi Jinping', name: 'Xi Jinping', type: 'person', country: 'CHN', events: 4 });
    const nobody = json(await app.inject('/api/actors?q=qqqzzz')).actors;
    assert.deepEqual(nobody, []);
    const kbOnly = json(await app.inject('/api/actors?q=Ecuador&limit=3')).actors;
    assert.equal(kbOnly[0].id, 'ECU');
    assert.equal(kbOnly[0].events, 0, 'known to the knowledge base, not in the data');
  });

  test('api actors needs q and bounds limit', async () => {
    assert.equal(json(await app.inject('/api/actors')).field, 'q');
    assert.equal(json(await app.inject('/api/actors?q=x&limit=1000')).field, 'limit');
    assert.equal(json(await app.inject('/api/actors?q=a&limit=2')).actors.length, 2);
  });
});
