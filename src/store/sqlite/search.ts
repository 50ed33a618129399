/**
 * Full-text search on SQLite: FTS5 (`documents_fts`, external content over `documents`, porter
 * stemming) queried with a MATCH expression built from the parsed user query, so no user input
 * ever reaches FTS5's own syntax. Snippets mark matches «like this»; rank is −bm25 (higher is
 * better), with title matches weighted double.
 */
import type { SearchQuery, SearchTerm } from '../search-query.js';

function term(t: SearchTerm): string {
  // Words hold only letters, digits and marks (see search-query.ts): nothing to escape.
  return `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`;
}

/** The FTS5 MATCH expression for a parsed query, or undefined when it can match nothing. */
export function toFts5Query(query: SearchQuery): string | undefined {
  const groups = query.map((g) => {
    const pos = g.filter((t) => !t.exclude).map(term);
    const neg = g.filter((t) => t.exclude).map(term);
    return [`(${pos.join(' AND ')})`, ...neg].join(' NOT ');
  });
  return groups.length === 0 ? undefined : groups.map((g) => `(${g})`).join(' OR ');
}

/** Columns of a hit, in `DocSummary`/`SearchHit` order; parameters: the MATCH expression, the limit. */
export const SEARCH_SQL = `
SELECT d.id AS id, d.title AS title, d.url AS url, d.published AS published, d.source AS source,
       length(d.text) AS chars, d.ingested_at AS ingestedAt,
       (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,
       snippet(documents_fts, -1, '«', '»', '…', 24) AS snippet,
       -bm25(documents_fts, 2.0, 1.0) AS rank
FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
WHERE documents_fts MATCH ?
ORDER BY bm25(documents_fts, 2.0, 1.0), d.seq
LIMIT ?`;
