/**
 * `parley <command> --help` and option errors, through the real command. The options checked come
 * from OPTIONS in src/cli/usage.ts, which is what every command's parser reads (`parse(argv,
 * 'events')`), so an option added to a parser without a line in its help fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_NAMES, OPTIONS } from '../../../src/cli/usage.js';
import type { ParserName } from '../../../src/cli/usage.js';
import { DEFAULT_BODY_LIMIT } from '../../../src/api/app.js';
import { DEFAULT_CACHE_ENTRIES } from '../../../src/api/read-cache.js';
import { TABLE_LIMIT } from '../../../src/cli/events.js';
import { ERRORS } from '../../../src/errors.js';
import { DEFAULT_QUEUE_URL } from '../../../src/queue/config.js';
import { MAX_DEFAULT_READ_WORKERS } from '../../../src/store/sqlite/read-pool.js';
import { PIPELINES } from '../../../src/stages.js';
import { parley, tempDir } from './cli-helpers.js';

const PARSERS = Object.keys(OPTIONS) as ParserName[];
const USAGE_EXIT = ERRORS.PARLEY_CLI_USAGE.exit;

/** Each command's --help text, asked for once. */
const helpCache = new Map<string, string>();
function helpOf(command: string): string {
  let text = helpCache.get(command);
  if (text === undefined) {
    const r = parley([command, '--help']);
    assert.equal(r.status, 0, `${command} --help: ${r.stderr}`);
    text = r.stdout;
    helpCache.set(command, text);
  }
  return text;
}

const commandOf = (parser: ParserName) => parser.split(' ')[0];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('every command parley dispatches has a parser and a help text', () => {
  for (const parser of PARSERS) assert.ok((COMMAND_NAMES as readonly string[]).includes(commandOf(parser)), parser);
  for (const command of COMMAND_NAMES) assert.ok(PARSERS.some((p) => commandOf(p) === command), `${command} has no entry in OPTIONS`);
});

test('parley <command> --help, -h and parley help <command> print the usage on stdout and exit 0', () => {
  for (const command of COMMAND_NAMES) {
    const text = helpOf(command);
    assert.match(text, new RegExp(`^Usage: parley ${command}\\b`), command);
    assert.match(text, /\n {2}-h, --help {2,}/, `${command} lists -h, --help`);
    assert.match(text, /\nExamples?:\n {2}\S/, `${command} has an example`);
    for (const line of text.split('\n')) assert.ok(line.length <= 100, `${command}: a line longer than 100 characters: ${line}`);
    for (const args of [[command, '-h'], ['help', command], [command, 'x', '--help']]) {
      const r = parley(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.equal(r.stdout, text, args.join(' '));
      assert.equal(r.stderr, '', args.join(' '));
    }
  }
  // A subcommand's help is its command's.
  assert.equal(parley(['kb', 'lookup', '--help']).stdout, helpOf('kb'));
  assert.equal(parley(['help', 'queue', 'retry']).stdout, helpOf('queue'));
});

test("a command's help shows every option its parser accepts, with its short form", () => {
  for (const parser of PARSERS) {
    const text = helpOf(commandOf(parser));
    for (const [name, spec] of Object.entries(OPTIONS[parser]) as [string, { type: string; short?: string }][]) {
      assert.notEqual(name, 'help', `${parser}: --help is answered before the parser`);
      assert.notEqual(spec.short, 'h', `${parser}: -h is answered before the parser`);
      // An option line: the flag at the start of an indented line, its argument named when it takes one.
      const flag = `${spec.short ? `-${spec.short}, ` : ' {4}'}--${name}`;
      const line = new RegExp(`\\n {2}${flag}${spec.type === 'string' ? ' [A-Z][A-Z|.,-]*' : '(?= |\\n)'}`);
      assert.match(text, line, `${parser}: --${name}${spec.short ? ` (-${spec.short})` : ''} is not listed`);
    }
  }
});

test('a help text names no option its parser would refuse', () => {
  for (const command of COMMAND_NAMES) {
    const accepted = new Set(['help']);
    for (const p of PARSERS) if (commandOf(p) === command) for (const name of Object.keys(OPTIONS[p])) accepted.add(name);
    for (const [, name] of helpOf(command).matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)) {
      assert.ok(accepted.has(name), `${command} --help mentions --${name}, which parley ${command} does not take`);
    }
  }
});

