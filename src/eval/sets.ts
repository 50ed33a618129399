/**
 * Where the evaluation sets live, and the loader for document-level corpus folders
 * (shared/corpus/<name>/: gold.jsonl plus the texts, as .txt files or JSONL records).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { sharedPath } from '../shared-path.js';
import type { EvalItem, LoadedSet } from './eval-item.js';
import type { GoldDoc } from './gold.js';
import { formatProblem, readGold } from './gold.js';
import { CONFLIBERT_SET } from './conflibert.js';
import { PETRARCH_UNIT_SET } from './petrarch-unit.js';
import { PLOVER_GSR_SET } from './plover-gsr.js';

export type SetKind = 'events' | 'plover-gsr' | 'conflibert' | 'petrarch-unit';

export interface SetLocation {
  name: string;
  kind: SetKind;
  path: string;
}

/**
 * Every evaluation set present under the shared folder: each `corpus/<name>/` with a gold.jsonl
 * (document-level, GUIDE scoring), then the sentence-level sets.
 */
export function goldSetPaths(): SetLocation[] {
  const out: SetLocation[] = [];
  const corpus = sharedPath('corpus');
  if (corpus) {
    for (const name of readdirSync(corpus).sort()) {
      if (existsSync(join(corpus, name, 'gold.jsonl'))) out.push({ name, kind: 'events', path: join(corpus, name) });
    }
  }
  const plover = sharedPath('event-gold', 'plover-gsr-cameo', 'PLOVER_GSR_CAMEO.json');
  if (plover) out.push({ name: PLOVER_GSR_SET, kind: 'plover-gsr', path: plover });
  const conflibert = sharedPath('event-gold', 'cameo-conflibert-multicoder');
  if (conflibert) out.push({ name: CONFLIBERT_SET, kind: 'conflibert', path: conflibert });
  const petr = sharedPath('anchors', 'petrarch2', 'PETR.UnitTest.records.flat.jsonl');
  if (petr) out.push({ name: PETRARCH_UNIT_SET, kind: 'petrarch-unit', path: petr });
  return out;
}

/**
 * Load a corpus folder: its gold.jsonl and, for each gold document, the text (a `<id>.txt` file,
 * or a record `{id, text, published?}` of another .jsonl file in the folder). A `meta.json`
 * (`{id, published}` or a list of them) supplies publication dates for .txt texts. Gold documents
 * without a text are listed in `problems` and left out of `gold` (so they are not scored).
 */
export function loadCorpusSet(dir: string, name = basename(dir)): LoadedSet<GoldDoc> {
  const gold = readGold(join(dir, 'gold.jsonl'));
  const problems = gold.problems.map(formatProblem);
  const texts = new Map<string, EvalItem>();
  const published = new Map<string, string>();
  const metaPath = join(dir, 'meta.json');
  if (existsSync(metaPath)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as unknown;
      for (const m of Array.isArray(meta) ? meta : [meta]) {
        if (m && typeof m.id === 'string' && typeof m.published === 'string') published.set(m.id, m.published);
      }
    } catch (e) {
      problems.push(`${metaPath}: ${(e as Error).message}`);
    }
  }
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (extname(f) === '.txt') {
      const id = basename(f, '.txt');
      if (gold.has(id)) texts.set(id, { id, text: readFileSync(p, 'utf8') });
    } else if (extname(f) === '.jsonl' && f !== 'gold.jsonl') {
      readFileSync(p, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!line.trim()) return;
          try {
            const r = JSON.parse(line) as Record<string, unknown>;
            const id = String(r.id ?? '');
            if (!gold.has(id) || typeof r.text !== 'string') return;
            const item: EvalItem = { id, text: r.text };
            if (typeof r.published === 'string') item.published = r.published;
            if (typeof r.title === 'string') item.title = r.title;
            texts.set(id, item);
          } catch (e) {
            problems.push(`${p}:${i + 1}: not valid JSON (${(e as Error).message})`);
          }
        });
    }
  }
  const kept = new Map<string, GoldDoc>();
  const items: EvalItem[] = [];
  for (const [id, doc] of gold) {
    const item = texts.get(id);
    if (!item) {
      problems.push(`${join(dir, 'gold.jsonl')}:${doc.sourceLine}: no text found for document '${id}'`);
      continue;
    }
    if (!item.published && published.has(id)) item.published = published.get(id);
    items.push(item);
    kept.set(id, doc);
  }
  return { set: name, items, gold: kept, problems };
}
