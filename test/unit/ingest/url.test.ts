import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describeFetchError, isUrl } from '../../../src/ingest/url.js';
import { newReadStats } from '../../../src/ingest/index.js';
import { collect, docs, errors } from './ingest-helpers.js';

let server: Server;
let base: string;
let lastHeaders: IncomingHttpHeaders = {};

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><guid>lw-1</guid><link>https://wire.example/1</link><description>Marovia hosted talks.</description></item>
<item><guid>lw-2</guid><description>&lt;p&gt;Sylvania replied.&lt;/p&gt;</description></item></channel></rss>`;

before(async () => {
  server = createServer((req, res) => {
    lastHeaders = req.headers;
    switch (req.url) {
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><body><p>Freedonia opened an embassy.</p></body></html>');
        return;
      case '/moved':
        res.writeHead(301, { location: '/page' });
        res.end();
        return;
      case '/feed':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(RSS);
        return;
      case '/feed-as-html':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(RSS);
        return;
      case '/feed-broken':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end('<rss><channel><item>never closed');
        return;
      case '/dump.jsonl.gz':
        res.writeHead(200, { 'content-type': 'application/gzip' });
        res.end(gzipSync('{"id":"u1","text":"from a url"}\n{"id":"u2","text":"second"}\n'));
        return;
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        return;
      case '/stall-body':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<p>first part');
        return; // never ends
      case '/silent':
        return; // never answers
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('readInputs fetches a page into raw.html with the final URL and a parley User-Agent', async () => {
  const [d] = docs(await collect([`${base}/moved`]));
  assert.equal(d.raw.html, '<html><body><p>Freedonia opened an embassy.</p></body></html>');
  assert.equal(d.raw.url, `${base}/page`);
  assert.equal(d.raw.origin.path, `${base}/moved`);
  assert.equal(d.raw.origin.format, 'html');
  assert.match(d.id, /^h-[0-9a-f]{16}$/);
  assert.match(String(lastHeaders['user-agent']), /parley/);
});

test('readInputs reads a feed URL into one document per item', async () => {
  const stats = newReadStats();
  const d = docs(await collect([`${base}/feed`], { stats }));
  assert.deepEqual(d.map((x) => x.id), ['lw-1', 'lw-2']);
  assert.equal(d[0].raw.url, 'https://wire.example/1');
  assert.equal(d[0].raw.source, 'Local Wire');
  assert.equal(d[1].raw.html, '<p>Sylvania replied.</p>');
  assert.equal(stats.bytesRead, Buffer.byteLength(RSS));
  assert.equal(stats.bytesTotal, Buffer.byteLength(RSS));
});

test('readInputs treats a feed served as text/html as a feed (content sniffing)', async () => {
  const d = docs(await collect([`${base}/feed-as-html`]));
  assert.deepEqual(d.map((x) => x.raw.origin.format), ['rss', 'rss']);
});

test('readInputs reads a gzipped JSONL URL by its path and magic bytes', async () => {
  const d = docs(await collect([`${base}/dump.jsonl.gz`]));
  assert.deepEqual(d.map((x) => x.id), ['u1', 'u2']);
});

test('readInputs reports an HTTP error status as PARLEY_INPUT_HTTP and goes on', async () => {
  const items = await collect([`${base}/missing`, `${base}/page`]);
  assert.equal(items[0].kind === 'error' && items[0].code, 'PARLEY_INPUT_HTTP');
  assert.match(items[0].kind === 'error' ? items[0].message : '', /status 404/);
  assert.equal(items[0].kind === 'error' && items[0].path, `${base}/missing`);
  assert.equal(items[1].kind, 'doc');
});

test('readInputs reports a broken feed URL as PARLEY_INPUT_BAD_FEED', async () => {
  const [e] = errors(await collect([`${base}/feed-broken`]));
  assert.equal(e.code, 'PARLEY_INPUT_BAD_FEED');
});

test('readInputs reports an image URL as PARLEY_INPUT_UNKNOWN_FORMAT', async () => {
  const [e] = errors(await collect([`${base}/image`]));
  assert.equal(e.code, 'PARLEY_INPUT_UNKNOWN_FORMAT');
});

test('readInputs gives up on a server that never answers after timeoutMs', async () => {
  const items = await collect([`${base}/silent`, `${base}/page`], { timeoutMs: 300 });
  assert.equal(items[0].kind === 'error' && items[0].code, 'PARLEY_INPUT_HTTP');
  assert.match(items[0].kind === 'error' ? items[0].message : '', /no complete response within 300 ms/);
  assert.equal(items[1].kind, 'doc');
});

test('readInputs gives up on a body that stalls after the headers', async () => {
  const items = await collect([`${base}/stall-body`], { timeoutMs: 300 });
  assert.equal(items.length, 1);
  assert.equal(items[0].kind === 'error' && items[0].code, 'PARLEY_INPUT_HTTP');
  assert.match(items[0].kind === 'error' ? items[0].message : '', /300 ms/);
});

test('readInputs reports a refused connection as PARLEY_INPUT_HTTP', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const [e] = errors(await collect([`http://127.0.0.1:${port}/x`], { timeoutMs: 2000 }));
  assert.equal(e.code, 'PARLEY_INPUT_HTTP');
  assert.match(e.message, /ECONNREFUSED/);
});

test('isUrl accepts http and https only', () => {
  assert.equal(isUrl('https://a.example/x'), true);
  assert.equal(isUrl('HTTP://a.example/'), true);
  assert.equal(isUrl('ftp://a.example/'), false);
  assert.equal(isUrl('./http:/x'), false);
});

test('describeFetchError names timeouts and network error codes', () => {
  assert.equal(describeFetchError({ name: 'TimeoutError' }, 50), 'no complete response within 50 ms');
  assert.equal(describeFetchError({ name: 'TypeError', message: 'fetch failed', cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND x' } }, 50), 'ENOTFOUND: getaddrinfo ENOTFOUND x');
});
