import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { newReadStats, readInputs } from '../../../src/ingest/index.js';
import { collect, docs, errors, fakeStdin, fixture, isRoot, tempDir } from './ingest-helpers.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

let dir: string;
let cleanup: () => Promise<void>;
before(async () => {
  ({ dir, cleanup } = await tempDir());
});
after(async () => cleanup());

async function write(name: string, content: string | Buffer): Promise<string> {
  const p = join(dir, name);
  await mkdir(join(p, '..'), { recursive: true });
  await writeFile(p, content);
  return p;
}

describe('formats', () => {
  test('readInputs reads a .txt file as one document with the file name as id and the sha256 of its text', async () => {
    const items = await collect([fixture('note.txt')]);
    assert.equal(items.length, 1);
    const [d] = docs(items);
    assert.equal(d.id, 'note');
    assert.equal(d.raw.id, 'note');
    assert.match(d.raw.text!, /^Freedonia and Sylvania signed/);
    assert.equal(d.raw.html, undefined);
    assert.equal(d.hash, sha(d.raw.text!));
    assert.deepEqual(d.raw.origin, { path: fixture('note.txt'), format: 'text' });
  });

  test('readInputs keeps broken HTML as one document in raw.html', async () => {
    const [d] = docs(await collect([fixture('page.html')]));
    assert.equal(d.id, 'page');
    assert.match(d.raw.html!, /<p>The Sylvanian delegation said it expected a draft by Friday\n$/);
    assert.equal(d.raw.origin.format, 'html');
    assert.equal(d.hash, sha(d.raw.html!));
  });

  test('readInputs reads JSONL records, stringifies numeric ids, ignores unknown fields and reports bad lines by number', async () => {
    const items = await collect([fixture('records.jsonl')]);
    assert.deepEqual(
      items.map((i) => (i.kind === 'doc' ? `doc:${i.id}@${i.raw.origin.line}` : `err:${i.line}`)),
      ['doc:101@1', 'doc:r-2@2', 'err:4', 'err:5', 'doc:r-6@6'],
    );
    const [first, second, , ] = docs(items);
    assert.equal(first.raw.title, 'Grain corridor reopens');
    assert.equal(first.raw.published, '2023-03-14');
    assert.equal(first.raw.source, 'Aldport Courier');
    assert.equal(second.raw.html, '<p>The council of Marovia <b>condemned</b> the raid.</p>');
    assert.equal(second.raw.url, 'https://news.example/r-2');
    assert.equal(second.raw.text, undefined);
    assert.equal(Object.hasOwn(docs(items)[2].raw, 'mood'), false);
    const [bad4, bad5] = errors(items);
    assert.equal(bad4.code, 'PARLEY_INPUT_BAD_RECORD');
    assert.match(bad4.message, /records\.jsonl:4: invalid JSON/);
    assert.match(bad5.message, /records\.jsonl:5: record has neither text nor html/);
  });

  test('readInputs reads CSV records by header name with the line where each record starts', async () => {
    const items = await collect([fixture('records.csv')]);
    assert.deepEqual(
      items.map((i) => (i.kind === 'doc' ? `doc:${i.id}@${i.raw.origin.line}` : `err:${i.line}`)),
      ['doc:c-1@2', 'err:4', 'doc:c-3@5'],
    );
    const [c1, c3] = docs(items);
    assert.equal(c1.raw.text, 'The border between Freedonia and Sylvania reopened.\nTraffic resumed at noon.');
    assert.equal(c1.raw.title, 'Border reopens');
    assert.equal(c1.raw.published, '2023-05-02');
    assert.equal(c3.raw.title, 'Aid, at last');
    assert.equal(c3.raw.origin.format, 'csv');
    assert.match(errors(items)[0].message, /records\.csv:4: record has 5 fields but the header has 4/);
  });

  test('readInputs turns RSS items into documents: CDATA HTML, escaped HTML, plain text, guid ids and the channel as source', async () => {
    const items = await collect([fixture('wire.rss')]);
    const [a, b, c] = docs(items);
    assert.equal(a.id, 'courier-1');
    assert.equal(a.raw.html, '<p>Freedonia recalled its envoy from Sylvania on Tuesday.</p>');
    assert.equal(a.raw.url, 'https://courier.example/a/1');
    assert.equal(a.raw.published, 'Tue, 14 Mar 2023 09:30:00 GMT');
    assert.equal(a.raw.source, 'Aldport Courier & Wire');
    assert.deepEqual(a.raw.origin, { path: fixture('wire.rss'), line: 1, format: 'rss' });
    assert.equal(b.raw.html, '<p>Talks in Aldport stalled over &quot;fishing rights&quot;.</p>');
    assert.equal(b.raw.title, 'Talks stall');
    assert.equal(b.id, `h-${b.hash.slice(0, 16)}`);
    assert.equal(c.raw.text, 'Marovia & Sylvania agreed to meet again.');
    assert.equal(c.id, 'courier-3');
    const [noBody] = errors(items);
    assert.equal(noBody.line, 4);
    assert.equal(noBody.code, 'PARLEY_INPUT_BAD_RECORD');
  });

  test('readInputs turns Atom entries into documents from xhtml content, text summaries and html summaries', async () => {
    const items = await collect([fixture('wire.atom')]);
    assert.equal(errors(items).length, 0);
    const [a, b, c] = docs(items);
    assert.equal(a.id, 'urn:monitor:1');
    assert.match(a.raw.html!, /<p>The Marovian envoy visited Aldport &amp; met the mayor\.<\/p>/);
    assert.equal(a.raw.url, 'https://monitor.example/1');
    assert.equal(a.raw.published, '2023-06-01T08:00:00Z');
    assert.equal(a.raw.source, 'Marovia Monitor');
    assert.equal(a.raw.origin.format, 'atom');
    assert.equal(b.raw.text, 'Sylvania issued a statement about the 3 < 4 rule.');
    assert.equal(b.raw.published, '2023-06-02T08:00:00Z');
    assert.equal(c.raw.html, '<p>Freedonia eased sanctions on Marovia.</p>');
    assert.equal(c.raw.url, 'https://monitor.example/3');
  });

  test('readInputs reads a .json object as one document named after the file and a .json array as records', async () => {
    const one = docs(await collect([fixture('one.json')]));
    assert.equal(one.length, 1);
    assert.equal(one[0].id, 'one');
    assert.equal(one[0].raw.title, 'Lone record');
    const items = await collect([fixture('many.json')]);
    assert.deepEqual(
      items.map((i) => (i.kind === 'doc' ? `doc@${i.raw.origin.line}` : `err@${i.line}`)),
      ['doc@1', 'doc@2', 'err@3'],
    );
    assert.equal(docs(items)[0].id, 'm-1');
    assert.match(docs(items)[1].id, /^h-[0-9a-f]{16}$/);
  });

  test('readInputs reads gzip-compressed JSONL, HTML, CSV and feeds, and gzip detected by magic bytes without .gz', async () => {
    const jsonl = await write('gz/dump.jsonl.gz', gzipSync('{"id":"g1","text":"one"}\n{"id":"g2","text":"two"}\n'));
    const html = await write('gz/page.html.gz', gzipSync('<p>Zipped page.</p>'));
    const csv = await write('gz/table.csv.gz', gzipSync('id,text\nz1,"zipped, with comma"\n'));
    const feed = await write('gz/wire.rss.gz', gzipSync('<rss><channel><item><guid>f1</guid><description>Zipped item.</description></item></channel></rss>'));
    const magic = await write('gz/nosuffix.jsonl', gzipSync('{"id":"m1","text":"magic"}\n'));
    const items = await collect([jsonl, html, csv, feed, magic]);
    assert.equal(errors(items).length, 0, JSON.stringify(errors(items)));
    assert.deepEqual(
      docs(items).map((d) => d.id),
      ['g1', 'g2', 'page', 'z1', 'f1', 'm1'],
    );
    assert.equal(docs(items)[2].raw.html, '<p>Zipped page.</p>');
    assert.equal(docs(items)[3].raw.text, 'zipped, with comma');
  });

  test('readInputs decodes UTF-16 text with a byte-order mark', async () => {
    const p = await write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Sylvania — talks\n', 'utf16le')]));
    const [d] = docs(await collect([p]));
    assert.equal(d.raw.text, 'Sylvania — talks\n');
    assert.equal(d.raw.warnings, undefined);
  });

  test('readInputs decodes HTML in a declared single-byte charset without a warning', async () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>Caf'), Buffer.from([0xe9]), Buffer.from(' talks</p>')]);
    const p = await write('latin.html', bytes);
    const [d] = docs(await collect([p]));
    assert.match(d.raw.html!, /Café talks/);
    assert.equal(d.raw.warnings, undefined);
  });

  test('readInputs reads CSV with a semicolon delimiter and CRLF line ends', async () => {
    const p = await write('semi.csv', 'id;text;title\r\ns1;"Freedonia, Sylvania; talks";T1\r\ns2;Second;T2\r\n');
    const d = docs(await collect([p]));
    assert.deepEqual(d.map((x) => [x.id, x.raw.text, x.raw.title, x.raw.origin.line]), [
      ['s1', 'Freedonia, Sylvania; talks', 'T1', 2],
      ['s2', 'Second', 'T2', 3],
    ]);
  });
});

