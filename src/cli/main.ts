/**
 * `parley` command dispatch. Each command lives in its own module, loaded on demand so that
 * `parley help` starts fast. Returns the process exit code.
 */
import { isParleyError } from '../errors.js';

type Command = { run(argv: string[]): Promise<number>; summary: string };

const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: () => import('./extract.js'),
  ingest: () => import('./ingest.js'),
  worker: () => import('./worker.js'),
  queue: () => import('./queue.js'),
  resolve: () => import('./resolve.js'),
  docs: () => import('./docs.js'),
  show: () => import('./show.js'),
  demo: () => import('./demo.js'),
  kb: () => import('./kb.js'),
  actors: () => import('./actors.js'),
  eval: () => import('./eval.js'),
  events: () => import('./events.js'),
  serve: () => import('./serve.js'),
};

const USAGE = `parley — political event data from news text

Usage: parley <command> [options]

Commands:
  extract <input...>      clean article(s) on stdout (--format text|json|jsonl, --explain)
  ingest <input...>       read, clean and store articles in the store (--db, --workers; --queue: enqueue for workers)
  worker                  process queued articles into the store (--concurrency N; PARLEY_QUEUE, PARLEY_DB)
  queue status|retry|drain|clean|pause|resume   the queue: depth, rates, failures with reasons
  resolve                 merge copies into stories and reports of one event into merged events (--from-scratch)
  docs [--search Q]       list or full-text search stored documents
  show <doc-id>           one stored document (--format text|json, --explain)
  demo                    ingest the bundled examples into a fresh store and show the result
  eval --gold G --docs D  precision/recall/F1 of events against a gold file (--all: every shared set)
  actors <input...>       every actor mention, resolved on the article's date (--date)
  kb lookup|build|check   the actor knowledge base (kb lookup "the Polish president" --date 2025-09-01)
  events [filters]        stored events as a table or an export (--source --target --dyad --root --code --quad
                          --from --to --search --sort --format table|jsonl|csv|gdelt|plover --limit N)
  serve                   the HTTP API and the dashboard (--host 127.0.0.1 --port 8080 --cors ORIGIN)
  help                    this text

Inputs: files (.txt .html .jsonl .csv .xml/.rss/.atom, optionally .gz), directories, http(s) URLs, - for stdin.
Store: --db PATH or PARLEY_DB (default ./parley.db).
`;

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`parley ${pkg.version}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (name in COMMANDS && (rest.includes('--help') || rest.includes('-h'))) {
    // The command's own lines of the usage text (its line and the indented lines that continue it).
    const lines = USAGE.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`  ${name} `));
    const own: string[] = [];
    for (let i = at; at >= 0 && i < lines.length && (i === at || /^ {20,}\S/.test(lines[i])); i++) own.push(lines[i]);
    process.stdout.write(`${own.join('\n')}\n\n${USAGE.slice(USAGE.indexOf('Inputs:'))}`);
    return 0;
  }
  if (!load) {
    process.stderr.write(`parley: unknown command '${name}'.\n\n${USAGE}`);
    return 64;
  }
  try {
    const cmd = await load();
    return await cmd.run(rest);
  } catch (e) {
    if (isParleyError(e)) {
      process.stderr.write(`parley ${name}: ${e.message}\n`);
      return e.exit;
    }
    const err = e as NodeJS.ErrnoException;
    if (err?.code === 'EPIPE') return 0;
    process.stderr.write(`parley ${name}: internal error: ${err?.stack ?? String(e)}\n`);
    return 70;
  }
}
