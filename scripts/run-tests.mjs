// Runs every compiled test file under dist/test with node:test.
// Usage: node scripts/run-tests.mjs [filter-substring ...]
// Node 20's `--test` does not expand globs, so the file list is collected here.
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}
// Tests read their fixtures next to themselves; compiled tests live under dist/test, so the
// fixture files (not compiled) are copied there first.
if (existsSync('test/fixtures')) cpSync('test/fixtures', 'dist/test/fixtures', { recursive: true });
const filters = process.argv.slice(2);
const files = walk('dist/test', []).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s))).sort();
if (files.length === 0) {
  console.error('run-tests: no test files found under dist/test (did the build run?)');
  process.exit(1);
}
// A test that hangs fails after 5 minutes instead of stalling the run; a file whose tests are done
// but that keeps a handle open (a stray socket) is ended rather than waited on forever.
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-timeout=300000', '--test-force-exit', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
