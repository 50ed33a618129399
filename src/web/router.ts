/**
 * Client-side routing with real paths (`/events?source=CHN`, `/dyad?a=CHN&b=IRN`,
 * `/network?from=…`, `/article/<id>?event=…`): every view reads its state from the URL and writes
 * it back, so any view can be shared as a link; the server answers every such path with the app.
 */
export type Cleanup = () => void;
export type ViewFn = (root: HTMLElement, url: URL) => Promise<Cleanup | void> | Cleanup | void;

interface Route {
  name: string;
  match: RegExp;
  load: () => Promise<{ render: ViewFn }>;
}

const listeners = new Set<() => void>();

/** Go to a URL inside the app (pushes history unless `replace`). */
export function navigate(href: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(href, location.origin);
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const l of listeners) l();
}

/** Rewrite the current URL's query without re-rendering (the view already shows that state). */
export function setQuery(params: Record<string, string | number | null | undefined>, opts: { push?: boolean } = {}): void {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') url.searchParams.delete(k);
    else url.searchParams.set(k, String(v));
  }
  if (url.href === location.href) return;
  if (opts.push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** Start routing: render the view of the current URL now and after every navigation. */
export function startRouter(root: HTMLElement, routes: Route[], onView: (name: string) => void): void {
  let cleanup: Cleanup | void;
  let seq = 0;
  const render = async () => {
    const n = ++seq;
    const url = new URL(location.href);
    const route = routes.find((r) => r.match.test(url.pathname)) ?? routes[0];
    if (cleanup) cleanup();
    cleanup = undefined;
    onView(route.name);
    root.replaceChildren();
    const mod = await route.load();
    if (n !== seq) return;
    cleanup = await mod.render(root, url);
  };
  listeners.add(() => void render());
  window.addEventListener('popstate', () => void render());
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[data-link]') as HTMLAnchorElement | null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (a.origin !== location.origin) return;
    e.preventDefault();
    navigate(a.href);
  });
  void render();
}

export type { Route };
