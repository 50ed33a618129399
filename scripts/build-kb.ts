/**
 * Build the actor knowledge base into data/kb from the shared sources and data/overlay.
 *
 *   node --import tsx scripts/build-kb.ts [--shared DIR] [--out data/kb] [--overlay data/overlay]
 *
 * Same inputs give byte-identical output. `buildKb` is re-exported for the `parley kb build` command.
 */
import { buildKb } from '../src/actors/kb-build.js';
import { isParleyError } from '../src/errors.js';
import { sharedDir } from '../src/shared-path.js';

export { buildKb };

function arg(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

function main(argv: string[]): number {
  const shared = arg(argv, '--shared') ?? sharedDir();
  const out = arg(argv, '--out') ?? 'data/kb';
  const overlayDir = arg(argv, '--overlay');
  try {
    const t0 = performance.now();
    const res = buildKb(shared, out, { overlayDir });
    const ms = Math.round(performance.now() - t0);
    const counts = Object.entries(res.counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    process.stdout.write(`built ${res.outDir} in ${ms} ms: ${counts}\n`);
    for (const w of res.warnings) process.stderr.write(`warning: ${w}\n`);
    return 0;
  } catch (err) {
    if (isParleyError(err)) {
      process.stderr.write(`${err.message}\n`);
      const problems = err.details.problems as string[] | undefined;
      if (problems && problems.length > 1) for (const p of problems) process.stderr.write(`  ${p}\n`);
      return err.exit;
    }
    throw err;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('build-kb.ts')) {
  process.exitCode = main(process.argv.slice(2));
}
