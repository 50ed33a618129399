/**
 * Article: the document's text block by block — kept paragraphs with actor mentions and event
 * triggers highlighted, dropped boilerplate greyed with its reason — and its events beside it;
 * choosing an event highlights its evidence sentences and scrolls to them. State in the URL:
 * `/article/<id>?event=<event id>`.
 */
import { getJson } from '../api.js';
import type { DocumentView, EventRec } from '../api.js';
import { errorBox, goldstein, goldsteinColor, h, isAbort, loading, QUAD_LABELS } from '../dom.js';
import { actorText } from '../event-list.js';
import { setQuery } from '../router.js';

interface Mark {
  start: number;
  end: number;
  cls: string;
  title?: string;
  event?: string;
}

/** The text of [start, end) split at every mark boundary, each piece in the classes of the marks covering it. */
function renderSpan(text: string, start: number, end: number, marks: Mark[]): Node[] {
  const inside = marks.filter((m) => m.end > start && m.start < end);
  const cuts = new Set<number>([start, end]);
  for (const m of inside) {
    cuts.add(Math.max(start, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Node[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const piece = text.slice(s, e);
    const cover = inside.filter((m) => m.start <= s && m.end >= e);
    if (cover.length === 0) {
      out.push(document.createTextNode(piece));
      continue;
    }
    const span = h('span', { class: cover.map((m) => m.cls).join(' ') }, piece);
    const titles = cover.map((m) => m.title).filter(Boolean);
    if (titles.length) span.title = titles.join('\n');
    const events = cover.map((m) => m.event).filter(Boolean);
    if (events.length) span.dataset.events = events.join(' ');
    out.push(span);
  }
  return out;
}

export function render(root: HTMLElement, url: URL): () => void {
  const id = decodeURIComponent(url.pathname.replace(/^\/article\//, ''));
  const ctl = new AbortController();
  root.append(loading('the article'));
  getJson<DocumentView>(`/api/documents/${encodeURIComponent(id)}`, {}, ctl.signal)
    .then((d) => {
      root.replaceChildren();
      const marks: Mark[] = [];
      for (const m of d.mentions) {
        marks.push({
          start: m.start,
          end: m.end,
          cls: 'mention',
          title: `${m.text} → ${m.person ? `${m.person}, ` : ''}${m.country ?? m.actor}${m.sector ? ` ${m.sector}` : ''}${m.role ? ` (${m.role})` : ''} · ${m.resolvedBy}`,
        });
      }
      for (const e of d.events) {
        for (const v of e.evidence) {
          marks.push({ start: v.start, end: v.end, cls: 'evidence', event: e.id });
          marks.push({ start: v.trigger.start, end: v.trigger.end, cls: 'trigger', title: `${e.cameo.code} ${e.cameo.label}`, event: e.id });
        }
      }
      const blocks = d.blocks.map((b) =>
        b.dropped === null
          ? h(b.kind === 'h' ? 'h2' : 'p', { class: `block kept kind-${b.kind}`, 'data-block': b.id }, ...renderSpan(d.sourceText, b.start, b.end, marks))
          : h(
              'p',
              { class: 'block dropped', 'data-block': b.id, 'data-reason': b.dropped },
              h('span', { class: 'reason' }, `dropped: ${b.dropped}`),
              ' ',
              d.sourceText.slice(b.start, b.end),
            ),
      );
      const text = h('article', { class: 'doc-text', 'aria-label': 'Article text' }, ...blocks);

      const select = (eventId: string | null, scroll: boolean) => {
        for (const el of text.querySelectorAll('.selected')) el.classList.remove('selected');
        for (const li of side.querySelectorAll('li[data-event]')) li.classList.toggle('active', (li as HTMLElement).dataset.event === eventId);
        if (!eventId) return;
        const hits = [...text.querySelectorAll<HTMLElement>('[data-events]')].filter((el) => el.dataset.events!.split(' ').includes(eventId));
        for (const el of hits) el.classList.add('selected');
        if (scroll && hits[0]) hits[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
      };
      const eventItem = (e: EventRec) =>
        h(
          'li',
          { 'data-event': e.id },
          h(
            'button',
            {
              type: 'button',
              class: 'event-card',
              onclick: () => {
                setQuery({ event: e.id }, { push: true });
                select(e.id, true);
              },
            },
            h('span', { class: 'date' }, e.date ?? 'undated', h('small', {}, ` ${e.dateBasis}`)),
            h('span', { class: 'dyad' }, `${actorText(e.source)} → ${actorText(e.target)}`),
            h('span', { class: 'code' }, `${e.cameo.code} ${e.cameo.label}`),
            h(
              'span',
              { class: 'gold' },
              h('b', { style: `color:${goldsteinColor(e.goldstein)}` }, goldstein(e.goldstein)),
              ` · quad ${e.quad} ${QUAD_LABELS[e.quad]}`,
              e.plover.event ? ` · PLOVER ${e.plover.event}${e.plover.mode ? `/${e.plover.mode}` : ''}` : '',
              ` · confidence ${e.confidence.toFixed(2)}`,
            ),
          ),
        );
      const side = h(
        'aside',
        { class: 'doc-events', 'aria-label': 'Events of this article' },
        h('h2', {}, `${d.events.length} event${d.events.length === 1 ? '' : 's'}`),
        d.events.length === 0 ? h('p', { class: 'state empty' }, 'No events were coded in this article.') : h('ol', {}, ...d.events.map(eventItem)),
        h(
          'div',
          { class: 'legend article-legend' },
          h('span', { class: 'mention' }, 'actor mention'),
          ' ',
          h('span', { class: 'trigger' }, 'event trigger'),
          ' ',
          h('span', { class: 'dropped-sample' }, 'dropped boilerplate'),
        ),
      );
      const dropped = d.blocks.filter((b) => b.dropped !== null).length;
      root.append(
        h(
          'header',
          { class: 'doc-head' },
          h('h1', {}, d.title ?? d.id),
          h(
            'p',
            { class: 'doc-meta' },
            [d.source, d.published].filter(Boolean).join(' · '),
            d.url && /^https?:\/\//i.test(d.url) ? ' · ' : null,
            d.url && /^https?:\/\//i.test(d.url) ? h('a', { href: d.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original') : null,
            ` · ${d.mentions.length} mentions · ${dropped} dropped block${dropped === 1 ? '' : 's'}`,
          ),
        ),
        h('div', { class: 'doc' }, text, side),
      );
      select(url.searchParams.get('event'), true);
    })
    .catch((err) => {
      if (!isAbort(err)) root.replaceChildren(errorBox(err));
    });
  return () => ctl.abort();
}
