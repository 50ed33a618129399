/**
 * `/api/events`: events matching a filter, one page at a time (JSON, keyset cursor) or as an export
 * streamed in CSV, GDELT TSV, PLOVER JSON records or event-record JSON Lines; `view=raw` (the
 * default) lists one event per report, `view=merged` one per real-world event (cross-document
 * resolution: the reports of many articles merged, with GDELT's counts and the raw event ids), with
 * the same filters, sorts, cursors and formats, plus `minArticles` and the sort `articles`.
 * `/api/events/:id`: one raw event with its evidence, document, mentions and merged event;
 * `/api/merged-events/:id`: one merged event with every raw mention.
 */
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { MAX_MIN_ARTICLES } from '../export/event-params.js';
import { EXPORT_FORMATS, exportLines, streamEvents, streamMergedEvents } from '../export/index.js';
import type { ExportFormat } from '../export/index.js';
import type { EventDocRef, EventFilter, EventHit, EventSort } from '../store/event-query.js';
import { MERGED_SORTS } from '../store/merged-query.js';
import type { MergedEventFilter, MergedSort } from '../store/merged-query.js';
import { badRequest } from './api-error.js';
import { byIdRoute } from './by-id.js';
import { EventFilterParams, filterOf, mergedFilterOf } from './query-params.js';
import { ERROR_RESPONSES, EventDetailBody, EventPageBody, MergedEventDetailBody, StringEnum } from './schemas.js';
import { SERVICES_PLUGIN } from './services.js';

/** Most events in one JSON page. */
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;
/** Most events in one export response (use `parley events` for more). */
export const MAX_EXPORT = 100_000;

const FORMATS = ['json', 'csv', 'gdelt', 'plover', 'jsonl'] as const;
const VIEWS = ['raw', 'merged'] as const;
const { Optional } = Type;

export const EventsQuery = Type.Object(
  {
    ...EventFilterParams,
    view: Optional(
      StringEnum(VIEWS, {
        description:
          'raw (default): one event per report; merged: one event per real-world event, the reports of many articles merged by cross-document resolution (parley resolve), with numMentions, numSources, numArticles and the raw eventIds. With merged, doc and q select events with a report from a matching article.',
      }),
    ),
    minArticles: Optional(
      Type.Integer({ minimum: 1, maximum: MAX_MIN_ARTICLES, description: 'view=merged only: events reported by at least this many articles.' }),
    ),
    sort: Optional(
      StringEnum(MERGED_SORTS, { description: 'Sort key (default date); articles (most reported first: articles, mentions, date) with view=merged only.' }),
    ),
    order: Optional(StringEnum(['asc', 'desc'] as const, { description: 'Sort order (default desc).' })),
    limit: Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_EXPORT,
        description: `Events per page for json (default ${DEFAULT_PAGE}, at most ${MAX_PAGE}); most events in an export (default and at most ${MAX_EXPORT}).`,
      }),
    ),
    cursor: Optional(Type.String({ maxLength: 1000, pattern: '^[A-Za-z0-9_-]+$', description: 'The next of the previous page.' })),
    format: Optional(
      StringEnum(FORMATS, { description: 'json (a page), csv, gdelt (GDELT 2.0 event TSV), plover (PLOVER JSON Lines), jsonl (event records).' }),
    ),
  },
  { additionalProperties: false },
);

type EventsParams = Static<typeof EventsQuery>;

/** What a query asks of one view, or a 400 naming the parameter that does not apply to it. */
function viewOf(app: FastifyInstance, q: EventsParams): { view: 'raw'; filter: EventFilter; sort?: EventSort } | { view: 'merged'; filter: MergedEventFilter; sort?: MergedSort } {
  if (q.view === 'merged') return { view: 'merged', filter: mergedFilterOf(app, q), sort: q.sort };
  if (q.minArticles !== undefined) throw badRequest('query parameter', 'minArticles', 'applies to view=merged only');
  if (q.sort === 'articles') throw badRequest('query parameter', 'sort', 'articles applies to view=merged only');
  return { view: 'raw', filter: filterOf(app, q), sort: q.sort };
}

async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

const events: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Events (raw, or merged with view=merged) matching a filter, newest first: a JSON page or a streamed export',
        querystring: EventsQuery,
        response: { 200: EventPageBody, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const v = viewOf(app, q);
      const format = q.format ?? 'json';
      const { reads } = app.parley;
      if (format === 'json') {
        if (q.limit !== undefined && q.limit > MAX_PAGE) throw badRequest('query parameter', 'limit', `must be <= ${MAX_PAGE} for format=json`);
        const request = { order: q.order, limit: q.limit ?? DEFAULT_PAGE, cursor: q.cursor };
        const page =
          v.view === 'merged'
            ? await reads.queryMergedEvents(v.filter, { ...request, sort: v.sort })
            : await reads.queryEvents(v.filter, { ...request, sort: v.sort });
        const documents: Record<string, EventDocRef> = {};
        for (const h of page.hits) documents[h.document.id] = h.document;
        return { events: page.hits.map((h) => h.event), documents, next: page.next };
      }
      const fmt = format as ExportFormat;
      const stream = { order: q.order, cursor: q.cursor, limit: q.limit ?? MAX_EXPORT };
      const hits: AsyncGenerator<EventHit> =
        v.view === 'merged' ? streamMergedEvents(reads, v.filter, { ...stream, sort: v.sort }) : streamEvents(reads, v.filter, { ...stream, sort: v.sort });
      // Read the first page before answering, so that a bad cursor or a store failure is a proper error.
      const first = await hits.next();
      const source: AsyncIterable<EventHit> | Iterable<EventHit> = first.done ? [] : prepend(first.value, hits);
      const spec = EXPORT_FORMATS[fmt];
      reply
        .type(spec.contentType)
        .header('content-disposition', `attachment; filename="parley-${v.view === 'merged' ? 'merged-' : ''}events.${spec.extension}"`)
        .header('cache-control', 'no-store');
      const body = Readable.from(exportLines(fmt, source, app.parley.actorInfo(), { view: v.view }), { objectMode: false });
      body.on('error', (err) => req.log.error({ err }, 'export stream failed'));
      // An export is a byte stream, not the JSON page the 200 schema describes (Fastify does not serialize streams).
      return reply.send(body as never);
    },
  );

  byIdRoute(app, {
    summary: 'One raw event with all its evidence, its document, the mentions in its evidence and its merged event (mergedId)',
    body: EventDetailBody,
    what: 'event',
    read: (id) => app.parley.reads.getEvent(id),
  });
};

/** The options of a resource plugin: it needs the services, and keeps its routes to itself. */
const resource = (name: string) => ({ name, dependencies: [SERVICES_PLUGIN], decorators: { fastify: ['parley'] }, encapsulate: true });

export const eventsRoutes = fp(events, resource('parley-events'));

/**
 * `/api/merged-events/:id`: one merged event (one real-world event, the reports of many articles
 * merged by cross-document resolution) with GDELT's counts and every raw mention with its evidence
 * and article. The list of merged events is `/api/events?view=merged`; a raw event's `mergedId`
 * (`/api/events/:id`) leads here.
 */
const mergedEvents: FastifyPluginAsyncTypebox = async (app) => {
  byIdRoute(app, {
    summary: 'One merged event with its counts and every raw mention, with its evidence and article',
    body: MergedEventDetailBody,
    what: 'merged event',
    read: (id) => app.parley.reads.getMergedEventDetail(id),
  });
};

export const mergedEventsRoutes = fp(mergedEvents, resource('parley-merged-events'));
