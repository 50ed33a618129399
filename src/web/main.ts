/** The dashboard entry: routes, the store counts in the header. */
import './style.css';
import { getJson } from './api.js';
import type { Stats } from './api.js';
import { startRouter } from './router.js';

const root = document.getElementById('view') as HTMLElement;

startRouter(
  root,
  [
    { name: 'events', match: /^\/(events\/?)?$/, load: () => import('./views/events.js') },
    { name: 'dyad', match: /^\/dyad\/?$/, load: () => import('./views/dyad.js') },
    { name: 'network', match: /^\/network\/?$/, load: () => import('./views/network.js') },
    { name: 'article', match: /^\/article\/.+/, load: () => import('./views/article.js') },
  ],
  (name) => {
    for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-nav]')) {
      if (a.dataset.nav === name) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    document.title = `parley — ${name}`;
  },
);

getJson<Stats>('/api/stats')
  .then((s) => {
    const el = document.getElementById('stats');
    if (el) el.textContent = `${s.documents.toLocaleString('en')} documents · ${s.events.toLocaleString('en')} events`;
  })
  .catch(() => undefined);
