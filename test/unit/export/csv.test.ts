import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSV_COLUMNS, csvField, csvLines, MERGED_CSV_COLUMNS } from '../../../src/export/csv.js';
import { exportLines } from '../../../src/export/index.js';
import { collect, hit, mergedHit } from './hits.js';

test('csv quotes commas, quotes, line breaks and edge spaces, and doubles quotes', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\rhere'), '"cr\rhere"');
  assert.equal(csvField(' padded'), '" padded"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(-8), '-8');
  assert.equal(csvField(Number.NaN), '');
});

test('csv defuses cells a spreadsheet would run as formulas', () => {
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField('+1'), "'+1");
  assert.equal(csvField('-2'), "'-2");
  assert.equal(csvField('@cmd'), "'@cmd");
  assert.equal(csvField(-2), '-2', 'numbers are numbers');
});

test('csv writes a header and one CRLF line per event, in column order', async () => {
  const out = await collect(csvLines([hit(), hit({ id: 'doc-1:e1', target: { code: null, name: null, sector: null, person: null } })]));
  const lines = out.split('\r\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, 3);
  assert.equal(lines[0], CSV_COLUMNS.join(','));
  assert.equal(
    lines[1],
    'doc-1:e0,doc-1,2031-03-04,explicit,NOR,Norway,GOV,,CHL,Chile,,,051,05,Praise or endorse,1,3.4,SUPPORT,,0.9,' +
      '"Norway praised Chile, ""warmly"", for the new fishing accord.",1,"Norway, Chile sign accord",https://news.example/doc-1,2031-03-04,Example Wire',
  );
  assert.match(lines[2], /^doc-1:e1,doc-1,2031-03-04,explicit,NOR,Norway,GOV,,,,,,051/);
});

test('csv of merged events adds the counts and the raw event ids, after the event columns', async () => {
  const text = await collect(exportLines('csv', [mergedHit()], undefined, { view: 'merged' }));
  const [header, row] = text.split('\r\n');
  assert.equal(header, MERGED_CSV_COLUMNS.join(','));
  assert.deepEqual(MERGED_CSV_COLUMNS.slice(0, CSV_COLUMNS.length), [...CSV_COLUMNS]);
  const cells = row.split(',');
  assert.equal(cells[0], 'm-0123456789abcdef');
  assert.deepEqual(cells.slice(-4), ['5', '2', '3', 'doc-0:e1 doc-1:e0 doc-2:e0']);
  assert.equal((await collect(exportLines('csv', [hit()]))).split('\r\n')[0], CSV_COLUMNS.join(','), 'raw events keep their columns');
});
