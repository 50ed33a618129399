/**
 * Events: a filter form, a sortable table (date, source → target, code, label, Goldstein, quad,
 * evidence with its trigger marked), cursor paging ("More events"), and export links (CSV, GDELT
 * TSV, PLOVER JSON Lines) for the same filter. The filter and sort live in the URL.
 */
import { apiUrl, getJson } from '../api.js';
import type { EventPage, EventRec, Params } from '../api.js';
import { empty, errorBox, field, goldstein, goldsteinColor, h, isAbort, loading, QUAD_LABELS, rootSelect } from '../dom.js';
import { actorText, articleHref, excerpt } from '../event-list.js';
import { navigate } from '../router.js';

const FILTERS = ['source', 'target', 'dyad', 'root', 'code', 'quad', 'from', 'to', 'q'] as const;
const SORTS = [
  ['date', 'Date'],
  ['goldstein', 'Goldstein'],
  ['code', 'Code'],
] as const;

function row(e: EventRec): HTMLTableRowElement {
  const href = articleHref(e);
  return h(
    'tr',
    { 'data-event': e.id },
    h('td', { class: 'date', 'data-label': 'Date' }, e.date ?? 'undated'),
    h('td', { class: 'dyad', 'data-label': 'Source → target' }, `${actorText(e.source)} → ${actorText(e.target)}`),
    h('td', { class: 'code', 'data-label': 'Code' }, e.cameo.code),
    h('td', { class: 'label', 'data-label': 'Label' }, e.cameo.label),
    h('td', { class: 'num gold', 'data-label': 'Goldstein', style: `color:${goldsteinColor(e.goldstein)}` }, goldstein(e.goldstein)),
    h('td', { class: 'quad', 'data-label': 'Quad', title: QUAD_LABELS[e.quad] }, h('span', { class: `quad-dot q${e.quad}`, 'aria-hidden': 'true' }), ` ${e.quad} ${QUAD_LABELS[e.quad]}`),
    h('td', { class: 'evidence', 'data-label': 'Evidence' }, h('a', { href, 'data-link': true }, excerpt(e))),
  );
}

