/**
 * Small helpers for the knowledge-base build: reading CSV with line numbers, dates, slugs and
 * deterministic JSON output.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { normName, stripDiacritics } from './kb-normalize.js';

/** A CSV record with the 1-based line it ends on. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** Parse CSV text with a header row; every value trimmed. Throws on malformed CSV. */
export function parseCsv(text: string, delimiter = ','): CsvRow[] {
  const out = parse(text, {
    columns: true,
    info: true,
    skip_empty_lines: true,
    relax_quotes: true,
    relax_column_count: true,
    delimiter,
    bom: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  return out.map(({ record, info }) => {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(record)) values[k.trim()] = (v ?? '').trim();
    return { line: info.lines, values };
  });
}

/** Read a CSV file (UTF-8 unless latin1 is asked for). */
export function readCsv(path: string, opts: { latin1?: boolean; delimiter?: string } = {}): CsvRow[] {
  const text = readFileSync(path, opts.latin1 ? 'latin1' : 'utf8');
  return parseCsv(text, opts.delimiter);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in ISO form. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** YYYYMMDD (or YYMMDD) → ISO, clamping impossible days ("20050231" → 2005-02-28). */
export function compactDate(s: string): string | null {
  let t = s.trim();
  if (/^\d{6}$/.test(t)) t = (Number(t.slice(0, 2)) < 30 ? '20' : '19') + t;
  if (!/^\d{8}$/.test(t)) return null;
  const y = Number(t.slice(0, 4));
  let m = Number(t.slice(4, 6));
  let d = Number(t.slice(6, 8));
  if (m < 1) m = 1;
  if (m > 12) m = 12;
  if (d < 1) d = 1;
  d = Math.min(d, daysInMonth(y, m));
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Add days to an ISO date. */
export function addDays(iso: string, n: number): string {
  const t = Date.parse(iso + 'T00:00:00Z') + n * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A lower-case ASCII slug ("Jean-Noël Barrot" → "jean-noel-barrot"). */
export function slug(text: string): string {
  return normName(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Title-case a name written in capitals ("MAHMOUD_AHMADINEJAD_" → "Mahmoud Ahmadinejad"). */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s\-'(])(\p{L})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase())
    .replace(/\bOf\b/g, 'of')
    .replace(/\bAnd\b/g, 'and')
    .replace(/\bThe\b/g, 'the')
    .replace(/^the\b/, 'The')
    .replace(/\bAl-/g, 'al-')
    .replace(/^al-/, 'Al-');
}

/** Split a `|`-separated cell into trimmed non-empty values. */
export function splitList(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Unique values, first occurrence kept, compared by normalised form. */
export function uniqNames(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const n = raw.replace(/\s+/g, ' ').trim();
    if (!n) continue;
    const k = normName(n);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}

/** True when every letter is Latin script (drops "남한", keeps "Jomhuri-ye Eslāmi-ye Irān"). */
export function isLatin(text: string): boolean {
  const letters = stripDiacritics(text).match(/\p{L}/gu) ?? [];
  return letters.length > 0 && letters.every((c) => /[A-Za-z]/.test(c));
}

/** Deterministic JSON: object keys sorted, no whitespace except a newline per top-level array item. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return '[\n' + value.map((v) => compact(v)).join(',\n') + '\n]\n';
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return (
      '{\n' +
      keys.map((k) => JSON.stringify(k) + ':' + compact((value as Record<string, unknown>)[k])).join(',\n') +
      '\n}\n'
    );
  }
  return JSON.stringify(value) + '\n';
}

function compact(value: unknown): string {
  if (Array.isArray(value)) return '[' + value.map(compact).join(',') + ']';
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + compact(obj[k])).join(',') + '}';
  }
  return JSON.stringify(value ?? null);
}

/** Compare strings by code unit (locale-independent, so the output does not depend on the machine). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
