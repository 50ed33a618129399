/**
 * `parley events`: the stored events matching a filter, as a table for people or as an export
 * (`jsonl` event records, `csv`, `gdelt` TSV, `plover` JSON records). Reads the store page by
 * page, so an export of any size streams in constant memory.
 *
 *   parley events --source CHN --target IRN --from 2022-01-01 --format table
 *   parley events --root 16 --format gdelt > sanctions.tsv
 */
import { loadKb } from '../actors/kb.js';
import type { Kb } from '../actors/kb.js';
import { loadCameo } from '../code/cameo.js';
import { ParleyError } from '../errors.js';
import { mergedFilterOf } from '../export/event-params.js';
import type { MergedEventParams } from '../export/event-params.js';
import { exportLines, kbActorInfo, PLAIN_ACTOR_INFO, streamEvents, streamMergedEvents } from '../export/index.js';
import type { EventHit, SortOrder } from '../store/event-query.js';
import type { MergedHit, MergedSort } from '../store/merged-query.js';
import { openStore } from '../store/index.js';
import { dbLocation, intFlag, oneOf, parse } from './args.js';

export const summary = 'list or export stored events';

const FORMATS = ['table', 'jsonl', 'csv', 'gdelt', 'plover'] as const;
type Format = (typeof FORMATS)[number];

/** Events a table shows unless --limit says otherwise. */
export const TABLE_LIMIT = 50;

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, Math.max(0, n - 1)) + '…' : one;
}

function actorLabel(a: EventHit['event']['source']): string {
  return a.code ?? a.person ?? a.name ?? '?';
}

/** The table header and a row per event: date, source → target, code, label, Goldstein, quad, evidence. */
export function tableHeader(width: number, merged = false): string {
  const counts = merged ? `${'a'.padStart(3)} ${'m'.padStart(3)}  ` : '';
  const head = `${'date'.padEnd(10)}  ${'source → target'.padEnd(17)} ${'code'.padEnd(4)}  ${'label'.padEnd(30)} ${'gold'.padStart(5)} q  ${counts}evidence`;
  return head.slice(0, width) + '\n';
}

/** A table row; a merged event's row also gives its articles and mentions. */
export function tableRow(h: EventHit | MergedHit, width: number): string {
  const e = h.event;
  const dyad = `${actorLabel(e.source)} → ${actorLabel(e.target)}`;
  const counts = 'numArticles' in e ? `${String(e.numArticles).padStart(3)} ${String(e.numMentions).padStart(3)}  ` : '';
  const fixed =
    `${(e.date ?? '(undated)').padEnd(10)}  ${clip(dyad, 17).padEnd(17)} ${e.cameo.code.padEnd(4)}  ` +
    `${clip(e.cameo.label, 30).padEnd(30)} ${e.goldstein.toFixed(1).padStart(5)} ${e.quad}  ${counts}`;
  const room = Math.max(20, width - fixed.length);
  const v = e.evidence[0];
  const excerpt = v ? clip(v.sentence, room) : '';
  return `${fixed}${excerpt}\n`;
}

/** Write to stdout, waiting when the pipe is full. */
async function write(s: string): Promise<void> {
  if (!process.stdout.write(s)) {
    await new Promise<void>((resolve, reject) => {
      process.stdout.once('drain', resolve);
      process.stdout.once('error', reject);
    });
  }
}

function tryKb(): Kb | undefined {
  try {
    return loadKb();
  } catch (e) {
    process.stderr.write(`parley events: warning: ${(e as Error).message}; actor names and person ids are not resolved\n`);
    return undefined;
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, 'events');
  const format: Format = oneOf('--format', values.format, FORMATS, 'table');
  const merged = values.merged === true;
  const sorts = merged ? (['date', 'goldstein', 'code', 'articles'] as const) : (['date', 'goldstein', 'code'] as const);
  const sort: MergedSort = oneOf('--sort', values.sort, sorts, 'date');
  const order: SortOrder = oneOf('--order', values.order, ['asc', 'desc'] as const, 'desc');
  // --limit 0 lifts the limit (as for an export) instead of showing nothing.
  const limit = values.limit === undefined ? (format === 'table' ? TABLE_LIMIT : undefined) : intFlag('--limit', values.limit, 0) || undefined;
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  if (!merged && values['min-articles'] !== undefined) {
    throw new ParleyError('PARLEY_CLI_USAGE', { why: 'parley events: --min-articles counts the articles of merged events; add --merged.' });
  }
  const params: MergedEventParams = {
    source: str('source'),
    target: str('target'),
    dyad: str('dyad'),
    root: str('root'),
    code: str('code'),
    quad: str('quad'),
    from: str('from'),
    to: str('to'),
    q: str('search'),
    doc: str('doc'),
    minArticles: str('min-articles'),
  };
  const kb = tryKb();
  const parsed = mergedFilterOf(params, { cameo: loadCameo(), kb });
  if (!parsed.ok) {
    const field = parsed.problem.field;
    const flag = field === 'q' ? 'search' : field === 'minArticles' ? 'min-articles' : field;
    throw new ParleyError('PARLEY_CLI_USAGE', { why: `parley events: --${flag} ${parsed.problem.why}.` });
  }
  const store = await openStore(dbLocation(values.db));
  try {
    let truncated = false;
    const onTruncated = () => {
      truncated = true;
    };
    const hits: AsyncGenerator<EventHit | MergedHit> = merged
      ? streamMergedEvents(store, parsed.value, { sort, order, limit, onTruncated })
      : streamEvents(store, parsed.value, { sort: sort === 'articles' ? 'date' : sort, order, limit, onTruncated });
    let n = 0;
    if (format === 'table') {
      const width = Math.max(80, process.stdout.columns ?? 160);
      for await (const h of hits) {
        if (n === 0) await write(tableHeader(width, merged));
        await write(tableRow(h, width));
        n++;
      }
      if (n === 0) {
        const hint = merged ? ' (merged events exist once `parley resolve` or the queue workers have resolved the store)' : '';
        process.stderr.write(`parley events: no ${merged ? 'merged ' : ''}events match in ${store.location}${hint}\n`);
      }
      else if (truncated) process.stderr.write(`parley events: first ${n} events shown; more match (use --limit N, or --format for an export)\n`);
    } else {
      const info = kb ? kbActorInfo(kb) : PLAIN_ACTOR_INFO;
      for await (const line of exportLines(format, hits, info, { view: merged ? 'merged' : 'raw' })) await write(line);
    }
    return 0;
  } finally {
    await store.close();
  }
}
