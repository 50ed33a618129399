/**
 * `checkKb`: staleness and consistency of a loaded knowledge base, for `parley kb check`.
 *
 * Staleness: the latest date each source covers; UN member states with no known head of state or
 * government on `today`; offices whose last known holder's term data ended long before `today`.
 * Consistency: overlapping holders of one single-holder office, roles that start after `today`,
 * codes used but not defined, and how many names are marked ambiguous (with examples).
 */
import type { Kb } from './kb.js';
import { roleValidOn } from './kb.js';
import { MULTI_HOLDER_ROLES } from './kb-overlay.js';
import type { Person, Role } from './kb-types.js';

export interface KbCheckOptions {
  /** The date to check against (YYYY-MM-DD). */
  today: string;
  /** An office whose last holder's data ended more than this many days before today is stale (default 365). */
  staleDays?: number;
}

export interface OfficeRef {
  country: string;
  role: string;
}

export interface KbCheckReport {
  today: string;
  sources: { id: string; name: string; coverageEnd: string | null; latest: string | null }[];
  /** UN member states with no holder of the office on `today`. */
  missingHolders: (OfficeRef & { lastHolder: string | null; lastTo: string | null })[];
  /** Offices whose latest known holder's data ends long before `today`. */
  staleOffices: (OfficeRef & { person: string; to: string; uncertain: boolean })[];
  overlaps: (OfficeRef & { a: string; b: string; from: string; to: string | null })[];
  futureRoles: (OfficeRef & { person: string; from: string })[];
  undefinedCodes: { code: string; where: string }[];
  ambiguous: { reason: string; count: number; examples: string[] }[];
  counts: Record<string, number>;
}

const KEY_ROLES = ['head of state', 'head of government'];

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86400000;
}

/** Check the KB on a date; never throws on bad data (it reports it). */
export function checkKb(kb: Kb, options: KbCheckOptions): KbCheckReport {
  const today = options.today;
  const staleDays = options.staleDays ?? 365;
  const byOffice = new Map<string, { person: Person; role: Role }[]>();
  const undefinedCodes: { code: string; where: string }[] = [];
  const futureRoles: KbCheckReport['futureRoles'] = [];
  const isCode = (c: string) => kb.country(c) !== undefined || kb.org(c) !== undefined || kb.group(c) !== undefined;
  for (const p of kb.allPeople()) {
    for (const r of p.roles) {
      const k = `${r.country}\u0000${r.role}`;
      const list = byOffice.get(k) ?? [];
      list.push({ person: p, role: r });
      byOffice.set(k, list);
      if (!isCode(r.country)) undefinedCodes.push({ code: r.country, where: `person ${p.id}` });
      if (r.from && r.from > today) futureRoles.push({ country: r.country, role: r.role, person: p.id, from: r.from });
      if (r.sector && !kb.sector(r.sector.slice(0, 3))) undefinedCodes.push({ code: r.sector, where: `sector of person ${p.id}` });
    }
  }
  for (const o of kb.allOrgs()) {
    if (o.parent && !isCode(o.parent)) undefinedCodes.push({ code: o.parent, where: `parent of ${o.code}` });
  }
  const ambiguous = new Map<string, { count: number; examples: string[] }>();
  for (const key of kb.nameKeys()) {
    for (const e of kb.entriesOfKey(key)) {
      if (e.country && !isCode(e.country)) undefinedCodes.push({ code: e.country, where: `name '${e.form}'` });
      for (const r of e.ambiguous ?? []) {
        const a = ambiguous.get(r) ?? { count: 0, examples: [] };
        a.count++;
        if (a.examples.length < 8 && !a.examples.includes(e.form)) a.examples.push(e.form);
        ambiguous.set(r, a);
      }
    }
  }

  const overlaps: KbCheckReport['overlaps'] = [];
  const staleOffices: KbCheckReport['staleOffices'] = [];
  for (const [k, list] of [...byOffice.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [country, role] = k.split('\u0000');
    list.sort((a, b) => (a.role.from ?? '').localeCompare(b.role.from ?? ''));
    if (!MULTI_HOLDER_ROLES.has(role)) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i];
          const b = list[j];
          if (a.person === b.person) continue;
          const from = (a.role.from ?? '') > (b.role.from ?? '') ? a.role.from : b.role.from;
          const aTo = a.role.to ?? '9999-12-31';
          const bTo = b.role.to ?? '9999-12-31';
          const to = aTo < bTo ? aTo : bTo;
          if ((from ?? '0000') < to && daysBetween(from ?? '1900-01-01', to === '9999-12-31' ? today : to) > 1) {
            overlaps.push({ country, role, a: a.person.id, b: b.person.id, from: from ?? '', to: to === '9999-12-31' ? null : to });
          }
        }
      }
    }
    const last = list.reduce((best, h) => ((h.role.to ?? '9999') > (best.role.to ?? '9999') ? h : best), list[0]);
    if (last.role.to && daysBetween(last.role.to, today) > staleDays && !list.some((h) => roleValidOn(h.role, today))) {
      if (KEY_ROLES.includes(role) || role === 'foreign minister' || role === 'defence minister') {
        const c = kb.country(country);
        if (c?.unMember) staleOffices.push({ country, role, person: last.person.id, to: last.role.to, uncertain: last.role.toUncertain === true });
      }
    }
  }

  const missingHolders: KbCheckReport['missingHolders'] = [];
  for (const c of kb.allCountries().sort((a, b) => (a.code < b.code ? -1 : 1))) {
    if (!c.unMember) continue;
    for (const role of KEY_ROLES) {
      if (kb.officeHolders(c.code, role, today).length > 0) continue;
      // presidential systems list one person for both offices; a holder of either is enough
      const other = role === 'head of state' ? 'head of government' : 'head of state';
      const list = byOffice.get(`${c.code}\u0000${role}`) ?? [];
      if (list.length === 0 && kb.officeHolders(c.code, other, today).length > 0) continue;
      const last = list.reduce<{ person: Person; role: Role } | undefined>((best, h) => (!best || (h.role.to ?? '9999') > (best.role.to ?? '9999') ? h : best), undefined);
      missingHolders.push({ country: c.code, role, lastHolder: last?.person.id ?? null, lastTo: last?.role.to ?? null });
    }
  }

  const dedup = new Map<string, { code: string; where: string }>();
  for (const u of undefinedCodes) if (!dedup.has(u.code)) dedup.set(u.code, u);
  const sources = kb.meta.sources.map((s) => ({ id: s.id, name: s.name, coverageEnd: s.coverageEnd, latest: kb.meta.latest[s.id] ?? null }));
  return {
    today,
    sources,
    missingHolders,
    staleOffices,
    overlaps,
    futureRoles,
    undefinedCodes: [...dedup.values()],
    ambiguous: [...ambiguous.entries()].map(([reason, v]) => ({ reason, ...v })).sort((a, b) => b.count - a.count),
    counts: kb.stats(),
  };
}

