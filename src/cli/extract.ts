/**
 * `parley extract <input...>`: run the pipeline on articles and print the result without storing
 * anything. Formats: text (human readable), json (one pretty object per document, with
 * `source_text`), jsonl (one line per document; `--events-only`: one line per event).
 */
import type { Doc } from '../doc.js';
import { cleanText } from '../doc.js';
import { readInputs } from '../ingest/index.js';
import { inThreadRunner } from '../runner.js';
import { pipelineSpec } from '../stages.js';
import { toRecord } from '../output.js';
import { dateFlag, inputFormatFlag, oneOf, out, parse, pipelineFlag } from './args.js';
import { formatDiagnostics, formatDropped, formatEvents, lineOf, reportFailures } from './format.js';
import type { Failure } from './format.js';

export const summary = 'clean article(s) and their events on stdout';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, 'extract');
  const format = oneOf('--format', values.format, ['text', 'json', 'jsonl'] as const, 'text');
  const published = dateFlag('--published', values.published);
  const pipeline = pipelineFlag(values.pipeline);
  const inputFormat = inputFormatFlag(values['input-format']);
  const inputs = positionals.length > 0 ? positionals : ['-'];
  const runner = await inThreadRunner({
    pipeline: await pipelineSpec(pipeline),
    config: { published },
    keepTokens: false,
  });
  const failures: Failure[] = [];
  let first = true;
  for await (const item of readInputs(inputs, { format: inputFormat })) {
    if (item.kind === 'error') {
      failures.push({ where: item.line ? `${item.path}:${item.line}` : item.path, message: item.message });
      continue;
    }
    const [doc] = await runner.process([{ id: item.id, hash: item.hash, raw: item.raw }]);
    const fatal = doc.diagnostics.find((d) => d.severity === 'fatal');
    if (fatal) failures.push({ where: doc.meta.origin?.path ?? doc.id, message: fatal.reason });
    for (const w of item.raw.warnings ?? []) process.stderr.write(`parley extract: warning: ${w}\n`);
    if (fatal && format === 'text') continue;
    if (format === 'jsonl') {
      if (values['events-only']) for (const e of doc.layers.events) out(JSON.stringify(e) + '\n');
      else out(JSON.stringify(toRecord(doc, { diagnostics: Boolean(values.explain) })) + '\n');
    } else if (format === 'json') {
      out(JSON.stringify(toRecord(doc, { sourceText: true, diagnostics: Boolean(values.explain) }), null, 2) + '\n');
    } else {
      if (!first) out('\n');
      out(formatText(doc, Boolean(values.explain)));
    }
    first = false;
  }
  await runner.close();
  return reportFailures('extract', failures);
}

/** Human-readable rendering of one processed document. */
export function formatText(doc: Doc, explain: boolean, coded = doc.layers.sentences.length > 0): string {
  const head = [doc.meta.published ? `published ${doc.meta.published}` : 'no publication date', doc.meta.origin?.path]
    .filter(Boolean)
    .join(' · ');
  let s = `# ${doc.meta.title ?? doc.id}  (${head})\n\n${cleanText(doc)}\n`;
  const dropped = doc.layers.blocks.filter((b) => b.dropped !== undefined);
  if (explain) {
    s += `\n## dropped (${dropped.length})\n${formatDropped(doc)}`;
  } else if (dropped.length > 0) {
    s += `\n(${dropped.length} block${dropped.length === 1 ? '' : 's'} dropped: ${[...new Set(dropped.map((b) => String(b.dropped).replace(/:.*/, '')))].join(', ')}; --explain shows them)\n`;
  }
  if (coded) {
    s += `\n## events (${doc.layers.events.length})\n${formatEvents(doc.layers.events, (e) => lineOf(doc.text, e.evidence[0]?.start ?? 0))}`;
  }
  if (explain && doc.diagnostics.length > 0) {
    s += `\n## decisions (${doc.diagnostics.length})\n${formatDiagnostics(doc)}`;
  }
  return s;
}
