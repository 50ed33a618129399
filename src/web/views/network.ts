/**
 * Network: actors as nodes (size by events), interactions as directed edges (width by events,
 * colour from conflict, red, to cooperation, green, by mean Goldstein), filtered by date range,
 * root and a least number of events. A click on an edge lists its events; on a node, opens the
 * events table for that actor. State in the URL: `/network?from=&to=&root=&min=&edge=CHN>IRN`.
 */
import cytoscape from 'cytoscape';
import { getJson } from '../api.js';
import type { NetworkView } from '../api.js';
import { empty, errorBox, field, goldstein, goldsteinColor, h, isAbort, loading, rootSelect } from '../dom.js';
import { eventPanel } from '../event-list.js';
import { navigate, setQuery } from '../router.js';

declare global {
  interface Window {
    /** The live graph, for the end-to-end tests. */
    parleyNetwork?: cytoscape.Core;
  }
}

export function render(root: HTMLElement, url: URL): () => void {
  const p = url.searchParams;
  const get = (k: string) => p.get(k) ?? '';
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter the network' },
    field('From', h('input', { name: 'from', id: 'f-from', type: 'date', value: get('from') })),
    field('To', h('input', { name: 'to', id: 'f-to', type: 'date', value: get('to') })),
    field('Root', rootSelect('root', p.get('root'), 'all roots')),
    field('Least events per edge', h('input', { name: 'min', id: 'f-min', type: 'number', min: 1, step: 1, value: get('min') || '1' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Apply')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const q = new URLSearchParams();
    for (const k of ['from', 'to', 'root', 'min']) {
      const v = String(fd.get(k) ?? '').trim();
      if (v && !(k === 'min' && v === '1')) q.set(k, v);
    }
    navigate(`/network${q.size ? `?${q}` : ''}`);
  });
  const legend = h(
    'div',
    { class: 'legend', 'aria-label': 'Edge colours' },
    h('span', {}, 'conflict −10'),
    h('span', { class: 'gradient', 'aria-hidden': 'true' }),
    h('span', {}, '+10 cooperation'),
  );
  const graphEl = h('div', { class: 'graph', role: 'img', 'aria-label': 'Actor network' });
  const status = h('div', { class: 'chart-status', 'aria-live': 'polite' });
  const panel = eventPanel('Events');
  root.append(h('h1', {}, 'Network'), form, legend, status, graphEl, panel.el);

  const ctl = new AbortController();
  let cy: cytoscape.Core | undefined;
  const range = { from: get('from') || undefined, to: get('to') || undefined, root: get('root') || undefined };

  const showEdge = (source: string, target: string, events: number, mean: number, push: boolean) => {
    panel.load(`${source} → ${target}: ${events} event${events === 1 ? '' : 's'}, mean Goldstein ${goldstein(mean)}`, {
      source,
      target,
      ...range,
    });
    setQuery({ edge: `${source}>${target}` }, { push });
    cy?.edges().removeClass('selected');
    cy?.getElementById(`${source}>${target}`).addClass('selected');
  };

  status.replaceChildren(loading('the network'));
  getJson<NetworkView>('/api/network', { ...range, min: get('min') || undefined }, ctl.signal)
    .then((net) => {
      status.replaceChildren();
      if (net.edges.length === 0) {
        graphEl.hidden = true;
        status.append(empty('No interactions match these filters.'));
        return;
      }
      if (net.truncated > 0) status.append(h('small', {}, `Showing the ${net.edges.length} busiest edges (${net.truncated} more; raise the least events per edge).`));
      const maxNode = Math.max(...net.nodes.map((n) => n.events));
      const maxEdge = Math.max(...net.edges.map((e) => e.events));
      cy = cytoscape({
        container: graphEl,
        elements: [
          ...net.nodes.map((n) => ({
            data: { id: n.id, label: n.id, name: n.name ?? n.id, events: n.events, size: 18 + 42 * Math.sqrt(n.events / maxNode) },
          })),
          ...net.edges.map((e) => ({
            data: {
              id: `${e.source}>${e.target}`,
              source: e.source,
              target: e.target,
              events: e.events,
              mean: e.goldsteinMean,
              color: goldsteinColor(e.goldsteinMean),
              width: 1.5 + 7 * Math.sqrt(e.events / maxEdge),
            },
          })),
        ],
        style: [
          {
            selector: 'node',
            style: {
              label: 'data(label)',
              width: 'data(size)',
              height: 'data(size)',
              'background-color': '#475569',
              color: '#0f172a',
              'font-size': 11,
              'text-valign': 'center',
              'text-halign': 'center',
              'text-outline-color': '#fff',
              'text-outline-width': 2,
            },
          },
          {
            selector: 'edge',
            style: {
              width: 'data(width)',
              'line-color': 'data(color)',
              'target-arrow-color': 'data(color)',
              'target-arrow-shape': 'triangle',
              'curve-style': 'bezier',
              opacity: 0.85,
            },
          },
          { selector: 'edge.selected', style: { opacity: 1, 'underlay-color': '#fde047', 'underlay-opacity': 0.8, 'underlay-padding': 3 } },
        ],
        layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 },
        wheelSensitivity: 0.3,
      });
      window.parleyNetwork = cy;
      cy.on('tap', 'edge', (e) => {
        const d = e.target.data() as { source: string; target: string; events: number; mean: number };
        showEdge(d.source, d.target, d.events, d.mean, true);
      });
      cy.on('tap', 'node', (e) => navigate(`/events?source=${encodeURIComponent(e.target.id())}`));
      const edge = p.get('edge');
      if (edge) {
        const found = net.edges.find((e) => `${e.source}>${e.target}` === edge);
        if (found) showEdge(found.source, found.target, found.events, found.goldsteinMean, false);
      }
      // A list of the edges for keyboards and screen readers (the graph is a canvas).
      const list = h(
        'details',
        { class: 'edge-list' },
        h('summary', {}, `Edges (${net.edges.length})`),
        h(
          'ul',
          {},
          ...net.edges.map((e) =>
            h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: 'linkish', 'data-edge': `${e.source}>${e.target}`, onclick: () => showEdge(e.source, e.target, e.events, e.goldsteinMean, true) },
                `${e.source} → ${e.target}`,
              ),
              ` ${e.events} events, mean ${goldstein(e.goldsteinMean)}`,
            ),
          ),
        ),
      );
      graphEl.after(list);
    })
    .catch((err) => {
      if (!isAbort(err)) {
        graphEl.hidden = true;
        status.replaceChildren(errorBox(err));
      }
    });

  return () => {
    ctl.abort();
    cy?.destroy();
    if (window.parleyNetwork === cy) window.parleyNetwork = undefined;
  };
}
