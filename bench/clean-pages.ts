/**
 * A held-out look at the `clean` stage on news pages it was not tuned on.
 *
 * The 200 pages of <shared>/bench/htmldate-mediacloud-2020/html (a publication-date benchmark, so
 * there is no article-body truth) are extracted with parley's `extract` stage (loaded dynamically;
 * skipped when absent) and cleaned; the script prints how many blocks each rule dropped, and with
 * `--verbose` every dropped block, for reading through: anything that is article text is a bug.
 * Run: `node --import tsx bench/clean-pages.ts [--verbose]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { Doc } from '../src/doc.js';
import { emptyLayers } from '../src/doc.js';
import { sharedPath } from '../src/shared-path.js';
import { makeClean } from '../src/clean/stage.js';

export interface PagesResult {
  pages: number;
  blocks: number;
  dropped: number;
  byRule: Record<string, number>;
  drops: { page: string; rule: string; text: string }[];
}

/** Extract and clean every page; undefined when the pages or the extract stage are missing. */
export async function runCleanPages(): Promise<PagesResult | undefined> {
  const dir = sharedPath('bench', 'htmldate-mediacloud-2020', 'html');
  if (!dir) return undefined;
  let makeExtract: ((o: object, ctx: { config: object }) => (d: Doc) => void) | undefined;
  try {
    makeExtract = ((await import('../src/extract/stage.js')) as { makeExtract?: typeof makeExtract }).makeExtract;
  } catch {
    return undefined;
  }
  if (!makeExtract) return undefined;
  const extract = makeExtract({}, { config: {} });
  const clean = makeClean();
  const r: PagesResult = { pages: 0, blocks: 0, dropped: 0, byRule: {}, drops: [] };
  for (const f of readdirSync(dir).sort()) {
    const buf = readFileSync(join(dir, f));
    const html = (f.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
    const doc: Doc = { id: f, hash: '', text: '', meta: {}, layers: emptyLayers(), diagnostics: [], raw: { html, origin: { path: f, format: 'html' } } };
    extract(doc);
    const before = new Set(doc.layers.blocks.filter((b) => b.dropped !== undefined).map((b) => b.id));
    clean(doc);
    r.pages++;
    for (const b of doc.layers.blocks) {
      if (before.has(b.id)) continue;
      r.blocks++;
      if (b.dropped === undefined) continue;
      r.dropped++;
      const d = doc.diagnostics.find((x) => x.source === 'clean' && x.start === b.start);
      const rule = d ? `${d.ruleId}${/\(rule ([^)]+)\)/.exec(d.reason)?.[1] ? ` ${/\(rule ([^)]+)\)/.exec(d.reason)![1]}` : ''}` : String(b.dropped);
      r.byRule[rule] = (r.byRule[rule] ?? 0) + 1;
      r.drops.push({ page: f.replace(/\.html(\.gz)?$/, ''), rule, text: doc.text.slice(b.start, b.end) });
    }
  }
  return r;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runCleanPages();
  if (!r) {
    console.log('htmldate pages or the extract stage not found; skipped');
  } else {
    console.log(`${r.pages} pages, ${r.blocks} blocks kept by extract, ${r.dropped} dropped by clean`);
    for (const [rule, n] of Object.entries(r.byRule).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)} ${rule}`);
    if (process.argv.includes('--verbose')) {
      for (const d of [...r.drops].sort((a, b) => a.rule.localeCompare(b.rule))) console.log(`  ${d.page} ${d.rule} | ${d.text.slice(0, 120)}`);
    }
  }
}
