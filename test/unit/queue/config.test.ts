import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isParleyError } from '../../../src/errors.js';
import { checkReachable } from '../../../src/queue/admin.js';
import { displayUrl, queueConfig } from '../../../src/queue/config.js';
import { freePort } from './services.js';

test('queue config reads PARLEY_QUEUE, PARLEY_QUEUE_NAME and PARLEY_QUEUE_PREFIX, options first', () => {
  const saved = { ...process.env };
  try {
    delete process.env.PARLEY_QUEUE;
    delete process.env.PARLEY_QUEUE_NAME;
    delete process.env.PARLEY_QUEUE_PREFIX;
    assert.deepEqual(queueConfig(), { url: 'redis://127.0.0.1:6379', name: 'parley', prefix: 'parley' });
    process.env.PARLEY_QUEUE = 'redis://queue-host:6380/2';
    process.env.PARLEY_QUEUE_NAME = 'news';
    assert.deepEqual(queueConfig(), { url: 'redis://queue-host:6380/2', name: 'news', prefix: 'parley' });
    assert.equal(queueConfig({ name: 'other' }).name, 'other');
  } finally {
    process.env = saved;
  }
});

test('queue config refuses a URL that is not redis:// with PARLEY_QUEUE_BAD_URL', () => {
  for (const url of ['postgres://x/y', 'not a url']) {
    assert.throws(() => queueConfig({ url }), (e: unknown) => isParleyError(e) && e.code === 'PARLEY_QUEUE_BAD_URL');
  }
});

test('queue URLs are shown without their password', () => {
  assert.equal(displayUrl('redis://user:secret@host:6379'), 'redis://user:***@host:6379');
});

test('queue unreachable: checkReachable fails fast with PARLEY_QUEUE_UNREACHABLE', async () => {
  const port = await freePort();
  await assert.rejects(checkReachable(queueConfig({ url: `redis://127.0.0.1:${port}` }), 2000), (e: unknown) => {
    assert.ok(isParleyError(e));
    assert.equal(e.code, 'PARLEY_QUEUE_UNREACHABLE');
    assert.match(e.message, new RegExp(`127.0.0.1:${port}`));
    return true;
  });
});
