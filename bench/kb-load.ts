/**
 * Knowledge-base load and lookup timings. Prints figures; asserts nothing.
 *
 *   node --import tsx bench/kb-load.ts [runs]
 *
 * Cold load: each run is a fresh Node process that times its first `loadKb()` (JSON read and
 * parse, index build); the parent prints min / median / max. Then lookups per second in this
 * process (names, dated office holders, role phrases).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadKb } from '../src/actors/kb.js';

function child(): void {
  const t0 = performance.now();
  const kb = loadKb();
  const ms = performance.now() - t0;
  const rss = process.memoryUsage().rss / 1048576;
  process.stdout.write(JSON.stringify({ ms, rss, ...kb.stats() }) + '\n');
}

function main(): void {
  const runs = Number(process.argv[2] ?? 5) || 5;
  const self = fileURLToPath(import.meta.url);
  const times: number[] = [];
  let last: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [...process.execArgv, self, '--child'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    last = JSON.parse(r.stdout.trim().split('\n').pop()!);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  console.log(`kb cold load (${runs} fresh processes): min ${f(times[0])} ms, median ${f(times[Math.floor(runs / 2)])} ms, max ${f(times[runs - 1])} ms; rss after load ${f(last.rss)} MiB`);
  console.log(`kb contents: ${Object.entries(last).filter(([k]) => k !== 'ms' && k !== 'rss').map(([k, v]) => `${k} ${v}`).join(', ')}`);

  const kb = loadKb();
  const names = ['Beijing', 'U.S.', 'Pezeshkian', 'the Kremlin', 'European Union', 'police', 'Nobody', 'Hamas', 'Turkey', 'Xi'];
  const rate = (label: string, n: number, fn: (i: number) => unknown) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    const s = (performance.now() - t0) / 1000;
    console.log(`${label}: ${Math.round(n / s).toLocaleString('en')} per second`);
  };
  rate('lookupName', 200000, (i) => kb.lookupName(names[i % names.length]));
  rate('officeHolder', 200000, (i) => kb.officeHolder(i % 2 ? 'IRN' : 'POL', 'head of state', i % 3 ? '2024-06-01' : '2025-09-01'));
  rate('resolvePersonName', 100000, (i) => kb.resolvePersonName(i % 2 ? 'Raisi' : 'Bush', '2005-01-01'));
  rate('lookupPhrase', 50000, (i) => kb.lookupPhrase(i % 2 ? 'the Polish president' : "Poland's foreign minister", '2025-09-01'));
}

if (process.argv.includes('--child')) child();
else main();
