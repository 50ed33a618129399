/**
 * Indexes for the event queries of the API and `parley events` (see `../../event-query.ts`):
 * each filter column followed by the date sort key `coalesce(date, '')` and `id`, so that a
 * filtered page newest-first (and its keyset cursor) is one ordered index range; per (source,
 * target) pair one index that orders a dyad's events by date and covers dyad series and the network
 * (by a skip-scan over the pairs within a date range); the person columns for filters and actor
 * search; Goldstein, alone and after the source or target, for that sort.
 */
import type BetterSqlite3 from 'better-sqlite3';

const INDEXES: Record<string, string> = {
  events_q_date: `(coalesce(date, ''), id)`,
  events_q_source: `(source_code, coalesce(date, ''), id)`,
  events_q_target: `(target_code, coalesce(date, ''), id)`,
  events_q_root: `(cameo_root, coalesce(date, ''), id)`,
  events_q_code: `(cameo_code, coalesce(date, ''), id)`,
  events_q_source_person: `(source_person, coalesce(date, ''), id)`,
  events_q_target_person: `(target_person, coalesce(date, ''), id)`,
  events_q_goldstein: `(goldstein, id)`,
  events_q_source_goldstein: `(source_code, goldstein, id)`,
  events_q_target_goldstein: `(target_code, goldstein, id)`,
  events_q_pair: `(source_code, target_code, coalesce(date, ''), id, quad, goldstein, cameo_root)`,
};

export function up(db: BetterSqlite3.Database): void {
  for (const [name, cols] of Object.entries(INDEXES)) db.exec(`CREATE INDEX ${name} ON events ${cols};`);
}

export function down(db: BetterSqlite3.Database): void {
  for (const name of Object.keys(INDEXES)) db.exec(`DROP INDEX ${name};`);
}