describe('directories and naming', () => {
  test('readInputs walks a directory recursively in sorted order and skips hidden entries and unknown extensions', async () => {
    const items = await collect([fixture('tree')]);
    assert.equal(errors(items).length, 0);
    assert.deepEqual(
      items.map((i) => (i.kind === 'doc' ? i.raw.origin.path.slice(fixture('tree').length + 1) : 'error')),
      ['C.txt', 'a.txt', 'b-dir/b1.txt', 'b-dir/b2.jsonl', 'z.htm'],
    );
  });

  test('readInputs sniffs a file named explicitly with an unknown extension', async () => {
    const md = await write('named/notes.md', 'Just prose about Marovia.\n');
    const feedish = await write('named/wire.feed', '<?xml version="1.0"?><rss><channel><item><guid>x1</guid><description>Item.</description></item></channel></rss>');
    const jsonish = await write('named/data.out', '{"id":"j1","text":"from json"}\n');
    const htmlish = await write('named/page', '<!DOCTYPE html><p>No extension.</p>');
    const items = await collect([md, feedish, jsonish, htmlish]);
    assert.deepEqual(
      items.map((i) => (i.kind === 'doc' ? `${i.id}:${i.raw.origin.format}` : i.code)),
      ['notes:text', 'x1:rss', 'j1:jsonl', 'page:html'],
    );
  });

  test('readInputs ids a single-document file by its name without extensions, even when gzipped', async () => {
    const p = await write('names/report.2022.txt.gz', gzipSync('Text.'));
    const [d] = docs(await collect([p]));
    assert.equal(d.id, 'report.2022');
  });

  test('readInputs gives records without an id the content id h-<16 hex of the hash>, equal for equal content', async () => {
    const p = await write('noid.jsonl', '{"text":"same words"}\n{"text":"same words"}\n');
    const [a, b] = docs(await collect([p]));
    assert.equal(a.hash, sha('same words'));
    assert.equal(a.id, `h-${sha('same words').slice(0, 16)}`);
    assert.equal(b.id, a.id);
  });

  test('readInputs reads the same input twice in the given order', async () => {
    const d = docs(await collect([fixture('note.txt'), fixture('tree/a.txt'), fixture('note.txt')]));
    assert.deepEqual(d.map((x) => x.id), ['note', 'a', 'note']);
  });
});

