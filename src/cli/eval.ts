/**
 * `parley eval`: score parley's events against gold files (the GUIDE format), or with `--all` on
 * every evaluation set present under the shared data folder, optionally checking the floors of
 * the CI ratchet (`--floors eval/floors.json`).
 */
import { createHash } from 'node:crypto';
import {
  compareFloors,
  evaluateSet,
  formatFloorCheck,
  formatReport,
  goldSetPaths,
  pipelineCoder,
  readGold,
  reportJson,
  scoreEvents,
  toPredEvent,
  formatProblem,
} from '../eval/index.js';
import type { EvalResult, HasFigures, PredEvent } from '../eval/index.js';
import { formatActorEval, ploverGsrActors, seedCheck } from '../actors/eval.js';
import { readInputs } from '../ingest/index.js';
import { inThreadRunner } from '../runner.js';
import { pipelineSpec } from '../stages.js';
import { ParleyError } from '../errors.js';
import { sharedDir } from '../shared-path.js';
import { dateFlag, intFlag, out, parse } from './args.js';

export const summary = 'score events against gold files';

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, 'eval');
  const report = { misses: Boolean(values.misses), limit: values.limit === undefined ? undefined : intFlag('--limit', values.limit, 50) };
  const results: HasFigures[] = [];
  const print = (r: EvalResult) => {
    results.push(r as unknown as HasFigures);
    if (values.json) out(JSON.stringify(reportJson(r, report)) + '\n');
    else out(formatReport(r, report) + '\n');
  };

  if (values.all) {
    const sets = goldSetPaths().filter((s) => !values.set || (values.set as string[]).includes(s.name));
    if (goldSetPaths().length === 0) {
      process.stderr.write(`parley eval: no evaluation sets under ${sharedDir()} (set PARLEY_SHARED); nothing to do\n`);
      return 0;
    }
    const coder = sets.length > 0 ? await pipelineCoder() : undefined;
    for (const loc of sets) {
      if (!coder) break;
      const t0 = performance.now();
      const run = await evaluateSet(loc, coder);
      if (!run) continue;
      for (const p of run.problems.slice(0, 5)) process.stderr.write(`parley eval: ${loc.name}: ${p}\n`);
      if (!values.json) out(`[${loc.name}: ${run.items} items, ${Math.round(performance.now() - t0)} ms]\n`);
      print(run.result);
    }
    if (!values.set || (values.set as string[]).some((s) => s.startsWith('actors'))) {
      // Actor resolution on its own (issue 3): the seed's names and the PLOVER-GSR gold actors' codes.
      const seed = seedCheck();
      const gsr = ploverGsrActors();
      if (seed) results.push({ set: 'actors:seed', figures: { errors: seed.errors, checked: seed.checked } });
      if (gsr) results.push({ set: 'actors:plover-gsr', figures: { accuracy: gsr.accuracy, precision: gsr.precision } });
      if (values.json) out(JSON.stringify({ set: 'actors', seed: seed && { errors: seed.errors, checked: seed.checked }, gsr: gsr && { accuracy: gsr.accuracy, scored: gsr.scored, correct: gsr.correct, covered: gsr.covered, precision: gsr.precision } }) + '\n');
      else out(formatActorEval({ seed, gsr }, { misses: values.misses ? 200 : 0 }) + '\n');
    }
  } else {
    if (typeof values.gold !== 'string' || !values.docs) {
      throw new ParleyError('PARLEY_CLI_USAGE', { why: 'parley eval needs --gold FILE and --docs FILE|DIR (or --all).' });
    }
    const gold = readGold(values.gold);
    for (const p of gold.problems) process.stderr.write(`parley eval: ${formatProblem(p)}\n`);
    const runner = await inThreadRunner({
      pipeline: await pipelineSpec('full'),
      config: { published: dateFlag('--published', values.published) },
    });
    const predicted = new Map<string, PredEvent[]>();
    for await (const item of readInputs(values.docs as string[])) {
      if (item.kind === 'error') {
        process.stderr.write(`parley eval: ${item.path}${item.line ? `:${item.line}` : ''}: ${item.message}\n`);
        continue;
      }
      if (!gold.has(item.id)) continue;
      const hash = item.hash || createHash('sha256').update(item.raw.text ?? item.raw.html ?? '').digest('hex');
      const [doc] = await runner.process([{ id: item.id, hash, raw: item.raw }]);
      const events = [...doc.layers.events].sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
      predicted.set(doc.id, events.map((e) => toPredEvent(e, doc.text)));
    }
    await runner.close();
    print(scoreEvents(gold, predicted, { set: values.gold }));
  }

  if (typeof values.floors === 'string') {
    const check = compareFloors(results as never, values.floors);
    process.stderr.write(formatFloorCheck(check));
    if (!check.ok) return 1;
  }
  return 0;
}
