import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parley } from './cli-helpers.js';

test('kb lookup resolves a role description through the dated offices', () => {
  const after = parley(['kb', 'lookup', 'the Polish president', '--date', '2025-09-01']);
  assert.equal(after.status, 0, after.stderr);
  assert.match(after.stdout, /Karol Nawrocki, POL, GOV, head of state/);
  const before = parley(['kb', 'lookup', 'the Polish president', '--date', '2025-07-01']);
  assert.match(before.stdout, /Andrzej Duda, POL/);
});

test('kb lookup --format json answers a capital with its country and sector', () => {
  const r = parley(['kb', 'lookup', 'Tehran', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const answers = JSON.parse(r.stdout) as { country: string; sector: string; kind: string }[];
  assert.ok(answers.some((a) => a.country === 'IRN' && a.sector === 'GOV' && a.kind === 'capital'));
});

test('kb lookup of an unknown name says so and exits 1', () => {
  const r = parley(['kb', 'lookup', 'Zorblaxia', '--date', '2020-01-01']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /not in the knowledge base/);
});

test('kb without a subcommand is a usage error', () => {
  const r = parley(['kb']);
  assert.equal(r.status, 64);
  assert.match(r.stderr, /lookup, build or check/);
});

test('actors lists every mention resolved on the given date with how it was resolved', () => {
  const text = 'The Polish president met Chinese President Xi Jinping in Beijing on Monday.\nHe said his country valued the talks.';
  const before = parley(['actors', '--date', '2025-07-01', '-'], { input: text });
  assert.equal(before.status, 0, before.stderr);
  assert.match(before.stdout, /"The Polish president" → pol-andrzej-duda POL GOV/);
  assert.match(before.stdout, /line 0 +#\d+ "Chinese President Xi Jinping" → chn-xi-jinping CHN GOV/);
  const after = parley(['actors', '--date', '2025-09-01', '--format', 'jsonl', '-'], { input: text });
  const rec = JSON.parse(after.stdout.trim()) as { mentions: { text: string; person: string | null }[] };
  assert.equal(rec.mentions.find((m) => m.text === 'The Polish president')?.person, 'Karol Nawrocki');
});
