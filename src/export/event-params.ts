/**
 * The event filter as users write it — on the command line (`parley events --source CHN`) and in
 * query strings (`/api/events?source=CHN`) — turned into the store's `EventFilter`. Both read the
 * same words: lists are comma-separated; an actor is a code (`CHN`, `NATO`, any case when the
 * knowledge base knows it), a knowledge-base person id (`chn-xi-jinping`) or a person's name as
 * stored (`Xi Jinping`); a CAMEO code matches itself and its sub-codes (`021` → 021, 0211…0214).
 * Returns the first problem (with the field it is about) instead of throwing, so each caller
 * reports it its own way.
 */
import type { Kb } from '../actors/kb.js';
import type { CameoTable } from '../code/cameo.js';
import type { ActorRef, EventFilter } from '../store/event-query.js';
import type { MergedEventFilter } from '../store/merged-query.js';

export interface EventParams {
  source?: string;
  target?: string;
  /** Two actors, `A,B`. */
  dyad?: string;
  root?: string;
  code?: string;
  quad?: string;
  from?: string;
  to?: string;
  q?: string;
  doc?: string;
}

export interface ParamProblem {
  field: string;
  why: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ParamProblem };

/** Most values in one list parameter. */
export const MAX_LIST = 20;
/** Longest actor name or code. */
export const MAX_ACTOR_CHARS = 100;

const CODE = /^[A-Z][A-Z0-9]{1,15}(?::[A-Za-z0-9_-]{1,40})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ParamContext {
  cameo: CameoTable;
  kb?: Kb;
}

/** A calendar date YYYY-MM-DD that exists (2031-02-30 does not). */
export function isDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function list(field: string, v: string): Parsed<string[]> {
  const items = v.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) return { ok: false, problem: { field, why: 'has an empty item; separate values with single commas' } };
  if (items.length > MAX_LIST) return { ok: false, problem: { field, why: `has ${items.length} values; at most ${MAX_LIST}` } };
  return { ok: true, value: items };
}

/** One actor as written by a user. */
export function actorRefOf(field: string, v: string, kb?: Kb): Parsed<ActorRef> {
  const s = v.trim();
  if (s === '' || s.length > MAX_ACTOR_CHARS) return { ok: false, problem: { field, why: `an actor must be 1 to ${MAX_ACTOR_CHARS} characters` } };
  if (/[\u0000-\u001f]/.test(s)) return { ok: false, problem: { field, why: 'holds control characters' } };
  if (CODE.test(s)) return { ok: true, value: { code: s } };
  if (kb) {
    const up = s.toUpperCase();
    if (CODE.test(up) && (kb.country(up) || kb.org(up) || kb.group(up))) return { ok: true, value: { code: kb.country(up)?.code ?? up } };
    const person = kb.person(s);
    if (person) return { ok: true, value: { person: person.name } };
    // A country or organisation by name ("Iran", "the United Nations").
    const named = kb.lookupName(s, { anyCase: true }).find((e) => ['country', 'igo', 'body', 'group'].includes(e.kind));
    if (named) return { ok: true, value: { code: named.kind === 'country' ? (named.country ?? named.id) : named.id } };
  }
  return { ok: true, value: { person: s } };
}

function actors(field: string, v: string, kb?: Kb): Parsed<ActorRef[]> {
  const l = list(field, v);
  if (!l.ok) return l;
  const out: ActorRef[] = [];
  for (const item of l.value) {
    const r = actorRefOf(field, item, kb);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}

/** CAMEO codes with their sub-codes; unknown codes are a problem. */
export function expandCameoCodes(field: string, codes: string[], cameo: CameoTable): Parsed<string[]> {
  const out = new Set<string>();
  for (const c of codes) {
    if (!/^\d{2,4}$/.test(c) || !cameo.has(c)) {
      return { ok: false, problem: { field, why: `'${c}' is not a CAMEO code (two to four digits, e.g. 041 or 0211)` } };
    }
    for (const x of cameo.codes) if (x.code.startsWith(c)) out.add(x.code);
  }
  return { ok: true, value: [...out] };
}

/** The store filter for user parameters, or the first problem found. */
export function eventFilterOf(p: EventParams, ctx: ParamContext): Parsed<EventFilter> {
  const f: EventFilter = {};
  for (const side of ['source', 'target'] as const) {
    const v = p[side];
    if (v === undefined) continue;
    const r = actors(side, v, ctx.kb);
    if (!r.ok) return r;
    f[side] = r.value;
  }
  if (p.dyad !== undefined) {
    const r = actors('dyad', p.dyad, ctx.kb);
    if (!r.ok) return r;
    if (r.value.length !== 2) return { ok: false, problem: { field: 'dyad', why: 'needs exactly two actors, A,B' } };
    f.dyad = [r.value[0], r.value[1]];
  }
  if (p.root !== undefined) {
    const r = list('root', p.root);
    if (!r.ok) return r;
    const bad = r.value.find((x) => !/^\d{2}$/.test(x) || Number(x) < 1 || Number(x) > 20);
    if (bad !== undefined) return { ok: false, problem: { field: 'root', why: `'${bad}' is not a CAMEO root (01 to 20)` } };
    f.root = r.value;
  }
  if (p.code !== undefined) {
    const r = list('code', p.code);
    if (!r.ok) return r;
    const codes = expandCameoCodes('code', r.value, ctx.cameo);
    if (!codes.ok) return codes;
    f.code = codes.value;
  }
  if (p.quad !== undefined) {
    const r = list('quad', p.quad);
    if (!r.ok) return r;
    const bad = r.value.find((x) => !/^[1-4]$/.test(x));
    if (bad !== undefined) return { ok: false, problem: { field: 'quad', why: `'${bad}' is not a quad class (1 to 4)` } };
    f.quad = r.value.map(Number);
  }
  for (const k of ['from', 'to'] as const) {
    const v = p[k];
    if (v === undefined) continue;
    if (!isDate(v)) return { ok: false, problem: { field: k, why: `'${v}' is not a date; use YYYY-MM-DD` } };
    f[k] = v;
  }
  if (f.from !== undefined && f.to !== undefined && f.from > f.to) {
    return { ok: false, problem: { field: 'to', why: `${f.to} is before from (${f.from})` } };
  }
  if (p.q !== undefined && p.q.trim() !== '') f.q = p.q;
  if (p.doc !== undefined) f.doc = p.doc;
  return { ok: true, value: f };
}

/** The filter parameters of merged events: those of raw events and the least number of articles. */
export interface MergedEventParams extends EventParams {
  /** A positive whole number (`--min-articles 2`, `minArticles=2`). */
  minArticles?: string | number;
}

/** The largest `minArticles` accepted. */
export const MAX_MIN_ARTICLES = 1_000_000;

/** The merged-event filter for user parameters, or the first problem found. */
export function mergedFilterOf(p: MergedEventParams, ctx: ParamContext): Parsed<MergedEventFilter> {
  const r = eventFilterOf(p, ctx);
  if (!r.ok || p.minArticles === undefined) return r;
  const n = typeof p.minArticles === 'number' ? p.minArticles : /^\s*\d+\s*$/.test(p.minArticles) ? Number(p.minArticles) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_MIN_ARTICLES) {
    return { ok: false, problem: { field: 'minArticles', why: `'${p.minArticles}' is not a whole number from 1 to ${MAX_MIN_ARTICLES}` } };
  }
  return { ok: true, value: { ...r.value, minArticles: n } };
}