test('the defaults the help texts state are the ones the code uses', () => {
  const said = (command: string, option: string) => new RegExp(`\\n {2}.{4}--${option} .*(?:\\n {26}.*)*`).exec(helpOf(command))?.[0] ?? '';
  assert.match(said('events', 'limit'), new RegExp(`default ${TABLE_LIMIT} for the table`));
  assert.match(said('serve', 'body-limit'), new RegExp(`default ${DEFAULT_BODY_LIMIT}\\b`));
  assert.match(said('serve', 'cache'), new RegExp(`else ${DEFAULT_CACHE_ENTRIES};`));
  assert.match(said('serve', 'read-workers'), new RegExp(`at most ${MAX_DEFAULT_READ_WORKERS};`));
  for (const command of ['worker', 'queue']) assert.ok(said(command, 'queue').includes(DEFAULT_QUEUE_URL), command);
});

test('the help of a command with --pipeline names every pipeline', () => {
  for (const parser of PARSERS) {
    if (!('pipeline' in OPTIONS[parser])) continue;
    const line = /\n {6}--pipeline NAME +(.*)/.exec(helpOf(commandOf(parser)))?.[1] ?? '';
    for (const name of Object.keys(PIPELINES)) assert.match(line, new RegExp(`\\b${escape(name)}\\b`), `${parser}: pipeline ${name}`);
  }
});

test('parley --help lists every command on a line of its own', () => {
  const r = parley(['--help']);
  assert.equal(r.status, 0);
  for (const command of COMMAND_NAMES) assert.match(r.stdout, new RegExp(`\\n {2}${command}\\b`), command);
  assert.equal(parley([]).stdout, r.stdout);
  assert.equal(parley(['help']).stdout, r.stdout);
  const unknown = parley(['help', 'nosuch']);
  assert.equal(unknown.status, 64);
  assert.match(unknown.stderr, /unknown command 'nosuch'/);
});

test('an unknown option is a usage error that names it and points to the help, for every parser', () => {
  for (const parser of PARSERS) {
    const r = parley([...parser.split(' '), '--no-such-option', 'x'], { input: '' });
    assert.equal(r.status, USAGE_EXIT, `${parser}: ${r.stderr}`);
    assert.equal(r.stdout, '', parser);
    assert.match(r.stderr, /PARLEY_CLI_USAGE/, parser);
    assert.match(r.stderr, /unknown option '--no-such-option'/, parser);
    assert.ok(r.stderr.includes(`\`parley ${parser} --help\``), `${parser}: ${r.stderr}`);
  }
});

test('option errors say what is wrong in a few words: a likely typo, a missing value, a value given to a switch', () => {
  const typo = parley(['events', '--limt', '3']);
  assert.equal(typo.status, USAGE_EXIT);
  assert.match(typo.stderr, /unknown option '--limt' \(did you mean --limit\?\)/);
  const far = parley(['events', '--foo']);
  assert.doesNotMatch(far.stderr, /did you mean/);
  const missing = parley(['docs', '--limit']);
  assert.equal(missing.status, USAGE_EXIT);
  assert.match(missing.stderr, /--limit needs a value/);
  const switchValue = parley(['show', '--explain=yes', 'x']);
  assert.equal(switchValue.status, USAGE_EXIT);
  assert.match(switchValue.stderr, /--explain takes no value/);
});

test('-h after -- is an input, not a request for help', () => {
  const r = parley(['extract', '--', '-h']);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /-h: no such file/);
});

test('a bad --pipeline or --input-format is refused before anything is read or stored', () => {
  const db = join(tempDir(), 'p.db');
  const pipeline = parley(['ingest', '--db', db, '--pipeline', 'fast', '-'], { input: 'x' });
  assert.equal(pipeline.status, USAGE_EXIT, pipeline.stderr);
  assert.match(pipeline.stderr, /--pipeline must be one of .*got 'fast'/);
  assert.equal(existsSync(db), false);
  const format = parley(['extract', '--input-format', 'xml', '-'], { input: 'x' });
  assert.equal(format.status, USAGE_EXIT, format.stderr);
  assert.match(format.stderr, /--input-format must be one of .*got 'xml'/);
});
