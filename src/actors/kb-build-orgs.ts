/**
 * Build step: international organisations and their bodies (overlay codes + SupraVerden names),
 * national institutions from the PETRARCH country dictionary (as bodies of their state), and
 * armed groups (overlay).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Country, Group, Org } from './kb-types.js';
import type { GroupRow, OrgRow } from './kb-overlay.js';
import { cmp, isLatin, readCsv, slug, titleCase, uniqNames } from './kb-build-io.js';
import { normName } from './kb-normalize.js';

/** SupraVerden organisation families whose members act for one organisation of the KB. */
const FAMILY_PARENT: Record<string, string> = {
  'EU institutions and bodies': 'EUR',
  'UN and affiliates': 'UNO',
  'African Union entities': 'AFU',
  'Arab League entities': 'ARL',
  'OAS institutions and bodies': 'OAS',
  'ECOWAS entities': 'ECOWAS',
  'Council of Europe entities': 'COE',
  'OSCE entities': 'OSCE',
  'Association of Southeast Asian Nations entities': 'ASEAN',
  'Organization of the Petroleum Exporting Countries': 'OPEC',
};

/** Words that make a dictionary entry look like an institution rather than a person. */
const INSTITUTION =
  /\b(council|assembly|ministry|department|guards?|army|forces?|police|service|agency|bureau|office|court|parliament|congress|senate|party|front|movement|commission|committee|bank|reserve|intelligence|media|television|radio|news|brigades?|corps|navy|military|government|cabinet|administration|authority|union|league|organi[sz]ation|institute|duma|sabha|majlis|knesset|diet|junta|tribunal|directorate|secretariat|chamber|legislature|presidency|palace)\b/i;

interface PhoenixEntry {
  name: string;
  synonyms: string[];
  codes: { code: string; start: string; end: string }[];
  comment: string;
}

function displayForm(raw: string): string {
  const s = raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^[A-Z0-9.&-]{1,5}$/.test(s)) return s;
  return titleCase(s);
}

/** Build organisations (igo + bodies), national bodies and groups. */
export function buildOrgs(
  shared: string,
  overlay: { orgs: OrgRow[]; groups: GroupRow[] },
  countries: Country[],
  sectorCodes: Set<string>,
): { orgs: Org[]; groups: Group[] } {
  const kb = join(shared, 'kb-data');
  const orgs = new Map<string, Org>();
  const byQid = new Map<string, Org>();
  const byName = new Map<string, Org>();
  for (const r of overlay.orgs) {
    const o: Org = {
      code: r.code,
      kind: r.kind,
      parent: r.parent,
      name: r.name,
      acronyms: uniqNames(r.acronyms),
      names: uniqNames([r.name, ...r.aliases]),
      qid: r.qid,
      sector: r.sector,
    };
    orgs.set(o.code, o);
    if (o.qid) byQid.set(o.qid, o);
    for (const n of o.names) byName.set(normName(n), o);
  }

  // SupraVerden: add names to the organisations above; the rest become organisations or bodies.
  const acronymUse = new Map<string, number>();
  const sv = readCsv(join(kb, 'intl-orgs-supraverden', 'derived', 'intl_orgs.csv'));
  for (const { values: v } of sv) if (v.abbreviation_en) acronymUse.set(v.abbreviation_en, (acronymUse.get(v.abbreviation_en) ?? 0) + 1);
  for (const { values: v } of sv) {
    const name = v.name_en;
    if (!name || !isLatin(name)) continue;
    const others = (v.other_names_en ?? '').split('|').map((s) => s.trim()).filter((s) => s && isLatin(s));
    const acr = v.abbreviation_en && isLatin(v.abbreviation_en) ? [v.abbreviation_en] : [];
    const known = (v.wikidata && byQid.get(v.wikidata)) || byName.get(normName(name));
    if (known) {
      known.names = uniqNames([...known.names, name, ...others]);
      known.acronyms = uniqNames([...known.acronyms, ...acr]);
      if (!known.qid && v.wikidata) known.qid = v.wikidata;
      continue;
    }
    const parent = FAMILY_PARENT[v.org_family ?? ''] ?? null;
    let code = acr.length && acronymUse.get(acr[0]) === 1 ? acr[0].toUpperCase().replace(/[^A-Z0-9]/g, '') : '';
    if (!code || orgs.has(code) || code.length < 2) code = 'SV-' + slug(name).toUpperCase();
    if (orgs.has(code)) continue;
    const o: Org = {
      code,
      kind: parent ? 'body' : 'igo',
      parent,
      name,
      acronyms: acr,
      names: uniqNames([name, ...others]),
      qid: v.wikidata || null,
      sector: null,
    };
    orgs.set(code, o);
    if (o.qid) byQid.set(o.qid, o);
    byName.set(normName(name), o);
  }

  // PETRARCH country dictionary: national institutions (bodies of their state) and territory parents.
  const countryCodes = new Set(countries.map((c) => c.code));
  const altCode = new Map<string, string>();
  for (const c of countries) for (const a of c.codes ?? []) altCode.set(a, c.code);
  const parentOf = new Map<string, string>();
  const lines = readFileSync(join(kb, 'phoenix-petrarch2', 'derived', 'Phoenix.Countries.actors.jsonl'), 'utf8').split('\n');
  for (const line of lines) {
    if (!line.trim()) continue;
    const e = JSON.parse(line) as PhoenixEntry;
    if (e.comment.includes('CountryInfo') || e.codes.length === 0) continue;
    if (e.codes.some((c) => c.start || c.end)) continue;
    const code = e.codes[0].code;
    if (code.length < 6) continue;
    const cc = altCode.get(code.slice(0, 3)) ?? code.slice(0, 3);
    const rest = code.slice(3);
    if (!countryCodes.has(cc)) continue;
    const head = rest.slice(0, 3);
    if (!sectorCodes.has(head)) {
      const terr = altCode.get(head) ?? head;
      if (countryCodes.has(terr) && rest.length === 3 && terr !== cc) parentOf.set(terr, cc);
      continue;
    }
    if (head === 'ELI') continue;
    const names = [e.name, ...e.synonyms].filter((n) => INSTITUTION.test(n.replace(/_/g, ' ')) || /^[A-Z]{2,5}$/.test(n));
    if (names.length === 0 || !INSTITUTION.test(e.name.replace(/_/g, ' ')) && !/^[A-Z]{2,5}$/.test(e.name)) continue;
    const display = uniqNames(names.map(displayForm));
    const bcode = `${cc}:${slug(display[0])}`;
    if (orgs.has(bcode)) continue;
    orgs.set(bcode, {
      code: bcode,
      kind: 'body',
      parent: cc,
      name: display[0],
      acronyms: display.filter((d) => /^[A-Z0-9.&-]{2,5}$/.test(d)),
      names: display.filter((d) => !/^[A-Z0-9.&-]{2,5}$/.test(d)),
      qid: null,
      sector: rest,
    });
  }
  for (const c of countries) c.parent = parentOf.get(c.code) ?? null;

  const groups: Group[] = overlay.groups
    .map((g) => ({ code: g.code, name: g.name, names: uniqNames([g.name, ...g.aliases]), country: g.country, sector: g.sector }))
    .sort((a, b) => cmp(a.code, b.code));
  const out = [...orgs.values()].sort((a, b) => cmp(a.code, b.code));
  for (const o of out) {
    o.acronyms.sort(cmp);
  }
  return { orgs: out, groups };
}