describe('stdin', () => {
  test('readInputs reads stdin text as one document with a content id', async () => {
    const [d] = docs(await collect(['-'], { stdin: fakeStdin('Plain words ', 'in two chunks.') }));
    assert.equal(d.raw.text, 'Plain words in two chunks.');
    assert.equal(d.raw.origin.path, '-');
    assert.equal(d.id, `h-${sha('Plain words in two chunks.').slice(0, 16)}`);
  });

  test('readInputs sniffs HTML, feeds, JSONL and JSON arrays on stdin', async () => {
    const html = docs(await collect(['-'], { stdin: fakeStdin('  <div><p>Page</p></div>') }));
    assert.equal(html[0].raw.html, '  <div><p>Page</p></div>');
    const feed = docs(await collect(['-'], { stdin: fakeStdin('<rss version="2.0"><channel><item><guid>s1</guid><description>Via stdin.</description></item></channel></rss>') }));
    assert.equal(feed[0].id, 's1');
    assert.equal(feed[0].raw.origin.format, 'rss');
    const jsonl = docs(await collect(['-'], { stdin: fakeStdin('{"id":"a","text":"x"}\n{"id":"b","te', 'xt":"y"}\n') }));
    assert.deepEqual(jsonl.map((d) => d.id), ['a', 'b']);
    const arr = docs(await collect(['-'], { stdin: fakeStdin('[{"id":"p","text":"x"},\n {"id":"q","text":"y"}]') }));
    assert.deepEqual(arr.map((d) => d.id), ['p', 'q']);
  });

  test('readInputs decompresses gzip on stdin', async () => {
    const [d] = docs(await collect(['-'], { stdin: fakeStdin(gzipSync('{"id":"z","text":"zipped stdin"}\n')) }));
    assert.equal(d.id, 'z');
  });

  test('readInputs lets opts.format override sniffing (CSV on stdin, text for markup)', async () => {
    const csv = docs(await collect(['-'], { stdin: fakeStdin('id,text\nk1,From a pipe\n'), format: 'csv' }));
    assert.deepEqual(csv.map((d) => [d.id, d.raw.text]), [['k1', 'From a pipe']]);
    const asText = docs(await collect(['-'], { stdin: fakeStdin('<p>kept as text</p>'), format: 'text' }));
    assert.equal(asText[0].raw.text, '<p>kept as text</p>');
  });
});

