/**
 * `GET /api/documents/:id` and `POST /api/documents`: the article view (spans into the source
 * text, dropped blocks with reasons), ingest through the pipeline (JSON object, array, JSON Lines),
 * duplicates, bad articles, body limits, media types and the write rules (token, loopback).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { fixture, json } from './setup.js';
import type { Fixture } from './setup.js';

const ARTICLE = {
  id: 'post-1',
  url: 'https://example.test/post-1',
  title: 'Germany criticises Russia',
  published: '2023-01-10',
  source: 'Posted Wire',
  text: 'Germany criticises Russia\nGermany condemned Russia on Monday for the attacks on power stations.',
};

describe('api documents', () => {
  let fx: Fixture;
  let app: FastifyInstance;
  before(async () => {
    fx = await fixture();
    app = await fx.app();
  });
  after(async () => fx.close());

  test('api documents/:id returns source text, clean text, blocks with reasons, mentions and events as spans', async () => {
    const r = await app.inject('/api/documents/a-meeting');
    assert.equal(r.statusCode, 200);
    const d = json(r);
    assert.equal(d.title, 'Foreign ministers meet in Tehran');
    assert.deepEqual(
      d.blocks.filter((b: { dropped: string | null }) => b.dropped !== null).map((b: { dropped: string }) => b.dropped),
      ['caption', 'widget'],
    );
    const kept = d.blocks.filter((b: { dropped: string | null }) => b.dropped === null);
    assert.equal(d.text, kept.map((b: { start: number; end: number }) => d.sourceText.slice(b.start, b.end)).join('\n'));
    for (const m of d.mentions) assert.equal(d.sourceText.slice(m.start, m.end), m.text, 'mention spans point into the source text');
    assert.ok(d.mentions.some((m: { person: string }) => m.person === 'Wang Yi'));
    for (const e of d.events) {
      for (const v of e.evidence) {
        assert.equal(d.sourceText.slice(v.start, v.end), v.sentence);
        assert.ok(v.trigger.start >= v.start && v.trigger.end <= v.end);
      }
    }
    assert.equal(d.events.length, 3);
    const missing = await app.inject('/api/documents/nope');
    assert.equal(missing.statusCode, 404);
    assert.equal(json(missing).code, 'PARLEY_STORE_NOT_FOUND');
  });

  test('api documents POST runs the pipeline in a worker thread when asked, with the same outcome', async () => {
    const threaded = await fx.app({ ingestWorkers: 1 });
    const article = { ...ARTICLE, id: 'post-threaded', text: `${ARTICLE.text}\nGermany also thanked France on Tuesday for its support.` };
    const r = await threaded.inject({ method: 'POST', url: '/api/documents', payload: article });
    assert.equal(r.statusCode, 201);
    const [result] = json(r).results;
    assert.equal(result.status, 'inserted');
    assert.ok(result.events >= 1);
    const d = json(await app.inject('/api/documents/post-threaded'));
    assert.equal(d.events.length, result.events, 'stored by the main thread as the worker coded it');
    assert.ok(d.events.some((e: { source: { code: string }; target: { code: string } }) => e.source.code === 'DEU' && e.target.code === 'RUS'));
  });

  test('api documents POST ingests one article through the pipeline and reports duplicates', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/documents', payload: ARTICLE });
    assert.equal(r.statusCode, 201);
    const body = json(r);
    assert.deepEqual(body.results, [{ index: 0, id: 'post-1', status: 'inserted', events: 1 }]);
    assert.deepEqual(body.counts, { inserted: 1, updated: 0, duplicates: 0, failed: 0, events: 1 });
    const events = json(await app.inject('/api/events?doc=post-1')).events;
    assert.equal(events.length, 1);
    assert.equal(events[0].source.code, 'DEU');
    assert.equal(events[0].target.code, 'RUS');
    assert.equal(events[0].cameo.root, '11');
    const again = await app.inject({ method: 'POST', url: '/api/documents', payload: [ARTICLE] });
    assert.equal(again.statusCode, 200);
    assert.equal(json(again).results[0].status, 'duplicate');
  });

  test('api documents POST takes arrays and JSON Lines; a bad article fails alone', async () => {
    const lines = [
      JSON.stringify({ id: 'post-2', published: '2023-02-01', text: 'France praised Japan on Tuesday for the new climate pledge.' }),
      JSON.stringify({ id: 'post-3', title: 'nothing' }),
      '',
      JSON.stringify({ published: '2023-02-02', html: '<p>Canada accused Iran of detaining two journalists on Friday.</p>' }),
    ].join('\n');
    const r = await app.inject({ method: 'POST', url: '/api/documents', headers: { 'content-type': 'application/x-ndjson' }, payload: lines });
    assert.equal(r.statusCode, 201);
    const body = json(r);
    assert.deepEqual(body.results.map((x: { status: string }) => x.status), ['inserted', 'failed', 'inserted']);
    assert.match(body.results[1].message, /neither text nor html/);
    assert.match(body.results[2].id, /^h-[0-9a-f]{16}$/, 'an article without id gets one from its content');
    const broken = await app.inject({ method: 'POST', url: '/api/documents', headers: { 'content-type': 'application/x-ndjson' }, payload: '{"text":"a"}\n{oops' });
    assert.equal(broken.statusCode, 400);
    assert.equal(json(broken).code, 'PARLEY_API_BAD_BODY');
    assert.match(json(broken).message, /line 2/);
  });

  test('api documents POST validates the body and names the field', async () => {
    const cases: [unknown, string, RegExp][] = [
      [[], '', /must NOT have fewer than 1 items/],
      [[{ text: 'x', colour: 'red' }], '[0].colour', /not a body field/],
      [[{ text: { words: 'x' } }], '[0].text', /must be string/],
      [Array.from({ length: 101 }, () => ({ text: 'x' })), '', /must NOT have more than 100 items/],
      ['"just a string"', '[0]', /must be object/],
    ];
    for (const [payload, field, why] of cases) {
      const r = await app.inject({ method: 'POST', url: '/api/documents', headers: { 'content-type': 'application/json' }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
      assert.equal(r.statusCode, 400, JSON.stringify(payload).slice(0, 40));
      const body = json(r);
      assert.equal(body.code, 'PARLEY_API_BAD_REQUEST');
      if (field) assert.equal(body.field, field);
      assert.match(body.message, why);
    }
    const notJson = await app.inject({ method: 'POST', url: '/api/documents', headers: { 'content-type': 'application/json' }, payload: '{"text":' });
    assert.equal(notJson.statusCode, 400);
    assert.equal(json(notJson).code, 'PARLEY_API_BAD_BODY');
    const text = await app.inject({ method: 'POST', url: '/api/documents', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    assert.equal(text.statusCode, 415);
    assert.equal(json(text).code, 'PARLEY_API_UNSUPPORTED_MEDIA_TYPE');
    assert.match(json(text).message, /text\/plain/);
  });

  test('api documents POST refuses bodies over the limit', async () => {
    const small = await fx.app({ bodyLimit: 2000 });
    const r = await small.inject({ method: 'POST', url: '/api/documents', payload: { text: 'x'.repeat(5000) } });
    assert.equal(r.statusCode, 413);
    assert.deepEqual(json(r), {
      statusCode: 413,
      code: 'PARLEY_API_BODY_TOO_LARGE',
      error: 'Payload Too Large',
      message: 'The request body is larger than 2000 bytes; send fewer or shorter articles per request.',
    });
    const get = await small.inject({ method: 'GET', url: '/api/events?limit=1' });
    assert.equal(get.statusCode, 200);
  });

  test('api documents POST needs the bearer token when one is set', async () => {
    const guarded = await fx.app({ token: 's3cret-token' });
    const none = await guarded.inject({ method: 'POST', url: '/api/documents', payload: { text: 'Chile thanked Peru.' } });
    assert.equal(none.statusCode, 401);
    assert.equal(json(none).code, 'PARLEY_API_UNAUTHORIZED');
    const wrong = await guarded.inject({ method: 'POST', url: '/api/documents', headers: { authorization: 'Bearer nope' }, payload: { text: 'Chile thanked Peru.' } });
    assert.equal(wrong.statusCode, 401);
    const ok = await guarded.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { authorization: 'Bearer s3cret-token' },
      payload: { published: '2023-03-01', text: 'Chile thanked Peru on Monday for its help after the floods.' },
    });
    assert.equal(ok.statusCode, 201);
    const read = await guarded.inject('/api/events?limit=1');
    assert.equal(read.statusCode, 200, 'reads never need the token');
  });

  test('api documents POST is refused on a non-loopback address without a token, allowed with one', async () => {
    const open = await fx.app({ host: '0.0.0.0', token: '' });
    const r = await open.inject({ method: 'POST', url: '/api/documents', payload: { text: 'Chile thanked Peru.' } });
    assert.equal(r.statusCode, 403);
    assert.equal(json(r).code, 'PARLEY_API_WRITES_REFUSED');
    assert.match(json(r).message, /'0\.0\.0\.0'/);
    const withToken = await fx.app({ host: '0.0.0.0', token: 't' });
    const w = await withToken.inject({ method: 'POST', url: '/api/documents', headers: { authorization: 'Bearer t' }, payload: { text: 'Chile thanked Peru on Monday.' } });
    assert.ok(w.statusCode === 200 || w.statusCode === 201, String(w.statusCode));
    const v6 = await fx.app({ host: '::1', token: '' });
    const l = await v6.inject({ method: 'POST', url: '/api/documents', payload: { text: 'Chile thanked Peru again on Tuesday.' } });
    assert.ok(l.statusCode === 200 || l.statusCode === 201, 'loopback ::1 may write without a token');
  });
});
