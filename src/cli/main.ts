/**
 * `parley` command dispatch. Each command lives in its own module, loaded on demand so that
 * `parley help` starts fast; the help texts and each command's options are in usage.ts. Returns
 * the process exit code.
 */
import { isParleyError } from '../errors.js';
import { helpOf, OVERVIEW } from './usage.js';
import type { CommandName } from './usage.js';

type Command = { run(argv: string[]): Promise<number>; summary: string };

const COMMANDS: Record<CommandName, () => Promise<Command>> = {
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

/** True when the user asks for help: -h or --help before a `--` (after it, they are inputs). */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function unknownCommand(name: string): number {
  process.stderr.write(`parley: unknown command '${name}'.\n\n${OVERVIEW}`);
  return 64;
}

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest.length > 0) {
    // `parley help <command> [subcommand]`: the command's own text.
    const text = helpOf(rest[0]);
    if (text === undefined) return unknownCommand(rest[0]);
    process.stdout.write(text);
    return 0;
  }
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(OVERVIEW);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`parley ${pkg.version}\n`);
    return 0;
  }
  const text = helpOf(name);
  if (text === undefined) return unknownCommand(name);
  if (asksForHelp(rest)) {
    process.stdout.write(text);
    return 0;
  }
  try {
    const cmd = await COMMANDS[name as CommandName]();
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
