import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvScanner, detectDelimiter, readCsv, type CsvChunk } from '../../../src/ingest/csv.js';
import type { ReaderItem } from '../../../src/ingest/reader-item.js';

function scan(input: string, chunkSize = input.length || 1, limit = 1 << 20): CsvChunk[] {
  const bytes = Buffer.from(input);
  const s = new CsvScanner(0x2c, limit);
  const out: CsvChunk[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) s.push(bytes.subarray(i, i + chunkSize), out);
  s.end(out);
  return out;
}

const show = (cs: CsvChunk[]) => cs.map((c) => (c.problem ? `!${c.line}` : `${c.line}:${c.bytes.toString()}`));

async function* chunks(s: string, size: number): AsyncGenerator<Buffer> {
  const b = Buffer.from(s);
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

async function readAllCsv(s: string, size = 7): Promise<ReaderItem[]> {
  const out: ReaderItem[] = [];
  for await (const it of readCsv(chunks(s, size), Buffer.from(s.slice(0, 200)), { path: 'mem.csv', maxBytes: 1 << 20 })) out.push(it);
  return out;
}

test('CsvScanner splits records at newlines outside quotes and keeps their first line', () => {
  const input = 'h1,h2\na,"two\nlines"\nb,"with ""quote"""\n\nc,end';
  assert.deepEqual(show(scan(input)), ['1:h1,h2', '2:a,"two\nlines"', '4:b,"with ""quote"""', '6:c,end']);
});

test('CsvScanner gives the same records whatever the chunk boundaries', () => {
  const input = 'id,text\r\n1,"a\r\nb"\r\n2,"x"",""y"\r\n3,plain "inner" quote\r\n';
  const whole = show(scan(input));
  for (let size = 1; size <= input.length; size++) assert.deepEqual(show(scan(input, size)), whole, `chunk size ${size}`);
  assert.equal(whole.length, 4);
});

test('CsvScanner treats a quote inside an unquoted field as a plain character', () => {
  assert.deepEqual(show(scan('a,5" screen\nb,next\n')), ['1:a,5" screen', '2:b,next']);
});

test('CsvScanner reports a quote left open at the end and resumes on the next line', () => {
  assert.deepEqual(show(scan('id,text\n1,ok\n2,"open\n3,after\n4,fine\n')), ['1:id,text', '2:1,ok', '!3', '4:3,after', '5:4,fine']);
});

test('CsvScanner reports a multi-line quoted field closed by a quote followed by text, and resumes', () => {
  const input = 'id,text\n1,ok\n2,"open\n3,after\n4,"fine"\n5,last\n';
  for (const size of [1, 3, input.length]) {
    assert.deepEqual(show(scan(input, size)), ['1:id,text', '2:1,ok', '!3', '4:3,after', '5:4,"fine"', '6:5,last'], `chunk size ${size}`);
  }
});

test('CsvScanner gives up after many broken records and reports the rest as one error', () => {
  const input = 'id,text\n' + Array.from({ length: 40 }, (_, i) => `${i},"open`).join('\n') + '\n';
  const out = scan(input);
  assert.equal(out.filter((c) => c.problem).length, 21);
  assert.match(out.at(-1)!.problem!, /gave up/);
});

test('CsvScanner reports a quoted field longer than the limit and resumes after its first line', () => {
  const input = `id,text\n1,"${'x'.repeat(50)}\n2,b\n3,c\n`;
  const out = scan(input, 8, 30);
  assert.deepEqual(show(out).slice(0, 2), ['1:id,text', '!2']);
  assert.deepEqual(show(out).slice(2), ['3:2,b', '4:3,c']);
});

test('CsvScanner reports an unquoted record longer than the limit without keeping it', () => {
  const out = scan(`a,b\n${'y'.repeat(100)}\nc,d\n`, 16, 40);
  assert.deepEqual(show(out), ['1:a,b', '!2', '3:c,d']);
  assert.match(out[1].problem!, /longer than the limit of 40 bytes/);
});

test('detectDelimiter picks the most frequent separator of the header line outside quotes', () => {
  assert.equal(detectDelimiter(Buffer.from('id,title,text\n')), 0x2c);
  assert.equal(detectDelimiter(Buffer.from('id;title;"a,b,c"\n')), 0x3b);
  assert.equal(detectDelimiter(Buffer.from('id\ttitle\ttext\n1,2,3,4,5\n')), 0x09);
  assert.equal(detectDelimiter(Buffer.from('text\n')), 0x2c);
});

test('readCsv maps header names case-insensitively and reports field-count mismatches by line', async () => {
  const items = await readAllCsv(' ID , Text ,Extra\nr1,"multi\nline",e\nr2,short\nr3,ok,e\n');
  assert.deepEqual(
    items.map((i) => (i.kind === 'doc' ? `${i.id}@${i.raw.origin.line}` : `err@${i.line}`)),
    ['r1@2', 'err@4', 'r3@5'],
  );
  const first = items[0];
  assert.equal(first.kind === 'doc' && first.raw.text, 'multi\nline');
});

test('readCsv stops with one error when the header has no text or html column', async () => {
  const items = await readAllCsv('id,title\n1,a\n2,b\n');
  assert.equal(items.length, 1);
  assert.equal(items[0].kind === 'error' && items[0].line, 1);
  assert.match(items[0].kind === 'error' ? items[0].why! : '', /no 'text' or 'html' column/);
});

test('readCsv takes html when a record has no text', async () => {
  const [d] = await readAllCsv('id,text,html\nh1,,<p>Markup only</p>\n');
  assert.equal(d.kind === 'doc' && d.raw.html, '<p>Markup only</p>');
  assert.equal(d.kind === 'doc' && d.raw.text, undefined);
});
