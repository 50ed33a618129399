/**
 * Dyad: two actors, a timeline of both directions — Goldstein mean per period (lines) and event
 * counts per quad class (stacked bars) — with a click on any point or bar (or a row of the table
 * under the chart) listing that period's events in that direction. State in the URL:
 * `/dyad?a=CHN&b=IRN&interval=week&from=&to=&period=2022-07-25&dir=ab`.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { getJson } from '../api.js';
import type { DyadSeries, Params } from '../api.js';
import { actorPicker } from '../actor-picker.js';
import { empty, errorBox, field, goldstein, h, isAbort, loading, QUAD_COLORS, QUAD_LABELS } from '../dom.js';
import { eventPanel } from '../event-list.js';
import { navigate, setQuery } from '../router.js';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

declare global {
  interface Window {
    /** The live chart, for the end-to-end tests. */
    parleyDyadChart?: echarts.ECharts;
  }
}

type Dir = 'ab' | 'ba';

export function render(root: HTMLElement, url: URL): () => void {
  const p = url.searchParams;
  const a = p.get('a') ?? '';
  const b = p.get('b') ?? '';
  const interval = (['day', 'week', 'month'] as const).find((x) => x === p.get('interval')) ?? 'week';
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';

  const intervalSel = h('select', { name: 'interval', id: 'f-interval' });
  for (const x of ['day', 'week', 'month']) intervalSel.append(h('option', { value: x, selected: x === interval }, x));
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Choose a dyad' },
    field('Actor A', actorPicker('a', a, 'CHN')),
    field('Actor B', actorPicker('b', b, 'IRN')),
    field('Interval', intervalSel),
    field('From', h('input', { name: 'from', id: 'f-from', type: 'date', value: from })),
    field('To', h('input', { name: 'to', id: 'f-to', type: 'date', value: to })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const q = new URLSearchParams();
    for (const k of ['a', 'b', 'interval', 'from', 'to']) {
      const v = String(fd.get(k) ?? '').trim();
      if (v) q.set(k, v);
    }
    navigate(`/dyad?${q}`);
  });

  const chartEl = h('div', { class: 'chart', role: 'img', 'aria-label': 'Dyad timeline' });
  const quadLegend = h(
    'div',
    { class: 'legend', 'aria-label': 'Bar colours' },
    ...[1, 2, 3, 4].flatMap((q) => [h('span', { class: 'swatch', style: `background:${QUAD_COLORS[q]}` }), h('span', {}, QUAD_LABELS[q])]),
    h('span', {}, '· bars: A → B solid, B → A light; lines: mean Goldstein'),
  );
  const status = h('div', { class: 'chart-status', 'aria-live': 'polite' });
  const tableWrap = h('details', { class: 'series-table' });
  const panel = eventPanel('Events');
  root.append(h('h1', {}, 'Dyad'), form, status, chartEl, quadLegend, tableWrap, panel.el);

  if (!a || !b) {
    status.append(empty('Pick two actors (codes such as CHN and IRN, or people) to see how their relations move.'));
    chartEl.hidden = true;
    quadLegend.hidden = true;
    return () => undefined;
  }

  const ctl = new AbortController();
  let chart: echarts.ECharts | undefined;
  const onResize = () => chart?.resize();
  window.addEventListener('resize', onResize);

  const showEvents = (series: DyadSeries, index: number, dir: Dir, push: boolean) => {
    const pt = series.points[index];
    if (!pt) return;
    const [src, tgt] = dir === 'ab' ? [series.a, series.b] : [series.b, series.a];
    const params: Params = { source: src, target: tgt, from: pt.period, to: pt.end, sort: 'date', order: 'asc' };
    panel.load(`${src} → ${tgt}, ${pt.period}${pt.end !== pt.period ? ` to ${pt.end}` : ''}`, params);
    setQuery({ period: pt.period, dir }, { push });
    for (const tr of tableWrap.querySelectorAll('tr[data-period]')) tr.classList.toggle('selected', (tr as HTMLElement).dataset.period === pt.period);
  };

  status.replaceChildren(loading('the dyad series'));
  getJson<DyadSeries>('/api/dyads', { a, b, interval, from, to }, ctl.signal)
    .then((s) => {
      status.replaceChildren();
      if (s.points.length === 0) {
        chartEl.hidden = true;
        status.append(empty(`No dated events between ${s.a} and ${s.b}${from || to ? ' in this period' : ''}.`));
        return;
      }
      const periods = s.points.map((x) => x.period);
      const ab = `${s.a} → ${s.b}`;
      const ba = `${s.b} → ${s.a}`;
      const bars = (['ab', 'ba'] as Dir[]).flatMap((dir) =>
        [1, 2, 3, 4].map((q) => ({
          name: `${dir === 'ab' ? ab : ba}: ${QUAD_LABELS[q]}`,
          type: 'bar' as const,
          stack: dir,
          xAxisIndex: 1,
          yAxisIndex: 1,
          itemStyle: { color: QUAD_COLORS[q], opacity: dir === 'ab' ? 1 : 0.55 },
          data: s.points.map((x) => x[dir].quad[q - 1]),
        })),
      );
      chart = echarts.init(chartEl, undefined, { renderer: 'canvas' });
      window.parleyDyadChart = chart;
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', top: 0, data: [ab, ba] },
        grid: [
          { left: 48, right: 16, top: 36, height: '38%' },
          { left: 48, right: 16, top: '58%', bottom: 56 },
        ],
        xAxis: [
          { type: 'category', data: periods, gridIndex: 0, axisLabel: { show: false } },
          { type: 'category', data: periods, gridIndex: 1 },
        ],
        yAxis: [
          { type: 'value', gridIndex: 0, name: 'Goldstein (mean)', min: -10, max: 10 },
          { type: 'value', gridIndex: 1, name: 'events', minInterval: 1 },
        ],
        dataZoom: [{ type: 'slider', xAxisIndex: [0, 1], bottom: 8, height: 18 }, { type: 'inside', xAxisIndex: [0, 1] }],
        series: [
          { name: ab, type: 'line', connectNulls: false, symbolSize: 8, data: s.points.map((x) => x.ab.goldsteinMean), itemStyle: { color: '#2563eb' } },
          { name: ba, type: 'line', connectNulls: false, symbolSize: 8, data: s.points.map((x) => x.ba.goldsteinMean), itemStyle: { color: '#9333ea' } },
          ...bars,
        ],
      });
      chart.on('click', (e) => {
        const name = String(e.seriesName ?? '');
        const dir: Dir = name.startsWith(ab) ? 'ab' : 'ba';
        showEvents(s, e.dataIndex, dir, true);
      });

      // The same numbers as a table: readable without the chart, and each cell opens its events.
      const rows = s.points.map((x, i) =>
        h(
          'tr',
          { 'data-period': x.period },
          h('th', { scope: 'row' }, x.period),
          ...(['ab', 'ba'] as Dir[]).flatMap((dir) => [
            h(
              'td',
              { class: 'num' },
              x[dir].count > 0 ? h('button', { type: 'button', class: 'linkish', 'data-dir': dir, onclick: () => showEvents(s, i, dir, true) }, String(x[dir].count)) : '0',
            ),
            h('td', { class: 'num' }, x[dir].goldsteinMean === null ? '–' : goldstein(x[dir].goldsteinMean)),
            h('td', { class: 'num quads' }, x[dir].quad.join(' / ')),
          ]),
        ),
      );
      tableWrap.replaceChildren(
        h('summary', {}, `Table (${s.points.length} ${interval}s)`),
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'series' },
            h(
              'thead',
              {},
              h('tr', {}, h('th', {}, 'period'), h('th', { colspan: 3 }, ab), h('th', { colspan: 3 }, ba)),
              h('tr', {}, h('th', {}), ...[0, 1].flatMap(() => [h('th', {}, 'events'), h('th', {}, 'Goldstein'), h('th', {}, 'quad 1/2/3/4')])),
            ),
            h('tbody', {}, ...rows),
          ),
        ),
      );
      const period = p.get('period');
      const dir = p.get('dir') === 'ba' ? 'ba' : 'ab';
      const i = period ? periods.indexOf(period) : -1;
      if (i >= 0) showEvents(s, i, dir, false);
    })
    .catch((err) => {
      if (!isAbort(err)) {
        chartEl.hidden = true;
        status.replaceChildren(errorBox(err));
      }
    });

  return () => {
    ctl.abort();
    window.removeEventListener('resize', onResize);
    chart?.dispose();
    if (window.parleyDyadChart === chart) window.parleyDyadChart = undefined;
  };
}
