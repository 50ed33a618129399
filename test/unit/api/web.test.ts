/**
 * The dashboard files: served from the web root with the right types and caching, `index.html`
 * for view paths (shareable links), nothing outside the root, a CSP on the page, and a clear 503
 * when the dashboard was never built. Uses a small web root written here, not the Vite build.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fixture, json } from './setup.js';
import type { Fixture } from './setup.js';

describe('api web', () => {
  let fx: Fixture;
  let app: FastifyInstance;
  let root: string;
  before(async () => {
    fx = await fixture({ empty: true });
    root = join(fx.dir, 'web');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>parley</title><div id="view"></div>');
    writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
    writeFileSync(join(fx.dir, 'secret.txt'), 'do not serve');
    app = await fx.app({ webRoot: root });
  });
  after(async () => fx.close());

  test('api web serves index.html with a CSP and hashed assets with long caching', async () => {
    const page = await app.inject('/');
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /^text\/html/);
    assert.match(page.headers['content-security-policy'] as string, /default-src 'self'/);
    assert.equal(page.headers['cache-control'], 'no-cache');
    const js = await app.inject('/assets/main-abc123.js');
    assert.equal(js.statusCode, 200);
    assert.match(js.headers['content-type'] as string, /^text\/javascript/);
    assert.match(js.headers['cache-control'] as string, /immutable/);
  });

  test('api web answers view paths with the app, so links can be shared', async () => {
    for (const url of ['/events?source=CHN', '/dyad?a=CHN&b=IRN', '/network', '/article/a-phone?event=x']) {
      const r = await app.inject(url);
      assert.equal(r.statusCode, 200, url);
      assert.match(r.body, /<title>parley<\/title>/, url);
    }
    const missing = await app.inject('/assets/nope.js');
    assert.equal(missing.statusCode, 404);
    const api = await app.inject('/api/unknown');
    assert.equal(json(api).code, 'PARLEY_API_NOT_FOUND');
  });

  test('api web never serves a file outside its root', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const r = await app.inject(url);
      assert.ok(!r.body.includes('do not serve'), url);
    }
  });

  test('api web explains how to build a missing dashboard', async () => {
    const none = await fx.app({ webRoot: join(fx.dir, 'not-built') });
    const r = await none.inject('/');
    assert.equal(r.statusCode, 503);
    assert.equal(json(r).code, 'PARLEY_API_NO_DASHBOARD');
    assert.match(json(r).message, /npm run build:web/);
    assert.equal((await none.inject('/healthz')).statusCode, 200, 'the API works without it');
  });
});
