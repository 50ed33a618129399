import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJson, readJsonl } from '../../../src/ingest/jsonl.js';
import type { ReaderItem } from '../../../src/ingest/reader-item.js';

async function* from(s: string, size = 5): AsyncGenerator<Buffer> {
  const b = Buffer.from(s);
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

async function run(reader: typeof readJson, s: string, stem?: string): Promise<string[]> {
  const out: string[] = [];
  for await (const it of reader(from(s), { path: 'mem', maxBytes: 1 << 20, stem }) as AsyncGenerator<ReaderItem>) {
    out.push(it.kind === 'doc' ? `doc:${it.id ?? '-'}@${it.raw.origin.line ?? '-'}` : `err@${it.line ?? '-'}:${it.why}`);
  }
  return out;
}

test('readJsonl strips a byte-order mark and carriage returns', async () => {
  assert.deepEqual(await run(readJsonl, '\uFEFF{"id":"a","text":"x"}\r\n{"id":"b","text":"y"}\r\n'), ['doc:a@1', 'doc:b@2']);
});

test('readJsonl reports a line that is valid JSON but not an object', async () => {
  const out = await run(readJsonl, '[1,2]\n"str"\n{"id":"c","text":"z"}\n');
  assert.match(out[0], /^err@1:record is an array/);
  assert.match(out[1], /^err@2:record is a string/);
  assert.equal(out[2], 'doc:c@3');
});

test('readJson streams JSON Lines when the first line is an object', async () => {
  const out = await run(readJson, '\n{"id":"a","text":"x"}\n{bad\n{"id":"b","text":"y"}\n');
  assert.equal(out.length, 3);
  assert.equal(out[0], 'doc:a@2');
  assert.match(out[1], /^err@3:invalid JSON \(/);
  assert.equal(out[2], 'doc:b@4');
});

test('readJson falls back to JSON Lines when the first line is broken but other lines are objects', async () => {
  const out = await run(readJson, '{"id":"a","te\n{"id":"b","text":"y"}\n');
  assert.match(out[0], /^err@1:invalid JSON/);
  assert.equal(out[1], 'doc:b@2');
});

test('readJson reads a pretty-printed object as one record named after the file', async () => {
  assert.deepEqual(await run(readJson, '{\n "text": "x"\n}\n', 'stem'), ['doc:stem@-']);
  assert.deepEqual(await run(readJson, '{\n "id": 7, "text": "x"\n}\n', 'stem'), ['doc:7@-']);
});

test('readJson numbers array elements from 1 and refuses a top-level primitive', async () => {
  assert.deepEqual(await run(readJson, '[\n{"text":"a"},\n5\n]'), ['doc:-@1', 'err@2:array element 2: record is a number, not an object']);
  const broken = await run(readJson, '[1, 2');
  assert.equal(broken.length, 1);
  assert.match(broken[0], /^err@1:invalid JSON \(/);
});
