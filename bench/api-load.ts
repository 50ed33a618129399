/**
 * API latency on a large store: 1,000,000 events (200,000 generated articles of five events each,
 * put through the store API in large batches) in a fresh SQLite file; then `parley serve` in its
 * own process on a loopback port, and autocannon in this process firing each scenario for a few
 * seconds: filtered `/api/events` pages, a dyad series, network queries. Each scenario cycles
 * through several variants (other actors, other years) so no single answer is hot. Prints p50/p95/
 * p99 per scenario (from every response's time, not autocannon's fixed percentiles), requests per
 * second, non-2xx answers, the 1-minute load average after each scenario, and the machine's load
 * before and after (the machine may be shared).
 *
 * `--server NAME=FLAGS` (repeatable) runs every scenario against each server setting in turn, e.g.
 * `--server 'main-thread=--read-workers 0 --cache 0' --server 'pool=--cache 0' --server 'pool+cache='`
 * to compare the read pool and the result cache with the single-connection server under the same
 * load. With the cache on, each variant of a scenario is computed once (in the unmeasured
 * warm-up) and then answered from the cache: those figures are for repeated queries.
 *
 * Targets: p95 < 50 ms for event pages, < 200 ms for dyad series and networks.
 *
 *   node dist/bench/api-load.js [--events 1000000] [--per-doc 5] [--batch 2000] [--seconds 8]
 *        [--connections 1,4] [--db .bench-tmp/api-load.db | postgres://…?schema=bench_api] [--reuse]
 *        [--server NAME=FLAGS]…
 *
 * The generated text is invented: made-up sentences over real country codes, with CAMEO codes,
 * Goldstein values and PLOVER types from data/cameo.json.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { Block, Event, Mention } from '../src/doc.js';
import { loadCameo } from '../src/code/cameo.js';
import type { CameoCode } from '../src/code/cameo.js';
import { isPostgresLocation, openStore } from '../src/store/open-store.js';
import type { StoredDoc } from '../src/store/store.js';

const ROOT = resolve(import.meta.dirname, '..', import.meta.url.includes('/dist/') ? '..' : '');

export interface ApiLoadOptions {
  events?: number;
  perDoc?: number;
  batch?: number;
  seconds?: number;
  /** Concurrent connections; each scenario runs once per value (default 1 and 4). */
  connections?: number[];
  db?: string;
  /** Keep an existing store of the right size instead of generating it again. */
  reuse?: boolean;
  /** Server settings to compare: a name and extra `parley serve` flags each (default: one, no flags). */
  servers?: ServerSetting[];
  log?: (line: string) => void;
}

export interface ServerSetting {
  name: string;
  flags: string[];
}

export interface ScenarioResult {
  name: string;
  /** The server setting's name. */
  server: string;
  connections: number;
  kind: 'events' | 'dyad' | 'network';
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  targetMs: number;
  /** The 1-minute load average when the scenario ended. */
  load1: number;
}

export interface ApiLoadResult {
  events: number;
  documents: number;
  generateSeconds?: number;
  fileMB: number;
  seconds: number;
  loadBefore: number[];
  loadAfter: number[];
  scenarios: ScenarioResult[];
}

