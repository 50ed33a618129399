/** Small DOM helpers: an element builder and the loading, empty and error states every view shows. */
import { ApiError } from './api.js';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

/** `h('a', {href: '/x', onclick: fn}, 'text', child)` */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v as EventListener);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
  return el;
}

export function clear(el: Element): void {
  el.replaceChildren();
}

export function loading(what: string): HTMLElement {
  return h('p', { class: 'state loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ` Loading ${what}…`);
}

export function empty(message: string): HTMLElement {
  return h('p', { class: 'state empty', role: 'status' }, message);
}

/** An error box with the server's message (and the parameter at fault). */
export function errorBox(err: unknown): HTMLElement {
  const msg = err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
  const code = err instanceof ApiError ? err.code : 'ERROR';
  return h(
    'div',
    { class: 'state error', role: 'alert' },
    h('strong', {}, 'Something went wrong. '),
    msg,
    err instanceof ApiError && err.field ? h('span', { class: 'field' }, ` (parameter: ${err.field})`) : null,
    h('small', { class: 'code' }, ` ${code}`),
  );
}

/** True for an aborted fetch (a newer request replaced it). */
export function isAbort(err: unknown): boolean {
  return (err as Error)?.name === 'AbortError';
}

export const QUAD_LABELS = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const QUAD_COLORS = ['', '#3b82c4', '#1f9e6e', '#e0a030', '#c8403a'];

/** CAMEO root labels (CAMEO 1.1b3). */
export const ROOTS: [string, string][] = [
  ['01', 'Make public statement'],
  ['02', 'Appeal'],
  ['03', 'Express intent to cooperate'],
  ['04', 'Consult'],
  ['05', 'Engage in diplomatic cooperation'],
  ['06', 'Engage in material cooperation'],
  ['07', 'Provide aid'],
  ['08', 'Yield'],
  ['09', 'Investigate'],
  ['10', 'Demand'],
  ['11', 'Disapprove'],
  ['12', 'Reject'],
  ['13', 'Threaten'],
  ['14', 'Protest'],
  ['15', 'Exhibit force posture'],
  ['16', 'Reduce relations'],
  ['17', 'Coerce'],
  ['18', 'Assault'],
  ['19', 'Fight'],
  ['20', 'Use unconventional mass violence'],
];

/** A `<select>` of the roots, with an "any" first option. */
export function rootSelect(name: string, value: string | null, label = 'any root'): HTMLSelectElement {
  const sel = h('select', { name, id: `f-${name}` }, h('option', { value: '' }, label));
  for (const [code, text] of ROOTS) sel.append(h('option', { value: code, selected: value === code }, `${code} ${text}`));
  return sel;
}

/** A labelled form field. */
export function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  const id = input.id || `f-${(input as HTMLInputElement).name}`;
  input.id = id;
  return h('label', { class: 'field', for: id }, h('span', { class: 'label' }, label), input, hint ? h('small', {}, hint) : null);
}

/** Goldstein as text with its sign. */
export function goldstein(g: number): string {
  return `${g > 0 ? '+' : ''}${g.toFixed(1)}`;
}

/** A colour from conflict (−10, red) through neutral (grey) to cooperation (+10, green). */
export function goldsteinColor(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  const neutral = [150, 150, 150];
  const end = t < 0 ? [200, 48, 40] : [30, 150, 90];
  const k = Math.abs(t);
  const c = neutral.map((n, i) => Math.round(n + (end[i] - n) * k));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}
