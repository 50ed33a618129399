/**
 * The app as a whole: health and stats, the generated OpenAPI document, the error contract
 * (unknown routes, store failures mapped to catalogue codes without the driver's words), CORS off
 * unless configured, security headers, and which addresses count as loopback.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { ERRORS } from '../../../src/errors.js';
import { ParleyError } from '../../../src/errors.js';
import { isLoopback } from '../../../src/api/write-guard.js';
import { classify } from '../../../src/api/api-error.js';
import { SqliteReadPool } from '../../../src/store/sqlite/read-pool.js';
import type { Store } from '../../../src/store/store.js';
import { fixture, json } from './setup.js';
import type { Fixture } from './setup.js';

describe('api app', () => {
  let fx: Fixture;
  let app: FastifyInstance;
  before(async () => {
    fx = await fixture({ empty: true });
    app = await fx.app();
  });
  after(async () => fx.close());

  test('api app answers /healthz and /api/stats', async () => {
    const h = await app.inject('/healthz');
    assert.equal(h.statusCode, 200);
    assert.deepEqual(Object.keys(json(h)).sort(), ['status', 'store', 'version']);
    assert.equal(json(h).store, 'sqlite');
    assert.deepEqual(json(await app.inject('/api/stats')), { documents: 0, events: 0, mentions: 0, store: 'sqlite' });
  });

  test('api app describes every route in /api/openapi.json from the route schemas', async () => {
    const doc = json(await app.inject('/api/openapi.json'));
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/api/actors',
      '/api/documents',
      '/api/documents/{id}',
      '/api/dyads',
      '/api/events',
      '/api/events/{id}',
      '/api/merged-events/{id}',
      '/api/network',
      '/api/stats',
      '/healthz',
    ]);
    const events = doc.paths['/api/events'].get;
    const params = events.parameters.map((p: { name: string }) => p.name);
    for (const p of ['source', 'target', 'dyad', 'root', 'code', 'quad', 'from', 'to', 'q', 'doc', 'sort', 'order', 'limit', 'cursor', 'format']) {
      assert.ok(params.includes(p), p);
    }
    assert.ok(events.responses['200'].content['text/csv']);
    assert.deepEqual(events.responses['4XX'].content['application/json'].schema.properties.code.enum, Object.keys(ERRORS), 'the error schema lists the catalogue');
    assert.ok(doc.paths['/api/documents'].post.requestBody.content['application/json']);
    assert.deepEqual(doc.paths['/api/dyads'].get.parameters.filter((p: { required: boolean }) => p.required).map((p: { name: string }) => p.name), ['a', 'b']);
  });

  test('api app answers unknown routes with a catalogued 404', async () => {
    for (const url of ['/api/nope', '/api', '/api/events/a/b']) {
      const r = await app.inject(url);
      assert.equal(r.statusCode, 404, url);
      assert.equal(json(r).code, 'PARLEY_API_NOT_FOUND', url);
    }
    const post = await app.inject({ method: 'DELETE', url: '/api/events' });
    assert.equal(post.statusCode, 404);
    assert.match(json(post).message, /No route DELETE \/api\/events/);
  });

  test('api app maps store failures to their code, logs the cause and keeps the driver text out', async () => {
    const logs: string[] = [];
    const failing = {
      ...fx.store,
      kind: 'sqlite',
      queryEvents: async () => {
        throw new ParleyError('PARLEY_STORE_READ', { location: '/secret/path.db', why: 'SQLITE_CORRUPT: database disk image is malformed' }, { cause: new Error('driver') });
      },
      stats: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
    } as unknown as Store;
    const broken = await fx.app({
      store: failing,
      logger: { level: 'info', stream: { write: (s: string) => void logs.push(s) } } as never,
    });
    const r = await broken.inject('/api/events');
    assert.equal(r.statusCode, 500);
    const body = json(r);
    assert.equal(body.code, 'PARLEY_STORE_READ');
    assert.doesNotMatch(r.body, /secret|SQLITE_CORRUPT|driver/);
    assert.match(body.message, /request id/);
    assert.ok(logs.some((l) => l.includes('SQLITE_CORRUPT')), 'the cause is logged');
    const t = await broken.inject('/api/stats');
    assert.equal(t.statusCode, 500);
    assert.equal(json(t).code, 'PARLEY_API_INTERNAL');
    assert.doesNotMatch(t.body, /reading 'x'/);
  });

  test('api app sends no CORS headers unless origins are configured', async () => {
    const plain = await app.inject({ url: '/api/stats', headers: { origin: 'https://elsewhere.example' } });
    assert.equal(plain.headers['access-control-allow-origin'], undefined);
    const withCors = await fx.app({ cors: ['https://dash.example'] });
    const ok = await withCors.inject({ url: '/api/stats', headers: { origin: 'https://dash.example' } });
    assert.equal(ok.headers['access-control-allow-origin'], 'https://dash.example');
    const other = await withCors.inject({ url: '/api/stats', headers: { origin: 'https://elsewhere.example' } });
    assert.equal(other.headers['access-control-allow-origin'], undefined);
    const pre = await withCors.inject({
      method: 'OPTIONS',
      url: '/api/documents',
      headers: { origin: 'https://dash.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    assert.equal(pre.statusCode, 204);
    assert.match(String(pre.headers['access-control-allow-headers']), /Authorization/);
  });

  test('api app sets security headers on every response', async () => {
    for (const url of ['/healthz', '/api/nope']) {
      const r = await app.inject(url);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(r.headers['x-frame-options'], 'DENY', url);
    }
  });
});

describe('api app with a read pool', () => {
  let fx: Fixture;
  let pool: SqliteReadPool;
  before(async () => {
    fx = await fixture();
    pool = await SqliteReadPool.open(fx.db, { size: 2 });
  });
  after(async () => {
    await pool?.close();
    await fx.close();
  });

  test('api app answers every read route from a read pool as from the store, errors included', async () => {
    const direct = await fx.app({ cacheEntries: 0 });
    const pooled = await fx.app({ reads: pool, cacheEntries: 0 });
    const first = json(await direct.inject('/api/events?limit=2'));
    const urls = [
      '/api/stats',
      '/api/events?source=CHN&limit=3',
      `/api/events?limit=2&cursor=${first.next}`,
      '/api/events?q=sanctions',
      '/api/events?format=csv',
      `/api/events/${first.events[0].id}`,
      '/api/events/no-such-event',
      `/api/documents/${first.events[0].docId}`,
      '/api/documents/no-such-document',
      '/api/dyads?a=CHN&b=IRN&interval=month',
      '/api/network?min=2',
      '/api/actors?q=ira',
      '/api/events?cursor=bm90LWEtY3Vyc29y',
    ];
    for (const url of urls) {
      const a = await direct.inject(url);
      const b = await pooled.inject(url);
      assert.equal(b.statusCode, a.statusCode, url);
      assert.equal(b.body, a.body, url);
    }
  });

  test('api app writes through the store while a read pool answers reads', async () => {
    const app = await fx.app({ reads: pool });
    const post = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { published: '2023-04-04', text: 'Kenya thanked Japan on Monday for the new water project.' },
    });
    assert.equal(post.statusCode, 201);
    const events = json(await app.inject('/api/events?source=KEN')).events;
    assert.equal(events.length, 1);
    assert.equal(json(await app.inject(`/api/documents/${events[0].docId}`)).id, events[0].docId);
  });
});

describe('api write-guard', () => {
  test('api write-guard knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) assert.ok(isLoopback(h), h);
    for (const h of ['0.0.0.0', '::', '192.168.1.4', '10.0.0.1', 'example.org', '128.0.0.1']) assert.ok(!isLoopback(h), h);
  });
});

describe('api api-error', () => {
  test('api api-error forwards a 4xx catalogue message and hides a 5xx one', () => {
    const nf = classify(new ParleyError('PARLEY_STORE_NOT_FOUND', { what: 'event', id: 'x' }), 'r1');
    assert.deepEqual(nf, { payload: { statusCode: 404, code: 'PARLEY_STORE_NOT_FOUND', error: 'Not Found', message: "No event with id 'x' in the store." }, log: false });
    const open = classify(new ParleyError('PARLEY_STORE_OPEN', { location: '/x', why: 'EACCES' }), 'r2');
    assert.equal(open.log, true);
    assert.equal(open.payload.code, 'PARLEY_STORE_OPEN');
    assert.doesNotMatch(open.payload.message, /EACCES|\/x/);
    assert.match(open.payload.message, /r2/);
  });
});
