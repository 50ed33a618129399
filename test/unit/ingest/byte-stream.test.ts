import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { counted, gunzip, peek, readAll, TooLargeError, utf16ToUtf8 } from '../../../src/ingest/byte-stream.js';
import { newReadStats } from '../../../src/ingest/index.js';

async function* from(...chunks: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c) : c;
}

test('peek returns the first bytes and replays the whole stream', async () => {
  const p = await peek(from('ab', 'cd', 'ef'), 3);
  assert.equal(p.head.toString(), 'abcd');
  assert.equal((await readAll(p.body, 100)).toString(), 'abcdef');
});

test('peek on an empty stream gives an empty head and an empty body', async () => {
  const p = await peek(from(), 2);
  assert.equal(p.head.length, 0);
  assert.equal((await readAll(p.body, 10)).length, 0);
});

test('readAll throws TooLargeError past the limit', async () => {
  await assert.rejects(readAll(from('12345', '678'), 6), TooLargeError);
});

test('counted adds consumed bytes to the stats, and to the total when the size is unknown', async () => {
  const stats = newReadStats();
  await readAll(counted(from('abc', 'de'), stats, true), 100);
  assert.equal(stats.bytesRead, 5);
  assert.equal(stats.bytesTotal, 5);
});

test('gunzip decompresses concatenated gzip members', async () => {
  const body = gunzip(from(gzipSync('first '), gzipSync('second')), () => undefined);
  assert.equal((await readAll(body, 100)).toString(), 'first second');
});

test('utf16ToUtf8 transcodes across chunk boundaries', async () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Aé€😀', 'utf16le')]);
  const chunks = Array.from(bytes, (b) => Buffer.from([b]));
  assert.equal((await readAll(utf16ToUtf8(from(...chunks), 'utf-16le'), 100)).toString('utf8'), 'Aé€😀');
});
