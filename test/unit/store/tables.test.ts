/**
 * The `Database` interface of src/store/tables.ts against the stored types: every field of
 * StoredDoc, Event, Evidence, Mention, Block, Diagnostic and StoredRun has its column, and every
 * column is a field (or one of the storage columns listed in tables.ts). The fixture has every
 * optional field present, and its type makes the compiler ask for any field added later.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLUMNS, GENERATED_COLUMNS, insertColumns, STORAGE_COLUMNS } from '../../../src/store/tables.js';
import type { TableName } from '../../../src/store/tables.js';
import { toRows } from '../../../src/store/doc-rows.js';
import type { StoredDoc } from '../../../src/store/store.js';
import { fullDoc, fullRun } from './fixtures.js';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Column names for an object's fields: nested objects flattened with '_', arrays left out. */
function fieldColumns(obj: object, opts: { unprefixed?: string[]; whole?: string[] } = {}, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (Array.isArray(v)) continue; // a child table
    if (v !== null && typeof v === 'object' && !opts.whole?.includes(k)) {
      out.push(...fieldColumns(v, opts, opts.unprefixed?.includes(k) ? prefix : `${prefix}${k}_`));
    } else out.push(snake(prefix + k));
  }
  return out;
}

function expected(table: TableName, obj: object, opts?: { unprefixed?: string[]; whole?: string[] }): string[] {
  return [...fieldColumns(obj, opts), ...(STORAGE_COLUMNS[table] ?? [])].sort();
}

const doc = fullDoc();

test('tables documents has a column for every StoredDoc field and meta field, and no other', () => {
  assert.deepEqual([...COLUMNS.documents].sort(), expected('documents', doc, { unprefixed: ['meta'] }));
});

test('tables blocks, mentions and diagnostics match Block, Mention and Diagnostic', () => {
  assert.deepEqual([...COLUMNS.blocks].sort(), expected('blocks', doc.blocks[0]));
  assert.deepEqual([...COLUMNS.mentions].sort(), expected('mentions', doc.mentions[0]));
  assert.deepEqual([...COLUMNS.diagnostics].sort(), expected('diagnostics', doc.diagnostics[0]));
});

test('tables events and evidence match Event and Evidence', () => {
  assert.deepEqual([...COLUMNS.events].sort(), expected('events', doc.events[0]));
  assert.deepEqual([...COLUMNS.evidence].sort(), expected('evidence', doc.events[0].evidence[0]));
});

test('tables runs match StoredRun, the pipeline kept whole as JSON', () => {
  assert.deepEqual([...COLUMNS.runs].sort(), expected('runs', fullRun(), { whole: ['pipeline'] }));
});

test('tables toRows fills every insert column of every table with a non-null value for a full document', () => {
  const rows = toRows(doc as StoredDoc, '2031-01-01T00:00:00.000Z');
  const check = (table: TableName, row: object) => {
    // doc_seq is the database's key, added by the dialect once the document row is in.
    const expectedColumns = insertColumns(table).filter((c) => c !== 'doc_seq');
    assert.deepEqual(Object.keys(row).sort(), [...expectedColumns].sort(), table);
    for (const [k, v] of Object.entries(row)) assert.notEqual(v, null, `${table}.${k}`);
  };
  check('documents', rows.document);
  check('blocks', rows.blocks[0]);
  check('mentions', rows.mentions[0]);
  check('diagnostics', rows.diagnostics[0]);
  check('events', rows.events[0]);
  check('evidence', rows.evidence[0]);
});

test('tables insertColumns leaves out the columns the database generates', () => {
  assert.ok(!insertColumns('documents').includes('seq'));
  assert.deepEqual(GENERATED_COLUMNS.documents, ['seq']);
  assert.deepEqual(insertColumns('blocks'), [...COLUMNS.blocks]);
});