describe('bad input', () => {
  test('readInputs reports a missing path as PARLEY_INPUT_NOT_FOUND and goes on', async () => {
    const items = await collect([join(dir, 'nope.txt'), fixture('note.txt')]);
    assert.equal(items[0].kind, 'error');
    assert.equal(items[0].kind === 'error' && items[0].code, 'PARLEY_INPUT_NOT_FOUND');
    assert.match(items[0].kind === 'error' ? items[0].message : '', /nope\.txt: no such file or directory/);
    assert.equal(items[1].kind, 'doc');
  });

  test('readInputs reports a file without read permission as PARLEY_INPUT_UNREADABLE', async (t) => {
    const p = await write('locked.txt', 'secret');
    await chmod(p, 0o000);
    try {
      if (isRoot) {
        t.skip('running as root: chmod 000 does not stop root from reading (the symbolic-link-loop test covers UNREADABLE)');
        return;
      }
      const [e] = errors(await collect([p]));
      assert.equal(e.code, 'PARLEY_INPUT_UNREADABLE');
      assert.match(e.message, /permission denied/);
    } finally {
      await chmod(p, 0o644);
    }
  });

  test('readInputs reports a symbolic-link loop as PARLEY_INPUT_UNREADABLE, even for root', async () => {
    const p = join(dir, 'loop.txt');
    await symlink('loop.txt', p);
    const items = await collect([p, fixture('note.txt')]);
    assert.equal(items[0].kind === 'error' && items[0].code, 'PARLEY_INPUT_UNREADABLE');
    assert.match(items[0].kind === 'error' ? items[0].message : '', /symbolic links/);
    assert.equal(items[1].kind, 'doc');
  });

  test('readInputs reports a dangling link with a known extension inside a directory as not found', async () => {
    await write('dangling/ok.txt', 'fine');
    await symlink('gone.txt', join(dir, 'dangling', 'broken.txt'));
    const items = await collect([join(dir, 'dangling')]);
    assert.deepEqual(items.map((i) => (i.kind === 'doc' ? i.id : i.code)), ['PARLEY_INPUT_NOT_FOUND', 'ok']);
  });

  test('readInputs reports a directory holding no file it reads as PARLEY_INPUT_EMPTY', async () => {
    await write('nothing/readme.md', 'not an input');
    await mkdir(join(dir, 'nothing', 'sub'), { recursive: true });
    const items = await collect([join(dir, 'nothing')]);
    assert.deepEqual(items.map((i) => i.kind === 'error' && i.code), ['PARLEY_INPUT_EMPTY']);
  });

  test('readInputs reports files with NUL bytes or mostly control characters as PARLEY_INPUT_BINARY', async () => {
    const nul = await write('bin/image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
    const ctl = await write('bin/noise.jsonl', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01 + (i % 7)))));
    const items = await collect([nul, ctl]);
    assert.deepEqual(items.map((i) => i.kind === 'error' && i.code), ['PARLEY_INPUT_BINARY', 'PARLEY_INPUT_BINARY']);
  });

  test('readInputs reports empty, blank and empty-gzip files as PARLEY_INPUT_EMPTY', async () => {
    const empty = await write('empty/a.txt', '');
    const blank = await write('empty/b.html', '  \n\t\n');
    const gz = await write('empty/c.jsonl.gz', gzipSync(''));
    const onlyHeader = await write('empty/d.csv', 'id,text\n');
    const items = await collect([empty, blank, gz, onlyHeader]);
    assert.deepEqual(items.map((i) => i.kind === 'error' && i.code), Array(4).fill('PARLEY_INPUT_EMPTY'));
    assert.match(items[0].kind === 'error' ? items[0].message : '', /a\.txt: is empty/);
  });

  test('readInputs keeps a document with invalid UTF-8, replacing bytes with U+FFFD and naming the file in a warning', async () => {
    const p = await write('bad-utf8.txt', Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' in Aldport.\n')]));
    const [d] = docs(await collect([p]));
    assert.equal(d.raw.text, 'Caf\uFFFD in Aldport.\n');
    assert.equal(d.raw.warnings?.length, 1);
    assert.ok(d.raw.warnings![0].includes(p));
    assert.match(d.raw.warnings![0], /invalid UTF-8/);
  });

  test('readInputs warns only on the JSONL and CSV records whose line holds invalid UTF-8', async () => {
    const bad = Buffer.from([0xff]);
    const jl = await write('bad-utf8.jsonl', Buffer.concat([Buffer.from('{"id":"ok","text":"fine"}\n{"id":"bad","text":"x'), bad, Buffer.from('y"}\n')]));
    const cv = await write('bad-utf8.csv', Buffer.concat([Buffer.from('id,text\nok,fine\nbad,x'), bad, Buffer.from('y\n')]));
    for (const p of [jl, cv]) {
      const d = docs(await collect([p]));
      assert.equal(d[0].raw.warnings, undefined);
      assert.equal(d[1].raw.text, 'x\uFFFDy');
      assert.match(d[1].raw.warnings![0], new RegExp(`bad-utf8\\.(jsonl|csv):${d[1].raw.origin.line}: invalid UTF-8`));
    }
  });

  test('readInputs reports a feed that is not XML, or XML that is not a feed, as PARLEY_INPUT_BAD_FEED', async () => {
    const notXml = await write('feeds/broken.rss', '<rss><channel><item><title>unclosed</channel></rss>');
    const jsonFeed = await write('feeds/wrong.xml', '{"items": []}');
    const notFeed = await write('feeds/sitemap.xml', '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
    const items = await collect([notXml, jsonFeed, notFeed]);
    assert.deepEqual(items.map((i) => i.kind === 'error' && i.code), Array(3).fill('PARLEY_INPUT_BAD_FEED'));
    assert.match(items[0].kind === 'error' ? items[0].message : '', /not well-formed XML/);
    assert.match(items[2].kind === 'error' ? items[2].message : '', /<urlset>/);
  });

  test('readInputs reports an unsupported opts.format as PARLEY_INPUT_UNKNOWN_FORMAT for each input', async () => {
    const items = await collect([fixture('note.txt'), '-'], { format: 'docx' as never, stdin: fakeStdin('x') });
    assert.deepEqual(items.map((i) => i.kind === 'error' && i.code), ['PARLEY_INPUT_UNKNOWN_FORMAT', 'PARLEY_INPUT_UNKNOWN_FORMAT']);
  });

  test('readInputs reports a truncated gzip after the records it could read', async () => {
    const full = gzipSync(Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: `t${i}`, text: `record ${i} `.repeat(5) })).join('\n'));
    const p = await write('trunc.jsonl.gz', full.subarray(0, Math.floor(full.length / 2)));
    const items = await collect([p, fixture('note.txt')]);
    const e = errors(items);
    assert.equal(e.length, 1);
    assert.equal(e[0].code, 'PARLEY_INPUT_UNREADABLE');
    assert.match(e[0].message, /gzip/);
    assert.ok(docs(items).length > 100);
    const last = items.at(-1)!;
    assert.equal(last.kind === 'doc' && last.id, 'note');
  });

  test('readInputs skips a JSONL line longer than maxBytes and reads the lines after it', async () => {
    const p = await write('long.jsonl', `{"id":"a","text":"short"}\n{"id":"b","text":"${'x'.repeat(5000)}"}\n{"id":"c","text":"short"}\n`);
    const items = await collect([p], { maxBytes: 1000 });
    assert.deepEqual(items.map((i) => (i.kind === 'doc' ? i.id : `${i.code}@${i.line}`)), ['a', 'PARLEY_INPUT_BAD_RECORD@2', 'c']);
  });

  test('readInputs refuses a single document larger than maxBytes as PARLEY_INPUT_UNREADABLE', async () => {
    const p = await write('big.txt', 'y'.repeat(5000));
    const [e] = errors(await collect([p], { maxBytes: 1000 }));
    assert.equal(e.code, 'PARLEY_INPUT_UNREADABLE');
    assert.match(e.message, /maxBytes/);
  });

  test('readInputs reports a broken pretty-printed JSON file once, at the line of the syntax error', async () => {
    const p = await write('broken.json', '{\n  "id": "x",\n  "text": "y",\n}\n');
    const items = await collect([p]);
    assert.equal(items.length, 1);
    assert.equal(items[0].kind === 'error' && items[0].code, 'PARLEY_INPUT_BAD_RECORD');
    assert.equal(items[0].kind === 'error' && items[0].line, 4);
  });

  test('readInputs brings every good record of a mixed batch through, in order, around the bad inputs', async () => {
    const good1 = await write('mixed/1.jsonl', '{"id":"m1","text":"one"}\n{oops}\n{"id":"m2","text":"two"}\n');
    const bin = await write('mixed/2.txt', Buffer.from([0, 1, 2, 3, 0]));
    const empty = await write('mixed/3.txt', '');
    const feed = await write('mixed/4.rss', 'not xml at all');
    const csv = await write('mixed/5.csv', 'id,text\nm3,three\nm4,"unclosed\nm5,five\n');
    const items = await collect([good1, join(dir, 'mixed', 'missing.txt'), bin, empty, feed, csv, fixture('note.txt')]);
    assert.deepEqual(docs(items).map((d) => d.id), ['m1', 'm2', 'm3', 'm5', 'note']);
    assert.deepEqual(errors(items).map((e) => e.code), [
      'PARLEY_INPUT_BAD_RECORD',
      'PARLEY_INPUT_NOT_FOUND',
      'PARLEY_INPUT_BINARY',
      'PARLEY_INPUT_EMPTY',
      'PARLEY_INPUT_BAD_FEED',
      'PARLEY_INPUT_BAD_RECORD',
    ]);
    assert.equal(errors(items)[5].line, 3);
  });
});

