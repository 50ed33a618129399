/** `GET /api/dyads`: per-period, per-direction counts and Goldstein over the fixture store. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { fixture, json } from './setup.js';
import type { Fixture } from './setup.js';

describe('api dyads', () => {
  let fx: Fixture;
  let app: FastifyInstance;
  before(async () => {
    fx = await fixture();
    app = await fx.app();
  });
  after(async () => fx.close());

  test('api dyads gives both directions per month with quad counts, sums and means', async () => {
    const r = await app.inject('/api/dyads?a=CHN&b=IRN&interval=month');
    assert.equal(r.statusCode, 200);
    const s = json(r);
    assert.equal(s.a, 'CHN');
    assert.equal(s.b, 'IRN');
    assert.deepEqual(s.points.map((p: { period: string }) => p.period), ['2022-07-01', '2022-08-01', '2022-09-01', '2022-10-01', '2022-11-01']);
    const [jul, , , oct, nov] = s.points;
    assert.deepEqual(jul.ab, { count: 2, quad: [2, 0, 0, 0], goldsteinSum: 2, goldsteinMean: 1 });
    assert.deepEqual(oct.ab, { count: 0, quad: [0, 0, 0, 0], goldsteinSum: 0, goldsteinMean: null });
    assert.deepEqual(oct.ba, { count: 1, quad: [0, 0, 1, 0], goldsteinSum: -2, goldsteinMean: -2 });
    assert.deepEqual(nov.ba, { count: 2, quad: [2, 0, 0, 0], goldsteinSum: 4.4, goldsteinMean: 2.2 });
    assert.equal(nov.end, '2022-11-30');
  });

  test('api dyads defaults to weeks starting on Monday and takes names, persons and a date range', async () => {
    const w = json(await app.inject('/api/dyads?a=usa&b=Iran'));
    assert.equal(w.interval, 'week');
    assert.equal(w.a, 'USA');
    assert.deepEqual(w.points.map((p: { period: string; end: string }) => [p.period, p.end]), [['2022-08-08', '2022-08-14']]);
    const d = json(await app.inject('/api/dyads?a=CHN&b=IRN&interval=day&from=2022-11-01&to=2022-11-30'));
    // every day of the asked range, the quiet ones too; the events fall on the 14th
    assert.equal(d.points.length, 30);
    assert.deepEqual(
      d.points.filter((p: { ab: { count: number }; ba: { count: number } }) => p.ab.count + p.ba.count > 0).map((p: { period: string }) => p.period),
      ['2022-11-14'],
    );
    const people = json(await app.inject('/api/dyads?a=chn-xi-jinping&b=Ebrahim%20Raisi&interval=month'));
    assert.equal(people.a, 'Xi Jinping');
    assert.deepEqual(people.points[0].ab.count, 2);
    const none = json(await app.inject('/api/dyads?a=CHN&b=BRA'));
    assert.deepEqual(none.points, []);
  });

  test('api dyads validates its parameters', async () => {
    for (const [q, field] of [
      ['b=IRN', 'a'],
      ['a=CHN&b=IRN&interval=year', 'interval'],
      ['a=CHN&b=IRN&from=2022-13-01', 'from'],
      ['a=CHN&b=IRN&from=2022-05-01&to=2022-04-01', 'to'],
      ['a=CHN&b=IRN&x=1', 'x'],
      [`a=${'A'.repeat(101)}&b=IRN`, 'a'],
    ]) {
      const r = await app.inject(`/api/dyads?${q}`);
      assert.equal(r.statusCode, 400, q);
      assert.equal(json(r).field, field, q);
    }
  });
});
