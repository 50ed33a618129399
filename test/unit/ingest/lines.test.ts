import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from '../../../src/ingest/lines.js';

async function* from(...chunks: string[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield Buffer.from(c);
}

async function lines(src: AsyncIterable<Buffer>, limit = 1000) {
  const out: string[] = [];
  for await (const l of splitLines(src, limit)) out.push(l.tooLong ? `${l.line}:TOO LONG(${l.length})` : `${l.line}:${l.bytes.toString()}`);
  return out;
}

test('splitLines joins lines across chunks and numbers them from 1', async () => {
  assert.deepEqual(await lines(from('ab', 'c\nd', 'e\n\nf')), ['1:abc', '2:de', '3:', '4:f']);
});

test('splitLines keeps a trailing carriage return and yields no empty last line after a final newline', async () => {
  assert.deepEqual(await lines(from('a\r\nb\r\n')), ['1:a\r', '2:b\r']);
});

test('splitLines reports lines longer than the limit without keeping them and goes on', async () => {
  assert.deepEqual(await lines(from('ok\n', 'x'.repeat(8), 'x'.repeat(8), '\nnext\n', 'y'.repeat(20)), 10), ['1:ok', '2:TOO LONG(16)', '3:next', '4:TOO LONG(20)']);
});

test('splitLines never splits a multi-byte character', async () => {
  const b = Buffer.from('é\nü\n');
  async function* bytewise() {
    for (const x of b) yield Buffer.from([x]);
  }
  assert.deepEqual(await lines(bytewise()), ['1:é', '2:ü']);
});