describe('streaming and stats', () => {
  test('readInputs yields the first JSONL record before the file is read to the end', async () => {
    const line = JSON.stringify({ id: 'x', text: 'Freedonian envoys met Sylvanian officials. '.repeat(20) }) + '\n';
    const p = await write('large.jsonl', line.repeat(Math.ceil((4 * 1024 * 1024) / line.length)));
    const stats = newReadStats();
    let seen = 0;
    for await (const item of readInputs([p], { stats })) {
      assert.equal(item.kind, 'doc');
      assert.ok(stats.bytesTotal > 4 * 1024 * 1024);
      assert.ok(stats.bytesRead < stats.bytesTotal, `read ${stats.bytesRead} of ${stats.bytesTotal} before the first record`);
      seen++;
      break;
    }
    assert.equal(seen, 1);
  });

  test('readInputs keeps live counters of inputs, bytes, records and errors', async () => {
    const stats = newReadStats();
    const items = await collect([fixture('records.jsonl'), fixture('note.txt'), join(dir, 'missing.csv')], { stats });
    assert.equal(stats.filesTotal, 3);
    assert.equal(stats.filesDone, 3);
    assert.equal(stats.records, docs(items).length);
    assert.equal(stats.errors, errors(items).length);
    assert.equal(stats.records, 4);
    assert.equal(stats.errors, 3);
    assert.ok(stats.bytesTotal > 0);
    assert.equal(stats.bytesRead, stats.bytesTotal);
  });

  test('readInputs closes the input when the consumer stops early', async (t) => {
    const p = await write('early.jsonl', '{"id":"e1","text":"a"}\n'.repeat(50_000));
    const openOn = async (file: string) => {
      const fds = await readdir('/proc/self/fd');
      const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
      return targets.filter((x) => x === file).length;
    };
    const stats = newReadStats();
    for await (const item of readInputs([p, fixture('note.txt')], { stats })) {
      assert.equal(item.kind, 'doc');
      if (existsSync('/proc/self/fd')) assert.equal(await openOn(p), 1, 'the file is open while reading');
      break;
    }
    assert.equal(stats.filesDone, 1);
    assert.ok(stats.bytesRead < stats.bytesTotal);
    if (!existsSync('/proc/self/fd')) {
      t.skip('no /proc/self/fd to count open files');
      return;
    }
    await new Promise((r) => setTimeout(r, 20)); // closing a file handle completes asynchronously
    assert.equal(await openOn(p), 0, 'the file is closed after the consumer stopped');
  });
});
