/**
 * Indexes for the merged-event queries of the API and exports (see `../../merged-query.ts`), the
 * counterpart of 0008 for `merged_events`: each filter column followed by the date sort key
 * `coalesce(date, '')` and `id`, so that a filtered page newest-first (and its keyset cursor) is one
 * ordered index range; per (source, target) pair one index for dyads; the person columns; Goldstein
 * for that sort; and the counts then the date key for the `articles` sort and `minArticles`, alone
 * and after the source or the target.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { MERGED_INDEXES } from '../../merged-indexes.js';

export function up(db: BetterSqlite3.Database): void {
  for (const [name, cols] of Object.entries(MERGED_INDEXES)) db.exec(`CREATE INDEX ${name} ON merged_events (${cols.join(', ')});`);
}

export function down(db: BetterSqlite3.Database): void {
  for (const name of Object.keys(MERGED_INDEXES)) db.exec(`DROP INDEX ${name};`);
}
