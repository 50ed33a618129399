/**
 * The accuracy ratchet: `eval/floors.json` maps a set name to metric floors, and CI fails when a
 * figure falls below its floor. A floor is a number (the minimum) or `{ "min": x }` /
 * `{ "max": x }` for figures where lower is better (e.g. `extraRate`). Keys starting with "_" or
 * "$" are comments. Sets in the file that were not evaluated are skipped.
 */
import { readFileSync } from 'node:fs';
import type { Figures } from './score-events.js';

export type Floor = number | { min?: number; max?: number };
export type FloorsTable = Record<string, Record<string, Floor>>;

export interface FloorFailure {
  set: string;
  metric: string;
  bound: 'min' | 'max';
  floor: number;
  /** The measured figure; null when it could not be computed (counts as failing). */
  actual: number | null;
}

export interface FloorCheck {
  /** True when every checked figure is within its bound and no floored metric is missing. */
  ok: boolean;
  /** Number of (set, metric) bounds checked. */
  checked: number;
  /** Figures outside their bound. */
  below: FloorFailure[];
  /** Floors naming a metric the set's result does not have (a typo or a removed figure). */
  missing: { set: string; metric: string }[];
}

/** Anything with a set name and figures (every result of this folder). */
export interface HasFigures {
  set: string;
  figures: Figures;
}

/** Read a floors file; throws with the path on a read or JSON error. */
export function readFloors(path: string): FloorsTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${path}: cannot read the floors file (${(e as Error).message})`);
  }
  try {
    return JSON.parse(text) as FloorsTable;
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

const isComment = (k: string) => k.startsWith('_') || k.startsWith('$');

/**
 * Compare results with their floors (a table, or the path of a floors file). A figure of null
 * fails a floor above 0 (or any max) and passes a floor of 0.
 */
export function compareFloors(results: HasFigures | HasFigures[], floors: FloorsTable | string): FloorCheck {
  const table = typeof floors === 'string' ? readFloors(floors) : floors;
  const list = Array.isArray(results) ? results : [results];
  const check: FloorCheck = { ok: true, checked: 0, below: [], missing: [] };
  for (const r of list) {
    const setFloors = table[r.set];
    if (!setFloors || typeof setFloors !== 'object') continue;
    for (const [metric, floor] of Object.entries(setFloors)) {
      if (isComment(metric)) continue;
      if (!(metric in r.figures)) {
        check.missing.push({ set: r.set, metric });
        continue;
      }
      const actual = r.figures[metric];
      const bounds: ['min' | 'max', number][] = [];
      if (typeof floor === 'number') bounds.push(['min', floor]);
      else if (floor && typeof floor === 'object') {
        if (typeof floor.min === 'number') bounds.push(['min', floor.min]);
        if (typeof floor.max === 'number') bounds.push(['max', floor.max]);
      }
      for (const [bound, value] of bounds) {
        check.checked++;
        const fails =
          actual === null || actual === undefined || Number.isNaN(actual)
            ? bound === 'max' || value > 0
            : bound === 'min'
              ? actual < value
              : actual > value;
        if (fails) check.below.push({ set: r.set, metric, bound, floor: value, actual: actual ?? null });
      }
    }
  }
  check.ok = check.below.length === 0 && check.missing.length === 0;
  return check;
}

/** One line per failure, e.g. "seed f1 0.412 < 0.450". */
export function formatFloorCheck(check: FloorCheck): string {
  const lines = check.below.map(
    (b) => `${b.set} ${b.metric} ${b.actual === null ? 'n/a' : b.actual.toFixed(3)} ${b.bound === 'min' ? '<' : '>'} ${b.floor.toFixed(3)}`,
  );
  for (const m of check.missing) lines.push(`${m.set} ${m.metric}: no such figure in the result`);
  if (lines.length === 0) lines.push(`all ${check.checked} floors met`);
  return lines.join('\n') + '\n';
}