/** A plain-text report for the terminal. */
export function formatKbCheck(r: KbCheckReport): string {
  const out: string[] = [];
  out.push(`knowledge base check on ${r.today}`);
  out.push(`  ${Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out.push('', 'sources (coverage end / latest role date):');
  for (const s of r.sources) out.push(`  ${s.id.padEnd(12)} ${String(s.coverageEnd ?? '-').padEnd(10)} ${s.latest ?? '-'}  ${s.name}`);
  const section = (title: string, lines: string[]) => {
    out.push('', `${title}: ${lines.length}`);
    for (const l of lines.slice(0, 40)) out.push(`  ${l}`);
    if (lines.length > 40) out.push(`  … and ${lines.length - 40} more`);
  };
  section(
    'UN members without a known holder today',
    r.missingHolders.map((m) => `${m.country} ${m.role}${m.lastHolder ? ` (last known: ${m.lastHolder} until ${m.lastTo ?? '?'})` : ' (no holder known)'}`),
  );
  section('offices whose data ended long ago', r.staleOffices.map((s) => `${s.country} ${s.role}: ${s.person} until ${s.to}${s.uncertain ? ' (last seen)' : ''}`));
  section('overlapping holders', r.overlaps.map((o) => `${o.country} ${o.role}: ${o.a} and ${o.b} from ${o.from} to ${o.to ?? 'open'}`));
  section('roles starting in the future', r.futureRoles.map((f) => `${f.country} ${f.role}: ${f.person} from ${f.from}`));
  section('codes used but not defined', r.undefinedCodes.map((u) => `${u.code} (${u.where})`));
  out.push('', 'ambiguous names:');
  for (const a of r.ambiguous) out.push(`  ${a.reason.padEnd(16)} ${String(a.count).padStart(6)}  e.g. ${a.examples.join(', ')}`);
  return out.join('\n') + '\n';
}
