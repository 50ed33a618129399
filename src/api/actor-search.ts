/**
 * Actor search for the dashboard's pickers: the knowledge base (countries, organisations, groups,
 * people, by code or name) and the actors seen in the stored events, each with its event count.
 * The knowledge-base side is a list built once and scanned per query (about 5,000 entries).
 */
import type { Kb } from '../actors/kb.js';
import { normName } from '../actors/kb-normalize.js';
import type { ActorRef } from '../store/event-query.js';
import type { StoreReads } from '../store/sqlite/read-pool.js';

export interface ActorResult {
  kind: 'code' | 'person';
  id: string;
  name: string | null;
  /** country, igo, group or person; null for an actor known only from the data. */
  type: string | null;
  /** The person's country (latest office), or the country of the code. */
  country: string | null;
  events: number;
}

interface Entry {
  ref: ActorRef;
  key: string;
  name: string;
  type: string;
  country: string | null;
  /** Folded names and codes to match. */
  terms: string[];
}

/** The country most of a person's offices belong to (the latest such office breaks ties). */
function homeCountry(roles: { country: string; from: string | null }[]): string | null {
  const n = new Map<string, { count: number; latest: string }>();
  for (const r of roles) {
    const x = n.get(r.country) ?? { count: 0, latest: '' };
    x.count++;
    if ((r.from ?? '') > x.latest) x.latest = r.from ?? '';
    n.set(r.country, x);
  }
  let best: string | null = null;
  let top = { count: 0, latest: '' };
  for (const [c, x] of n) {
    if (x.count > top.count || (x.count === top.count && x.latest > top.latest)) {
      best = c;
      top = x;
    }
  }
  return best;
}

/** Most knowledge-base candidates passed on to the store for counting. */
const KB_CANDIDATES = 40;

export class ActorSearch {
  readonly #kb: Kb | undefined;
  #entries: Entry[] | undefined;
  #byKey = new Map<string, Entry>();

  constructor(kb: Kb | undefined) {
    this.#kb = kb;
  }

  private entries(): Entry[] {
    if (this.#entries) return this.#entries;
    const out: Entry[] = [];
    const kb = this.#kb;
    if (kb) {
      for (const c of kb.allCountries()) {
        out.push({ ref: { code: c.code }, key: `code:${c.code}`, name: c.name, type: 'country', country: c.code, terms: [c.code, ...c.names, ...c.demonyms].map(normName) });
      }
      for (const o of kb.allOrgs()) {
        out.push({ ref: { code: o.code }, key: `code:${o.code}`, name: o.name, type: 'igo', country: null, terms: [o.code, ...o.acronyms, ...o.names].map(normName) });
      }
      for (const p of kb.allPeople()) {
        out.push({ ref: { person: p.name }, key: `person:${p.name}`, name: p.name, type: 'person', country: homeCountry(p.roles), terms: p.aliases.map(normName) });
      }
    }
    for (const e of out) if (!this.#byKey.has(e.key)) this.#byKey.set(e.key, e);
    this.#entries = out;
    return out;
  }

  /** The best knowledge-base matches of a query: exact code or name, then prefix, then word prefix, then substring. */
  kbMatches(q: string): Entry[] {
    const needle = normName(q);
    if (needle === '') return [];
    const scored: { e: Entry; score: number }[] = [];
    for (const e of this.entries()) {
      let best = 9;
      for (const t of e.terms) {
        const s = t === needle ? 0 : t.startsWith(needle) ? 1 : t.includes(` ${needle}`) ? 2 : needle.length >= 3 && t.includes(needle) ? 3 : 9;
        if (s < best) best = s;
        if (best === 0) break;
      }
      if (best < 9) scored.push({ e, score: best + (e.type === 'person' ? 0.5 : 0) });
    }
    scored.sort((a, b) => a.score - b.score || a.e.name.localeCompare(b.e.name));
    const seen = new Set<string>();
    return scored.map((s) => s.e).filter((e) => (seen.has(e.key) ? false : (seen.add(e.key), true)));
  }

  /** Actors matching `q` in the knowledge base and in the data, busiest first. */
  async search(store: Pick<StoreReads, 'searchActors'>, q: string, limit: number): Promise<ActorResult[]> {
    const kbHits = this.kbMatches(q).slice(0, KB_CANDIDATES);
    const hits = await store.searchActors(q, { include: kbHits.map((e) => e.ref), limit: KB_CANDIDATES + limit });
    const rank = new Map(kbHits.map((e, i) => [e.key, i]));
    const results = hits.map((h): ActorResult & { rank: number } => {
      const key = `${h.kind}:${h.id}`;
      const e = this.#byKey.get(key);
      return {
        kind: h.kind,
        id: h.id,
        name: e?.name ?? (h.kind === 'person' ? h.id : null),
        type: e?.type ?? null,
        country: e?.country ?? null,
        events: h.events,
        rank: rank.get(key) ?? KB_CANDIDATES,
      };
    });
    // Actors with events first (busiest first), then knowledge-base matches by how well they match.
    results.sort((a, b) => Number(b.events > 0) - Number(a.events > 0) || (a.events > 0 ? b.events - a.events : a.rank - b.rank) || a.id.localeCompare(b.id));
    return results.slice(0, limit).map(({ rank: _rank, ...r }) => r);
  }

  /** A code's or person's display name, when the knowledge base knows it. */
  nameOf(ref: ActorRef): string | null {
    this.entries();
    return this.#byKey.get('code' in ref ? `code:${ref.code}` : `person:${ref.person}`)?.name ?? null;
  }
}
