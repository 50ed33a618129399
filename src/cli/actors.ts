/**
 * `parley actors <input...>`: every actor mention of each article, resolved on the document's
 * date (or `--date`), with how it was resolved.
 */
import { readInputs } from '../ingest/index.js';
import { inThreadRunner } from '../runner.js';
import { formatMentions } from '../actors/format.js';
import { toRecord } from '../output.js';
import { dateFlag, oneOf, out, parse } from './args.js';
import { reportFailures } from './format.js';
import type { Failure } from './format.js';

export const summary = 'every actor mention of an article, resolved';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, 'actors');
  const date = dateFlag('--date', values.date);
  const format = oneOf('--format', values.format, ['text', 'jsonl'] as const, 'text');
  // --date is the date of the article: it dates the roles ("the president" on that day) and relative expressions.
  const runner = await inThreadRunner({ pipeline: ['extract', 'clean', 'segment', 'actors'], config: { date, published: date } });
  const failures: Failure[] = [];
  for await (const item of readInputs(positionals.length > 0 ? positionals : ['-'])) {
    if (item.kind === 'error') {
      failures.push({ where: item.line ? `${item.path}:${item.line}` : item.path, message: item.message });
      continue;
    }
    const [doc] = await runner.process([{ id: item.id, hash: item.hash, raw: item.raw }]);
    const fatal = doc.diagnostics.find((d) => d.severity === 'fatal');
    if (fatal) {
      failures.push({ where: item.raw.origin.path, message: fatal.reason });
      continue;
    }
    if (format === 'jsonl') out(JSON.stringify({ id: doc.id, mentions: toRecord(doc).mentions ?? [] }) + '\n');
    else out(`# ${doc.id} (${doc.meta.published ?? date ?? 'no date'}): ${doc.layers.mentions.length} mentions\n${formatMentions(doc)}`);
  }
  await runner.close();
  return reportFailures('actors', failures);
}
