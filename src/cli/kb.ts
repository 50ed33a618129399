/**
 * `parley kb lookup|build|check`: ask the actor knowledge base who a name or a role description
 * denotes on a date, rebuild data/kb from the shared sources, and report staleness/consistency.
 */
import { join } from 'node:path';
import { loadKb } from '../actors/kb.js';
import type { Kb } from '../actors/kb.js';
import { buildKb } from '../actors/kb-build.js';
import { checkKb, formatKbCheck } from '../actors/kb-check.js';
import { ParleyError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import { sharedDir } from '../shared-path.js';
import { dateFlag, oneOf, out, parse } from './args.js';

export const summary = 'look up, rebuild or check the actor knowledge base';

const today = () => new Date().toISOString().slice(0, 10);

export interface LookupAnswer {
  query: string;
  date: string;
  kind: string;
  person: string | null;
  country: string | null;
  sector: string | null;
  role: string | null;
  id: string | null;
}

/** Everything the KB can say about a name or role description on a date (most specific first). */
export function lookup(kb: Kb, query: string, date: string): LookupAnswer[] {
  const answers: LookupAnswer[] = [];
  const phrase = kb.lookupPhrase(query, date);
  if (phrase) {
    answers.push({
      query,
      date,
      kind: 'role',
      person: phrase.person?.name ?? null,
      country: phrase.country,
      sector: phrase.sector,
      role: phrase.role,
      id: phrase.person?.id ?? null,
    });
    return answers;
  }
  const person = kb.resolvePersonName(query, date);
  if (person) {
    const role = kb.rolesOf(person.id, date)[0];
    answers.push({ query, date, kind: 'person', person: person.name, country: role?.country ?? null, sector: role?.sector ?? null, role: role?.role ?? null, id: person.id });
    return answers;
  }
  for (const e of kb.lookupName(query)) {
    if (e.kind === 'person') continue;
    answers.push({ query, date, kind: e.kind, person: null, country: e.country, sector: e.sector ?? null, role: null, id: e.id });
  }
  return answers;
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'lookup') {
    const { values, positionals } = parse(rest, 'kb lookup');
    const query = positionals.join(' ').trim();
    if (!query) throw new ParleyError('PARLEY_CLI_USAGE', { why: 'parley kb lookup needs a name or a role description, e.g. "the Polish president".' });
    const date = dateFlag('--date', values.date) ?? today();
    const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
    const answers = lookup(loadKb(), query, date);
    if (format === 'json') out(JSON.stringify(answers) + '\n');
    else if (answers.length === 0) out(`${query}: not in the knowledge base on ${date}\n`);
    else
      for (const a of answers) {
        const parts = [a.person, a.country, a.sector, a.role].filter((x) => x !== null && x !== undefined);
        out(`${a.query} (${a.date}) → ${parts.join(', ') || a.id} [${a.kind}${a.id ? ` ${a.id}` : ''}]\n`);
      }
    return answers.length > 0 ? 0 : 1;
  }
  if (sub === 'build') {
    const { values } = parse(rest, 'kb build');
    const outDir = typeof values.out === 'string' ? values.out : join(packageRoot(), 'data', 'kb');
    const t0 = performance.now();
    const res = buildKb(typeof values.shared === 'string' ? values.shared : sharedDir(), outDir, {
      overlayDir: typeof values.overlay === 'string' ? values.overlay : join(packageRoot(), 'data', 'overlay'),
    });
    out(`built ${res.outDir} in ${Math.round(performance.now() - t0)} ms: ${Object.entries(res.counts).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
    for (const w of res.warnings) process.stderr.write(`warning: ${w}\n`);
    return 0;
  }
  if (sub === 'check') {
    const { values } = parse(rest, 'kb check');
    out(formatKbCheck(checkKb(loadKb(), { today: dateFlag('--date', values.date) ?? today() })));
    return 0;
  }
  throw new ParleyError('PARLEY_CLI_USAGE', { why: "parley kb needs a subcommand: lookup, build or check." });
}