export function render(root: HTMLElement, url: URL): () => void {
  const p = url.searchParams;
  const get = (k: string) => p.get(k) ?? '';
  const sort = (['date', 'goldstein', 'code'] as const).find((s) => s === p.get('sort')) ?? 'date';
  const order = p.get('order') === 'asc' ? 'asc' : 'desc';
  const filters: Params = Object.fromEntries(FILTERS.map((k) => [k, p.get(k) ?? undefined]));

  const input = (name: string, placeholder: string, type = 'text') =>
    h('input', { name, id: `f-${name}`, type, value: get(name), placeholder, autocomplete: 'off', spellcheck: 'false' });
  const quad = h('select', { name: 'quad', id: 'f-quad' }, h('option', { value: '' }, 'any quad class'));
  for (let q = 1; q <= 4; q++) quad.append(h('option', { value: String(q), selected: get('quad') === String(q) }, `${q} ${QUAD_LABELS[q]}`));

  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter events' },
    field('Source', input('source', 'CHN, USA, Xi Jinping')),
    field('Target', input('target', 'IRN')),
    field('Dyad (either way)', input('dyad', 'CHN,IRN')),
    field('Root', rootSelect('root', p.get('root'))),
    field('Code', input('code', '041')),
    field('Quad', quad),
    field('From', input('from', '', 'date')),
    field('To', input('to', '', 'date')),
    field('Text', input('q', 'words in the articles', 'search')),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
      h('a', { href: '/events', 'data-link': true, class: 'button' }, 'Reset'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const next = new URLSearchParams();
    for (const k of FILTERS) {
      const v = String(fd.get(k) ?? '').trim();
      if (v) next.set(k, v);
    }
    if (sort !== 'date') next.set('sort', sort);
    if (order !== 'desc') next.set('order', order);
    const qs = next.toString();
    navigate(`/events${qs ? `?${qs}` : ''}`);
  });

  const exportParams = { ...filters, sort: sort === 'date' ? undefined : sort, order: order === 'desc' ? undefined : order };
  const exports = h(
    'div',
    { class: 'exports', role: 'group', 'aria-label': 'Export these events' },
    h('span', {}, 'Export:'),
    h('a', { class: 'button', href: apiUrl('/api/events', { ...exportParams, format: 'csv' }), download: 'parley-events.csv' }, 'CSV'),
    h('a', { class: 'button', href: apiUrl('/api/events', { ...exportParams, format: 'gdelt' }), download: 'parley-events.tsv' }, 'GDELT TSV'),
    h('a', { class: 'button', href: apiUrl('/api/events', { ...exportParams, format: 'plover' }), download: 'parley-events.plover.jsonl' }, 'PLOVER JSON'),
  );

  const sortHeader = (key: (typeof SORTS)[number][0], label: string) => {
    const active = sort === key;
    const nextOrder = active && order === 'desc' ? 'asc' : 'desc';
    const q = new URLSearchParams(p);
    q.set('sort', key);
    q.set('order', nextOrder);
    return h(
      'th',
      { scope: 'col', 'aria-sort': active ? (order === 'asc' ? 'ascending' : 'descending') : 'none' },
      h('a', { href: `/events?${q}`, 'data-link': true, class: 'sort', 'data-sort': key }, label, active ? (order === 'asc' ? ' ▲' : ' ▼') : ''),
    );
  };
  // On a narrow window the table becomes cards without a header row; these links sort instead.
  const sortBar = h(
    'div',
    { class: 'sort-bar', 'aria-label': 'Sort events' },
    h('span', {}, 'Sort:'),
    ...SORTS.map(([key, label]) => {
      const q = new URLSearchParams(p);
      const nextOrder = sort === key && order === 'desc' ? 'asc' : 'desc';
      q.set('sort', key);
      q.set('order', nextOrder);
      return h('a', { href: `/events?${q}`, 'data-link': true, class: sort === key ? 'button active' : 'button' }, label, sort === key ? (order === 'asc' ? ' ▲' : ' ▼') : '');
    }),
  );
  const tbody = h('tbody');
  const table = h(
    'table',
    { class: 'events' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        sortHeader('date', 'Date'),
        h('th', { scope: 'col' }, 'Source → target'),
        sortHeader('code', 'Code'),
        h('th', { scope: 'col' }, 'Label'),
        sortHeader('goldstein', 'Goldstein'),
        h('th', { scope: 'col' }, 'Quad'),
        h('th', { scope: 'col' }, 'Evidence'),
      ),
    ),
    tbody,
  );
  const status = h('div', { class: 'table-status', 'aria-live': 'polite' });
  const more = h('div', { class: 'more-row' });
  root.append(
    h('h1', {}, 'Events'),
    form,
    exports,
    sortBar,
    h('div', { class: 'table-wrap' }, table),
    status,
    more,
  );

  const ctl = new AbortController();
  let shown = 0;
  const load = async (cursor?: string) => {
    status.replaceChildren(loading('events'));
    more.replaceChildren();
    try {
      const page = await getJson<EventPage>('/api/events', { ...filters, sort, order, limit: 50, cursor }, ctl.signal);
      status.replaceChildren();
      for (const e of page.events) tbody.append(row(e));
      shown += page.events.length;
      if (shown === 0) status.replaceChildren(empty('No events match these filters.'));
      else status.append(h('small', {}, `${shown} event${shown === 1 ? '' : 's'} shown${page.next ? '' : ' (all)'}`));
      if (page.next) {
        const next = page.next;
        more.append(h('button', { type: 'button', class: 'more', onclick: () => void load(next) }, 'More events'));
      }
    } catch (err) {
      if (!isAbort(err)) status.replaceChildren(errorBox(err));
    }
  };
  void load();
  return () => ctl.abort();
}
