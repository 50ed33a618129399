/** A text input that suggests actors (`/api/actors?q=`) as you type; its value is a code or a person's name. */
import { getJson } from './api.js';
import type { Actors } from './api.js';
import { h } from './dom.js';

let counter = 0;

export function actorPicker(name: string, value: string, placeholder: string): HTMLInputElement {
  const listId = `actors-${name}-${++counter}`;
  const list = h('datalist', { id: listId });
  const input = h('input', { name, id: `f-${name}`, value, placeholder, list: listId, autocomplete: 'off', spellcheck: 'false', required: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ctl: AbortController | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      ctl?.abort();
      ctl = new AbortController();
      try {
        const r = await getJson<Actors>('/api/actors', { q, limit: 12 }, ctl.signal);
        list.replaceChildren(
          ...r.actors.map((a) =>
            h('option', { value: a.id }, `${a.name && a.name !== a.id ? `${a.name} · ` : ''}${a.events} event${a.events === 1 ? '' : 's'}`),
          ),
        );
      } catch {
        // Suggestions are a convenience; typing a code still works.
      }
    }, 200);
  });
  // The datalist must be in the document next to its input.
  queueMicrotask(() => input.after(list));
  return input;
}
