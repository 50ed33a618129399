/** `parley serve`: listens on a loopback port, answers the API, refuses writes on an open address, stops on SIGTERM. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parley, parleyChild, tempDir } from './cli-helpers.js';

function start(args: string[]) {
  const child = parleyChild(['serve', ...args]);
  let err = '';
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /parley serve: (http:\/\/\S+) /.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code}: ${err}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited, stderr: () => err };
}

test('serve answers on a random loopback port and stops cleanly on SIGTERM', async () => {
  const db = join(tempDir(), 's.db');
  const s = start(['--db', db, '--port', '0']);
  const url = await s.url;
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(s.stderr(), /writes open to this machine/);
  const h = await fetch(`${url}/healthz`);
  assert.equal(h.status, 200);
  assert.equal(((await h.json()) as { status: string }).status, 'ok');
  const post = await fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ published: '2023-04-04', text: 'Kenya thanked Japan on Monday for the new water project.' }),
  });
  assert.equal(post.status, 201);
  const events = (await (await fetch(`${url}/api/events?source=KEN`)).json()) as { events: unknown[] };
  assert.equal(events.events.length, 1);
  s.child.kill('SIGTERM');
  assert.equal(await s.exited, 0);
});

test('serve on an open address refuses writes without a token', async () => {
  const db = join(tempDir(), 's.db');
  const s = start(['--db', db, '--port', '0', '--host', '0.0.0.0']);
  const url = (await s.url).replace('0.0.0.0', '127.0.0.1');
  assert.match(s.stderr(), /writes refused/);
  const post = await fetch(`${url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
  assert.equal(post.status, 403);
  assert.equal(((await post.json()) as { code: string }).code, 'PARLEY_API_WRITES_REFUSED');
  s.child.kill('SIGTERM');
  await s.exited;
});

test('serve refuses a bad --cors origin and a port in use', async () => {
  const bad = parley(['serve', '--db', join(tempDir(), 'x.db'), '--cors', 'not an origin']);
  assert.equal(bad.status, 64);
  assert.match(bad.stderr, /--cors/);
  const db = join(tempDir(), 's.db');
  const s = start(['--db', db, '--port', '0']);
  const port = new URL(await s.url).port;
  const clash = parley(['serve', '--db', join(tempDir(), 'y.db'), '--port', port]);
  assert.equal(clash.status, 69);
  assert.match(clash.stderr, /PARLEY_API_LISTEN/);
  s.child.kill('SIGTERM');
  await s.exited;
});

test('serve --log writes its request log to stderr and leaves stdout empty', async () => {
  const s = start(['--db', join(tempDir(), 'l.db'), '--port', '0', '--log', '--read-workers', '0']);
  let out = '';
  s.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  try {
    const url = await s.url;
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
  } finally {
    s.child.kill('SIGTERM');
  }
  assert.equal(await s.exited, 0);
  assert.equal(out, '');
  assert.match(s.stderr(), /"msg":"incoming request"/);
});