/** mulberry32 */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Actors with a skewed share of the news (Zipf-like weights by rank). */
const COUNTRIES: [string, string][] = [
  ['USA', 'the United States'], ['CHN', 'China'], ['RUS', 'Russia'], ['IRN', 'Iran'], ['UKR', 'Ukraine'], ['GBR', 'Britain'],
  ['FRA', 'France'], ['DEU', 'Germany'], ['ISR', 'Israel'], ['IND', 'India'], ['JPN', 'Japan'], ['TUR', 'Turkey'],
  ['SAU', 'Saudi Arabia'], ['PAK', 'Pakistan'], ['KOR', 'South Korea'], ['PRK', 'North Korea'], ['SYR', 'Syria'], ['IRQ', 'Iraq'],
  ['AFG', 'Afghanistan'], ['EGY', 'Egypt'], ['BRA', 'Brazil'], ['MEX', 'Mexico'], ['CAN', 'Canada'], ['AUS', 'Australia'],
  ['ITA', 'Italy'], ['ESP', 'Spain'], ['POL', 'Poland'], ['NGA', 'Nigeria'], ['ZAF', 'South Africa'], ['ETH', 'Ethiopia'],
  ['KEN', 'Kenya'], ['VEN', 'Venezuela'], ['COL', 'Colombia'], ['ARG', 'Argentina'], ['IDN', 'Indonesia'], ['PHL', 'the Philippines'],
  ['VNM', 'Vietnam'], ['THA', 'Thailand'], ['MMR', 'Myanmar'], ['BGD', 'Bangladesh'], ['LBN', 'Lebanon'], ['JOR', 'Jordan'],
  ['QAT', 'Qatar'], ['ARE', 'the Emirates'], ['YEM', 'Yemen'], ['LBY', 'Libya'], ['SDN', 'Sudan'], ['SOM', 'Somalia'],
  ['MLI', 'Mali'], ['BLR', 'Belarus'], ['GEO', 'Georgia'], ['ARM', 'Armenia'], ['AZE', 'Azerbaijan'], ['KAZ', 'Kazakhstan'],
  ['CUB', 'Cuba'], ['NATO', 'NATO'], ['UNO', 'the United Nations'], ['EUR', 'the European Union'], ['AFR', 'the African Union'], ['ASN', 'ASEAN'],
];
const PEOPLE = ['Ana Vela', 'Tomas Reyn', 'Lio Marek', 'Sade Okon', 'Ivo Brandt', 'Mira Solen', 'Karim Azul', 'Nora Feld'];
const TOPICS = (
  'trade border grain energy pipeline tariffs fisheries election refugees ceasefire sanctions debt vaccine water ' +
  'drought nuclear talks treaty embassy airspace shipping ports railway satellites cyber minerals troops'
).split(' ');

const START_DAY = Date.UTC(2015, 0, 1);
const DAYS = 3653;

interface Gen {
  next(): number;
  country(): number;
}

