/**
 * Gold files in the corpus format (shared/corpus/GUIDE.md): JSON Lines, one document per line,
 * `{"id", "events": [EVENT...], "drop_lines": [...]}`.
 */
import { readFileSync } from 'node:fs';
import type { DateBasis } from '../doc.js';
import { normaliseRoot, rootOfCode } from './codes.js';

/** One annotated event, as written in a gold file. */
export interface GoldEvent {
  src: string;
  src_name: string | null;
  tgt: string;
  tgt_name: string | null;
  /** CAMEO root, two digits. */
  root: string;
  code: string;
  alt_roots: string[];
  date: string | null;
  date_basis: DateBasis;
  /** 0-based line of the document (split on "\n") where the event is first reported. */
  line: number;
  quote: string;
}

export interface GoldDoc {
  id: string;
  events: GoldEvent[];
  drop_lines: number[];
  /** 1-based line of the gold file this document came from. */
  sourceLine: number;
}

/** A bad line of a gold file; `toString()` gives `file:line: message`. */
export interface GoldProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: GoldProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** The documents of a gold file by id, with the problems found while reading it. */
export class GoldSet extends Map<string, GoldDoc> {
  readonly problems: GoldProblem[] = [];
  constructor(readonly file: string) {
    super();
  }
}

const BASES: ReadonlySet<string> = new Set(['explicit', 'relative', 'publication', 'unknown']);

/**
 * Read a gold file. Bad lines (invalid JSON, a missing id, an event without source, target or a
 * valid root, a repeated id) are skipped and listed in `problems` with their `file:line`; the
 * rest is returned. Throws only when the file cannot be read.
 */
export function readGold(path: string): GoldSet {
  return parseGold(readFileSync(path, 'utf8'), path);
}

/** Parse gold JSONL text; `file` names it in problems. See {@link readGold}. */
export function parseGold(text: string, file = '<gold>'): GoldSet {
  const set = new GoldSet(file);
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (!line) return;
    const problem = (message: string) => set.problems.push({ file, line: lineNo, message });
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      problem(`not valid JSON (${(e as Error).message})`);
      return;
    }
    const result = toGoldDoc(obj, lineNo);
    if (typeof result === 'string') {
      problem(result);
      return;
    }
    if (set.has(result.id)) {
      problem(`document id '${result.id}' repeats line ${set.get(result.id)!.sourceLine}; this line is ignored`);
      return;
    }
    set.set(result.id, result);
  });
  return set;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The document, or the reason the line is bad. */
function toGoldDoc(obj: unknown, sourceLine: number): GoldDoc | string {
  if (!isObject(obj)) return 'a gold line must be a JSON object';
  const id = obj.id;
  if (typeof id !== 'string' && typeof id !== 'number') return "missing 'id'";
  if (!Array.isArray(obj.events)) return `document '${id}': 'events' must be an array`;
  const events: GoldEvent[] = [];
  for (let k = 0; k < obj.events.length; k++) {
    const e = toGoldEvent(obj.events[k]);
    if (typeof e === 'string') return `document '${id}', event ${k + 1}: ${e}`;
    events.push(e);
  }
  const drop = obj.drop_lines ?? [];
  if (!Array.isArray(drop) || !drop.every((n) => Number.isInteger(n) && n >= 0)) {
    return `document '${id}': 'drop_lines' must be a list of line numbers`;
  }
  return { id: String(id), events, drop_lines: drop as number[], sourceLine };
}

function code(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim().toUpperCase() : null;
}

function toGoldEvent(e: unknown): GoldEvent | string {
  if (!isObject(e)) return 'an event must be a JSON object';
  const src = code(e.src);
  const tgt = code(e.tgt);
  if (!src) return "missing 'src'";
  if (!tgt) return "missing 'tgt' (events need a target)";
  const rawCode = typeof e.code === 'string' ? e.code.trim() : typeof e.code === 'number' ? String(e.code) : '';
  const root = normaliseRoot(e.root as string) ?? (rawCode ? rootOfCode(rawCode) : null);
  if (!root) return `'root' must be a CAMEO root 01-20 (got ${JSON.stringify(e.root)})`;
  if (rawCode && rootOfCode(rawCode) !== root) return `'code' ${rawCode} does not start with root ${root}`;
  const alts: string[] = [];
  if (e.alt_roots !== undefined && e.alt_roots !== null) {
    if (!Array.isArray(e.alt_roots)) return "'alt_roots' must be a list";
    for (const a of e.alt_roots) {
      const r = normaliseRoot(a as string);
      if (!r) return `'alt_roots' has ${JSON.stringify(a)}, not a root 01-20`;
      if (r !== root && !alts.includes(r)) alts.push(r);
    }
  }
  const date = e.date ?? null;
  if (date !== null && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))) {
    return `'date' must be YYYY-MM-DD or null (got ${JSON.stringify(date)})`;
  }
  const basis = e.date_basis ?? (date ? 'explicit' : 'unknown');
  if (typeof basis !== 'string' || !BASES.has(basis)) return `'date_basis' must be explicit, relative, publication or unknown`;
  const line = e.line ?? 0;
  if (!Number.isInteger(line) || (line as number) < 0) return "'line' must be a 0-based line number";
  return {
    src,
    src_name: typeof e.src_name === 'string' ? e.src_name : null,
    tgt,
    tgt_name: typeof e.tgt_name === 'string' ? e.tgt_name : null,
    root,
    code: rawCode || `${root}0`,
    alt_roots: alts,
    date,
    date_basis: basis as DateBasis,
    line: line as number,
    quote: typeof e.quote === 'string' ? e.quote : '',
  };
}
