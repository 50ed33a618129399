/**
 * A user's search query, read the way a web search box reads it (and PostgreSQL's
 * `websearch_to_tsquery`): words are ANDed, `"quoted words"` form a phrase, `-word` excludes,
 * `or` between two items makes an alternative, `word*` is a prefix. Any other punctuation only
 * separates words. Parsing never fails: whatever the user typed becomes a (possibly empty) query.
 */

/** One searchable item: a word or a phrase (a list of words), optionally a prefix or excluded. */
export interface SearchTerm {
  words: string[];
  prefix: boolean;
  exclude: boolean;
}

/** Alternatives of ANDed terms: `(a b) OR (c)`; `[]` matches nothing. */
export type SearchQuery = SearchTerm[][];

/** Longest query text read; the rest is ignored. */
export const MAX_QUERY_CHARS = 1000;
/** Most terms kept in one query. */
export const MAX_QUERY_TERMS = 32;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function words(s: string): string[] {
  return s.match(WORD) ?? [];
}

/** Parse a query; see the module comment for the syntax. */
export function parseSearchQuery(input: string): SearchQuery {
  const text = input.slice(0, MAX_QUERY_CHARS);
  const groups: SearchTerm[][] = [[]];
  let count = 0;
  let pendingOr = false;
  // Tokens: optional '-', then a quoted phrase (closing quote optional) or a run of non-space.
  const token = /(-?)(?:"([^"]*)"?|([^\s"]+))/g;
  for (let m = token.exec(text); m !== null && count < MAX_QUERY_TERMS; m = token.exec(text)) {
    const exclude = m[1] === '-';
    if (m[2] !== undefined) {
      const ws = words(m[2]);
      if (ws.length === 0) continue;
      groups[groups.length - 1].push({ words: ws, prefix: false, exclude });
      count++;
      pendingOr = false;
      continue;
    }
    const raw = m[3];
    if (!exclude && raw.toLowerCase() === 'or') {
      if (groups[groups.length - 1].length > 0) pendingOr = true;
      continue;
    }
    const ws = words(raw);
    if (ws.length === 0) continue;
    if (pendingOr) {
      groups.push([]);
      pendingOr = false;
    }
    const prefix = ws.length === 1 && /[\p{L}\p{N}\p{M}]\*+$/u.test(raw);
    // "u.s.-led" is one item: its words must appear together, like a phrase.
    groups[groups.length - 1].push({ words: ws, prefix, exclude });
    count++;
  }
  // A group with only exclusions cannot match anything by itself; drop it.
  return groups.filter((g) => g.some((t) => !t.exclude));
}
