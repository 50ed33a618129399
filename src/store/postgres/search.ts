/**
 * Full-text search on PostgreSQL: the generated `documents.search` tsvector (GIN index), queried
 * with a `tsquery` built from the parsed user query (the same reading as on SQLite, prefixes
 * included); every word is a bound parameter, so no input reaches tsquery syntax. Snippets come
 * from `ts_headline` and mark matches «like this»; rank is `ts_rank_cd` (higher is better).
 */
import type { SearchQuery, SearchTerm } from '../search-query.js';

const CONFIG = `'english'::regconfig`;
/** ts_headline options: a snippet of the clean text (the title when only it matches). */
const HEADLINE = 'StartSel=«, StopSel=», MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "';

/**
 * The SQL expression of the tsquery for a parsed query, and its parameters (numbered from
 * `firstParam`), or undefined when the query can match nothing.
 */
export function toTsQuery(query: SearchQuery, firstParam: number): { sql: string; params: string[] } | undefined {
  const params: string[] = [];
  const term = (t: SearchTerm): string => {
    params.push(t.words.join(' '));
    const p = `$${firstParam + params.length - 1}`;
    // A prefix term is one word of letters and digits, a valid tsquery operand as it is.
    const q = t.prefix ? `to_tsquery(${CONFIG}, ${p} || ':*')` : `phraseto_tsquery(${CONFIG}, ${p})`;
    return t.exclude ? `(!! ${q})` : q;
  };
  const groups = query.map((g) => `(${g.map(term).join(' && ')})`);
  if (groups.length === 0) return undefined;
  return { sql: groups.join(' || '), params };
}

/** The search statement for a tsquery expression; `$1` = limit. */
export function searchSql(tsquery: string): string {
  return `
WITH q AS (SELECT ${tsquery} AS q),
hits AS (
  SELECT d.seq, d.id, d.title, d.url, d.published, d.source, d.text, d.ingested_at,
         ts_rank_cd(d.search, q.q) AS rank
  FROM documents d, q
  WHERE d.search @@ q.q
  ORDER BY rank DESC, d.seq
  LIMIT $1
)
SELECT h.id, h.title, h.url, h.published, h.source, length(h.text) AS chars,
       (SELECT count(*) FROM events e WHERE e.doc_id = h.id)::integer AS events,
       h.ingested_at AS "ingestedAt",
       CASE WHEN position('«' IN s.text_snippet) > 0 OR h.title IS NULL THEN s.text_snippet
            ELSE ts_headline(${CONFIG}, h.title, q.q, '${HEADLINE}') END AS snippet,
       h.rank::double precision AS rank
FROM hits h CROSS JOIN q
CROSS JOIN LATERAL (SELECT ts_headline(${CONFIG}, h.text, q.q, '${HEADLINE}') AS text_snippet) s
ORDER BY h.rank DESC, h.seq`;
}
