/**
 * Which stores the shared suite runs against, and fresh, isolated locations for each test:
 * a new SQLite file in a temporary folder, or a new PostgreSQL schema `parley_t_<pid>_<random>_<n>`
 * (dropped by {@link cleanupLocations}). `STORES=sqlite,postgres` selects the stores;
 * `PARLEY_TEST_PG` names the server (default postgres://postgres@127.0.0.1:5432/test).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type StoreKind = 'sqlite' | 'postgres';

export const PG_URL = process.env.PARLEY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export const STORES: StoreKind[] = (process.env.STORES ?? 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is StoreKind => s === 'sqlite' || s === 'postgres');

const RUN = `${process.pid}_${randomBytes(3).toString('hex')}`;
let tmp: string | undefined;
let counter = 0;
const schemas: string[] = [];

/** Why PostgreSQL cannot be used, or undefined when it answers. */
export async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return `PostgreSQL unreachable at ${PG_URL} (${(err as Error).message}); set PARLEY_TEST_PG or STORES=sqlite`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A folder for this test run's SQLite files. */
export function tempDir(): string {
  return (tmp ??= mkdtempSync(join(tmpdir(), `parley-store-${process.pid}-`)));
}

/** A location no test has used: a new SQLite file or a new PostgreSQL schema. */
export function freshLocation(kind: StoreKind): string {
  counter++;
  if (kind === 'sqlite') return join(tempDir(), `t${counter}.db`);
  const schema = `parley_t_${RUN}_${counter}`;
  schemas.push(schema);
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Run SQL on the test server outside any store (schema set up by the caller). */
export async function pgExec<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Drop this run's schemas and temporary files. */
export async function cleanupLocations(): Promise<void> {
  if (schemas.length > 0) {
    await pgExec(schemas.map((s) => `DROP SCHEMA IF EXISTS "${s}" CASCADE;`).join('\n'));
    schemas.length = 0;
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
}
