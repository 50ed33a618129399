/**
 * Build step: CAMEO sectors (agent codes from the CAMEO manual, extra codes from the overlay),
 * the nouns that signal them (PETRARCH agents dictionary + overlay), and role nouns for offices.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RoleNoun, Sector } from './kb-types.js';
import type { RoleNounRow, SectorNounRow, SectorRow } from './kb-overlay.js';
import { cmp, readCsv } from './kb-build-io.js';
import { normName } from './kb-normalize.js';

/** Regular English plural of the last word of a noun phrase. */
export function pluralOf(phrase: string): string {
  const m = /^(.*?)(\S+)$/.exec(phrase);
  if (!m) return phrase;
  const [, head, w] = m;
  let p: string;
  if (/(s|x|z|ch|sh)$/i.test(w)) p = w + 'es';
  else if (/[^aeiou]y$/i.test(w)) p = w.slice(0, -1) + 'ies';
  else if (/man$/i.test(w)) p = w.slice(0, -3) + 'men';
  else p = w + 's';
  return head + p;
}

/** Parse the PETRARCH agents file: noun phrase → agent code (e.g. "state media" → GOVMED). */
export function parseAgents(text: string): { noun: string; code: string }[] {
  const subst = new Map<string, string[]>();
  const out: { noun: string; code: string }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const sm = /^!(\w+)!\s*=\s*(.+)$/.exec(line.trim());
    if (sm) {
      subst.set(sm[1], sm[2].split(',').map((s) => s.trim()).filter(Boolean));
      continue;
    }
    const body = line.split('#')[0];
    const cm = /\[~([A-Z]+)\]/.exec(body);
    if (!cm) continue;
    const code = cm[1];
    const before = body.slice(0, cm.index);
    const brace = /\{([^}]*)\}/.exec(before);
    let phrase = (brace ? before.slice(0, brace.index) : before).trim();
    if (!phrase || /[,.]/.test(phrase.replace(/_/g, ' ').replace(/\bLT\.$/, ''))) continue;
    const plurals: string[] = [];
    let autoPlural = true;
    if (brace) {
      autoPlural = false;
      for (const p of brace[1].split(/\s+/)) if (p.trim()) plurals.push(p.trim());
    }
    const expand = (s: string): string[] => {
      const m = /!(\w+)!/.exec(s);
      if (!m) return [s];
      const alts = subst.get(m[1]) ?? [];
      return alts.flatMap((a) => expand(s.slice(0, m.index) + a + s.slice(m.index + m[0].length)));
    };
    phrase = phrase.replace(/\s+/g, '');
    const forms = expand(phrase).map((f) => f.replace(/_+$/, '').replace(/_/g, ' ').trim().toLowerCase());
    for (const f of forms) {
      if (!f || f.length < 3) continue;
      out.push({ noun: f, code });
      if (autoPlural && !phrase.includes('!')) out.push({ noun: pluralOf(f), code });
    }
    for (const p of plurals) out.push({ noun: p.replace(/_+$/, '').replace(/_/g, ' ').trim().toLowerCase(), code });
  }
  return out;
}

/** Build sectors with their nouns and the role-noun table. */
export function buildLexicon(
  shared: string,
  overlay: { sectors: SectorRow[]; sectorNouns: SectorNounRow[]; roleNouns: RoleNounRow[] },
): { sectors: Sector[]; roleNouns: RoleNoun[] } {
  const kb = join(shared, 'kb-data');
  const labels = new Map<string, string>();
  for (const { values: v } of readCsv(join(kb, 'cameo', 'cameo_actor_codes_from_manual.tsv'), { delimiter: '\t' })) {
    if (/^ch3:(Primary|Secondary|Tertiary) Role|^ch3:Generic/.test(v.source_table ?? '') && /^[A-Z]{3}$/.test(v.code ?? '')) {
      labels.set(v.code, v.label);
    }
  }
  for (const r of overlay.sectors) labels.set(r.code, r.label);

  const nouns = new Map<string, Map<string, string>>();
  const add = (noun: string, code: string) => {
    const sector = code.slice(0, 3);
    if (!labels.has(sector)) return;
    const m = nouns.get(sector) ?? new Map<string, string>();
    const k = normName(noun);
    if (!m.has(k)) m.set(k, noun);
    nouns.set(sector, m);
  };
  // overlay first: its nouns win when the agents file codes the same noun differently
  const taken = new Set<string>();
  for (const r of overlay.sectorNouns) {
    add(r.noun, r.sector);
    taken.add(normName(r.noun));
  }
  const agents = parseAgents(readFileSync(join(kb, 'phoenix-petrarch2', 'Phoenix.agents.txt'), 'utf8'));
  for (const a of agents) if (!taken.has(normName(a.noun))) add(a.noun, a.code);

  const sectors: Sector[] = [...labels.entries()]
    .map(([code, label]) => ({ code, label, nouns: [...(nouns.get(code)?.values() ?? [])].sort(cmp) }))
    .sort((a, b) => cmp(a.code, b.code));

  const byNoun = new Map<string, RoleNoun>();
  for (const r of overlay.roleNouns) {
    const k = normName(r.noun);
    const rn = byNoun.get(k) ?? { noun: r.noun, role: null, sector: r.sector, countries: {} };
    if (r.country) rn.countries[r.country] = r.role!;
    else {
      rn.role = r.role;
      rn.sector = r.sector;
    }
    byNoun.set(k, rn);
  }
  const roleNouns = [...byNoun.values()].sort((a, b) => cmp(normName(a.noun), normName(b.noun)));
  for (const rn of roleNouns) rn.countries = Object.fromEntries(Object.entries(rn.countries).sort((a, b) => cmp(a[0], b[0])));
  return { sectors, roleNouns };
}
