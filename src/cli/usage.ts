/**
 * What `parley` accepts and what it says about it, in one place: the options each command's parser
 * accepts (`parse(argv, 'events')` reads them from OPTIONS, so a command has no other options), the
 * text `parley <command> --help` prints, and the overview `parley --help` prints. Light on purpose
 * (no imports that load the pipeline or a store): `--help` answers at once.
 *
 * test/unit/cli/usage.test.ts checks that every option of OPTIONS appears in its command's help,
 * and that a help text names no option its parser would refuse.
 */
import type { Options } from './args.js';

/** The commands `parley` dispatches (src/cli/main.ts), in the order the overview lists them. */
export const COMMAND_NAMES = [
  'extract',
  'ingest',
  'worker',
  'queue',
  'resolve',
  'docs',
  'show',
  'demo',
  'eval',
  'actors',
  'kb',
  'events',
  'serve',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

const queueFlags = { queue: { type: 'string' }, 'queue-name': { type: 'string' } } satisfies Options;

/**
 * The options of each parser: a command, or a command and its subcommand when those take
 * different options (`kb lookup`). `-h`/`--help` is never here: main.ts answers it first.
 */
export const OPTIONS = {
  extract: {
    format: { type: 'string', short: 'f' },
    explain: { type: 'boolean', short: 'e' },
    published: { type: 'string' },
    'events-only': { type: 'boolean' },
    'input-format': { type: 'string' },
    pipeline: { type: 'string' },
  },
  ingest: {
    db: { type: 'string' },
    workers: { type: 'string', short: 'w' },
    'batch-size': { type: 'string' },
    published: { type: 'string' },
    'input-format': { type: 'string' },
    pipeline: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    queue: { type: 'boolean' },
    'no-wait': { type: 'boolean' },
  },
  worker: {
    db: { type: 'string' },
    ...queueFlags,
    concurrency: { type: 'string', short: 'c' },
    threads: { type: 'string' },
    pipeline: { type: 'string' },
    'no-resolve': { type: 'boolean' },
    'lock-ms': { type: 'string' },
    'stalled-ms': { type: 'string' },
    'shutdown-timeout': { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
  },
  queue: {
    ...queueFlags,
    json: { type: 'boolean' },
    failures: { type: 'string' },
    all: { type: 'boolean' },
    failed: { type: 'boolean' },
  },
  resolve: {
    db: { type: 'string' },
    'from-scratch': { type: 'boolean' },
    chunk: { type: 'string' },
    json: { type: 'boolean' },
  },
  docs: {
    db: { type: 'string' },
    search: { type: 'string', short: 's' },
    limit: { type: 'string', short: 'n' },
    offset: { type: 'string' },
    format: { type: 'string', short: 'f' },
  },
  show: {
    db: { type: 'string' },
    format: { type: 'string', short: 'f' },
    explain: { type: 'boolean', short: 'e' },
  },
  demo: {
    db: { type: 'string' },
  },
  eval: {
    gold: { type: 'string' },
    docs: { type: 'string', multiple: true },
    published: { type: 'string' },
    all: { type: 'boolean' },
    set: { type: 'string', multiple: true },
    floors: { type: 'string' },
    json: { type: 'boolean' },
    misses: { type: 'boolean' },
    limit: { type: 'string' },
  },
  actors: {
    date: { type: 'string' },
    format: { type: 'string', short: 'f' },
  },
  'kb lookup': {
    date: { type: 'string' },
    format: { type: 'string' },
  },
  'kb build': {
    shared: { type: 'string' },
    out: { type: 'string' },
    overlay: { type: 'string' },
  },
  'kb check': {
    date: { type: 'string' },
  },
  events: {
    db: { type: 'string' },
    source: { type: 'string' },
    target: { type: 'string' },
    dyad: { type: 'string' },
    root: { type: 'string' },
    code: { type: 'string' },
    quad: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    search: { type: 'string', short: 's' },
    doc: { type: 'string' },
    sort: { type: 'string' },
    order: { type: 'string' },
    format: { type: 'string', short: 'f' },
    limit: { type: 'string', short: 'n' },
    merged: { type: 'boolean', short: 'm' },
    'min-articles': { type: 'string' },
  },
  serve: {
    db: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string', short: 'p' },
    cors: { type: 'string' },
    'body-limit': { type: 'string' },
    'web-root': { type: 'string' },
    log: { type: 'boolean' },
    'read-workers': { type: 'string' },
    cache: { type: 'string' },
  },
} satisfies Record<string, Options>;

export type ParserName = keyof typeof OPTIONS;

// Lines several commands share. Options start at column 2, their descriptions at column 26.
const DB = `      --db PATH|URL       the store: a SQLite file, or a postgres:// URL for PostgreSQL
                          (default $PARLEY_DB, else ./parley.db)`;
const PUBLISHED = `      --published DATE    the publication date (YYYY-MM-DD) of articles that carry none of their
                          own; relative dates ("on Friday") and offices are read on it`;
const INPUT_FORMAT = `      --input-format FMT  read every input as FMT: text, html, jsonl, csv, rss or atom
                          (default auto: by file name, content type and content)`;
const PIPELINE = `      --pipeline NAME     full (default): every stage; clean: extraction and cleaning only
                          (no events)`;
const QUEUE = `      --queue URL         the queue's Redis server (default $PARLEY_QUEUE, else
                          redis://127.0.0.1:6379)
      --queue-name NAME   the queue (default $PARLEY_QUEUE_NAME, else parley)`;
const HELP = `  -h, --help              show this text`;
const INPUTS = `Inputs: files (.txt .html .jsonl .csv .xml .rss .atom, each optionally .gz), directories (read
recursively), http(s) URLs, and - for stdin; stdin when none is given. A bad input or record is
listed at the end and the exit code is 1; the others are processed.`;

/** `parley <command> --help`, for each command. */
export const COMMAND_HELP: Record<CommandName, string> = {
  extract: `Usage: parley extract [options] [input...]

Runs the pipeline on articles and prints each one's clean text and coded events. Stores nothing.

Options:
  -f, --format FORMAT     text (default): title, clean text, events, a note of what was dropped;
                          json: one indented record per document, with source_text (the text
                          every offset points into); jsonl: one record per line
      --events-only       with --format jsonl: one line per event instead of one per document
  -e, --explain           text: every dropped block and every decision, with its reason;
                          json, jsonl: add the diagnostics to each record
${PUBLISHED}
${INPUT_FORMAT}
${PIPELINE}
${HELP}

${INPUTS}

Examples:
  parley extract --explain article.html --published 2022-07-30
  parley extract --format jsonl --events-only feed.xml > events.jsonl
`,

  ingest: `Usage: parley ingest [options] [input...]
       parley ingest --queue [--no-wait] [options] [input...]

Reads articles, cleans them, codes their events and stores documents and events. An article
already stored with the same content is skipped, so a second run on the same inputs, or a run
after a crash, stores nothing twice. Merging reports across documents is \`parley resolve\`.

Options:
${DB}
  -w, --workers N         pipeline threads (default: the main thread for fewer than 200 articles,
                          else one per core, at most 4; 0: always the main thread)
      --batch-size N      articles read, processed and stored together (default 256;
                          with --queue: articles per job, default 32)
${PUBLISHED}
${INPUT_FORMAT}
${PIPELINE}
  -q, --quiet             no progress display; the summary at the end stays
      --queue             put the articles on the queue for \`parley worker\` processes instead of
                          processing them here, then show progress until they are done
      --no-wait           with --queue: return as soon as the articles are queued
${HELP}

With --queue the queue is $PARLEY_QUEUE (default redis://127.0.0.1:6379) and $PARLEY_QUEUE_NAME
(default parley), and the workers choose the store and the pipeline: --db, --workers and
--pipeline are not used.

${INPUTS}

Examples:
  parley ingest examples/articles ../shared/corpus/seed/seed.txt --published 2022-07-30
  parley ingest --db postgres://postgres@127.0.0.1:5432/parley --workers 4 articles.jsonl.gz
  PARLEY_QUEUE=redis://10.0.0.5:6379 parley ingest --queue --no-wait articles/
`,

  worker: `Usage: parley worker [options]

Takes batches of articles from the queue (filled by \`parley ingest --queue\`), runs the pipeline,
stores the results and resolves them across documents. Run as many workers as wanted, on as many
machines, with the same queue and store. SIGTERM or Ctrl-C lets the jobs in flight finish (within
--shutdown-timeout); a second signal hands them back to the queue at once.

Options:
${DB}
${QUEUE}
  -c, --concurrency N     jobs processed at once (default 1)
      --threads N         pipeline threads (default: --concurrency; 0: the main thread)
${PIPELINE}
      --no-resolve        only store; leave cross-document resolution to \`parley resolve\`
      --lock-ms MS        how long a job stays this worker's without a lock renewal before another
                          worker may take it (default 30000)
      --stalled-ms MS     how often to look for jobs whose worker stopped renewing (default 15000)
      --shutdown-timeout SECONDS
                          how long the jobs in flight get to finish after a signal (default 60)
  -v, --verbose           a line for every job started and finished
${HELP}

Environment: PARLEY_QUEUE_PREFIX (default parley) prefixes the queue's Redis keys, so that
several installations can share one Redis.

Examples:
  PARLEY_DB=postgres://parley@db-host/parley parley worker --concurrency 2
  parley worker --queue redis://10.0.0.5:6379 --queue-name nightly --db ./nightly.db
`,

  queue: `Usage: parley queue [status] [--json] [--failures N] [options]
       parley queue retry (--all | JOB-ID...) [options]
       parley queue drain [options]
       parley queue clean [--failed] [--all] [options]
       parley queue pause|resume [options]

Looks after the queue that \`parley worker\` processes take their jobs from.

Subcommands:
  status                  (default) jobs waiting, running, waiting to retry, completed and failed;
                          connected workers; documents done; rates; latency; the latest failures
                          with their reasons
  retry                   move failed jobs back to waiting: the ones named, or all with --all
  drain                   remove every waiting and delayed job (running ones finish)
  clean                   remove completed jobs (with --failed or --all, failed ones too)
  pause                   stop handing out jobs (workers finish what they hold, then wait)
  resume                  hand out jobs again

Options:
${QUEUE}
      --json              status: print the status as JSON
      --failures N        status: list at most N failed jobs, newest first (default 20)
      --all               retry: every failed job; clean: failed jobs too, and reset the counters
      --failed            clean: failed jobs too
${HELP}

Environment: PARLEY_QUEUE_PREFIX (default parley), the prefix of the queue's Redis keys.

Examples:
  parley queue status --failures 5
  parley queue retry --all
`,

  resolve: `Usage: parley resolve [options]

Resolves stored documents across each other: near-duplicate articles join a story, and reports
of one event in several documents join a merged event (with counts of mentions, sources and
articles). Only documents not yet resolved at their current content are read. \`parley worker\`
does this after every batch; \`parley ingest\` leaves it to this command. Documents and their
events are never changed.

Options:
${DB}
      --from-scratch      delete every resolution result first and resolve every document again
      --chunk N           documents resolved per transaction (default 200)
      --json              print the figures of the run and of the store as JSON on stdout
                          (default: one summary line on stderr)
${HELP}

Examples:
  parley resolve --db postgres://postgres@127.0.0.1:5432/parley
  parley resolve --from-scratch --json
`,

  docs: `Usage: parley docs [options]
       parley docs --search QUERY [options]

Lists the stored documents (id, publication date, number of events, title), or searches their
clean text and shows the best matches with a snippet.

Options:
${DB}
  -s, --search QUERY      full-text search of the documents' text
  -n, --limit N           documents shown (default 20)
      --offset N          skip the first N documents of the list (not with --search)
  -f, --format FORMAT     table (default) or jsonl (one record per line)
${HELP}

Examples:
  parley docs --limit 100 --offset 100
  parley docs --search "sanctions" --format jsonl
`,

  show: `Usage: parley show [options] DOC-ID

Shows one stored document: its clean text, what was dropped as boilerplate, and its events with
the line they were coded from. \`parley docs\` lists the ids.

Options:
${DB}
  -f, --format FORMAT     text (default) or json (the whole stored record)
  -e, --explain           every dropped block and every decision, with its reason
${HELP}

Examples:
  parley show eu-belarus-sanctions --explain
  parley show eu-belarus-sanctions --format json --db postgres://postgres@127.0.0.1:5432/parley
`,

  demo: `Usage: parley demo [--db PATH]

Ingests the example articles shipped with parley into a fresh SQLite store and prints, for each
one, the blocks dropped as boilerplate and the events coded.

Options:
      --db PATH           the SQLite file to create (default ./parley-demo.db; PARLEY_DB is not
                          read); a file of that name is deleted first
${HELP}

Example:
  parley demo && parley docs --db parley-demo.db
`,

  eval: `Usage: parley eval --gold FILE --docs PATH [--docs PATH...] [options]
       parley eval --all [--set NAME...] [options]

Scores the events parley codes against gold events (precision, recall, F1), on one gold file or
on every evaluation set in the shared data.

Options:
      --gold FILE         the gold events, one JSON record per line
      --docs PATH         the articles the gold file is about: a file or a directory (repeatable);
                          only articles with an id in the gold file are coded
      --published DATE    with --gold: the publication date (YYYY-MM-DD) of articles that carry none
      --all               every evaluation set under $PARLEY_SHARED (default ../shared): each
                          corpus with a gold.jsonl, plover-gsr-cameo, cameo-conflibert-multicoder,
                          petrarch2-unit, and the actor checks
      --set NAME          with --all: only the set NAME (repeatable); the actor checks run when no
                          --set is given or a NAME starts with "actors"
      --floors FILE       compare the figures with the floors in FILE (eval/floors.json in the
                          repository); exit code 1 when one is below its floor
      --json              one JSON record per set instead of the report
      --misses            list what was missed or found wrongly (events, dates, actors)
      --limit N           with --misses: at most N of each list (default: all)
${HELP}

Examples:
  parley eval --gold gold.jsonl --docs articles/ --misses --limit 20
  parley eval --all --set plover-gsr-cameo --floors eval/floors.json
`,

  actors: `Usage: parley actors [options] [input...]

Lists the actor mentions of each article (states, organisations, groups, people, and roles such
as "the Polish president"), each with what it was resolved to on the article's date and how.

Options:
      --date DATE         the date (YYYY-MM-DD) of articles that carry none (default today):
                          a role means whoever held it that day
  -f, --format FORMAT     text (default) or jsonl (one line per article with its mentions)
${HELP}

${INPUTS}

Example:
  echo "The Polish president met Xi Jinping." | parley actors --date 2025-09-01 -
`,

  kb: `Usage: parley kb lookup [--date DATE] [--format FORMAT] NAME...
       parley kb build [--shared DIR] [--out DIR] [--overlay DIR]
       parley kb check [--date DATE]

The knowledge base of states, organisations, groups and office holders that actor mentions are
resolved against.

Subcommands:
  lookup                  who or what a name or a role description denotes on a date (exit code 1
                          when the knowledge base does not know it)
  build                   regenerate the knowledge base from the shared sources and the overlay
  check                   report stale entries and inconsistencies

lookup options:
      --date DATE         the day asked about (default today)
      --format FORMAT     text (default) or json (a list of answers)
build options:
      --shared DIR        the shared data, whose kb-data is read (default $PARLEY_SHARED, else
                          ../shared)
      --out DIR           where to write (default data/kb in the parley package)
      --overlay DIR       parley's own additions and corrections (default data/overlay in the
                          parley package)
check options:
      --date DATE         the day staleness is judged on (default today)
${HELP}

Examples:
  parley kb lookup "the Polish president" --date 2025-09-01
  parley kb lookup NATO --format json
  parley kb build --shared /data/shared
`,

  events: `Usage: parley events [filters] [options]

Lists the stored events that match every filter given, as a table (50 rows unless --limit says
otherwise) or as an export of every match, streamed page by page.

Filters (a LIST is comma-separated, at most 20 values, any of which may match):
      --source LIST       the actor that acts: a code (CHN, NATO; any case when the knowledge base
                          knows it), a person id (chn-xi-jinping), a person's name as stored
                          (Xi Jinping), or a country or organisation's name (Iran)
      --target LIST       the actor acted upon, written the same way
      --dyad A,B          events between A and B, in either direction
      --root LIST         CAMEO roots, 01 to 20
      --code LIST         CAMEO codes, each with its sub-codes (021: 021, 0211 to 0214)
      --quad LIST         quad classes, 1 to 4 (verbal cooperation, material cooperation, verbal
                          conflict, material conflict)
      --from DATE         events on or after DATE (YYYY-MM-DD); undated events match no range
      --to DATE           events on or before DATE
  -s, --search QUERY      full-text search of the event's document (title and clean text)
      --doc ID            only the events of this document
      --min-articles N    with --merged: events reported by at least N articles

Options:
  -m, --merged            one row per real-world event: reports of the same event in different
                          articles merged by \`parley resolve\` (or the queue workers), with
                          GDELT's NumMentions, NumSources and NumArticles; the table shows the
                          articles (a) and mentions (m); default: one row per report
      --sort KEY          date (default), goldstein or code; with --merged also articles (most
                          reported first)
      --order ORDER       desc (default) or asc
  -f, --format FORMAT     table (default); jsonl (parley's event records); csv; gdelt (GDELT 2.0
                          event table: tab-separated, 61 columns, no header); plover (PLOVER JSON
                          records, one per line)
  -n, --limit N           at most N events (default 50 for the table, all for an export; 0: all)
${DB}
${HELP}

Examples:
  parley events --source CHN --target IRN --from 2022-01-01
  parley events --root 16 --format gdelt > sanctions.tsv
  parley events --search missile --sort goldstein --order asc --format csv
  parley events --merged --min-articles 3 --sort articles
`,

  serve: `Usage: parley serve [options]

Serves the HTTP API (under /api, described at /api/openapi.json) and the dashboard (every other
path) on one port until Ctrl-C or SIGTERM. Writes (POST /api/documents) need the header
"Authorization: Bearer <token>" when $PARLEY_API_TOKEN is set; without it they are accepted on a
loopback address only.

Options:
${DB}
      --host HOST         the address to listen on (default 127.0.0.1; 0.0.0.0: every interface)
  -p, --port N            the port (default 8080; 0: any free port)
      --cors ORIGINS      browser origins allowed to call the API, comma-separated
                          (https://example.org,http://localhost:5173)
      --body-limit BYTES  the largest request body accepted (default 8388608, 8 MiB)
      --web-root DIR      serve the dashboard from DIR (default the built dashboard, dist/web)
      --log               log every request to stderr (JSON lines)
      --read-workers N    SQLite: threads answering read queries (default $PARLEY_READ_WORKERS,
                          else one per core, at most 8; 0: the main thread)
      --cache N           dyad series and networks kept until the data changes (default
                          $PARLEY_API_CACHE, else 256; 0: none)
${HELP}

Examples:
  parley serve --port 8080 --db ./parley.db
  PARLEY_API_TOKEN=s3cret parley serve --host 0.0.0.0 --cors https://example.org
`,
};

/** `parley --help`: every command on one line. */
export const OVERVIEW = `parley — political event data from news text

Usage: parley <command> [options]
       parley <command> --help     a command's options, defaults and examples
       parley help [command]       the same
       parley --version

Commands:
  extract <input...>      clean article(s) and their events on stdout, nothing stored
  ingest <input...>       read, clean, code and store articles (--queue: hand them to workers)
  worker                  process queued articles into the store (run on each worker machine)
  queue status|retry|drain|clean|pause|resume   the queue: depth, rates, failures with reasons
  resolve                 merge copies into stories and reports of one event into merged events
  docs [--search Q]       list or full-text search stored documents
  show <doc-id>           one stored document, with what was dropped and its events
  demo                    ingest the bundled examples into a fresh store and show the result
  eval --gold G --docs D  precision/recall/F1 of events against a gold file (--all: every shared set)
  actors <input...>       every actor mention, resolved on the article's date
  kb lookup|build|check   the actor knowledge base (kb lookup "the Polish president" --date 2025-09-01)
  events [filters]        stored events as a table or an export (csv, gdelt, plover, jsonl)
  serve                   the HTTP API and the dashboard
  help [command]          this text, or a command's

Inputs: files (.txt .html .jsonl .csv .xml/.rss/.atom, optionally .gz), directories, http(s) URLs, - for stdin.
Store: --db PATH or PARLEY_DB (default ./parley.db; a postgres:// URL selects PostgreSQL).
Environment: PARLEY_DB, PARLEY_QUEUE, PARLEY_QUEUE_NAME, PARLEY_QUEUE_PREFIX, PARLEY_SHARED,
  PARLEY_DATA (folder of the CAMEO table and lexicon), PARLEY_API_TOKEN, PARLEY_READ_WORKERS,
  PARLEY_API_CACHE.
`;

/** The help text of a command, or undefined for a name parley does not know. */
export function helpOf(name: string): string | undefined {
  return (COMMAND_NAMES as readonly string[]).includes(name) ? COMMAND_HELP[name as CommandName] : undefined;
}
