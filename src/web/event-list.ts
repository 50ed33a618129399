/** Event rows shared by the views: an evidence excerpt with its trigger marked, and a compact list. */
import { getJson } from './api.js';
import type { EventPage, EventRec, Params } from './api.js';
import { empty, errorBox, goldstein, goldsteinColor, h, isAbort, loading, QUAD_LABELS } from './dom.js';

/** The first evidence sentence with the trigger in a <mark>. */
export function excerpt(e: EventRec): HTMLElement {
  const v = e.evidence[0];
  if (!v) return h('span', { class: 'excerpt' });
  const s = v.sentence;
  const a = Math.max(0, Math.min(s.length, v.trigger.start - v.start));
  const b = Math.max(a, Math.min(s.length, v.trigger.end - v.start));
  return h('span', { class: 'excerpt' }, s.slice(0, a), h('mark', { class: 'trigger' }, s.slice(a, b)), s.slice(b));
}

export function actorText(a: EventRec['source']): string {
  if (a.person) return `${a.person} (${a.code ?? '?'})`;
  return a.code ?? a.name ?? '?';
}

export function articleHref(e: EventRec): string {
  return `/article/${encodeURIComponent(e.docId)}?event=${encodeURIComponent(e.id)}`;
}

/** A compact list of events (date, dyad, code, Goldstein, excerpt), each linking to its article. */
export function eventItems(events: EventRec[]): HTMLElement {
  return h(
    'ol',
    { class: 'event-list' },
    ...events.map((e) =>
      h(
        'li',
        { 'data-event': e.id },
        h(
          'div',
          { class: 'meta' },
          h('span', { class: 'date' }, e.date ?? 'undated'),
          h('span', { class: 'dyad' }, `${actorText(e.source)} → ${actorText(e.target)}`),
          h('span', { class: 'code', title: e.cameo.label }, `${e.cameo.code} ${e.cameo.label}`),
          h('span', { class: 'gold', style: `color:${goldsteinColor(e.goldstein)}`, title: `quad ${e.quad}: ${QUAD_LABELS[e.quad]}` }, goldstein(e.goldstein)),
        ),
        h('a', { href: articleHref(e), 'data-link': true, class: 'evidence' }, excerpt(e)),
      ),
    ),
  );
}

/**
 * A panel that loads and lists the events of `params` (one page, with "more"), replacing its
 * content on every call. Returns the panel; `load` starts a query.
 */
export function eventPanel(title: string): { el: HTMLElement; load: (heading: string, params: Params) => void } {
  const heading = h('h3', {}, title);
  const body = h('div', { class: 'panel-body' });
  const el = h('section', { class: 'event-panel', 'aria-live': 'polite' }, heading, body);
  let ctl: AbortController | undefined;
  const load = (text: string, params: Params) => {
    ctl?.abort();
    ctl = new AbortController();
    const signal = ctl.signal;
    heading.textContent = text;
    body.replaceChildren(loading('events'));
    let list: HTMLElement | undefined;
    const page = async (cursor?: string) => {
      try {
        const p = await getJson<EventPage>('/api/events', { ...params, limit: 50, cursor }, signal);
        if (!list) {
          body.replaceChildren();
          if (p.events.length === 0) {
            body.append(empty('No events here.'));
            return;
          }
          list = eventItems(p.events);
          body.append(list);
        } else list.append(...eventItems(p.events).children);
        body.querySelector('button.more')?.remove();
        if (p.next) {
          const next = p.next;
          body.append(h('button', { type: 'button', class: 'more', onclick: () => void page(next) }, 'More events'));
        }
      } catch (err) {
        if (!isAbort(err)) body.replaceChildren(errorBox(err));
      }
    };
    void page();
  };
  return { el, load };
}
