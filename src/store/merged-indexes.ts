/**
 * The indexes of `merged_events` for the merged-event queries (migration 0009 of both dialects):
 * name → columns, the date sort key written as the queries write it (see `event-query.ts`). The
 * counts lead the `articles` sort's indexes, alone and after the source or the target (an actor's
 * most reported events); each is one more index to update when resolution recounts an event.
 */
const DATE_KEY = "coalesce(date, '')";

export const MERGED_INDEXES: Record<string, readonly string[]> = {
  merged_q_date: [DATE_KEY, 'id'],
  merged_q_source: ['source_code', DATE_KEY, 'id'],
  merged_q_target: ['target_code', DATE_KEY, 'id'],
  merged_q_root: ['cameo_root', DATE_KEY, 'id'],
  merged_q_code: ['cameo_code', DATE_KEY, 'id'],
  merged_q_source_person: ['source_person', DATE_KEY, 'id'],
  merged_q_target_person: ['target_person', DATE_KEY, 'id'],
  merged_q_goldstein: ['goldstein', 'id'],
  merged_q_pair: ['source_code', 'target_code', DATE_KEY, 'id'],
  merged_q_articles: ['num_articles', 'num_mentions', DATE_KEY, 'id'],
  merged_q_source_articles: ['source_code', 'num_articles', 'num_mentions', DATE_KEY, 'id'],
  merged_q_target_articles: ['target_code', 'num_articles', 'num_mentions', DATE_KEY, 'id'],
};
