/**
 * Full-text search: a generated `tsvector` column over title (weight A) and clean text (weight B)
 * with a GIN index. The text is cut at 262,144 characters so that no article can exceed the 1 MB
 * `tsvector` limit and fail its batch.
 */
import type { PoolClient } from 'pg';

export async function up(db: PoolClient): Promise<void> {
  await db.query(`
    ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
      setweight(to_tsvector('english'::regconfig, left(text, 262144)), 'B')
    ) STORED;
    CREATE INDEX documents_search ON documents USING gin (search);
  `);
}

export async function down(db: PoolClient): Promise<void> {
  await db.query(`DROP INDEX documents_search; ALTER TABLE documents DROP COLUMN search;`);
}
