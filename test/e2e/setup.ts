/**
 * End-to-end set-up: a store filled through the real pipeline from `test/fixtures/api/articles.jsonl`,
 * the built dashboard (built here when missing), `parley serve` started as a child process on a
 * random loopback port, and Debian's Chromium driven by playwright-core (never a downloaded
 * browser). Screenshots go to `test-artifacts/` (gitignored).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingest } from '../../src/cli/ingest.js';
import { openStore } from '../../src/store/index.js';

export const ROOT = resolve(import.meta.dirname, '..', '..', import.meta.url.includes('/dist/') ? '..' : '');
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'api', 'articles.jsonl');

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the browser tests cannot run, or undefined. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found (apt-get install chromium); browser tests skipped`;
}

/** Build the dashboard when dist/web has none (a fresh checkout that only ran tsc). */
export function ensureDashboard(): void {
  if (existsSync(join(ROOT, 'dist', 'web', 'index.html'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

/** A temporary SQLite store holding the fixture articles, ingested through the real pipeline. */
export async function fixtureStore(): Promise<{ db: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const db = join(dir, 'e2e.db');
  const store = await openStore(db);
  try {
    const { failures } = await ingest({ store, inputs: [FIXTURES], workers: 0 });
    if (failures.length > 0) throw new Error(`fixture ingest failed: ${JSON.stringify(failures)}`);
  } finally {
    await store.close();
  }
  return { db, dir };
}

export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Start `parley serve --port 0` on a store; resolves with its URL once it listens. */
export async function startServe(db: string, extra: string[] = []): Promise<Server> {
  const args = ['serve', '--db', db, '--host', '127.0.0.1', '--port', '0', ...extra];
  const isTs = import.meta.url.endsWith('.ts');
  const argv = isTs
    ? ['--import', 'tsx', '--input-type=module', '-e', `const { run } = await import(${JSON.stringify(join(ROOT, 'src', 'cli', 'main.ts'))}); process.exitCode = await run(process.argv.slice(1));`, ...args]
    : [join(ROOT, 'bin', 'parley.js'), ...args];
  const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`parley serve did not start:\n${err}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /parley serve: (http:\/\/[^\s]+) /.exec(err);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`parley serve exited with ${code}:\n${err}`));
    });
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export function artifactsDir(): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