function generator(seed: number): Gen {
  const r = rng(seed);
  const weights = COUNTRIES.map((_, i) => 1 / (i + 1) ** 1.05);
  const total = weights.reduce((a, b) => a + b, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const w of weights) cum.push((acc += w / total));
  return {
    next: r,
    country() {
      const x = r();
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** Codes weighted towards the ones news reports most (consult, statements, appeals, fights). */
function codePicker(cameo: CameoCode[], g: Gen): () => CameoCode {
  const roots: Record<string, number> = { '01': 10, '02': 6, '03': 6, '04': 14, '05': 5, '06': 3, '07': 3, '08': 2, '09': 1, '10': 2, '11': 8, '12': 4, '13': 3, '14': 3, '15': 2, '16': 3, '17': 4, '18': 4, '19': 6, '20': 0.3 };
  const byRoot = new Map<string, CameoCode[]>();
  for (const c of cameo) if (c.level > 0 || c.code.length > 2) (byRoot.get(c.root) ?? byRoot.set(c.root, []).get(c.root)!).push(c);
  const list = Object.entries(roots).filter(([r]) => byRoot.has(r));
  const total = list.reduce((a, [, w]) => a + w, 0);
  return () => {
    let x = g.next() * total;
    for (const [r, w] of list) {
      x -= w;
      if (x <= 0) {
        const codes = byRoot.get(r)!;
        return codes[Math.floor(g.next() * codes.length)];
      }
    }
    const codes = byRoot.get(list[0][0])!;
    return codes[0];
  };
}

/** One generated article with `perDoc` events, one sentence each, and a dropped caption. */
function makeDoc(n: number, perDoc: number, g: Gen, pick: () => CameoCode): StoredDoc {
  const id = `gen-${n}`;
  const day = Math.floor(g.next() * DAYS);
  const published = new Date(START_DAY + day * 86_400_000).toISOString().slice(0, 10);
  const topic = TOPICS[n % TOPICS.length];
  const lines: string[] = [`Report ${n} on ${topic}`];
  const blocks: Block[] = [];
  const mentions: Mention[] = [];
  const events: Event[] = [];
  let offset = lines[0].length + 1;
  blocks.push({ id: 0, line: 0, kind: 'h', start: 0, end: lines[0].length, dropped: 'headline' });
  for (let k = 0; k < perDoc; k++) {
    let s = g.country();
    let t = g.country();
    if (t === s) t = (t + 1 + Math.floor(g.next() * 5)) % COUNTRIES.length;
    const code = pick();
    const person = g.next() < 0.1 ? PEOPLE[Math.floor(g.next() * PEOPLE.length)] : null;
    const [sc, sn] = COUNTRIES[s];
    const [tc, tn] = COUNTRIES[t];
    const srcText = person ? `${person} of ${sn}` : sn;
    const verb = code.label.split(/[ ,]/)[0].toLowerCase();
    const sentence = `${srcText[0].toUpperCase()}${srcText.slice(1)} said it would ${verb} ${tn} over ${TOPICS[(n + k * 7) % TOPICS.length]} in ${published.slice(0, 4)}.`;
    const start = offset;
    lines.push(sentence);
    blocks.push({ id: blocks.length, line: lines.length - 1, kind: 'p', start, end: start + sentence.length });
    const sm = { start, end: start + srcText.length };
    const vi = sentence.indexOf(` ${verb} `) + 1;
    const ti = sentence.indexOf(tn, vi + verb.length);
    const tm = { start: start + ti, end: start + ti + tn.length };
    mentions.push({ id: mentions.length, ...sm, text: srcText, actor: person ? `p-${person.toLowerCase().replace(' ', '-')}` : sc, country: sc, sector: person ? 'GOV' : null, role: null, person, sentence: k, resolvedBy: 'name' });
    mentions.push({ id: mentions.length, ...tm, text: tn, actor: tc, country: tc, sector: null, role: null, person: null, sentence: k, resolvedBy: 'name' });
    const date = g.next() < 0.03 ? null : new Date(START_DAY + Math.max(0, day - Math.floor(g.next() * 3)) * 86_400_000).toISOString().slice(0, 10);
    events.push({
      id: createHash('sha256').update(`${id}:${k}`).digest('hex').slice(0, 16),
      docId: id,
      date,
      dateBasis: date === null ? 'unknown' : 'relative',
      source: { code: sc, name: srcText, sector: person ? 'GOV' : null, person },
      target: { code: tc, name: tn, sector: null, person: null },
      cameo: { code: code.code, root: code.root, label: code.label },
      quad: code.quad,
      goldstein: code.goldstein,
      plover: { event: code.plover.event, mode: code.plover.mode },
      confidence: 0.8,
      evidence: [{ sentence, start, end: start + sentence.length, trigger: { start: start + vi, end: start + vi + verb.length }, source: sm, target: tm }],
    });
    offset += sentence.length + 1;
  }
  const caption = `Photo: archive picture ${n}.`;
  lines.push(caption);
  blocks.push({ id: blocks.length, line: lines.length - 1, kind: 'caption', start: offset, end: offset + caption.length, dropped: 'caption' });
  const sourceText = lines.join('\n');
  return {
    id,
    hash: createHash('sha256').update(sourceText).digest('hex'),
    sourceText,
    text: lines.slice(1, -1).join('\n'),
    meta: { title: lines[0], url: `https://bench.example/${id}`, source: 'Bench Wire', published },
    blocks,
    mentions,
    events,
    diagnostics: [],
  };
}

/** Fill a fresh store with `events` generated events; returns seconds spent in putDocuments. */
async function generate(db: string, events: number, perDoc: number, batch: number, log: (s: string) => void): Promise<number> {
  if (!isPostgresLocation(db)) {
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    mkdirSync(dirname(db), { recursive: true });
  }
  const store = await openStore(db);
  const g = generator(20240601);
  const pick = codePicker([...loadCameo().codes], g);
  const docs = Math.ceil(events / perDoc);
  let put = 0;
  try {
    for (let i = 0; i < docs; i += batch) {
      const list: StoredDoc[] = [];
      for (let n = i; n < Math.min(docs, i + batch); n++) list.push(makeDoc(n, perDoc, g, pick));
      const t0 = performance.now();
      await store.putDocuments(list);
      put += (performance.now() - t0) / 1000;
      if ((i / batch) % 20 === 0) log(`  generated ${Math.min(docs, i + batch).toLocaleString('en')} / ${docs.toLocaleString('en')} documents (${Math.round(Math.min(docs, i + batch) / put)} docs/s in putDocuments)`);
    }
    // Planner statistics, as a long-running database would have them.
    const conn = store as unknown as { db?: { exec(sql: string): void }; pool?: { query(sql: string): Promise<unknown> } };
    conn.db?.exec('ANALYZE');
    await conn.pool?.query('ANALYZE');
  } finally {
    await store.close();
  }
  return put;
}

async function countEvents(db: string): Promise<number> {
  const store = await openStore(db);
  try {
    return (await store.stats()).events;
  } finally {
    await store.close();
  }
}

/** `parley serve` on a random loopback port, in its own process. */
async function startServer(db: string, flags: string[] = []): Promise<{ url: string; stop: () => Promise<void> }> {
  const args = ['serve', '--db', db, '--port', '0', '--web-root', join(ROOT, 'dist', 'web'), ...flags];
  const isTs = import.meta.url.endsWith('.ts');
  const argv = isTs
    ? ['--import', 'tsx', '--input-type=module', '-e', `const { run } = await import(${JSON.stringify(join(ROOT, 'src', 'cli', 'main.ts'))}); process.exitCode = await run(process.argv.slice(1));`, ...args]
    : [join(ROOT, 'bin', 'parley.js'), ...args];
  const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const url = await new Promise<string>((ok, fail) => {
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /parley serve: (http:\/\/\S+) /.exec(err);
      if (m) ok(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`parley serve exited ${code}: ${err}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

interface Scenario {
  name: string;
  kind: ScenarioResult['kind'];
  paths: string[];
}

/** Each scenario's variants: the busiest actors, other pairs, other years. */
function scenarios(): Scenario[] {
  const c = COUNTRIES.map(([code]) => code);
  const years = [2016, 2018, 2020, 2022, 2024];
  const pairs = [[0, 1], [0, 2], [1, 4], [2, 4], [3, 8], [5, 6]].map(([a, b]) => [c[a], c[b]]);
  return [
    { name: 'events: newest page, no filter', kind: 'events', paths: ['/api/events?limit=50'] },
    { name: 'events: source=X, newest first', kind: 'events', paths: c.slice(0, 12).map((x) => `/api/events?source=${x}&limit=50`) },
    { name: 'events: dyad=X,Y', kind: 'events', paths: pairs.map(([a, b]) => `/api/events?dyad=${a},${b}&limit=50`) },
    { name: 'events: root + one year', kind: 'events', paths: years.flatMap((y) => ['19', '04', '11'].map((r) => `/api/events?root=${r}&from=${y}-01-01&to=${y}-12-31&limit=50`)) },
    { name: 'events: source + target + quad', kind: 'events', paths: pairs.map(([a, b]) => `/api/events?source=${a}&target=${b}&quad=3,4&limit=50`) },
    { name: 'events: source, by Goldstein', kind: 'events', paths: c.slice(0, 8).map((x) => `/api/events?source=${x}&sort=goldstein&order=asc&limit=50`) },
    { name: 'events: text search + source', kind: 'events', paths: TOPICS.slice(0, 8).map((t, i) => `/api/events?q=${t}&source=${c[i % 6]}&limit=50`) },
    { name: 'dyad: weekly, 10 years', kind: 'dyad', paths: pairs.map(([a, b]) => `/api/dyads?a=${a}&b=${b}&interval=week`) },
    { name: 'dyad: monthly, 10 years', kind: 'dyad', paths: pairs.map(([a, b]) => `/api/dyads?a=${a}&b=${b}&interval=month`) },
    { name: 'network: one year', kind: 'network', paths: years.map((y) => `/api/network?from=${y}-01-01&to=${y}-12-31&min=5`) },
    { name: 'network: one year, root 19', kind: 'network', paths: years.map((y) => `/api/network?from=${y}-01-01&to=${y}-12-31&root=19`) },
    { name: 'network: all 10 years', kind: 'network', paths: ['/api/network?min=20'] },
  ];
}

const TARGET: Record<ScenarioResult['kind'], number> = { events: 50, dyad: 200, network: 200 };

async function fire(url: string, s: Scenario, seconds: number, connections: number, server: string): Promise<ScenarioResult> {
  const times: number[] = [];
  let n = 0;
  let non2xx = 0;
  const { host } = new URL(url);
  const result = await new Promise<autocannon.Result>((ok, fail) => {
    const inst = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({ ...req, path: s.paths[n++ % s.paths.length], headers: { ...req.headers, host } }),
          },
        ],
      },
      (err, res) => (err ? fail(err) : ok(res)),
    );
    inst.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx++;
    });
  });
  times.sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    name: s.name,
    server,
    connections,
    kind: s.kind,
    requests: times.length,
    rps: r2(result.requests.average),
    p50: r2(percentile(times, 50)),
    p95: r2(percentile(times, 95)),
    p99: r2(percentile(times, 99)),
    max: r2(times[times.length - 1] ?? NaN),
    non2xx,
    targetMs: TARGET[s.kind],
    load1: r2(loadavg()[0]),
  };
}

export async function apiLoad(opts: ApiLoadOptions = {}): Promise<ApiLoadResult> {
  const log = opts.log ?? (() => undefined);
  const events = opts.events ?? 1_000_000;
  const perDoc = opts.perDoc ?? 5;
  const batch = opts.batch ?? 2000;
  const seconds = opts.seconds ?? 8;
  const connections = opts.connections ?? [1, 4];
  const given = opts.db ?? join(ROOT, '.bench-tmp', 'api-load.db');
  const db = isPostgresLocation(given) ? given : resolve(given);
  let generateSeconds: number | undefined;
  if (!(opts.reuse && (isPostgresLocation(db) || existsSync(db)) && (await countEvents(db)) >= events * 0.99)) {
    log(`generating ${events.toLocaleString('en')} events in ${db}`);
    generateSeconds = await generate(db, events, perDoc, batch, log);
  } else log(`reusing ${db}`);
  const stored = await countEvents(db);
  const fileMB = isPostgresLocation(db)
    ? NaN
    : Math.round(((statSync(db).size + (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0)) / 1e6) * 10) / 10;
  const servers = opts.servers && opts.servers.length > 0 ? opts.servers : [{ name: 'serve', flags: [] }];
  const loadBefore = loadavg();
  const results: ScenarioResult[] = [];
  for (const setting of servers) {
    const server = await startServer(db, setting.flags);
    try {
      for (const c of connections) {
        for (const s of scenarios()) {
          // A short warm-up (statement cache, page cache) that is not measured.
          await fire(server.url, s, 1, 1, setting.name);
          const r = await fire(server.url, s, seconds, c, setting.name);
          results.push(r);
          log(
            `  ${setting.name} c=${c} ${r.name.padEnd(34)} p50 ${String(r.p50).padStart(7)} ms  p95 ${String(r.p95).padStart(7)} ms  p99 ${String(r.p99).padStart(7)} ms  load ${r.load1.toFixed(2)}  ${r.p95 < r.targetMs ? 'ok' : 'OVER'}`,
          );
        }
      }
    } finally {
      await server.stop();
    }
  }
  return { events: stored, documents: Math.ceil(stored / perDoc), generateSeconds, fileMB, seconds, loadBefore, loadAfter: loadavg(), scenarios: results };
}

export function formatApiLoad(r: ApiLoadResult): string {
  const head = `| server | scenario | conns | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | load 1m | target p95 |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n`;
  const rows = r.scenarios
    .map(
      (s) =>
        `| ${s.server} | ${s.name} | ${s.connections} | ${s.requests} | ${s.rps} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${s.non2xx} | ${s.load1.toFixed(2)} | < ${s.targetMs} ${s.p95 < s.targetMs ? 'ok' : 'MISSED'} |`,
    )
    .join('\n');
  const gen = r.generateSeconds !== undefined ? `, generated through putDocuments in ${r.generateSeconds.toFixed(0)} s (${Math.round(r.documents / r.generateSeconds)} docs/s)` : ' (reused)';
  return (
    `${Number.isNaN(r.fileMB) ? 'PostgreSQL' : 'SQLite'} store: ${r.events.toLocaleString('en')} events in ${r.documents.toLocaleString('en')} documents${Number.isNaN(r.fileMB) ? '' : `, ${r.fileMB} MB`}${gen}\n` +
    `autocannon: ${r.seconds} s per scenario, connection count and server setting; ${cpus().length} cores; ` +
    `load average before ${r.loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${r.loadAfter.map((x) => x.toFixed(2)).join(' ')}\n\n` +
    head +
    rows +
    '\n'
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      events: { type: 'string' },
      'per-doc': { type: 'string' },
      batch: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      db: { type: 'string' },
      reuse: { type: 'boolean' },
      server: { type: 'string', multiple: true },
    },
  });
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const r = await apiLoad({
    events: num(values.events),
    perDoc: num(values['per-doc']),
    batch: num(values.batch),
    seconds: num(values.seconds),
    connections: values.connections === undefined ? undefined : values.connections.split(',').map(Number),
    db: values.db,
    reuse: values.reuse,
    servers: (values.server ?? []).map((v) => {
      const at = v.indexOf('=');
      const name = at < 0 ? v : v.slice(0, at);
      const flags = at < 0 ? [] : v.slice(at + 1).split(/\s+/).filter((f) => f !== '');
      return { name, flags };
    }),
    log: (s) => process.stderr.write(s + '\n'),
  });
  process.stdout.write(formatApiLoad(r));
}
