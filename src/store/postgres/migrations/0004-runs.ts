/** Pipeline runs, and the run that produced each document. */
import type { PoolClient } from 'pg';

export async function up(db: PoolClient): Promise<void> {
  await db.query(`
    CREATE TABLE runs (
      id text PRIMARY KEY,
      started_at text NOT NULL,
      pipeline text NOT NULL
    );
    ALTER TABLE documents ADD COLUMN run_id text;
  `);
}

export async function down(db: PoolClient): Promise<void> {
  await db.query(`ALTER TABLE documents DROP COLUMN run_id; DROP TABLE runs;`);
}
