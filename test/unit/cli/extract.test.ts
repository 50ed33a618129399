import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parley, tempDir } from './cli-helpers.js';

const TEXT = [
  'This file photo shows the Chilean foreign minister arriving in Lima. (PHOTO / EXAMPLE WIRE)',
  'The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss a new fisheries accord covering the southern coast.',
  'READ MORE: Fisheries talks resume after two years',
  'Officials said the talks had been productive and that a draft text covering quotas and patrols would be ready within weeks.',
  'Officials said the talks had been productive and that a draft text covering quotas and patrols would be ready within a few weeks.',
].join('\n');

test('extract --format jsonl gives offsets of dropped blocks into the text as read', () => {
  const dir = tempDir();
  const file = join(dir, 'lima.txt');
  writeFileSync(file, TEXT);
  const r = parley(['extract', '--format', 'jsonl', file]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const rec = JSON.parse(lines[0]);
  assert.equal(rec.id, 'lima');
  const reasons = rec.dropped.map((d: { start: number; end: number; reason: string }) => [TEXT.slice(d.start, d.end).slice(0, 12), d.reason]);
  assert.deepEqual(reasons, [
    ['This file ph', 'caption'],
    ['READ MORE: F', 'promo'],
    ['Officials sa', 'duplicate-of:3'],
  ]);
  assert.ok(!rec.text.includes('PHOTO'));
  assert.ok(rec.text.startsWith('The foreign ministers of Chile and Peru met'));
});

test('extract --format json returns the source text the offsets point into', () => {
  const dir = tempDir();
  const file = join(dir, 'page.html');
  writeFileSync(
    file,
    '<html><head><title>Accord</title><meta property="article:published_time" content="2024-05-02T08:00:00Z"></head><body><article><h1>Accord</h1>' +
      '<p>The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss a new fisheries accord covering the southern coast.</p>' +
      '<p>Officials said the talks had been productive and that a draft text covering quotas and patrols would be ready within weeks.</p></article></body></html>',
  );
  const r = parley(['extract', '--format', 'json', file]);
  assert.equal(r.status, 0, r.stderr);
  const rec = JSON.parse(r.stdout);
  assert.equal(rec.published, '2024-05-02');
  assert.equal(typeof rec.source_text, 'string');
  for (const d of rec.dropped) assert.ok(d.end <= rec.source_text.length);
  assert.ok(rec.source_text.split('\n').some((l: string) => l.startsWith('The foreign ministers of Chile')));
});

test('extract --explain lists each dropped line with its reason', () => {
  const dir = tempDir();
  const file = join(dir, 'lima.txt');
  writeFileSync(file, TEXT);
  const r = parley(['extract', '--explain', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /line 0 +caption/);
  assert.match(r.stdout, /line 2 +promo/);
  assert.match(r.stdout, /line 4 +duplicate-of:3/);
});

test('extract reports a missing file and a bad flag with clear errors', () => {
  const missing = parley(['extract', '/no/such/file.txt']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /\/no\/such\/file\.txt: no such file/);
  const bad = parley(['extract', '--published', 'yesterday', '-'], { input: 'x' });
  assert.equal(bad.status, 64);
  assert.match(bad.stderr, /PARLEY_CLI_BAD_DATE/);
});

test('demo ingests the bundled examples into a fresh store', () => {
  const dir = tempDir();
  const r = parley(['demo', '--db', join(dir, 'demo.db')], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /ingested 5 example articles/);
  assert.match(r.stdout, /# eu-belarus-sanctions/);
  assert.match(r.stdout, /caption/);
  // Running it twice starts from a fresh store each time.
  const again = parley(['demo', '--db', join(dir, 'demo.db')], { cwd: dir });
  assert.match(again.stdout, /ingested 5 example articles/);
});
